// VPC API output: VPCs and their system route tables, vSwitches, custom route tables and their bindings, IPv4
// gateways, and route entries (DescribeRouteEntryList, ListGatewayRouteTableEntries).
import { NEXT_HOP_TYPES } from '../../model'
import type { ImportFile } from '../types'
import { type ApiInstances, type Each, stringsAt, text } from './instances'
import { isRecord, listAt } from './sources'

/** Route entries whose next hop the design models; other system entries are the VPC's own (local, cloud services). */
const MODELLED_HOPS = new Set<string>(NEXT_HOP_TYPES.filter((t) => t !== 'Local'))

const attach = (c: ApiInstances, rt: string, vsw: string, file: ImportFile) =>
  c.add('alicloud_route_table_attachment', `${rt}:${vsw}`, { vswitch_id: vsw, route_table_id: rt }, file, {
    address: `${rt} → ${vsw}`,
  })

const vswitch: Each = {
  id: 'VSwitchId',
  name: 'VSwitchName',
  type: 'alicloud_vswitch',
  values: (s) => ({
    vswitch_name: text(s.VSwitchName),
    vpc_id: text(s.VpcId),
    cidr_block: text(s.CidrBlock),
    zone_id: text(s.ZoneId),
  }),
}

/** VPCs, each with its system route table, and vSwitches with the custom route table each is bound to. */
export function readVpcs(c: ApiInstances): void {
  const systemTableOf = new Map<string, string>()
  c.each('DescribeRouteTableList', (t) => {
    const vpc = text(t.VpcId)
    const id = text(t.RouteTableId)
    if (vpc && id && t.RouteTableType === 'System') systemTableOf.set(vpc, id)
  })
  c.addEach('DescribeVpcs', {
    id: 'VpcId',
    name: 'VpcName',
    type: 'alicloud_vpc',
    values: (v, id) => {
      const tables = stringsAt(v, 'RouterTableIds.RouterTableIds')
      return {
        vpc_name: text(v.VpcName),
        cidr_block: text(v.CidrBlock),
        route_table_id: systemTableOf.get(id) ?? (tables.length === 1 ? tables[0] : undefined),
      }
    },
    account: (v) => text(v.OwnerId),
  })
  c.addEach('DescribeVSwitches', vswitch, (id, s, file) => {
    const rt = isRecord(s.RouteTable) ? s.RouteTable : {}
    const rtId = text(rt.RouteTableId)
    if (rtId && rt.RouteTableType === 'Custom') attach(c, rtId, id, file)
  })
}

const ipv4Gateway: Each = {
  id: 'Ipv4GatewayId',
  name: 'Ipv4GatewayName',
  type: 'alicloud_vpc_ipv4_gateway',
  values: (g) => ({
    ipv4_gateway_name: text(g.Ipv4GatewayName),
    vpc_id: text(g.VpcId),
    ipv4_gateway_route_table_id: text(g.Ipv4GatewayRouteTableId),
  }),
}

/** Custom route tables with their vSwitch and gateway bindings, and IPv4 gateways; gives the gateway route tables. */
export function readRouteTables(c: ApiInstances): Set<string> {
  const gatewayTables = new Set<string>()
  const gatewayAttach = (rt: string, gw: string, file: ImportFile) => {
    gatewayTables.add(rt)
    c.add(
      'alicloud_vpc_gateway_route_table_attachment',
      `${rt}:${gw}`,
      { ipv4_gateway_id: gw, route_table_id: rt },
      file,
      { address: `${rt} → ${gw}` },
    )
  }
  c.each('DescribeRouteTableList', (t, file) => {
    const id = text(t.RouteTableId)
    if (!id || t.RouteTableType === 'System') return
    c.add(
      'alicloud_route_table',
      id,
      { route_table_name: text(t.RouteTableName), vpc_id: text(t.VpcId), associate_type: text(t.AssociateType) },
      file,
      { label: text(t.RouteTableName) },
    )
    if (t.AssociateType === 'Gateway') gatewayTables.add(id)
    for (const vsw of stringsAt(t, 'VSwitchIds.VSwitchId')) attach(c, id, vsw, file)
    for (const gw of stringsAt(t, 'GatewayIds.GatewayIds'))
      if (gw.startsWith('ipv4gw-')) gatewayAttach(id, gw, file)
      else
        c.note(
          'notModelled',
          `${id} → ${gw}`,
          `route table ${id} is bound to gateway ${gw}, which the design does not model`,
          file,
        )
  })
  c.addEach('ListIpv4Gateways', ipv4Gateway, (id, g, file) => {
    const rt = text(g.Ipv4GatewayRouteTableId)
    if (rt) gatewayAttach(rt, id, file)
  })
  return gatewayTables
}

/** Route entries: custom ones, and system ones whose next hop was edited to something the design models. */
export function readRouteEntries(c: ApiInstances, gatewayTables: Set<string>): void {
  const routes = new Set<string>()
  c.each('DescribeRouteEntryList', (e, file) => {
    const rt = text(e.RouteTableId)
    const destination = text(e.DestinationCidrBlock)
    if (!rt || !destination) return
    const hops = listAt(e, 'NextHops.NextHop') ?? []
    const type = text(hops[0]?.NextHopType)
    if (e.Type !== 'Custom' && !(type && MODELLED_HOPS.has(type))) return
    const key = `${rt}:${destination}`
    if (routes.has(key)) return
    routes.add(key)
    if (hops.length > 1)
      c.note(
        'assumed',
        `${rt} ${destination}`,
        `${hops.length} next hops (ECMP); the design takes the first, ${text(hops[0]?.NextHopId)}`,
        file,
      )
    c.add(
      'alicloud_route_entry',
      text(e.RouteEntryId) ?? key,
      {
        route_table_id: rt,
        destination_cidrblock: destination,
        nexthop_type: type,
        nexthop_id: text(hops[0]?.NextHopId),
        name: text(e.RouteEntryName),
      },
      file,
      { address: `${rt} ${destination}` },
    )
  })
  readGatewayRouteEntries(c, gatewayTables, routes)
}

/** ListGatewayRouteTableEntries: a gateway route table's entries, the table named by the file or the input. */
function readGatewayRouteEntries(c: ApiInstances, gatewayTables: Set<string>, routes: Set<string>): void {
  for (const r of c.of('ListGatewayRouteTableEntries')) {
    const rt = c.parentOf(
      r.file,
      /vtb-[a-z0-9]+/,
      [...gatewayTables],
      'gateway route table',
      'ListGatewayRouteTableEntries',
    )
    if (!rt) continue
    for (const e of r.items) {
      const destination = text(e.DestinationCidrBlock)
      // this call says EcsInstance where the route entry APIs say Instance
      const type = e.NextHopType === 'EcsInstance' ? 'Instance' : text(e.NextHopType)
      if (!destination || !type || type === 'Local') continue
      const key = `${rt}:${destination}`
      if (routes.has(key)) continue
      routes.add(key)
      c.add(
        'terraform_data',
        key,
        {
          triggers_replace: { route_table_id: rt, destination, next_hop_type: type, next_hop_id: text(e.NextHopId) },
        },
        r.file,
        { address: `${rt} ${destination}` },
      )
    }
  }
}
