// The guide's gateway-table step, which edits the system route of a vSwitch CIDR, as a terraform_data
// resource that runs the aliyun CLI (the provider has no resource for it).
import type { Resource, RouteEntry, RouteTable } from '../../model'
import { attr, Expr, type Item, nested } from '../hcl'
import type { Emitter } from './context'

/** A next hop as Terraform names it, and what a route to it must wait for. */
export interface NextHop {
  id: Expr
  ready: Expr[]
}

export interface SystemRouteEdit {
  rt: RouteTable
  e: RouteEntry
  vswitch: Resource
  hop: NextHop
  /** The terraform_data resource's name. */
  name: string
  /** The gateway's attachment to the route table, which the edit waits for. */
  attachment: Expr | undefined
}

/**
 * The guide's gateway-table step edits the system route of a vSwitch CIDR (the console moves it to the
 * Custom tab; the API is UpdateGatewayRouteTableEntryAttribute). CreateRouteEntry refuses a
 * destination equal to a vSwitch CIDR and the provider has no resource for this call, so it runs
 * through the aliyun CLI: set on create, back to Local on destroy. A changed next hop replaces the
 * resource, which also goes through Local first, as the API requires between two instances.
 */
export function writeSystemRouteEdit(
  { design, resource, ref, own }: Emitter,
  { rt, e, vswitch, hop, name, attachment }: SystemRouteEdit,
) {
  const env = (nextHop: boolean): Item =>
    attr('environment', {
      REGION: new Expr('self.triggers_replace.region'),
      ROUTE_TABLE_ID: new Expr('self.triggers_replace.route_table_id'),
      DESTINATION: new Expr('self.triggers_replace.destination'),
      ...(nextHop
        ? {
            NEXT_HOP_TYPE: new Expr('self.triggers_replace.next_hop_type'),
            NEXT_HOP_ID: new Expr('self.triggers_replace.next_hop_id'),
          }
        : {}),
    })
  const call =
    'aliyun vpc UpdateGatewayRouteTableEntryAttribute --RegionId "$REGION" --IPv4GatewayRouteTableId "$ROUTE_TABLE_ID" --DestinationCidrBlock "$DESTINATION"'
  const deps = [...(attachment ? [attachment] : []), ...hop.ready]
  const owner = own(rt)
  const account = owner ? design.accounts.find((a) => a.id === owner) : undefined
  resource(
    'terraform_data',
    name,
    undefined,
    [
      attr('triggers_replace', {
        region: design.regionId,
        route_table_id: ref(rt),
        destination: ref(vswitch, 'cidr_block'),
        next_hop_type: e.nextHopType,
        next_hop_id: hop.id,
      }),
      ...(deps.length ? [attr('depends_on', deps)] : []),
      nested(
        'provisioner',
        [attr('command', `${call} --NextHopType "$NEXT_HOP_TYPE" --NextHopId "$NEXT_HOP_ID"`), env(true)],
        ['local-exec'],
      ),
      nested(
        'provisioner',
        [attr('when', new Expr('destroy')), attr('command', `${call} --NextHopType Local`), env(false)],
        ['local-exec'],
      ),
    ],
    [
      `${rt.id}: system route ${e.destinationCidrBlock} (${vswitch.id}) to ${e.nextHopType} ${e.nextHopId}, as the console edits it.`,
      'Terraform cannot create this entry (CreateRouteEntry refuses a vSwitch CIDR, and the provider has no resource for',
      'UpdateGatewayRouteTableEntryAttribute), so the aliyun CLI sets it, and sets it back to Local on destroy.',
      `Run it with the credentials of the route table's account${account ? ` (${account.id}, ${account.name})` : ''}.`,
    ],
  )
}
