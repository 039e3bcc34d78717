// Packet classes for forward()'s fast path: the address and port spaces cut wherever the design can tell packets
// apart (docs/verify.md, "Flow classes": route entries, vSwitches, held addresses, security-group rules, appliance
// policies, the blocks the internet does not route), compiled into tables that classify a packet in a few array
// reads. May not touch: React, the DOM, zustand, runtime state (classes depend on the design only).
import { NOT_INTERNET_ROUTED } from '../../src/model'
import { fmix32 } from './hash'
import { type Network, PROTO_TCP, PROTO_UDP } from './network'

const SPACE_END = 2 ** 32
const PORT_END = 65536
/** a trie entry covering 256 smaller blocks */
const FAN_OUT = 256

/**
 * An address → atom table, a 16-8-8 trie: `top[a >>> 16]` is an atom (≥ 0) or the complement of a chunk of 256
 * entries in `chunks` for that /16, whose entries are again atoms or chunks (of /32s). A /16 or /24 that no cut
 * splits costs no chunk, so a design of 2,000 resources needs a few hundred.
 */
export interface AddressAtoms {
  top: Int32Array
  chunks: Int32Array
  count: number
}

/** The classes' tables: address atoms, and per protocol the atom of every destination port. */
export interface PacketClasses {
  addresses: AddressAtoms
  tcpPorts: Uint16Array
  udpPorts: Uint16Array
  tcpAtoms: number
  udpAtoms: number
}

function maskOfPrefix(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) | 0
}

/** The starts of the atoms (unsigned, ascending, 0 first) that the design's prefixes and addresses cut. */
export function addressCuts(net: Network): Float64Array {
  const cuts = new Set<number>([0])
  const block = (base: number, mask: number) => {
    const lo = (base & mask) >>> 0
    const end = lo + (~mask >>> 0) + 1
    cuts.add(lo)
    if (end < SPACE_END) cuts.add(end)
  }
  const one = (a: number) => block(a, -1)
  for (const { base, prefix } of NOT_INTERNET_ROUTED) block(base, maskOfPrefix(prefix))
  for (const t of net.tables) for (const e of t.entries) block(e.base, e.mask)
  for (const v of net.vswitches) block(v.base, v.mask)
  for (const v of net.vpcs) for (const a of v.addrs.keys()) one(a)
  for (const a of net.publicAddrs.keys()) one(a)
  for (const inst of [...net.ecs, ...net.appliances])
    for (const r of [...inst.sg.ingress, ...inst.sg.egress]) block(r.base, r.mask)
  for (const ap of net.appliances)
    for (const r of ap.policy) {
      block(r.srcBase, r.srcMask)
      block(r.dstBase, r.dstMask)
    }
  const out = Float64Array.from(cuts)
  out.sort()
  return out
}

/** The starts of the destination-port atoms of one protocol (6 or 17): port 1 and every rule's range. */
function portCuts(net: Network, proto: number): Float64Array {
  const cuts = new Set<number>([1])
  const range = (p: number, from: number, to: number) => {
    // a rule for all protocols matches any port; only TCP and UDP rules name ports
    if (p !== proto) return
    cuts.add(Math.max(1, from))
    if (to + 1 < PORT_END) cuts.add(to + 1)
  }
  for (const inst of [...net.ecs, ...net.appliances])
    for (const r of [...inst.sg.ingress, ...inst.sg.egress]) range(r.proto, r.from, r.to)
  for (const ap of net.appliances) for (const r of ap.policy) range(r.proto, r.from, r.to)
  const out = Float64Array.from(cuts)
  out.sort()
  return out
}

