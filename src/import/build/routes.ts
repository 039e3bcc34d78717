// Route entries: custom entries (a VPC's system table drawn as a table of its own), and the gateway route
// table's edited system routes (terraform_data running UpdateGatewayRouteTableEntryAttribute).
import { NEXT_HOP_TYPES, parseIpv4, type Resource, type RouteEntry } from '../../model'
import type { TfInstance } from '../instance'
import { mappingOf } from '../mapping'
import { type Build, isRecord, type RouteTable } from './context'

const hopKinds: Record<RouteEntry['nextHopType'], Resource['kind'][]> = {
  Ipv4Gateway: ['ipv4Gateway'],
  GatewayLoadBalancerEndpoint: ['gwlbEndpoint'],
  Instance: ['ecs', 'appliance'],
  NetworkInterface: ['ecs', 'appliance'],
  RouteTargetGroup: ['routeTargetGroup'],
}

function normaliseCidr(text: string): string {
  // the API takes an address without a mask as /32
  return text.includes('/') ? text : parseIpv4(text) !== null ? `${text}/32` : text
}

/** A VPC's system route table, by its VPC's design id: made when a custom entry is first put in it. */
type SystemTables = Map<string, RouteTable>

/**
 * A custom entry in the VPC's system table: the design draws that table as a VSwitch table bound to every
 * vSwitch that has no table of its own, which routes exactly as the system table does.
 */
function systemTable(b: Build, systemTables: SystemTables, vpcInst: TfInstance, vpcId: string): RouteTable {
  let sys = systemTables.get(vpcId)
  if (!sys) {
    sys = {
      kind: 'routeTable',
      id: b.newId(vpcInst, '-system'),
      name: 'System route table',
      vpcId,
      routeTableType: 'VSwitch',
      entries: [],
    }
    systemTables.set(vpcId, sys)
    b.keep(sys)
    b.note(
      'assumed',
      vpcInst,
      `custom entries in its system route table: drawn as route table ${sys.id}, bound to the vSwitches without one`,
    )
  }
  return sys
}

/** The table an entry goes in: a route table of the input, or a VPC's system table; else why there is none. */
function tableFor(
  b: Build,
  systemTables: SystemTables,
  inst: TfInstance,
  value: string | undefined,
): RouteTable | undefined {
  const { target, byDesignId, designIdOf, systemTableOf, gatewayTableOf, note } = b
  const t = target(value)
  const rt = t && byDesignId(designIdOf.get(t))
  if (rt?.kind === 'routeTable') return rt
  const vpcInst = value ? systemTableOf.get(value) : undefined
  const vpcId = vpcInst && designIdOf.get(vpcInst)
  if (vpcInst && vpcId) return systemTable(b, systemTables, vpcInst, vpcId)
  const gw = value ? gatewayTableOf.get(value) : undefined
  if (gw)
    note(
      'unplaced',
      inst,
      `its route table is the gateway route table of ${gw.address}, which the input does not declare`,
    )
  else if (t && !mappingOf(t.type))
    note('notModelled', inst, `its route table belongs to ${t.address}, which the design does not model`)
  else if (value) note('unplaced', inst, `its route table ${value} is not in the input`)
  return undefined
}

/** One entry into its table, when its next hop is a modelled resource of the input and its destination is new there. */
function addEntry(
  b: Build,
  inst: TfInstance,
  rt: RouteTable,
  destination: string | undefined,
  type: string | undefined,
  hop: string | undefined,
) {
  const { note, target, eniOf, designIdOf, byDesignId, str, report } = b
  if (!destination || !type) return
  if (!(NEXT_HOP_TYPES as readonly string[]).includes(type) || type === 'Local') {
    note(
      'notModelled',
      inst,
      `route ${destination}: next hop type ${type} is not modelled (the design models ${NEXT_HOP_TYPES.filter((t) => t !== 'Local').join(', ')})`,
    )
    return
  }
  const nextHopType = type as RouteEntry['nextHopType']
  let t = target(hop)
  if (!t && hop && nextHopType === 'NetworkInterface') t = eniOf.get(hop)
  const id = t && designIdOf.get(t)
  const r = byDesignId(id)
  if (!t) {
    note('unplaced', inst, `route ${destination}: its next hop ${hop ?? '(none)'} is not in the input`)
    return
  }
  if (!r || !hopKinds[nextHopType].includes(r.kind)) {
    note('notModelled', inst, `route ${destination}: its next hop ${t.address} is not a modelled ${nextHopType}`)
    return
  }
  const entry: RouteEntry = { destinationCidrBlock: normaliseCidr(destination), nextHopType, nextHopId: r.id }
  const name = inst.type !== 'terraform_data' ? str(inst, 'entry.name') : undefined
  if (name) entry.name = name
  if (rt.entries.some((e) => e.destinationCidrBlock === entry.destinationCidrBlock)) {
    note('unplaced', inst, `route ${destination}: ${rt.id} already has an entry for it`)
    return
  }
  rt.entries.push(entry)
  report.mapped.push({ address: inst.address, resourceId: rt.id, as: `routeTable.entries ${destination}` })
}

/** alicloud_route_entry, alicloud_vpc_route_entry and gateway route edits → routeTable.entries[]. */
export function buildRouteEntries(b: Build) {
  const { ofType, str, note, resources } = b
  const systemTables: SystemTables = new Map()
  /** A route entry from an instance whose attributes map to `entry.*`: a route entry, or a gateway route edit. */
  const addMappedEntry = (inst: TfInstance) => {
    const rt = tableFor(b, systemTables, inst, str(inst, 'routeTable'))
    if (rt)
      addEntry(
        b,
        inst,
        rt,
        str(inst, 'entry.destinationCidrBlock'),
        str(inst, 'entry.nextHopType'),
        str(inst, 'entry.nextHopId'),
      )
  }
  for (const inst of ofType('alicloud_vpc_route_entry', 'alicloud_route_entry')) {
    addMappedEntry(inst)
  }
  for (const inst of ofType('terraform_data')) {
    const command = JSON.stringify(inst.values.provisioner ?? '')
    const t = inst.values.triggers_replace
    if (
      !isRecord(t) ||
      !('next_hop_type' in t) ||
      (command !== '""' && !command.includes('UpdateGatewayRouteTableEntryAttribute'))
    ) {
      note('notModelled', inst, 'a terraform_data resource that is not a gateway route edit')
      continue
    }
    addMappedEntry(inst)
  }
  for (const [vpcId, sys] of systemTables)
    for (const r of resources)
      if (r.kind === 'vswitch' && r.vpcId === vpcId && r.routeTableId === undefined) r.routeTableId = sys.id
}
