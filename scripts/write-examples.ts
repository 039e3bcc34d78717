// Writes the reference designs to public/examples with their default layout, and the JSON Schema.
// Run: npm run examples. A unit test checks that the committed files equal this output.
import { writeFileSync } from 'node:fs'
import { computeLayout, serialise } from '../src/model'
import { designJsonSchema } from '../src/model/jsonSchema'
import { buildReferenceDesign } from '../src/model/reference/build'
import { buildZoneFailoverDesign } from '../src/model/reference/zoneFailover'
import { intentsJsonSchema } from '../worker/verify/intents'

for (const [file, build] of [
  ['single-zone', () => buildReferenceDesign(1)],
  ['two-zones', () => buildReferenceDesign(2)],
  ['zone-failover', buildZoneFailoverDesign],
] as const) {
  const design = build()
  design.layout = computeLayout(design)
  writeFileSync(new URL(`../public/examples/${file}.json`, import.meta.url), serialise(design))
}
writeFileSync(
  new URL('../public/design.schema.json', import.meta.url),
  `${JSON.stringify(designJsonSchema(), null, 2)}\n`,
)
writeFileSync(
  new URL('../public/intents.schema.json', import.meta.url),
  `${JSON.stringify(intentsJsonSchema(), null, 2)}\n`,
)
console.log(
  'wrote public/examples/single-zone.json, two-zones.json, zone-failover.json, public/design.schema.json, public/intents.schema.json',
)
