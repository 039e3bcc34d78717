// Which flow class stands for which: classes the design cannot tell apart even though the cut keeps them apart.
// Two reductions, each keeping outcomes exactly equal (same dispositions, same appliances, same picks):
// - address blocks that no prefix of the design tells apart, wherever they lie: the design's prefixes nest, so
//   two blocks that are not held by a resource and have the same innermost prefix meet the same entry in every
//   table and the same rule in every list;
// - interchangeable consumer VPCs (vpcTwins.ts): a flow of one VPC stands for the swapped flow of its twin.
// Over several networks (the two sides of a comparison), a class stands for another only where it does in each.
// May not touch: React, the DOM, zustand.
import { NOT_INTERNET_ROUTED } from '../../src/model'
import type { Network } from '../engine'
import { atomOf, type FlowSpace, representativeAddress } from './classes'
import { type Pins, sharedTwins, type VpcKit } from './vpcTwins'

const SPACE_END = 2 ** 32

/** Every prefix the compiled network decides by, and the blocks the intents cut, as inclusive ranges. */
function prefixesOf(net: Network, pins: Pins): { lo: number; hi: number }[] {
  const out: { lo: number; hi: number }[] = [...pins.ranges]
  const add = (base: number, mask: number) => {
    const lo = (base & mask) >>> 0
    out.push({ lo, hi: lo + (~mask >>> 0) })
  }
  for (const { base, prefix } of NOT_INTERNET_ROUTED) out.push({ lo: base, hi: base + 2 ** (32 - prefix) - 1 })
  for (const t of net.tables) for (const e of t.entries) add(e.base, e.mask)
  for (const v of net.vswitches) add(v.base, v.mask)
  for (const inst of [...net.ecs, ...net.appliances])
    for (const r of [...inst.sg.ingress, ...inst.sg.egress]) add(r.base, r.mask)
  for (const ap of net.appliances)
    for (const r of ap.policy) {
      add(r.srcBase, r.srcMask)
      add(r.dstBase, r.dstMask)
    }
  return out
}

/**
 * Per address atom of the space: the first atom no prefix of the networks tells apart from it (itself when a
 * resource of one of them holds it). The prefixes are CIDR blocks, which nest or are disjoint (those of two
 * designs too), so an atom's set of containing prefixes is fixed by the innermost one: painting them largest
 * first leaves each atom that one.
 */
function sameBlocks(nets: readonly Network[], space: FlowSpace, pins: Pins): Int32Array {
  const starts = space.addressStarts
  const A = starts.length
  const inner = new Int32Array(A).fill(-1)
  const all = nets.flatMap((net) => prefixesOf(net, pins))
  const prefixes = [...new Map(all.map((b) => [`${b.lo}-${b.hi}`, b])).values()]
  prefixes.sort((a, b) => b.hi - b.lo - (a.hi - a.lo))
  prefixes.forEach((b, n) => {
    for (let d = atomOf(starts, b.lo); d < A && starts[d] <= b.hi; d++) if (starts[d] >= b.lo) inner[d] = n
  })
  const held = new Set<number>()
  for (const net of nets) {
    for (const v of net.vpcs) for (const a of v.addrs.keys()) held.add(a >>> 0)
    for (const a of net.publicAddrs.keys()) held.add(a >>> 0)
  }
  const out = new Int32Array(A)
  const first = new Map<number, number>()
  for (let d = 0; d < A; d++) {
    const hi = (d + 1 < A ? starts[d + 1] : SPACE_END) - 1
    if (starts[d] === hi && held.has(starts[d])) {
      out[d] = d
      continue
    }
    const f = first.get(inner[d])
    if (f === undefined) first.set(inner[d], d)
    out[d] = f ?? d
  }
  return out
}

/**
 * Per source and destination of a space, the class that stands for it under the two reductions, in every one of
 * the networks the space was cut for (one for a check, both sides for a comparison).
 */
export class ClassReduction {
  /** per source of the space: the source whose classes stand for its own */
  readonly senderRep: Int32Array
  /** how many distinct sources stand for the others, and each one's number among them (-1 for the others) */
  readonly repCount: number
  readonly repNumber: Int32Array
  /** the twin groups of consumer VPCs found */
  readonly groups: VpcKit[][]
  private readonly merged: Int32Array
  /** per source: the twin kit it lies in (an index of `kits`), or -1 */
  private readonly senderKit: Int32Array
  private readonly kits: VpcKit[] = []
  private readonly groupOfKit: number[] = []
  private readonly kitIndex = new Map<VpcKit, number>()
  private readonly maps = new Map<number, Int32Array>()
  /** EIP → [kit, ordinal] */
  private readonly eipAt = new Map<number, [number, number]>()
  /** the kits' CIDRs, sorted, for finding the kit of a private address */
  private readonly byStart: number[]

