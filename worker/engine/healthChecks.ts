// The GWLB's health checks of its appliances as the design fixes them: where a probe comes from and whether the
// appliance's security groups let it in. The runtime state starts from what they conclude (state.ts), and the
// simulator's probes ask the same (worker/sim/health.ts). May not touch: React, the DOM, zustand, the runtime state.
import { type Network, PROTO_TCP, RUN_STOPPED } from './network'
import { checked } from './numbered'
import { matchSecurityGroup } from './rules'

/**
 * The GWLB address a probe comes from: the GWLB's node in the appliance's zone, else its first node (its first zone
 * mapping's: a GWLB's nodes are numbered in its mappings' order). Alibaba does not document health-check source
 * addresses (docs/cloud.md 9.3); the node address is our assumption, and the linter's (GWLB-E005) too.
 */
export function probeSource(net: Network, a: number): { addr: number; address: string } | null {
  const ap = checked(net.appliances, a, 'appliance')
  const g = net.gwlbs[ap.gwlb]
  if (!g) return null
  const local = g.nodeByZone[ap.zone] ?? -1
  const nd = net.nodes[local >= 0 ? local : firstNode(g.nodeByZone)]
  return nd ? { addr: nd.addr, address: nd.address } : null
}

function firstNode(nodeByZone: Int32Array): number {
  let first = -1
  for (const n of nodeByZone) if (n >= 0 && (first < 0 || n < first)) first = n
  return first
}

/**
 * Null when the appliance's security groups accept the probe from the GWLB, else why not. TCP and HTTP health
 * checks both open a TCP connection to the port, so the probe is TCP to `port` either way.
 */
export function securityGroupBlocksProbe(net: Network, a: number, port: number): string | null {
  const src = probeSource(net, a)
  if (!src) return null
  const ap = checked(net.appliances, a, 'appliance')
  const i = matchSecurityGroup(ap.sg.ingress, PROTO_TCP, src.addr, port)
  const rule = ap.sg.ingress[i]
  if (rule?.accept) return null
  const groups = ap.sg.ids.join(', ') || 'its security groups'
  return rule
    ? `${rule.ref.securityGroupId} drops TCP ${port} from ${src.address} (the GWLB)`
    : `no inbound rule of ${groups} accepts TCP ${port} from ${src.address} (the GWLB)`
}

/**
 * Why the unhealthy members among `candidates` fail their health checks, for a trace that finds none healthy,
 * appliances with the same reason together: "fw-h1, fw-h2 fail their health checks — no inbound rule of
 * sg-appliance accepts TCP 80 from …". One marked unhealthy for a reason the design does not show (a simulated
 * fault) is named as such.
 */
export function unhealthyText(
  net: Network,
  candidates: Int32Array,
  s: { healthy: Uint8Array; membership: Uint8Array; run: Uint8Array },
): string {
  const byReason = new Map<string, string[]>()
  for (const a of candidates) {
    const ap = net.appliances[a]
    // 0 is MEMBER (state.ts, which imports this module): a draining or removed appliance is not scheduled anyway
    if (!ap || s.healthy[a] === 1 || s.membership[a] !== 0) continue
    const g = net.gwlbs[ap.gwlb]
    const refused = g?.healthCheck ? securityGroupBlocksProbe(net, a, g.healthCheckPort) : null
    const why = s.run[a] === RUN_STOPPED ? 'stopped' : refused ? `checks — ${refused}` : 'marked'
    byReason.set(why, [...(byReason.get(why) ?? []), ap.id])
  }
  return [...byReason]
    .map(([why, ids]) => {
      const many = ids.length > 1
      const verb = VERBS[why]?.[many ? 1 : 0] ?? `${many ? 'fail their' : 'fails its'} health ${why}`
      return `${ids.join(', ')} ${verb}`
    })
    .join('; ')
}

/** The words for one appliance and for several, by reason; a refused probe's are made with its reason. */
const VERBS: Record<string, [string, string]> = {
  stopped: ['is stopped', 'are stopped'],
  marked: ['is marked unhealthy', 'are marked unhealthy'],
}
