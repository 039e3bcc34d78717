// Health-check probes from a GWLB to its appliances: what one probe gets, and the settings of each server group.
// May not touch: the event queue, the clock; it reads the network and the runtime state, never writes them.
import type { HealthCheck, ServerGroup } from '../../src/model'
import { type Network, RUN_STOPPED, type RuntimeState } from '../engine'
import { PROTO_TCP } from '../engine/network'
import { matchSecurityGroup } from '../engine/rules'

export type ProbeOutcome = { kind: 'answered' } | { kind: 'noAnswer'; why: string }

/** The health-check, draining and failover settings of each GWLB's server group, by GWLB index. */
export interface GroupSettings {
  gwlbId: string
  healthCheck: HealthCheck | null
  drain: ServerGroup['connectionDrain']
  rebalance: boolean
  crossZone: boolean
}

export function groupSettings(net: Network): GroupSettings[] {
  return net.gwlbs.map((g) => {
    const r = net.design.resources.find((x) => x.id === g.id)
    const sg = r?.kind === 'gwlb' ? r.serverGroup : undefined
    return {
      gwlbId: g.id,
      healthCheck: sg?.healthCheck.enabled ? sg.healthCheck : null,
      drain: sg?.connectionDrain ?? { enabled: false, timeout: 300 },
      rebalance: g.rebalance,
      crossZone: g.crossZone,
    }
  })
}

/**
 * The GWLB address a probe comes from: the GWLB's node in the appliance's zone, else its first node. Alibaba does
 * not document health-check source addresses (domain.md 9.3); the node address is our assumption.
 */
function probeSource(net: Network, a: number): { addr: number; address: string } | null {
  const ap = net.appliances[a]
  if (ap.gwlb < 0) return null
  const g = net.gwlbs[ap.gwlb]
  const local = g.nodeByZone[ap.zone]
  const nd = net.nodes[local >= 0 ? local : ([...g.nodeByZone].find((n) => n >= 0) ?? -1)]
  return nd ? { addr: nd.addr, address: nd.address } : null
}

/** Null when the appliance's security groups accept the probe (TCP to the health-check port) from the GWLB. */
export function securityGroupBlocksProbe(net: Network, a: number, port: number): string | null {
  const src = probeSource(net, a)
  if (!src) return null
  const ap = net.appliances[a]
  const i = matchSecurityGroup(ap.sg.ingress, PROTO_TCP, src.addr, port)
  if (i >= 0 && ap.sg.ingress[i].accept) return null
  const groups = ap.sg.ids.join(', ') || 'its security groups'
  return i >= 0
    ? `${ap.sg.ingress[i].ref.securityGroupId} drops TCP ${port} from ${src.address} (the GWLB)`
    : `no inbound rule of ${groups} accepts TCP ${port} from ${src.address} (the GWLB)`
}

/** A health check in words: "TCP:80 every 5 s, timeout 3 s". */
export function hcText(hc: HealthCheck): string {
  return `${hc.protocol}:${hc.port}${hc.protocol === 'HTTP' && hc.path ? hc.path : ''} every ${hc.interval} s, timeout ${hc.timeout} s`
}

/**
 * What one probe gets. TCP and HTTP both need a TCP connection to the port; HTTP status codes are not modelled
 * (a running appliance answers 2xx). A hung appliance still answers: that is what hung means here.
 */
export function probeOutcome(net: Network, state: RuntimeState, a: number, hc: HealthCheck): ProbeOutcome {
  const ap = net.appliances[a]
  if (state.zoneDown[ap.zone]) return { kind: 'noAnswer', why: `its zone ${net.zones[ap.zone]} is down` }
  if (state.run[a] === RUN_STOPPED) return { kind: 'noAnswer', why: `${ap.id} is stopped` }
  const blocked = securityGroupBlocksProbe(net, a, hc.port)
  return blocked ? { kind: 'noAnswer', why: blocked } : { kind: 'answered' }
}
