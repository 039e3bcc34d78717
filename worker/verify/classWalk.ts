// One class's representative walked through a network: every appliance choice, and where the packet is symmetric
// under swapping interchangeable appliances (symmetry.ts), one appliance per group at the first decision. Shared by
// the check of intents and the comparison of two designs. May not touch: React, the DOM, zustand.
import { DEFAULT_SOURCE_PORT, type Network, type PreparedPacket, type Protocol } from '../engine'
import { type FlowSpace, representativeAddress } from './classes'
import { type Outcome, Prober } from './explore'
import { applianceGroups } from './symmetry'

export class ClassWalker {
  /** per appliance index: the first of its group of interchangeable ones */
  readonly groups: Int32Array
  private readonly prober: Prober
  private readonly senders: (PreparedPacket | null | undefined)[] = []
  private readonly slotProtocols: Protocol[] = []
  private readonly slotPorts: number[] = []
  private readonly twinAddresses = new Set<number>()
  private readonly twinIds = new Set<string>()
  /** whether the last walk tried one appliance per group at its first decision */
  private reduced = false

  /** `twins` false: every appliance choice is walked, twins or not (the reductions' tests check against it). */
  constructor(
    readonly net: Network,
    readonly space: FlowSpace,
    twins = true,
  ) {
    this.groups = twins ? applianceGroups(net) : Int32Array.from(net.appliances, (_, i) => i)
    this.prober = new Prober(net, this.groups)
    // the addresses and ids of appliances that have a twin: a packet from or to one of them is walked in full
    net.appliances.forEach((a, i) => {
      if (this.groups[i] !== i || this.groups.some((g, j) => j !== i && g === i)) {
        this.twinAddresses.add(a.addr >>> 0)
        this.twinIds.add(a.id)
      }
    })
    for (let p = 0; p < space.slots; p++) {
      const sl = space.slot(p)
      this.slotProtocols.push(sl.protocol)
      this.slotPorts.push(sl.ports ? sl.ports.lo : 0)
    }
  }

  /** The outcomes of a class's representative (numbers only: no class object, no address text). */
  walk(index: number): Outcome[] {
    const space = this.space
    const p = index % space.slots
    const rest = (index - p) / space.slots
    const A = space.addressStarts.length
    const d = rest % A
    const si = (rest - d) / A
    const dst = representativeAddress(space.addressAtom(d))
    const s = space.sources[si]
    // symmetric under swapping twins: neither end is one of them
    this.reduced = !this.twinAddresses.has(dst >>> 0) && (s.kind === 'internet' || !this.twinIds.has(s.id))
    const proto = this.slotProtocols[p]
    return this.prober.runFrom(this.senderAt(si), dst, proto, DEFAULT_SOURCE_PORT, this.slotPorts[p], this.reduced)
  }

  /**
   * The appliances (indices) an outcome of the last walk stands for: its first pick and that one's twins among the
   * first decision's candidates, its first pick first. Null when it stands for itself alone (no decision, or a
   * walk of every choice).
   */
  standsFor(o: Outcome): number[] | null {
    if (!this.reduced || o.picks.length === 0) return null
    const first = this.prober.firstEligible
    const lead = first[o.picks[0]]
    const twins = first.filter((a) => a !== lead && this.groups[a] === this.groups[lead])
    return twins.length ? [lead, ...twins] : null
  }

  /** A sender of the space resolved against this network: null when it is not in it. */
  private senderAt(si: number): PreparedPacket | null {
    if (this.senders[si] === undefined) {
      const s = this.space.sources[si]
      if (s.kind !== 'internet') this.senders[si] = this.prober.sender(s.id)
      else {
        const internet = this.prober.sender('0.0.0.0')
        this.senders[si] = internet && { ...internet, src: representativeAddress(s) | 0 }
      }
    }
    return this.senders[si] as PreparedPacket | null
  }
}
