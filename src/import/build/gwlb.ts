// GWLBs and their server groups, which the design keeps on the GWLB whose listener forwards to them.
import { HEALTH_CHECK_DEFAULTS, type HealthCheck } from '../../model'
import { type TfInstance, Unresolved } from '../instance'
import { type Build, blocks, type Gwlb, type Vswitch } from './context'

/** An attribute of a nested block that could not be worked out, where it was written. */
const unresolvedItem = (inst: TfInstance, attr: string, v: Unresolved) => ({
  address: inst.address,
  message: `${attr}: ${v.message}`,
  where: v.where ?? inst.where,
})

/** alicloud_gwlb_load_balancer → gwlb, with a zone mapping per vSwitch in the input. */
export function buildGwlbs(b: Build): void {
  const { report, resourceById, designIdOf, ofType, note, newId, adopt, target, vpcIdOf } = b
  for (const inst of ofType('alicloud_gwlb_load_balancer')) {
    const vpcId = vpcIdOf(inst, 'gwlb.vpcId')
    if (!vpcId) continue
    const zoneMappings: Gwlb['zoneMappings'] = []
    for (const m of blocks(inst.values.zone_mappings)) {
      const sub: TfInstance = { ...inst, type: 'alicloud_vswitch', values: { vswitch_id: m.vswitch_id } }
      const vsw = typeof m.vswitch_id === 'string' ? target(m.vswitch_id) : undefined
      const vswitchId = vsw ? designIdOf.get(vsw) : undefined
      if (m.vswitch_id instanceof Unresolved) {
        report.unresolved.push(unresolvedItem(inst, 'zone_mappings.vswitch_id', m.vswitch_id))
        continue
      }
      if (!vswitchId) {
        note('unplaced', sub, `a zone mapping's vSwitch ${String(m.vswitch_id)} is not in the input`)
        continue
      }
      const vswitch = resourceById.get(vswitchId) as Vswitch
      const address = blocks(m.load_balancer_addresses)
        .map((a) => a.private_ipv4_address)
        .find((a) => typeof a === 'string')
      zoneMappings.push({
        zoneId: typeof m.zone_id === 'string' ? m.zone_id : vswitch.zoneId,
        vswitchId,
        privateIpAddress: typeof address === 'string' ? address : '',
      })
    }
    if (!zoneMappings.length) {
      note('unplaced', inst, 'the GWLB has no zone mapping whose vSwitch is in the input')
      continue
    }
    const gwlb: Gwlb = { kind: 'gwlb', id: newId(inst), vpcId, zoneMappings, crossZoneEnabled: true }
    adopt(inst, gwlb)
  }
}

/** alicloud_gwlb_server_group → the server group each one is, kept until a listener places it. */
export function readServerGroups(b: Build): Map<TfInstance, Gwlb['serverGroup']> {
  const { report, resourceById, designIdOf, ofType, str, note, target } = b
  const serverGroups = new Map<TfInstance, Gwlb['serverGroup']>()
  for (const inst of ofType('alicloud_gwlb_server_group')) {
    const hcBlock = blocks(inst.values.health_check_config)[0] ?? {}
    const hcNum = (key: string, fallback: number, min: number, max: number) => {
      const v = Number(hcBlock[key])
      return Number.isInteger(v) && v >= min && v <= max ? v : fallback
    }
    const protocol = hcBlock.health_check_protocol === 'HTTP' ? 'HTTP' : 'TCP'
    const healthCheck: HealthCheck = {
      enabled: hcBlock.health_check_enabled !== false && hcBlock.health_check_enabled !== 'false',
      protocol,
      port: hcNum('health_check_connect_port', HEALTH_CHECK_DEFAULTS.port, 1, 65535),
      interval: hcNum('health_check_interval', HEALTH_CHECK_DEFAULTS.interval, 1, 50),
      timeout: hcNum('health_check_connect_timeout', HEALTH_CHECK_DEFAULTS.timeout, 1, 300),
      healthyThreshold: hcNum('healthy_threshold', HEALTH_CHECK_DEFAULTS.healthyThreshold, 2, 10),
      unhealthyThreshold: hcNum('unhealthy_threshold', HEALTH_CHECK_DEFAULTS.unhealthyThreshold, 2, 10),
    }
    if (
      protocol === 'HTTP' &&
      typeof hcBlock.health_check_path === 'string' &&
      hcBlock.health_check_path.startsWith('/')
    )
      healthCheck.path = hcBlock.health_check_path
    if (!Number(hcBlock.health_check_connect_port))
      note('assumed', inst, `no health-check port (0 means the server's port): port ${healthCheck.port}`)
    const drain = blocks(inst.values.connection_drain_config)[0] ?? {}
    const drainTimeout = Number(drain.connection_drain_timeout)
    const servers: string[] = []
    for (const s of blocks(inst.values.servers)) {
      const t = typeof s.server_id === 'string' ? target(s.server_id) : undefined
      const id = t && designIdOf.get(t)
      if (id && resourceById.get(id)?.kind === 'appliance') servers.push(id)
      else if (s.server_id instanceof Unresolved)
        report.unresolved.push(unresolvedItem(inst, 'servers.server_id', s.server_id))
      else
        note(
          'unplaced',
          inst,
          `its server ${String(s.server_id)} (${String(s.server_type ?? 'Ecs')}) is not an instance in the input`,
        )
    }
    const scheduler = str(inst, 'serverGroup.scheduler')
    const sg: NonNullable<Gwlb['serverGroup']> = {
      protocol: 'GENEVE',
      scheduler: scheduler === '3TCH' || scheduler === '2TCH' ? scheduler : '5TCH',
      healthCheck,
      connectionDrain: {
        enabled: drain.connection_drain_enabled === true || drain.connection_drain_enabled === 'true',
        timeout: Number.isInteger(drainTimeout) && drainTimeout >= 1 && drainTimeout <= 3600 ? drainTimeout : 300,
      },
      serverFailoverMode: 'NoRebalance',
      servers,
    }
    const name = str(inst, 'serverGroup.name')
    if (name) sg.name = name
    serverGroups.set(inst, sg)
  }
  return serverGroups
}

/** alicloud_gwlb_listener → gwlb.listener, and the server group it forwards to as gwlb.serverGroup. */
export function buildListeners(b: Build, serverGroups: Map<TfInstance, Gwlb['serverGroup']>): void {
  const { report, resourceById, ofType, str, note, target, designRef } = b
  const listenedGroups = new Set<TfInstance>()
  for (const inst of ofType('alicloud_gwlb_listener')) {
    const gwlbId = designRef(inst, 'gwlb', ['gwlb'], 'its load balancer')
    const gwlb = (gwlbId ? resourceById.get(gwlbId) : undefined) as Gwlb | undefined
    if (!gwlb) continue
    gwlb.listener = {}
    const description = str(inst, 'listener.description')
    if (description) gwlb.listener.description = description
    const sgInst = target(str(inst, 'gwlb.serverGroup'))
    const sg = sgInst && serverGroups.get(sgInst)
    if (sgInst && sg) {
      gwlb.serverGroup = sg
      listenedGroups.add(sgInst)
      report.mapped.push({ address: sgInst.address, resourceId: gwlb.id, as: 'gwlb.serverGroup' })
    }
    report.mapped.push({ address: inst.address, resourceId: gwlb.id, as: 'gwlb.listener' })
  }
  for (const inst of serverGroups.keys())
    if (!listenedGroups.has(inst))
      note(
        'unplaced',
        inst,
        'no listener forwards to this server group, and the design keeps a server group only on its GWLB',
      )
}
