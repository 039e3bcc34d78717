// An open-addressing hash table keyed by four 32-bit words (a flow), built on typed arrays so the per-packet
// path allocates nothing. May not touch: React, the DOM, zustand, the design document.
import { mix4 } from './hash'

const EMPTY = 0
const USED = 1

export class FlowTable {
  private cap: number
  private mask: number
  private keys: Int32Array
  private vals: Int32Array
  private seen: Float64Array
  private used: Uint8Array
  size = 0

  constructor(initialCapacity = 1024) {
    let cap = 16
    while (cap < initialCapacity) cap <<= 1
    this.cap = cap
    this.mask = cap - 1
    this.keys = new Int32Array(cap * 4)
    this.vals = new Int32Array(cap)
    this.seen = new Float64Array(cap)
    this.used = new Uint8Array(cap)
  }

  /** The slot holding the key, or -1. */
  find(k0: number, k1: number, k2: number, k3: number): number {
    const keys = this.keys
    let i = mix4(k0, k1, k2, k3) & this.mask
    while (this.used[i] === USED) {
      const b = i << 2
      if (keys[b] === k0 && keys[b + 1] === k1 && keys[b + 2] === k2 && keys[b + 3] === k3) return i
      i = (i + 1) & this.mask
    }
    return -1
  }

  value(slot: number): number {
    return this.vals[slot]
  }

  lastSeen(slot: number): number {
    return this.seen[slot]
  }

  /** Inserts or overwrites; returns the slot. */
  set(k0: number, k1: number, k2: number, k3: number, value: number, now: number): number {
    if ((this.size + 1) * 2 > this.cap) this.grow()
    const keys = this.keys
    let i = mix4(k0, k1, k2, k3) & this.mask
    while (this.used[i] === USED) {
      const b = i << 2
      if (keys[b] === k0 && keys[b + 1] === k1 && keys[b + 2] === k2 && keys[b + 3] === k3) break
      i = (i + 1) & this.mask
    }
    if (this.used[i] !== USED) {
      const b = i << 2
      keys[b] = k0
      keys[b + 1] = k1
      keys[b + 2] = k2
      keys[b + 3] = k3
      this.used[i] = USED
      this.size++
    }
    this.vals[i] = value
    this.seen[i] = now
    return i
  }

  touch(slot: number, now: number): void {
    this.seen[slot] = now
  }

  /** Removes a slot, shifting later entries of its probe run back so lookups stay correct without tombstones. */
  deleteSlot(slot: number): void {
    const { keys, vals, seen, used, mask } = this
    let hole = slot
    used[hole] = EMPTY
    this.size--
    let i = (hole + 1) & mask
    while (used[i] === USED) {
      const b = i << 2
      const home = mix4(keys[b], keys[b + 1], keys[b + 2], keys[b + 3]) & mask
      // move i into the hole when its home is not cyclically within (hole, i]
      const between = hole <= i ? home > hole && home <= i : home > hole || home <= i
      if (!between) {
        const h = hole << 2
        keys[h] = keys[b]
        keys[h + 1] = keys[b + 1]
        keys[h + 2] = keys[b + 2]
        keys[h + 3] = keys[b + 3]
        vals[hole] = vals[i]
        seen[hole] = seen[i]
        used[hole] = USED
        used[i] = EMPTY
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
    for (let i = 0; i < this.cap; i++) {
      if (this.used[i] !== USED) continue
      const b = i << 2
      cb(this.keys[b], this.keys[b + 1], this.keys[b + 2], this.keys[b + 3], this.vals[i], this.seen[i])
    }
  }

  clear(): void {
    this.used.fill(EMPTY)
    this.size = 0
  }

  clone(): FlowTable {
    const t = new FlowTable(this.cap)
    t.keys.set(this.keys)
    t.vals.set(this.vals)
    t.seen.set(this.seen)
    t.used.set(this.used)
    t.size = this.size
    return t
  }

  private grow(): void {
    const { keys, vals, seen, used, cap } = this
    this.cap = cap * 2
    this.mask = this.cap - 1
    this.keys = new Int32Array(this.cap * 4)
    this.vals = new Int32Array(this.cap)
    this.seen = new Float64Array(this.cap)
    this.used = new Uint8Array(this.cap)
    this.size = 0
    for (let i = 0; i < cap; i++) {
      if (used[i] !== USED) continue
      const b = i << 2
      this.set(keys[b], keys[b + 1], keys[b + 2], keys[b + 3], vals[i], seen[i])
    }
  }
}
