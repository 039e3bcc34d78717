// GWLB API output: load balancers with their zone mappings, server groups with their servers, listeners.
import type { ImportFile } from '../types'
import { type ApiInstances, type Each, text } from './instances'
import { isRecord, listAt } from './sources'

/** "HealthCheckConnectPort" → "health_check_connect_port": the GWLB API's blocks and the provider's are the same fields. */
function snakeBlock(v: unknown): Record<string, unknown>[] {
  if (!isRecord(v)) return []
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) out[k.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase()] = x
  return [out]
}

const loadBalancer: Each = {
  id: 'LoadBalancerId',
  name: 'LoadBalancerName',
  type: 'alicloud_gwlb_load_balancer',
  values: (lb) => ({
    load_balancer_name: text(lb.LoadBalancerName),
    vpc_id: text(lb.VpcId),
    zone_mappings: (listAt(lb, 'ZoneMappings') ?? []).map((z) => ({
      zone_id: text(z.ZoneId),
      vswitch_id: text(z.VSwitchId),
      load_balancer_addresses: (listAt(z, 'LoadBalancerAddresses') ?? []).map((a) => ({
        private_ipv4_address: text(a.PrivateIpv4Address),
      })),
    })),
  }),
}

const listener: Each = {
  id: 'ListenerId',
  name: 'ListenerDescription',
  type: 'alicloud_gwlb_listener',
  values: (l) => ({
    load_balancer_id: text(l.LoadBalancerId),
    server_group_id: text(l.ServerGroupId),
    listener_description: text(l.ListenerDescription),
  }),
}

export function readGwlb(c: ApiInstances): void {
  c.addEach('ListLoadBalancers', loadBalancer)
  readServerGroups(c)
  c.addEach('ListListeners', listener)
}

/** Server groups with the servers ListServerGroupServers lists; servers of a group not in the input are reported. */
function readServerGroups(c: ApiInstances): void {
  const serversOf = new Map<string, { server_id: string | undefined; server_type: string | undefined }[]>()
  const serverFiles = new Map<string, ImportFile>()
  c.each('ListServerGroupServers', (s, file) => {
    const group = text(s.ServerGroupId)
    if (!group) return
    serversOf.set(group, [
      ...(serversOf.get(group) ?? []),
      { server_id: text(s.ServerId), server_type: text(s.ServerType) },
    ])
    serverFiles.set(group, file)
  })
  const groups = new Set<string>()
  const serverGroup: Each = {
    id: 'ServerGroupId',
    name: 'ServerGroupName',
    type: 'alicloud_gwlb_server_group',
    values: (g, id) => ({
      server_group_name: text(g.ServerGroupName),
      scheduler: text(g.Scheduler),
      health_check_config: snakeBlock(g.HealthCheckConfig),
      connection_drain_config: snakeBlock(g.ConnectionDrainConfig),
      servers: serversOf.get(id) ?? [],
    }),
  }
  c.addEach('ListServerGroups', serverGroup, (id) => groups.add(id))
  for (const [group, servers] of serversOf)
    if (!groups.has(group))
      c.note(
        'unplaced',
        group,
        `${servers.length} server(s) of server group ${group}, which is not in the input (ListServerGroups)`,
        serverFiles.get(group) as ImportFile,
      )
}
