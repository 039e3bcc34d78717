// Routing loops: follows next hops from every vSwitch, for every destination a route table names, through GWLBes
// and instances, until the packet leaves, is delivered, or comes back. May not touch: React, the DOM, zustand,
// worker/engine (this follows the document's routes itself).
import type { Design, Resource, RouteEntry, RouteTable, Vswitch } from '../../src/model'
import { problem } from './catalog'
import { type DesignIndex, indexOf } from './lookup'
import type { Problem } from './problem'
import { DEFAULT_ROUTE } from './vswitchRouteTable'

interface Hop {
  vswitch: Vswitch
  table: RouteTable
  entry: RouteEntry
  via: Resource
}

/** Where a packet to `address` goes next from a vSwitch: on to another vSwitch, or nowhere that can loop. */
function step(ix: DesignIndex, at: Vswitch, address: number): { hop: Hop; next: Vswitch } | undefined {
  const choice = ix.lookup(at, address)
  const table = ix.routeTableOf(at)
  if (choice.kind !== 'entry' || !table) return undefined
  const via = ix.validTarget(table, choice.entry)
  // after a GWLBe the inspected packet is routed by the GWLBe's vSwitch; an instance forwards by its own vSwitch's
  if (!via || (via.kind !== 'gwlbEndpoint' && via.kind !== 'ecs' && via.kind !== 'appliance')) return undefined
  const next = ix.get(via.vswitchId, 'vswitch')
  return next && { hop: { vswitch: at, table, entry: choice.entry, via }, next }
}

/**
 * The loops a packet to `address` can fall into. For one destination every vSwitch has at most one next vSwitch,
 * so the routes form a functional graph: each vSwitch is walked once, and a walk that meets itself is a loop.
 */
function loopsFor(ix: DesignIndex, vswitches: Vswitch[], address: number): Hop[][] {
  const done = new Set<string>()
  const loops: Hop[][] = []
  for (const start of vswitches) {
    const path: Hop[] = []
    const onPath = new Map<string, number>()
    let at: Vswitch | undefined = start
    while (at && !done.has(at.id)) {
      const first = onPath.get(at.id)
      if (first !== undefined) {
        loops.push(path.slice(first))
        break
      }
      onPath.set(at.id, path.length)
      const s = step(ix, at, address)
      if (!s) break
      path.push(s.hop)
      at = s.next
    }
    for (const id of onPath.keys()) done.add(id)
  }
  return loops
}

export function routingLoops(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  const reported = new Set<string>()
  for (const vpc of ix.ofKind('vpc')) {
    const vswitches = ix.vswitchesOf(vpc.id)
    // only an entry that hands the packet on (GWLBe, instance) can close a loop, so its block is what to probe
    const destinations = new Set<string>()
    for (const v of vswitches) {
      const table = ix.routeTableOf(v)
      for (const e of table?.entries ?? [])
        if (e.nextHopType !== 'Ipv4Gateway') destinations.add(e.destinationCidrBlock)
    }
    for (const destination of destinations) {
      const block = ix.cidr(destination)
      if (!block) continue
      for (const cycle of loopsFor(ix, vswitches, block.base)) {
        const key = cycle
          .map((h) => `${h.vswitch.id}:${h.entry.destinationCidrBlock}`)
          .sort()
          .join(' ')
        if (reported.has(key)) continue
        reported.add(key)
        // GWLB-E033 already reports a GWLBe vSwitch whose 0.0.0.0/0 goes anywhere but the IPv4 gateway, and its fix breaks this cycle
        const explained = cycle.some(
          (h) =>
            ix.role(h.vswitch) === 'gwlbe' &&
            h.entry.destinationCidrBlock === DEFAULT_ROUTE &&
            ix.isInspectedVpc(vpc.id),
        )
        if (explained) continue
        const steps = cycle.map((h) => `${h.vswitch.id} (${h.table.id}: ${h.entry.destinationCidrBlock} → ${h.via.id})`)
        out.push(
          problem(
            'GWLB-E036',
            `Traffic to ${destination} goes round in a loop and is dropped: ${steps.join(' → ')} → back to ${cycle[0].vswitch.id}. Change one of these routes.`,
            [...new Set(cycle.flatMap((h) => [h.table.id, h.vswitch.id, h.via.id]))],
            { path: ix.path(cycle[0].table.id, 'entries') },
          ),
        )
      }
    }
  }
  return out
}
