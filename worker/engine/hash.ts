// 32-bit hashing for flow keys and the GWLB's consistent (rendezvous) choice. May not touch: anything but numbers.

/** murmur3's finaliser: a fast, well-mixed 32-bit permutation. */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

export function mix4(a: number, b: number, c: number, d: number): number {
  let h = fmix32(a ^ 0x9e3779b9)
  h = fmix32(h ^ b)
  h = fmix32(h ^ c)
  return fmix32(h ^ d)
}

/** FNV-1a of a string: a key per appliance (or per purpose) that stays the same whatever else is in the design. */
export function stringKey(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Rendezvous score: the candidate with the highest score for a key wins, so removing one moves only its flows. */
export function score(key: number, applianceKey: number): number {
  return fmix32(key ^ applianceKey)
}

/**
 * Whether a flow's endpoints go in the other order in its key: the lower address first (unsigned), then the lower
 * port, so that a request and its reply share one key. The key's words are then
 * `lo = swapped ? dst : src`, `hi = swapped ? src : dst` and `ports(swapped, sport, dport)`.
 */
export function endpointsSwapped(src: number, dst: number, sport: number, dport: number): boolean {
  return src >>> 0 > dst >>> 0 || (src === dst && sport > dport)
}

/** The key word of a flow's ports, in the order endpointsSwapped() chose. */
export function ports(swapped: boolean, sport: number, dport: number): number {
  return swapped ? (dport << 16) | sport : (sport << 16) | dport
}

/** The GWLB server group's 5-, 3- or 2-tuple hash of a flow (scheduler 5, 3 or 2), endpoints already ordered. */
export function flowHash(scheduler: number, lo: number, hi: number, ports: number, proto: number): number {
  return scheduler === 5 ? mix4(lo, hi, ports, proto) : scheduler === 3 ? mix4(lo, hi, 0, proto) : mix4(lo, hi, 0, 0)
}
