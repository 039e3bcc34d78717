// Routing loops: follows next hops from every vSwitch, for every destination a route table names, through GWLBes,
// route target groups and instances, until the packet leaves, is delivered, or comes back. Which entry of a table
// decides is the engine's own route look-up (routeEntry over the compiled design), and which member of a route
// target group takes the packet is the engine's own choice (carryingEndpoint, in the state a design starts in), so
// the linter and a trace agree on both under every route selection assumption. May not touch: React, the DOM,
// zustand.
import type { Design } from '../../src/model'
import {
  type CRouteEntry,
  carryingEndpoint,
  compile,
  createRuntimeState,
  type EngineOptions,
  type Network,
  NH_GWLBE,
  NH_INSTANCE,
  NH_ROUTE_TARGET_GROUP,
  type RuntimeState,
  routeEntry,
  T_ECS,
} from '../engine'
import { problem } from './catalog'
import { indexOf } from './lookup'
import type { Problem } from './problem'
import { DEFAULT_ROUTE } from './vswitchRouteTable'

interface Hop {
  /** the vSwitch the packet is routed from, and the entry of its table that decides */
  vswitchId: string
  entry: CRouteEntry
  /** the GWLBe or instance the entry hands the packet to */
  viaId: string
  /** the route target group the entry names, when the GWLBe is the member carrying its traffic */
  groupId?: string
}

/**
 * Where a packet to `address` goes next from a vSwitch (an index into net.vswitches): on to another vSwitch, or
 * nowhere that can loop. After a GWLBe the inspected packet is routed by the GWLBe's vSwitch; a route target group
 * hands it to the member GWLBe carrying the group's traffic in `state`. A route to an instance is followed as if
 * the instance forwarded what it is handed, which is what such a route is for; the engine's instances do not
 * forward (INSTANCE_DOES_NOT_FORWARD), so a loop through one is a loop the day it does.
 */
function step(net: Network, state: RuntimeState, at: number, address: number): { hop: Hop; next: number } | undefined {
  const vswitch = net.vswitches[at]
  const entry = vswitch && routeEntry(net, vswitch.table, address)
  if (!vswitch || !entry) return undefined
  let via: { id: string; vswitch: number } | undefined
  let groupId: string | undefined
  if (entry.nextHop === NH_GWLBE) via = net.endpoints[entry.target]
  else if (entry.nextHop === NH_ROUTE_TARGET_GROUP) {
    const group = net.routeTargetGroups[entry.target]
    groupId = group?.id
    via = group && net.endpoints[carryingEndpoint(group, state)]
  } else if (entry.nextHop === NH_INSTANCE)
    via = (entry.target & 7) === T_ECS ? net.ecs[entry.target >> 3] : net.appliances[entry.target >> 3]
  if (!via) return undefined
  return { hop: { vswitchId: vswitch.id, entry, viaId: via.id, ...(groupId ? { groupId } : {}) }, next: via.vswitch }
}

/**
 * The loops a packet to `address` can fall into. For one destination every vSwitch has at most one next vSwitch,
 * so the routes form a functional graph: each vSwitch is walked once, and a walk that meets itself is a loop.
 */
function loopsFor(net: Network, state: RuntimeState, vswitches: number[], address: number): Hop[][] {
  const done = new Set<number>()
  const loops: Hop[][] = []
  for (const start of vswitches) {
    const path: Hop[] = []
    const onPath = new Map<number, number>()
    let at: number | undefined = start
    while (at !== undefined && !done.has(at)) {
      const first = onPath.get(at)
      if (first !== undefined) {
        loops.push(path.slice(first))
        break
      }
      onPath.set(at, path.length)
      const s = step(net, state, at, address)
      if (!s) break
      path.push(s.hop)
      at = s.next
    }
    for (const v of onPath.keys()) done.add(v)
  }
  return loops
}

export function routingLoops(design: Design, engine?: EngineOptions): Problem[] {
  const ix = indexOf(design)
  // only an entry that hands the packet on (GWLBe, instance) can close a loop, so its block is what to probe
  const destinations = new Map<string, string[]>()
  for (const vpc of ix.ofKind('vpc')) {
    const blocks = new Set<string>()
    for (const v of ix.vswitchesOf(vpc.id))
      for (const e of ix.routeTableOf(v)?.entries ?? [])
        if (e.nextHopType !== 'Ipv4Gateway') blocks.add(e.destinationCidrBlock)
    if (blocks.size) destinations.set(vpc.id, [...blocks])
  }
  if (!destinations.size) return []
  const net = compile(design, engine)
  // the state the design starts in, as a trace of it has: which member of each route target group carries traffic
  const state = createRuntimeState(net)
  const out: Problem[] = []
  const reported = new Set<string>()
  for (const [vpcId, blocks] of destinations) {
    const vpc = net.byId.get(vpcId)?.index
    const vswitches = net.vswitches.filter((s) => s.vpc === vpc).map((s) => s.index)
    for (const destination of blocks) {
      const block = ix.cidr(destination)
      if (!block) continue
      for (const cycle of loopsFor(net, state, vswitches, block.base | 0)) {
        const first = cycle[0]
        if (!first) continue
        const key = cycle
          .map((h) => `${h.vswitchId}:${h.entry.rule.destinationCidrBlock}`)
          .sort()
          .join(' ')
        if (reported.has(key)) continue
        reported.add(key)
        // GWLB-E033 already reports a GWLBe vSwitch whose 0.0.0.0/0 goes anywhere but the IPv4 gateway, and its fix breaks this cycle
        const explained = cycle.some((h) => {
          const vswitch = ix.get(h.vswitchId, 'vswitch')
          return (
            vswitch !== undefined &&
            ix.role(vswitch) === 'gwlbe' &&
            h.entry.rule.destinationCidrBlock === DEFAULT_ROUTE &&
            ix.isInspectedVpc(vpcId)
          )
        })
        if (explained) continue
        const steps = cycle.map(
          (h) =>
            `${h.vswitchId} (${h.entry.rule.routeTableId}: ${h.entry.rule.destinationCidrBlock} → ${h.groupId ? `route target group ${h.groupId}, member ${h.viaId}` : h.viaId})`,
        )
        out.push(
          problem(
            'GWLB-E036',
            `Traffic to ${destination} goes round in a loop and is dropped: ${steps.join(' → ')} → back to ${first.vswitchId}. Change one of these routes.`,
            [
              ...new Set(
                cycle.flatMap((h) => [
                  h.entry.rule.routeTableId,
                  h.vswitchId,
                  ...(h.groupId ? [h.groupId] : []),
                  h.viaId,
                ]),
              ),
            ],
            { path: ix.path(first.entry.rule.routeTableId, 'entries') },
          ),
        )
      }
    }
  }
  return out
}
