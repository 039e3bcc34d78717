// Addresses → target codes for every VPC and for the internet, in one open-addressing table on a typed array.
// A look-up touches one or two cache lines, where a Map per VPC costs its object, its hash table and a chain;
// with hundreds of VPCs those misses dominated forward(). May not touch: anything but numbers.
import { fmix32 } from './hash'

/** The scope of public addresses (EIPs, internet hosts); a VPC's private addresses use the VPC's index. */
export const SCOPE_PUBLIC = -1

// One slot is 4 words: scope + 2 (0 marks an empty slot), address, target code, padding to 16 bytes so a slot
// never straddles a cache line.
const STRIDE = 4

export class AddrTable {
  private readonly mask: number
  private readonly words: Int32Array

  constructor(entries: number) {
    let cap = 16
    while (cap < entries * 2) cap <<= 1
    this.mask = cap - 1
    this.words = new Int32Array(cap * STRIDE)
  }

  private static home(scope: number, addr: number): number {
    return fmix32(addr ^ Math.imul(scope + 2, 0x9e3779b1))
  }

  /** Inserts or overwrites, as Map.set does. The table is sized for its entries at construction and never grows. */
  set(scope: number, addr: number, code: number): void {
    const w = this.words
    const tag = scope + 2
    let i = AddrTable.home(scope, addr) & this.mask
    for (;;) {
      const b = i * STRIDE
      if (w[b] === 0 || (w[b] === tag && w[b + 1] === addr)) {
        w[b] = tag
        w[b + 1] = addr
        w[b + 2] = code
        return
      }
      i = (i + 1) & this.mask
    }
  }

  /** The target code of an address in a scope, or -1. */
  get(scope: number, addr: number): number {
    const w = this.words
    const tag = scope + 2
    let i = AddrTable.home(scope, addr) & this.mask
    for (;;) {
      const b = i * STRIDE
      const t = w[b]
      if (t === 0) return -1
      if (t === tag && w[b + 1] === addr) return w[b + 2]!
      i = (i + 1) & this.mask
    }
  }
}