/** Builds the trie over sorted atom starts, visiting blocks in ascending order so one pointer finds each atom. */
export function addressAtoms(starts: Float64Array): AddressAtoms {
  const top = new Int32Array(65536)
  let chunks = new Int32Array(FAN_OUT * 64)
  let used = 0
  let k = 0
  // the entry for the block [lo, lo + size): its atom when no cut falls inside, else a new chunk
  const cover = (lo: number, size: number): number => {
    while (k + 1 < starts.length && (starts[k + 1] ?? SPACE_END) <= lo) k++
    if (k + 1 >= starts.length || (starts[k + 1] ?? SPACE_END) >= lo + size) return k
    const at = used
    used += FAN_OUT
    if (used > chunks.length) {
      const grown = new Int32Array(chunks.length * 2)
      grown.set(chunks)
      chunks = grown
    }
    const part = size / FAN_OUT
    for (let i = 0; i < FAN_OUT; i++) chunks[at + i] = cover(lo + i * part, part)
    return ~(at / FAN_OUT)
  }
  for (let i = 0; i < 65536; i++) top[i] = cover(i * 65536, 65536)
  return { top, chunks: chunks.slice(0, used), count: starts.length }
}

/** The atom holding address `a` (a signed or unsigned 32-bit address). */
export function atomOf(t: AddressAtoms, a: number): number {
  let v = t.top[a >>> 16] ?? 0
  if (v < 0) v = t.chunks[(~v << 8) | ((a >>> 8) & 255)] ?? 0
  if (v < 0) v = t.chunks[(~v << 8) | (a & 255)] ?? 0
  return v
}

function portAtoms(starts: Float64Array): Uint16Array {
  const table = new Uint16Array(PORT_END)
  let k = 0
  for (let port = 0; port < PORT_END; port++) {
    while (k + 1 < starts.length && (starts[k + 1] ?? PORT_END) <= port) k++
    table[port] = k
  }
  return table
}

export function compileClasses(net: Network): PacketClasses {
  const tcp = portCuts(net, PROTO_TCP)
  const udp = portCuts(net, PROTO_UDP)
  return {
    addresses: addressAtoms(addressCuts(net)),
    tcpPorts: portAtoms(tcp),
    udpPorts: portAtoms(udp),
    tcpAtoms: tcp.length,
    udpAtoms: udp.length,
  }
}

/**
 * Class key (sender, destination atom, protocol-port slot) → a number: an open-addressing table of 16-byte slots
 * on a typed array. Half the size of a FlowTable slot (no last-seen time, never a delete), so the classes a
 * busy simulation meets stay in the processor's cache beside the flow and session tables.
 */
export class ClassTable {
  private mask = 1023
  private words = new Int32Array(1024 * 4)
  private size = 0

  private static home(k0: number, k1: number, k2: number): number {
    return fmix32(Math.imul(k0, 0x9e3779b1) ^ Math.imul(k1, 0x85ebca6b) ^ k2)
  }

  /** The number stored for the key, or -1. Keys are non-negative. */
  get(k0: number, k1: number, k2: number): number {
    const w = this.words
    const mask = this.mask
    let i = ClassTable.home(k0, k1, k2) & mask
    for (;;) {
      const b = i << 2
      const k = w[b] ?? 0
      if (k === 0) return -1
      if (k === k0 + 1 && w[b + 1] === k1 && w[b + 2] === k2) return w[b + 3] ?? -1
      i = (i + 1) & mask
    }
  }

  set(k0: number, k1: number, k2: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow()
    const w = this.words
    const mask = this.mask
    let i = ClassTable.home(k0, k1, k2) & mask
    for (;;) {
      const b = i << 2
      const k = w[b] ?? 0
      if (k === 0 || (k === k0 + 1 && w[b + 1] === k1 && w[b + 2] === k2)) {
        if (k === 0) this.size++
        w[b] = k0 + 1
        w[b + 1] = k1
        w[b + 2] = k2
        w[b + 3] = value
        return
      }
      i = (i + 1) & mask
    }
  }

  private grow(): void {
    const old = this.words
    this.mask = this.mask * 2 + 1
    this.words = new Int32Array((this.mask + 1) * 4)
    this.size = 0
    for (let b = 0; b < old.length; b += 4) {
      const k = old[b] ?? 0
      if (k !== 0) this.set(k - 1, old[b + 1] ?? 0, old[b + 2] ?? 0, old[b + 3] ?? 0)
    }
  }
}
