// Routing loops: follows next hops from every vSwitch, for every destination a route table names, through GWLBes
// and instances, until the packet leaves, is delivered, or comes back. May not touch: React, the DOM, zustand,
// worker/engine (this follows the document's routes itself).
import { type Design, type Resource, type RouteEntry, type RouteTable, type Vswitch, parseCidr } from '../../src/model'
import { problem } from './catalog'
import { indexOf } from './lookup'
import type { Problem } from './problem'
import { DEFAULT_ROUTE } from './vswitchRouteTable'

interface Hop {
  vswitch: Vswitch
  table: RouteTable
  entry: RouteEntry
  via: Resource
}

export function routingLoops(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  const reported = new Set<string>()
  for (const vpc of ix.ofKind('vpc')) {
    const vswitches = ix.vswitchesOf(vpc.id)
    const destinations = new Set(vswitches.flatMap((v) => ix.routeTableOf(v)?.entries.map((e) => e.destinationCidrBlock) ?? []))
    for (const destination of destinations) {
      const block = parseCidr(destination)
      if (!block.ok) continue
      for (const start of vswitches) {
        const cycle = follow(start, block.cidr.base)
        if (!cycle) continue
        const key = cycle.map((h) => `${h.vswitch.id}:${h.entry.destinationCidrBlock}`).sort().join(' ')
        if (reported.has(key)) continue
        reported.add(key)
        // GWLB-E033 already reports a GWLBe vSwitch whose 0.0.0.0/0 goes anywhere but the IPv4 gateway, and its fix breaks this cycle
        const explained = cycle.some((h) => ix.role(h.vswitch) === 'gwlbe' && h.entry.destinationCidrBlock === DEFAULT_ROUTE && ix.isInspectedVpc(vpc.id))
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

  /** The hops of the loop the packet falls into from `start`, or undefined when it leaves or arrives. */
  function follow(start: Vswitch, address: number): Hop[] | undefined {
    const path: Hop[] = []
    const seen = new Map<string, number>()
    let at: Vswitch | undefined = start
    while (at) {
      const first = seen.get(at.id)
      if (first !== undefined) return path.slice(first)
      seen.set(at.id, path.length)
      const choice = ix.lookup(at, address)
      const table = ix.routeTableOf(at)
      if (choice.kind !== 'entry' || !table) return undefined
      const via = ix.validTarget(table, choice.entry)
      if (!via) return undefined
      // after a GWLBe the inspected packet is routed by the GWLBe's vSwitch; an instance forwards by its own vSwitch's
      if (via.kind !== 'gwlbEndpoint' && via.kind !== 'ecs' && via.kind !== 'appliance') return undefined
      path.push({ vswitch: at, table, entry: choice.entry, via })
      at = ix.get(via.vswitchId, 'vswitch')
    }
    return undefined
  }
}
