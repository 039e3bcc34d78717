// The route look-up: which entry of a compiled route table decides for an address. The walk follows it hop by
// hop; the linter's loop rule and the class compiler ask it without walking a packet, so all three agree on which
// entry wins under either route selection, system routes included. Apart from walk.ts so that a caller of the
// look-up alone (the linter, which runs as the engine worker starts) does not load the walk. May not touch: React,
// the DOM, zustand, the design document.
import { type CRouteEntry, type Network, RT_ENTRY, RT_ENTRY_WORDS, RT_FIRST_GROUP, RT_GROUPS } from './network'

/** The position in net.routes of the entry of table `ti` that decides for `dst` (see RT_GROUPS), or -1. */
export function lpm(net: Network, ti: number, dst: number): number {
  const L = net.routes
  const at = net.routeAt[ti]!
  const groups = L[at + RT_GROUPS]!
  let g = at + RT_FIRST_GROUP
  for (let k = 0; k < groups; k++) {
    const key = dst & L[g]!
    const count = L[g + 1]!
    const first = g + 2
    // bisection over the group's bases, which are sorted ascending
    let lo = 0
    let hi = count - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const base = L[first + mid * RT_ENTRY_WORDS]!
      if (base === key) return first + mid * RT_ENTRY_WORDS
      if (base < key) lo = mid + 1
      else hi = mid - 1
    }
    g = first + count * RT_ENTRY_WORDS
  }
  return -1
}

/** The entry of compiled table `table` that decides for `address`, or null when none matches. */
export function routeEntry(net: Network, table: number, address: number): CRouteEntry | null {
  const q = lpm(net, table, address | 0)
  return q < 0 ? null : net.tables[table]!.entries[net.routes[q + RT_ENTRY]!]!
}
