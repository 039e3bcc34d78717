// Flow classes: the packet space cut where the design can tell packets apart, so one representative answers
// for a whole class. May not touch: React, the DOM, zustand, the runtime state of a simulation.
import { formatIpv4, isPrivateAddress, NOT_INTERNET_ROUTED, parseIpv4 } from '../../src/model'
import { DEFAULT_SOURCE_PORT, type Network, type PacketSpec, type Protocol } from '../engine'

/** An extra cut, from an intent: an address block (unsigned numbers, inclusive) or a port range. */
export interface Cuts {
  ranges?: readonly { lo: number; hi: number }[]
  ports?: readonly { lo: number; hi: number }[]
}

/**
 * Who sends: a resource of the design (ECS instance, appliance, internet host) or a block of internet addresses
 * that no resource holds and no rule tells apart.
 */
export type FlowSource =
  | { kind: 'ecs' | 'appliance' | 'internetHost'; id: string; address: number }
  | { kind: 'internet'; lo: number; hi: number }

export interface FlowClass {
  index: number
  source: FlowSource
  /** destination addresses, unsigned, inclusive */
  destination: { lo: number; hi: number }
  protocol: Protocol
  /** destination ports, inclusive; null for ICMP */
  ports: { lo: number; hi: number } | null
}

const SPACE_END = 2 ** 32
const PORT_END = 65536

function blockOf(base: number, mask: number): { lo: number; hi: number } {
  const lo = (base & mask) >>> 0
  return { lo, hi: lo + (~mask >>> 0) }
}

function maskOfPrefix(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) | 0
}

/** Sorted, distinct starts of the atoms an interval set cuts [0, end) into; 0 always starts one. */
function atomStarts(cuts: Set<number>, end: number): Float64Array {
  const out = Float64Array.from([...cuts].filter((c) => c >= 0 && c < end))
  out.sort()
  return out
}

/** Index of the atom holding value v: the last start ≤ v. */
export function atomOf(starts: Float64Array, v: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= v) lo = mid
    else hi = mid - 1
  }
  return lo
}

function isRoutedOnInternet(a: number): boolean {
  return !isPrivateAddress(a | 0)
}

/**
 * The packet space of one or more designs (several for a comparison: the cuts of all, the sources of all), cut
 * into classes: destination address atoms × (TCP port atoms, UDP port atoms, ICMP) × sources. Classes are
 * numbered, not stored: `classAt(i)` builds one, `classOf(packet)` finds one.
 */
export class FlowSpace {
  readonly addressStarts: Float64Array
  readonly tcpStarts: Float64Array
  readonly udpStarts: Float64Array
  readonly sources: FlowSource[]
  /** TCP port atoms, then UDP port atoms, then one slot for ICMP */
  readonly slots: number
  readonly size: number
  private readonly sourceById = new Map<string, number>()

  constructor(nets: readonly Network[], extra: Cuts = {}) {
    const addr = new Set<number>([0])
    const tcp = new Set<number>([1])
    const udp = new Set<number>([1])
    const cut = (lo: number, hi: number) => {
      addr.add(lo)
      if (hi + 1 < SPACE_END) addr.add(hi + 1)
    }
    const cutBlock = (base: number, mask: number) => {
      const b = blockOf(base, mask)
      cut(b.lo, b.hi)
    }
    const cutPorts = (proto: number, from: number, to: number) => {
      // protocol 0 (all) matches any port; only TCP (6) and UDP (17) rules name ports
      const set = proto === 6 ? tcp : proto === 17 ? udp : null
      if (!set) return
      set.add(Math.max(1, from))
      if (to + 1 < PORT_END) set.add(to + 1)
    }
    for (const { base, prefix } of NOT_INTERNET_ROUTED) cutBlock(base, maskOfPrefix(prefix))
    for (const r of extra.ranges ?? []) cut(r.lo, r.hi)
    for (const p of extra.ports ?? []) {
      cutPorts(6, p.lo, p.hi)
      cutPorts(17, p.lo, p.hi)
    }
    const held = new Set<number>()
    for (const net of nets) {
      for (const t of net.tables) for (const e of t.entries) cutBlock(e.base, e.mask)
      for (const v of net.vswitches) cutBlock(v.base, v.mask)
      for (const v of net.vpcs)
        for (const a of v.addrs.keys()) {
          cut(a >>> 0, a >>> 0)
          held.add(a >>> 0)
        }
      for (const a of net.publicAddrs.keys()) {
        cut(a >>> 0, a >>> 0)
        held.add(a >>> 0)
      }
      for (const inst of [...net.ecs, ...net.appliances])
        for (const r of [...inst.sg.ingress, ...inst.sg.egress]) {
          cutBlock(r.base, r.mask)
          cutPorts(r.proto, r.from, r.to)
        }
      for (const ap of net.appliances)
        for (const r of ap.policy) {
          cutBlock(r.srcBase, r.srcMask)
          cutBlock(r.dstBase, r.dstMask)
          cutPorts(r.proto, r.from, r.to)
        }
    }
    this.addressStarts = atomStarts(addr, SPACE_END)
    this.tcpStarts = atomStarts(tcp, PORT_END)
    this.udpStarts = atomStarts(udp, PORT_END)
    this.slots = this.tcpStarts.length + this.udpStarts.length + 1

    const sources: FlowSource[] = []
    const add = (s: FlowSource & { id: string }) => {
      if (this.sourceById.has(s.id)) return
      this.sourceById.set(s.id, sources.length)
      sources.push(s)
    }
    for (const net of nets) {
      for (const e of net.ecs) add({ kind: 'ecs', id: e.id, address: e.addr >>> 0 })
      for (const a of net.appliances) add({ kind: 'appliance', id: a.id, address: a.addr >>> 0 })
      for (const h of net.hosts) add({ kind: 'internetHost', id: h.id, address: h.addr >>> 0 })
    }
    // internet senders no resource holds: the atoms the internet routes, minus held addresses (those name a resource)
    const starts = this.addressStarts
    for (let i = 0; i < starts.length; i++) {
      const lo = starts[i]
      const hi = (i + 1 < starts.length ? starts[i + 1] : SPACE_END) - 1
      if (!isRoutedOnInternet(lo) || (lo === hi && held.has(lo))) continue
      sources.push({ kind: 'internet', lo, hi })
    }
    this.sources = sources
    this.size = sources.length * starts.length * this.slots
  }

