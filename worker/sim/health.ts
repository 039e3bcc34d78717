// Health-check probes from a GWLB to its appliances: what one probe gets, and the settings of each server group.
// May not touch: the event queue, the clock; it reads the network and the runtime state, never writes them.
import type { HealthCheck, ServerGroup } from '../../src/model'
import { type Network, RUN_STOPPED, type RuntimeState, securityGroupBlocksProbe } from '../engine'

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
