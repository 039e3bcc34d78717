// A packet's outcomes under every appliance the GWLB's hash could choose: request and reply on the fast path,
// and the explaining trace of one of them for a counterexample. May not touch: React, the DOM, zustand.
import { parseIpv4 } from '../../src/model'
import {
  type ApplianceChoices,
  createRuntimeState,
  DEFAULT_DESTINATION_PORT,
  DEFAULT_PACKET_SIZE,
  DEFAULT_SOURCE_PORT,
  type Disposition,
  FlowTable,
  forward,
  isDropped,
  type Network,
  newForwardResult,
  type PacketSpec,
  type PreparedPacket,
  type Protocol,
  preparePacket,
  type RoundTrip,
  type RuntimeState,
  T_APPLIANCE,
  T_ECS,
  traceRoundTrip,
} from '../engine'

/** What one packet and its answer did, for one choice of appliances. */
export interface Outcome {
  /** the appliance picked at each new flow, in order, where the hash would have chosen (verification's picks) */
  picks: number[]
  request: Disposition
  /** the last appliance that inspected the request, or null */
  appliance: string | null
  /** null when the request did not arrive, so nothing answers */
  reply: Disposition | null
  replyAppliance: string | null
}

/** A verifier's runtime state: the design's initial one, with tables small enough to clear for every walk. */
export function verifierState(net: Network): RuntimeState {
  return { ...createRuntimeState(net), flows: new FlowTable(16), sessions: new FlowTable(16) }
}

const success = (d: Disposition) => !isDropped(d)

const PROTO = { tcp: 6, udp: 17, icmp: 1 } as const

/**
 * Forwards packets and their answers under every appliance choice. Keeps one state and the packets of each
 * sender resolved once, so that a class costs its walks and little else.
 */
export class Prober {
  readonly state: RuntimeState
  private readonly out = newForwardResult()
  private readonly senders = new Map<string, PreparedPacket | null>()
  /** the request being walked: one object, refilled for every class */
  private readonly scratch: PreparedPacket = {
    startAt: 0,
    startIdx: -1,
    sourceId: null,
    src: 0,
    dst: 0,
    proto: 6,
    protocol: 'tcp',
    sport: 0,
    dport: 0,
    size: DEFAULT_PACKET_SIZE,
    reply: false,
    // every class is probed as a connection's first packet: the flow table has no state to expire
    established: false,
  }

  /** the answer being walked */
  private readonly answer: PreparedPacket = { ...this.scratch }
  /** per receiver target code: the answer's sender */
  private readonly receivers: (PreparedPacket | null)[] = []

  /** the first decision's eligible appliances, filled by the engine when the walk's class may be reduced */
  readonly firstEligible: number[] = []

  /**
   * `groups`: interchangeable appliances (symmetry.ts), per appliance index the first of its group. Given, a walk
   * whose packet is symmetric under swapping them (runFrom's `reduce`) tries one appliance per group at its first
   * decision: the others' outcomes are the same but for the appliances' names.
   */
  constructor(
    readonly net: Network,
    private readonly groups: Int32Array | null = null,
  ) {
    this.state = verifierState(net)
  }

  /**
   * Who answers a request that arrived: the receiver, or for one that left for the internet an address no
   * resource holds (0.0.0.0 resolves as one; the caller sets the address). Undefined: nothing answers (the
   * cloud's service network is outside the design); null: the receiver cannot send.
   */
  private answerer(disposition: Disposition, receiver: number): PreparedPacket | null | undefined {
    if (disposition === 'EXITS_TO_INTERNET') return this.sender('0.0.0.0')
    if (disposition !== 'DELIVERED' || receiver < 0) return undefined
    let p = this.receivers[receiver]
    if (p === undefined) {
      const net = this.net
      const kind = receiver & 7
      const idx = receiver >> 3
      const id = kind === T_ECS ? net.ecs[idx].id : kind === T_APPLIANCE ? net.appliances[idx].id : net.hosts[idx].id
      p = this.sender(id)
      this.receivers[receiver] = p
    }
    return p
  }

  /** A sender resolved against the network once: an id, or an internet address that no resource holds. */
  sender(source: string): PreparedPacket | null {
    let p = this.senders.get(source)
    if (p === undefined) {
      const r = preparePacket(this.net, { source, destination: '0.0.0.0', protocol: 'tcp' })
      p = r.ok ? r.packet : null
      this.senders.set(source, p)
    }
    return p
  }

