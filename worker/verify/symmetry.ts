// Interchangeable appliances: two appliances configured alike, in the same vSwitch and server groups, that no rule
// or route tells apart and nothing else names. Swapping them maps the design onto itself, so a walk through one
// has, up to their names, the outcomes of the walk through the other. May not touch: React, the DOM, zustand.
import type { Resource } from '../../src/model'
import type { Network } from '../engine'

/**
 * Per appliance index: the index of the first appliance of its group (itself when it has no twin). Two
 * appliances share a group when
 * - their records are equal but for id, name and address (vSwitch, type, jumbo frames, security groups, stateful,
 *   policy, state),
 * - the same GWLBs hold them as servers,
 * - no other field of the design names either one (a route's next hop, say), and
 * - every prefix of the design (route entries, vSwitches, security-group rules, appliance policies) holds both
 *   addresses or neither.
 * A packet from or to one of them is not symmetric under the swap: the verifier walks every choice for those.
 */
export function applianceGroups(net: Network): Int32Array {
  const n = net.appliances.length
  const groups = Int32Array.from({ length: n }, (_, i) => i)
  if (n < 2) return groups
  const byId = new Map(net.design.resources.map((r) => [r.id, r]))
  const named = namedElsewhere(net.design.resources)
  const prefixes = designPrefixes(net)
  const leaders = new Map<string, number>()
  net.appliances.forEach((a, i) => {
    const r = byId.get(a.id)
    if (r?.kind !== 'appliance' || named.has(a.id)) return
    const { id: _id, name: _name, privateIpAddress: _ip, securityGroupIds, ...config } = r
    const servedBy = net.design.resources
      .filter((g) => g.kind === 'gwlb' && g.serverGroup?.servers.includes(a.id))
      .map((g) => g.id)
      .sort()
    const addr = a.addr >>> 0
    const inside = prefixes.map(([base, mask]) => ((addr & mask) >>> 0 === base >>> 0 ? '1' : '0')).join('')
    const key = JSON.stringify([config, [...securityGroupIds].sort(), servedBy, inside])
    const first = leaders.get(key)
    if (first === undefined) leaders.set(key, i)
    else groups[i] = first
  })
  return groups
}

/** Ids that some field names, besides a GWLB's server list and the resource's own id. */
function namedElsewhere(resources: readonly Resource[]): Set<string> {
  const out = new Set<string>()
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  for (const r of resources) {
    // names and descriptions are words for people, which may well repeat an id
    const { id: _id, name: _name, description: _description, ...rest } = r as Resource & { description?: string }
    walk(r.kind === 'gwlb' && r.serverGroup ? { ...rest, serverGroup: { ...r.serverGroup, servers: [] } } : rest)
  }
  return out
}

/** Every prefix the compiled design decides by, as [base, mask]. */
function designPrefixes(net: Network): [number, number][] {
  const out: [number, number][] = []
  for (const t of net.tables) for (const e of t.entries) out.push([e.base, e.mask])
  for (const v of net.vswitches) out.push([v.base, v.mask])
  for (const inst of [...net.ecs, ...net.appliances])
    for (const r of [...inst.sg.ingress, ...inst.sg.egress]) out.push([r.base, r.mask])
  for (const ap of net.appliances)
    for (const r of ap.policy) {
      out.push([r.srcBase, r.srcMask])
      out.push([r.dstBase, r.dstMask])
    }
  return out
}