  /**
   * `reduce` false: every class stands for itself (to check the reduction against, or to price a class).
   * `twins`: each network's own twin groups (vpcTwins()), when already found (a comparison built in steps).
   */
  constructor(
    nets: readonly Network[],
    private readonly space: FlowSpace,
    pins: Pins,
    reduce = true,
    twins?: readonly VpcKit[][][],
  ) {
    this.groups = reduce
      ? sharedTwins(
          nets.map((n) => n.design),
          pins,
          twins,
        )
      : []
    for (const [n, g] of this.groups.entries())
      for (const k of g) {
        this.kitIndex.set(k, this.kits.length)
        this.kits.push(k)
        this.groupOfKit.push(n)
      }
    for (const [ki, k] of this.kits.entries())
      for (const [o, e] of k.eips.entries()) if (e >= 0) this.eipAt.set(e, [ki, o])
    this.byStart = this.kits.map((_, i) => i).sort((a, b) => this.kits[a].lo - this.kits[b].lo)
    this.merged = reduce ? sameBlocks(nets, space, pins) : Int32Array.from(space.addressStarts, (_, d) => d)
    const S = space.sources.length
    this.senderRep = Int32Array.from({ length: S }, (_, si) => si)
    this.senderKit = new Int32Array(S).fill(-1)
    if (reduce) this.standingSenders()
    this.repNumber = new Int32Array(S).fill(-1)
    let n = 0
    for (let si = 0; si < S; si++) if (this.senderRep[si] === si) this.repNumber[si] = n++
    this.repCount = n
  }

  /**
   * Which source stands for which: internet senders that no prefix tells apart stand as the first of them; a
   * resource of a twin VPC as the resource of the same ordinal in the first VPC of its group.
   */
  private standingSenders(): void {
    const space = this.space
    const idAt = new Map<string, [number, number]>()
    for (const [ki, k] of this.kits.entries()) for (const [o, id] of k.ids.entries()) idAt.set(id, [ki, o])
    const sourceIndex = new Map<string, number>()
    for (const [si, s] of space.sources.entries()) if (s.kind !== 'internet') sourceIndex.set(s.id, si)
    const internetByBlock = new Map<number, number>()
    for (const [si, s] of space.sources.entries()) {
      if (s.kind === 'internet') {
        const key = this.merged[atomOf(space.addressStarts, s.lo)]
        const f = internetByBlock.get(key)
        if (f === undefined) internetByBlock.set(key, si)
        else this.senderRep[si] = f
        continue
      }
      const at = idAt.get(s.id)
      if (!at) continue
      const lead = this.groups[this.groupOfKit[at[0]]][0].ids[at[1]]
      const rep = sourceIndex.get(lead)
      // the space holds every sender of the network it was cut for, the lead VPC's among them
      if (rep === undefined) throw new Error(`${lead} is no sender of the flow space`)
      this.senderKit[si] = at[0]
      this.senderRep[si] = rep
    }
  }

  /** The twin kit holding an address (its CIDR or one of its EIPs), or -1. */
  private kitOf(a: number): number {
    const e = this.eipAt.get(a)
    if (e) return e[0]
    const order = this.byStart
    let lo = 0
    let hi = order.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const k = this.kits[order[mid]]
      if (a < k.lo) hi = mid - 1
      else if (a > k.hi) lo = mid + 1
      else return order[mid]
    }
    return -1
  }

  /** An address of kit `from` moved to kit `to`: the same offset in the CIDR, or the same resource's EIP. */
  private translate(a: number, from: number, to: number): number {
    const f = this.kits[from]
    const t = this.kits[to]
    if (a >= f.lo && a <= f.hi) return a - f.lo + t.lo
    const e = this.eipAt.get(a)
    return e ? t.eips[e[1]] : a
  }

  /**
   * Per destination atom, seen from source si once si is moved onto the source standing for it: the atom that
   * stands for it. The sender's own kit moves onto the first of its group, every other kit of that group onto
   * the second (swapping them fixes the sender's), every kit of another group onto that group's first.
   */
  destinations(si: number): Int32Array {
    const own = this.senderKit[si]
    let map = this.maps.get(own)
    if (map) return map
    const space = this.space
    const A = space.addressStarts.length
    map = new Int32Array(A)
    for (let d = 0; d < A; d++) {
      const a = representativeAddress(space.addressAtom(d))
      const k = this.kits.length ? this.kitOf(a) : -1
      let t = d
      if (k >= 0) {
        const g = this.groups[this.groupOfKit[k]]
        const sameGroup = own >= 0 && this.groupOfKit[own] === this.groupOfKit[k]
        const to = this.kitIndex.get(sameGroup && k !== own ? g[1] : g[0]) as number
        t = atomOf(space.addressStarts, this.translate(a, k, to))
      }
      map[d] = this.merged[t]
    }
    this.maps.set(own, map)
    return map
  }

  /** The index of the class that stands for class `index`. */
  canonical(index: number): number {
    const space = this.space
    const slots = space.slots
    const A = space.addressStarts.length
    const p = index % slots
    const rest = (index - p) / slots
    const d = rest % A
    const si = (rest - d) / A
    return (this.senderRep[si] * A + this.destinations(si)[d]) * slots + p
  }
}
