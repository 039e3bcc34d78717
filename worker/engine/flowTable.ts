// An open-addressing hash table keyed by four 32-bit words (a flow), built on typed arrays so the per-packet
// path allocates nothing. May not touch: React, the DOM, zustand, the design document.
import { fmix32 } from './hash'

const EMPTY = 0
const USED = 1

// One slot is 8 words (32 bytes): key 0-3, value 4, used 5, last seen 6-7 (a float64 over the same buffer).
// Keeping a slot's fields together makes a look-up touch one cache line instead of four arrays' worth.
const STRIDE = 8
const VAL = 4
const FLAG = 5
const SEEN_F64 = 3 // the float64 index within a slot: word 6
const F64_STRIDE = STRIDE / 2

/**
 * Where a key's probe starts: a multiply per word and one final mix, a quarter of mix4's work. It only places
 * keys in the table (a flow's appliance comes from the GWLB's own hash), so it need not match anything else.
 */
function home(k0: number, k1: number, k2: number, k3: number): number {
  return fmix32(k0 ^ Math.imul(k1, 0x9e3779b1) ^ Math.imul(k2, 0x85ebca6b) ^ Math.imul(k3, 0xc2b2ae35))
}

export class FlowTable {
  private cap: number
  private mask: number
  private words: Int32Array
  private seen: Float64Array
  size = 0

  constructor(initialCapacity = 1024) {
    let cap = 16
    while (cap < initialCapacity) cap <<= 1
    this.cap = cap
    this.mask = cap - 1
    this.words = new Int32Array(cap * STRIDE)
    this.seen = new Float64Array(this.words.buffer)
  }

  /** The slot holding the key, or -1. */
  find(k0: number, k1: number, k2: number, k3: number): number {
    const w = this.words
    const mask = this.mask
    let i = home(k0, k1, k2, k3) & mask
    for (;;) {
      const b = i * STRIDE
      if (w[b + FLAG] !== USED) return -1
      if (w[b] === k0 && w[b + 1] === k1 && w[b + 2] === k2 && w[b + 3] === k3) return i
      i = (i + 1) & mask
    }
  }

  value(slot: number): number {
    return this.words[slot * STRIDE + VAL]!
  }

  lastSeen(slot: number): number {
    return this.seen[slot * F64_STRIDE + SEEN_F64]!
  }

  /** Inserts or overwrites; returns the slot. */
  set(k0: number, k1: number, k2: number, k3: number, value: number, now: number): number {
    if ((this.size + 1) * 2 > this.cap) this.grow()
    const w = this.words
    const mask = this.mask
    let i = home(k0, k1, k2, k3) & mask
    let b = i * STRIDE
    while (w[b + FLAG] === USED) {
      if (w[b] === k0 && w[b + 1] === k1 && w[b + 2] === k2 && w[b + 3] === k3) break
      i = (i + 1) & mask
      b = i * STRIDE
    }
    if (w[b + FLAG] !== USED) {
      w[b] = k0
      w[b + 1] = k1
      w[b + 2] = k2
      w[b + 3] = k3
      w[b + FLAG] = USED
      this.size++
    }
    w[b + VAL] = value
    this.seen[(b >> 1) + SEEN_F64] = now
    return i
  }

  touch(slot: number, now: number): void {
    this.seen[slot * F64_STRIDE + SEEN_F64] = now
  }

  /** Removes a slot, shifting later entries of its probe run back so lookups stay correct without tombstones. */
  deleteSlot(slot: number): void {
    const { words: w, mask } = this
    let hole = slot
    w[hole * STRIDE + FLAG] = EMPTY
    this.size--
    let i = (hole + 1) & mask
    while (w[i * STRIDE + FLAG] === USED) {
      const b = i * STRIDE
      const h = home(w[b]!, w[b + 1]!, w[b + 2]!, w[b + 3]!) & mask
      // move i into the hole when its home is not cyclically within (hole, i]
      const between = hole <= i ? h > hole && h <= i : h > hole || h <= i
      if (!between) {
        // the whole slot moves: key, value, flag and last-seen time
        w.copyWithin(hole * STRIDE, b, b + STRIDE)
        w[b + FLAG] = EMPTY
        hole = i
      }
      i = (i + 1) & mask
    }
  }

  delete(k0: number, k1: number, k2: number, k3: number): boolean {
    const slot = this.find(k0, k1, k2, k3)
    if (slot < 0) return false
    this.deleteSlot(slot)
    return true
  }

  /** Calls back for each entry; the callback must not change the table (collect, then delete). */
  forEach(cb: (k0: number, k1: number, k2: number, k3: number, value: number, lastSeen: number) => void): void {
    const w = this.words
    for (let i = 0; i < this.cap; i++) {
      const b = i * STRIDE
      if (w[b + FLAG] !== USED) continue
      cb(w[b]!, w[b + 1]!, w[b + 2]!, w[b + 3]!, w[b + VAL]!, this.seen[(b >> 1) + SEEN_F64]!)
    }
  }

  clear(): void {
    const w = this.words
    for (let b = FLAG; b < w.length; b += STRIDE) w[b] = EMPTY
    this.size = 0
  }

  clone(): FlowTable {
    const t = new FlowTable(this.cap)
    t.words.set(this.words)
    t.size = this.size
    return t
  }

  private grow(): void {
    const { words: w, seen, cap } = this
    this.cap = cap * 2
    this.mask = this.cap - 1
    this.words = new Int32Array(this.cap * STRIDE)
    this.seen = new Float64Array(this.words.buffer)
    this.size = 0
    for (let i = 0; i < cap; i++) {
      const b = i * STRIDE
      if (w[b + FLAG] !== USED) continue
      this.set(w[b]!, w[b + 1]!, w[b + 2]!, w[b + 3]!, w[b + VAL]!, seen[(b >> 1) + SEEN_F64]!)
    }
  }
}