  /** Every outcome of a packet; see run(). */
  outcomes(spec: PacketSpec): Outcome[] {
    const dst = parseIpv4(spec.destination)
    const sport = spec.sourcePort ?? DEFAULT_SOURCE_PORT
    const dport = spec.destinationPort ?? DEFAULT_DESTINATION_PORT
    return this.run(spec.source, dst ?? -1, spec.protocol, sport, dport)
  }

  /**
   * Every outcome of a packet (destination as an unsigned number): forwards it with the first eligible appliance
   * at each GWLB decision, then with every other combination the decisions offer (a decision the first walk did
   * not meet may appear once an earlier one changes), depth first. The reply goes through the same state, so it
   * meets the GWLB's flow table and the appliance's session as a real answer would.
   */
  run(source: string, dst: number, protocol: Protocol, sport: number, dport: number): Outcome[] {
    return this.runFrom(dst < 0 ? null : this.sender(source), dst, protocol, sport, dport)
  }

  /** As run(), from a sender already resolved (sender(), or an internet sender's packet with its address). */
  runFrom(
    sender: PreparedPacket | null,
    dst: number,
    protocol: Protocol,
    sport: number,
    dport: number,
    reduce = false,
  ): Outcome[] {
    const net = this.net
    if (!sender) return [{ picks: [], request: 'INVALID_PACKET', appliance: null, reply: null, replyAppliance: null }]
    const icmp = protocol === 'icmp'
    const request = this.scratch
    Object.assign(request, sender)
    request.dst = dst | 0
    request.protocol = protocol
    request.proto = PROTO[protocol]
    request.sport = icmp ? 0 : sport
    request.dport = icmp ? 0 : dport
    request.reply = false
    const state = this.state
    const out = this.out
    const groups = reduce ? this.groups : null
    const choices: ApplianceChoices = {
      picks: [],
      eligible: [],
      firstEligible: groups ? this.firstEligible : undefined,
    }
    state.choices = choices
    const result: Outcome[] = []
    for (;;) {
      choices.eligible.length = 0
      state.flows.clear()
      state.sessions.clear()
      forward(net, request, state, out)
      const o: Outcome = {
        picks: [],
        request: out.disposition,
        appliance: out.appliance >= 0 ? net.appliances[out.appliance].id : null,
        reply: null,
        replyAppliance: null,
      }
      const answering = success(out.disposition) ? this.answerer(out.disposition, out.receiver) : undefined
      if (answering !== undefined) {
        if (answering) {
          // from where the request arrived, to the source it arrived with, ports swapped
          const answer = this.answer
          Object.assign(answer, answering)
          if (out.disposition === 'EXITS_TO_INTERNET') answer.src = out.dst
          answer.dst = out.src
          answer.protocol = request.protocol
          answer.proto = request.proto
          answer.sport = request.dport
          answer.dport = request.sport
          answer.size = request.size
          answer.reply = true
          forward(net, answer, state, out)
          o.reply = out.disposition
          o.replyAppliance = out.appliance >= 0 ? net.appliances[out.appliance].id : null
        } else o.reply = 'INVALID_PACKET'
      }
      const made = choices.eligible.length
      o.picks = choices.picks.slice(0, made)
      while (o.picks.length < made) o.picks.push(0)
      result.push(o)
      // the next combination: the last decision that has an untried appliance moves on, later ones restart
      let k = made - 1
      while (k >= 0 && (choices.picks[k] ?? 0) + 1 >= choices.eligible[k]) k--
      if (k < 0) break
      let next = o.picks[k] + 1
      // at the first decision, one appliance per group of interchangeable ones
      if (k === 0 && groups) while (next < choices.eligible[0] && this.twinBefore(groups, next)) next++
      if (k === 0 && next >= choices.eligible[0]) break
      choices.picks = [...o.picks.slice(0, k), next]
    }
    state.choices = undefined
    return result
  }

  /** Whether the first decision's candidate p has a twin among the candidates before it. */
  private twinBefore(groups: Int32Array, p: number): boolean {
    const first = this.firstEligible
    const g = groups[first[p]]
    for (let q = 0; q < p; q++) if (groups[first[q]] === g) return true
    return false
  }
}

/** Every outcome of a packet under every appliance choice (a one-off; a Prober serves many packets). */
export function outcomes(net: Network, spec: PacketSpec): Outcome[] {
  return new Prober(net).outcomes(spec)
}

/** The explaining round trip of one outcome: the same appliance picks, played as a trace. */
export function replay(net: Network, spec: PacketSpec, picks: readonly number[]): RoundTrip {
  const state = verifierState(net)
  state.choices = { picks: [...picks], eligible: [] }
  return traceRoundTrip(net, spec, state)
}