  addressAtom(i: number): { lo: number; hi: number } {
    const s = this.addressStarts
    return { lo: s[i], hi: (i + 1 < s.length ? s[i + 1] : SPACE_END) - 1 }
  }

  /** The protocol and destination ports of a slot. */
  slot(p: number): { protocol: Protocol; ports: { lo: number; hi: number } | null } {
    const t = this.tcpStarts
    const u = this.udpStarts
    const range = (s: Float64Array, i: number) => ({ lo: s[i], hi: (i + 1 < s.length ? s[i + 1] : PORT_END) - 1 })
    if (p < t.length) return { protocol: 'tcp', ports: range(t, p) }
    if (p < t.length + u.length) return { protocol: 'udp', ports: range(u, p - t.length) }
    return { protocol: 'icmp', ports: null }
  }

  classAt(index: number): FlowClass {
    const p = index % this.slots
    const rest = (index - p) / this.slots
    const d = rest % this.addressStarts.length
    const s = (rest - d) / this.addressStarts.length
    return { index, source: this.sources[s], destination: this.addressAtom(d), ...this.slot(p) }
  }

  /** The index of the class a packet falls in, or -1 when its source is no sender of this space. */
  classOf(spec: PacketSpec): number {
    // a resource by its id; an address only as an internet sender (name a resource by its id)
    let s = this.sourceById.get(spec.source) ?? -1
    if (s < 0) {
      const a = parseIpv4(spec.source)
      if (a === null) return -1
      s = this.sources.findIndex((x) => x.kind === 'internet' && x.lo <= a && a <= x.hi)
      if (s < 0) return -1
    }
    const dst = parseIpv4(spec.destination)
    if (dst === null) return -1
    const d = atomOf(this.addressStarts, dst)
    let p: number
    if (spec.protocol === 'icmp') p = this.slots - 1
    else {
      const port = spec.destinationPort ?? 443
      p = spec.protocol === 'tcp' ? atomOf(this.tcpStarts, port) : this.tcpStarts.length + atomOf(this.udpStarts, port)
    }
    return (s * this.addressStarts.length + d) * this.slots + p
  }
}

/** One address of a block: the block's second address when it has more than one, so it is no network address. */
export function representativeAddress(r: { lo: number; hi: number }): number {
  return r.lo === r.hi ? r.lo : r.lo + 1
}

/** The numbers of a class's representative: its sender (an id or an address), destination and ports. */
export function representativeOf(c: FlowClass): {
  source: string
  destination: number
  protocol: Protocol
  sourcePort: number
  destinationPort: number
} {
  return {
    source: c.source.kind === 'internet' ? formatIpv4(representativeAddress(c.source)) : c.source.id,
    destination: representativeAddress(c.destination),
    protocol: c.protocol,
    sourcePort: c.ports ? DEFAULT_SOURCE_PORT : 0,
    destinationPort: c.ports ? c.ports.lo : 0,
  }
}

/** The packet that stands for a class: the first port of its range, the first ephemeral source port. */
export function representative(c: FlowClass): PacketSpec {
  const source = c.source.kind === 'internet' ? formatIpv4(representativeAddress(c.source)) : c.source.id
  return {
    source,
    destination: formatIpv4(representativeAddress(c.destination)),
    protocol: c.protocol,
    ...(c.ports ? { sourcePort: DEFAULT_SOURCE_PORT, destinationPort: c.ports.lo } : {}),
  }
}
