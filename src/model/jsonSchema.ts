// The published JSON Schema (public/design.schema.json), generated from the zod schema so they cannot drift.
import * as z from 'zod/mini'
import { designSchema } from './design'

export function designJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(designSchema, {
      target: 'draft-2020-12',
      unrepresentable: 'any',
      // what a file may hold: a field with the API's default may be omitted
      io: 'input',
    }),
    $id: 'https://gwlb-studio.example/design.schema.json',
    title: 'GWLB Studio design document',
    description:
      'One design: VPCs, vSwitches, route tables, the IPv4 gateway, GWLB, endpoint service, GWLB endpoints, appliances and servers. Cross-resource rules (references, CIDR overlap, addresses inside their vSwitch) are checked by the loader, not by this schema.',
  }
}
