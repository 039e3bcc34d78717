// The forwarding decisions, hop by hop. One function serves both the fast path (no recorder: numbers only, no
// allocation) and the explaining trace (a recorder writes hops and steps), so the two cannot disagree.
// May not touch: React, the DOM, zustand, the design document (it reads the compiled network only).
import { CLOUD_SERVICES_CIDR, formatIpv4, isPrivateAddress } from '../../src/model'
import { SCOPE_PUBLIC } from './addrTable'
import type { AssumptionId } from './assumptions'
import { assumptionText } from './assumptions'
import {
  AT_APPLIANCE,
  AT_APPLIANCE_RECV,
  AT_APPLIANCE_SEND,
  AT_ECS_RECV,
  AT_ECS_SEND,
  AT_GWLB_BACK,
  AT_GWLB_IN,
  AT_GWLBE_IN,
  AT_GWLBE_OUT,
  AT_HOST_RECV,
  AT_HOST_SEND,
  AT_IPV4_GATEWAY_IN,
  AT_IPV4_GATEWAY_OUT,
  AT_SERVICE_IN,
  AT_SERVICE_OUT,
  D_APPLIANCE_DENIED,
  D_APPLIANCE_DOWN,
  D_APPLIANCE_HUNG,
  D_BLACKHOLE,
  D_CLOUD_SERVICES,
  D_DELIVERED,
  D_ENDPOINT,
  D_EXITS,
  D_FLOW_EXPIRED,
  D_HOST_UNREACHABLE,
  D_LOOP,
  D_MTU,
  D_NO_HEALTHY,
  D_NO_LISTENER,
  D_NO_PUBLIC,
  D_NO_ROUTE,
  D_NO_SERVICE,
  D_NOT_FORWARDING,
  D_SG,
  D_STATEFUL,
  D_ZONE_DOWN,
  next,
  POS,
  POS_BITS,
} from './codes'
import { endpointsSwapped, flowHash, ports, score } from './hash'
import { unhealthyText } from './healthChecks'
import {
  type CAppliance,
  type CGwlb,
  type CGwlbNode,
  type CInstance,
  type CRouteEntry,
  GENEVE_PORT,
  GWLB_MAX_PACKET,
  type Network,
  NH_BLACKHOLE,
  NH_CLOUD_SERVICES,
  NH_GWLBE,
  NH_INSTANCE,
  NH_IPV4_GATEWAY,
  NH_LOCAL,
  NH_ROUTE_TARGET_GROUP,
  PROTO_UDP,
  RT_ENTRY,
  RT_NEXT_HOP,
  RT_TARGET,
  RT_VPC,
  RUN_RUNNING,
  RUN_STOPPED,
  T_APPLIANCE,
  T_ECS,
  T_GWLBE,
  T_HOST,
} from './network'
import { lpm } from './routeLookup'
import { carryingEndpoint, routeTargetRule, routeTargetText } from './routeTargets'
import { matchPolicy } from './rules'
import { decideSecurityGroup, securityGroupRule, securityGroupText } from './securityGroups'
import { type ApplianceChoices, DRAINING, idleSeconds, MEMBER, REMOVED, type RuntimeState } from './state'
import {
  DISPOSITIONS,
  type Disposition,
  type GwlbHashRule,
  type Headers,
  type Hop,
  type OuterHeader,
  type Protocol,
  type Rule,
  routeTableText,
  routeText,
  type StepAction,
} from './types'

/** A packet resolved against a network: numbers only, ready for the fast path. */
export interface PreparedPacket {
  startAt: number
  /** -1 for an internet address that no resource holds */
  startIdx: number
  sourceId: string | null
  src: number
  dst: number
  proto: number
  protocol: Protocol
  sport: number
  dport: number
  size: number
  reply: boolean
  /** a later packet of its connection: it cannot start a GWLB flow (PacketSpec.connection) */
  established: boolean
}

/** The fast path's answer; one object can be reused across calls. */
export interface ForwardResult {
  disposition: Disposition
  /** the appliance index that inspected the packet, or -1 */
  appliance: number
  hops: number
  /** the headers' addresses where the walk ended (after any EIP translation), for answering the packet */
  src: number
  dst: number
  /** DELIVERED: the target code (index * 8 + T_ECS, T_APPLIANCE or T_HOST) of the receiver; otherwise -1 */
  receiver: number
}

export function newForwardResult(): ForwardResult {
  return { disposition: 'DELIVERED', appliance: -1, hops: 0, src: 0, dst: 0, receiver: -1 }
}

const term = (code: number) => -(code + 1)

// The packet and context of the walk in progress. The walk is never re-entered, so module scope is safe and
// keeps the fast path free of closures and allocations.
let N: Network
let S: RuntimeState
let R: Recorder | null = null
let pSrc = 0
let pDst = 0
let pProto = 0
let pSport = 0
let pDport = 0
let pSize = 0
let pReply = false
/** a later packet of a connection, not its first: it cannot start a GWLB flow */
let pEstablished = false
let cEp = -1
let cNode = -1
let cAppliance = -1
let cHash = 0
let visited = new Int32Array(4 * 64)
let lookups = 0

/** Map and table look-ups done so far by every walk (the bench compares the engine with a bare loop of as many). */
export function lookupCount(): number {
  return lookups
}

/** Adds the look-ups of forward()'s fast path (fastPath.ts), so the bench's count covers both paths. */
export function countLookups(n: number): void {
  lookups += n
}

const ip = formatIpv4

/** Collects hops and steps for the explaining trace. */
export class Recorder {
  hops: Hop[] = []
  used = new Set<AssumptionId>()
  text = ''
  private hop: Hop | null = null
  private lastId: string | null = null

  constructor(
    private readonly protocol: Protocol,
    private readonly ports: boolean,
  ) {}

  open(resourceId: string | null, kind: string, name: string, endpointId?: string, zoneId?: string): void {
    this.hop = {
      resourceId,
      kind,
      name,
      from: this.lastId,
      ...(endpointId ? { endpointId } : {}),
      ...(zoneId ? { zoneId } : {}),
      steps: [],
    }
    this.hops.push(this.hop)
    this.lastId = resourceId
  }

  headers(): Headers {
    const h: Headers = { source: ip(pSrc), destination: ip(pDst), protocol: this.protocol, size: pSize }
    if (this.ports) {
      h.sourcePort = pSport
      h.destinationPort = pDport
    }
    return h
  }

  step(action: StepAction, text: string, rule?: Rule, outer?: OuterHeader): void {
    this.hop?.steps.push({
      action,
      text,
      ...(rule ? { rule } : {}),
      packet: this.headers(),
      ...(outer ? { outer } : {}),
    })
  }

  use(id: AssumptionId): void {
    this.used.add(id)
  }

  /** The packet in one line, as a network analyser would print it. */
  line(): string {
    const p = this.ports ? `${ip(pSrc)}:${pSport} → ${ip(pDst)}:${pDport}` : `${ip(pSrc)} → ${ip(pDst)}`
    return `${p} ${this.protocol}, ${pSize} bytes`
  }
}

/** A terminal code. Callers pass `R && text`, so the fast path never builds the text. */
function end(code: number, text: string | null): number {
  if (R && text !== null) {
    const success = code <= D_EXITS || code === D_CLOUD_SERVICES
    R.step(success ? (code === D_DELIVERED ? 'deliver' : 'exit') : 'drop', text)
    R.text = text
  }
  return term(code)
}

function routeMatch(e: CRouteEntry): string {
  return `${routeText(e.rule)} matches ${ip(pDst)}`
}

/** Looks the destination up in a route table and says where the packet goes next. */
function routeFrom(ti: number): number {
  lookups++
  const q = lpm(N, ti, pDst)
  if (R) R.use('routeSelection')
  if (q < 0) {
    if (!R) return term(D_NO_ROUTE)
    const t = N.tables[ti]!
    const table = routeTableText(t.id, t.type === 'system')
    return end(D_NO_ROUTE, `no entry of ${table} matches ${ip(pDst)}`)
  }
  const L = N.routes
  const target = L[q + RT_TARGET]!
  if (R) {
    const t = N.tables[ti]!
    const e = t.entries[L[q + RT_ENTRY]!]!
    R.step('route', routeMatch(e), e.rule)
  }
  switch (L[q + RT_NEXT_HOP]) {
    case NH_CLOUD_SERVICES:
      return end(
        D_CLOUD_SERVICES,
        R &&
          `${ip(pDst)} is in ${CLOUD_SERVICES_CIDR}: the packet leaves for Alibaba Cloud's service network, outside this design`,
      )
    case NH_BLACKHOLE:
      return end(
        D_BLACKHOLE,
        R && `black hole: the route's next hop ${N.tables[ti]!.entries[L[q + RT_ENTRY]!]!.blackhole}`,
      )
    case NH_IPV4_GATEWAY:
      return next(AT_IPV4_GATEWAY_OUT, target)
    case NH_GWLBE:
      return next(AT_GWLBE_IN, target)
    case NH_ROUTE_TARGET_GROUP:
      return viaRouteTargetGroup(target)
    case NH_INSTANCE:
      return next((target & 7) === T_ECS ? AT_ECS_RECV : AT_APPLIANCE_RECV, target >> 3)
    case NH_LOCAL: {
      lookups++
      const code = N.addrTable.get(L[N.routeAt[ti]! + RT_VPC]!, pDst)
      if (code < 0)
        return end(D_HOST_UNREACHABLE, R && `no instance in vSwitch ${N.vswitches[target]!.id} holds ${ip(pDst)}`)
      const kind = code & 7
      if (kind === T_ECS) return next(AT_ECS_RECV, code >> 3)
      if (kind === T_APPLIANCE) return next(AT_APPLIANCE_RECV, code >> 3)
      if (!R) return term(D_HOST_UNREACHABLE)
      const what =
        kind === T_GWLBE
          ? `the ENI of endpoint ${N.endpoints[code >> 3]!.id}`
          : `an address of ${N.gwlbs[N.nodes[code >> 3]!.gwlb]!.id}`
      return end(D_HOST_UNREACHABLE, `${ip(pDst)} is ${what}, which takes only traffic routed to it as a next hop`)
    }
  }
  return end(D_NO_ROUTE, R && 'unknown next hop')
}

/** A route target group hands the packet to the member carrying its traffic now (state.ts, routeTargets.ts). */
function viaRouteTargetGroup(gi: number): number {
  const g = N.routeTargetGroups[gi]
  const ep = g ? carryingEndpoint(g, S) : -1
  if (R && g) {
    R.use('routeTargetProbeInterval')
    const rule = routeTargetRule(N, g, S)
    R.step('routeTarget', routeTargetText(rule), rule)
  }
  if (ep < 0) return end(D_BLACKHOLE, R && `black hole: route target group ${g?.id ?? gi} has no such member`)
  return next(AT_GWLBE_IN, ep)
}

/** The packet is on the internet, addressed to pDst. */
function toInternet(): number {
  if (isPrivateAddress(pDst))
    return end(D_NO_ROUTE, R && `${ip(pDst)} is a private address: the internet does not route it`)
  lookups++
  const code = N.addrTable.get(SCOPE_PUBLIC, pDst)
  if (code < 0)
    return end(D_EXITS, R && `no resource of the design holds ${ip(pDst)}: the packet leaves for the internet`)
  if ((code & 7) === T_HOST) {
    if (R) R.step('send', `the internet carries it to ${N.hosts[code >> 3]!.id}`)
    return next(AT_HOST_RECV, code >> 3)
  }
  const e = N.ecs[code >> 3]!
  const ipv4Gateway = N.vpcs[e.vpc]!.ipv4Gateway
  if (ipv4Gateway < 0)
    return end(
      D_NO_ROUTE,
      R && `${ip(pDst)} is the EIP of ${e.id}, but VPC ${N.vpcs[e.vpc]!.id} has no IPv4 gateway to take it in`,
    )
  if (R)
    R.step(
      'send',
      `${ip(pDst)} is the EIP of ${e.id}; the internet carries it to ${N.ipv4Gateways[ipv4Gateway]!.id}, the IPv4 gateway of ${N.vpcs[e.vpc]!.id}`,
    )
  return next(AT_IPV4_GATEWAY_IN, ipv4Gateway)
}

/** A stopped appliance is down; a hung one has its own reason, since the health checks cannot see it. */
function applianceNotRunning(id: string, run: number): number {
  if (run === RUN_STOPPED) return end(D_APPLIANCE_DOWN, R && `${id} is stopped`)
  return end(D_APPLIANCE_HUNG, R && `${id} is hung: it answers health checks but drops traffic`)
}

/** An instance sends its own packet: outbound security group, then its vSwitch's route table. */
function instanceSend(inst: CInstance, appliance: boolean): number {
  if (R) R.step('send', `${inst.id} (${inst.address}) sends ${R.line()}`)
  if (S.zoneDown[inst.zone]) return end(D_ZONE_DOWN, R && `zone ${N.zones[inst.zone]} is down`)
  if (appliance && S.run[inst.index] !== RUN_RUNNING) return applianceNotRunning(inst.id, S.run[inst.index]!)
  if (pReply) {
    if (R) R.step('securityGroup', 'a reply: the security group tracks connections and lets it out')
  } else {
    lookups++
    const d = decideSecurityGroup(N.securityGroups, inst.sg, false, pProto, pDst, pDport)
    if (R) {
      const sgs = N.securityGroups
      R.step(
        'securityGroup',
        securityGroupText(sgs, inst.sg, false, d, ip(pDst)),
        securityGroupRule(sgs, inst.sg, false, d),
      )
    }
    if (!d.accept) return end(D_SG, R && `the security group of ${inst.id} drops the outbound packet`)
  }
  return routeFrom(inst.table)
}

/** A packet addressed to an instance arrives: inbound security group, then delivery. */
function instanceReceive(inst: CInstance, appliance: boolean): number {
  if (R) R.step('receive', `arrives at ${inst.id} (${inst.address})`)
  if (S.zoneDown[inst.zone]) return end(D_ZONE_DOWN, R && `zone ${N.zones[inst.zone]} is down`)
  if (pDst !== inst.addr)
    return end(
      D_NOT_FORWARDING,
      R &&
        `the route hands ${inst.id} a packet for ${ip(pDst)}; instances here do not forward packets addressed to others`,
    )
  if (appliance && S.run[inst.index] !== RUN_RUNNING) return applianceNotRunning(inst.id, S.run[inst.index]!)
  if (pReply) {
    if (R) R.step('securityGroup', 'a reply: the security group tracks connections and lets it in')
  } else {
    lookups++
    const d = decideSecurityGroup(N.securityGroups, inst.sg, true, pProto, pSrc, pDport)
    if (R) {
      const sgs = N.securityGroups
      R.step(
        'securityGroup',
        securityGroupText(sgs, inst.sg, true, d, ip(pSrc)),
        securityGroupRule(sgs, inst.sg, true, d),
      )
    }
    if (!d.accept) return end(D_SG, R && `the security group of ${inst.id} denies the inbound packet`)
  }
  return end(D_DELIVERED, R && `delivered to ${inst.id}`)
}

function outer(src: number, dst: number): OuterHeader {
  const options: OuterHeader['options'] = [
    { class: '0x0108', type: 1, name: 'gwlbEndpointId', value: N.endpoints[cEp]!.id },
  ]
  if (N.assumptions.geneveOptions === 'awsTlvs') {
    options.push({ class: '0x0108', type: 2, name: 'attachmentId', value: '0' })
    options.push({ class: '0x0108', type: 3, name: 'flowCookie', value: `0x${cHash.toString(16).padStart(8, '0')}` })
  }
  return {
    source: ip(src),
    destination: ip(dst),
    protocol: 'udp',
    destinationPort: GENEVE_PORT,
    size: pSize + N.geneveOverhead,
    overhead: N.geneveOverhead,
    options,
  }
}

const VIA_HASH = 0
const VIA_FLOW = 1
const VIA_REBALANCED = 2
const VIA_ALL_UNHEALTHY = 3
const VIA_FORCED = 4
const VIA_NAMES = ['hash', 'flowTable', 'rebalanced', 'allUnhealthy', 'forced'] as const

function explainSchedule(
  g: CGwlb,
  nd: CGwlbNode,
  lo: number,
  hi: number,
  /** the flow key's ports word: the first endpoint's port, then the second's */
  k2: number,
  symmetric: boolean,
  chosen: number,
  via: number,
): void {
  if (!R) return
  const protocol = R.headers().protocol
  const inputs: GwlbHashRule['inputs'] = { addresses: [ip(lo), ip(hi)] }
  if (g.scheduler === 5) inputs.ports = [k2 >>> 16, k2 & 0xffff]
  if (g.scheduler >= 3) inputs.protocol = protocol
  const membership = ['member', 'draining', 'removed'] as const
  const chosenId = N.appliances[chosen]!.id
  const rule: GwlbHashRule = {
    type: 'gwlbHash',
    gwlbId: g.id,
    zoneId: N.zones[nd.zone]!,
    scheduler: g.schedulerName,
    inputs,
    symmetric,
    key: `0x${cHash.toString(16).padStart(8, '0')}`,
    crossZone: g.crossZone,
    candidates: [...nd.candidates].map((a) => ({
      applianceId: N.appliances[a]!.id,
      zoneId: N.zones[N.appliances[a]!.zone]!,
      healthy: S.healthy[a] === 1,
      membership: membership[S.membership[a]!] ?? 'removed',
      score: score(cHash, N.appliances[a]!.rendezvousKey),
    })),
    chosen: chosenId,
    via: VIA_NAMES[via]!,
  }
  const fields =
    g.scheduler === 5 ? 'addresses, ports and protocol' : g.scheduler === 3 ? 'addresses and protocol' : 'addresses'
  const scope = g.crossZone
    ? 'appliances in every zone'
    : `appliances in zone ${N.zones[nd.zone]} only (cross-zone off)`
  const how =
    via === VIA_FLOW
      ? `the flow table already pins this flow to ${chosenId}`
      : via === VIA_REBALANCED
        ? `the pinned appliance is unhealthy or removed and the server group rebalances: the ${g.schedulerName} hash (${fields}) over ${scope} now picks ${chosenId}`
        : via === VIA_ALL_UNHEALTHY
          ? `no appliance is healthy; the ${g.schedulerName} hash over every registered appliance picks ${chosenId}`
          : via === VIA_FORCED
            ? `verification tries every appliance the ${g.schedulerName} hash could pick over ${scope}; this walk takes ${chosenId}`
            : `the ${g.schedulerName} hash (${fields}${symmetric ? ', endpoints sorted so both directions agree' : ''}) over healthy ${scope} picks ${chosenId}`
  R.step('schedule', how, rule)
}

/**
 * Verification's override of the hash (RuntimeState.choices): the pick for this walk's next new flow among the
 * candidates the hash would consider, healthy members or, when none is healthy, every registered one.
 */
function forcedChoice(c: Int32Array, anyRegistered: boolean): number {
  const ch = S.choices as ApplianceChoices
  const want = ch.picks[ch.eligible.length] ?? 0
  // the first decision's candidates, for verification's reduction over identically configured appliances
  const first = ch.eligible.length === 0 ? ch.firstEligible : undefined
  if (first) first.length = 0
  let n = 0
  let chosen = -1
  for (let i = 0; i < c.length; i++) {
    const a = c[i]!
    const ok = anyRegistered ? S.membership[a] !== REMOVED : S.membership[a] === MEMBER && S.healthy[a] === 1
    if (!ok) continue
    if (n === want) chosen = a
    first?.push(a)
    n++
  }
  ch.eligible.push(n)
  return chosen
}

/**
 * A flow the table holds but that sat idle past the GWLB's timeout: a leftover packet of the old connection is
 * dropped (the terminal code; the entry stays for the next such packet), a new connection's first packet removes
 * it and goes on (0).
 */
function idleFlow(slot: number): number {
  if (pEstablished)
    return end(
      D_FLOW_EXPIRED,
      R &&
        `the flow sat idle past the GWLB's fixed timeout (TCP 350 s, others 120 s), so the GWLB closed the connection: a leftover packet of it is dropped; only a new connection's first packet starts a flow`,
    )
  if (R)
    R.step(
      'schedule',
      "the flow sat idle past the GWLB's fixed timeout (TCP 350 s, others 120 s) and was closed: this new connection's first packet starts a new flow",
    )
  S.flows.deleteSlot(slot)
  return 0
}

/**
 * The candidate with the highest rendezvous score for the flow's hash (cHash) among the healthy members, or with
 * `anyRegistered` among every appliance still registered; -1 when there is none.
 */
function hashPick(c: Int32Array, anyRegistered: boolean): number {
  let best = -1
  let bestScore = -1
  for (let i = 0; i < c.length; i++) {
    const a = c[i]!
    const eligible = anyRegistered ? S.membership[a] !== REMOVED : S.membership[a] === MEMBER && S.healthy[a] === 1
    if (!eligible) continue
    const sc = score(cHash, N.appliances[a]!.rendezvousKey)
    if (sc > bestScore) {
      bestScore = sc
      best = a
    }
  }
  return best
}

/** No member is healthy: the allUnhealthy assumption picks among every registered appliance, or the packet drops. */
function allUnhealthyPick(g: CGwlb, nd: CGwlbNode): number {
  if (R) R.use('allUnhealthy')
  let best = -1
  if (N.assumptions.allUnhealthy === 'awsRandomTarget') {
    best = hashPick(nd.candidates, true)
    if (best >= 0 && S.choices) best = forcedChoice(nd.candidates, true)
  }
  if (best >= 0) return best
  const scope = g.crossZone ? '' : ` in zone ${N.zones[nd.zone]} (cross-zone off)`
  const why = R ? unhealthyText(N, nd.candidates, S) : ''
  return end(
    D_NO_HEALTHY,
    R &&
      `${g.id} has no healthy appliance${scope}${why ? `: ${why}` : ''}; ${assumptionText('allUnhealthy', N.assumptions.allUnhealthy)}`,
  )
}

/** Picks the appliance for a packet at a GWLB node: flow table first, then the consistent hash. */
function schedule(g: CGwlb, nd: CGwlbNode): number {
  const symmetric = N.assumptions.symmetricHash === 'sortedEndpoints'
  if (R) R.use('symmetricHash')
  const swapped = symmetric && endpointsSwapped(pSrc, pDst, pSport, pDport)
  const lo = swapped ? pDst : pSrc
  const hi = swapped ? pSrc : pDst
  const k2 = ports(swapped, pSport, pDport)
  const k3 = pProto | (nd.index << 8)
  // the GWLB's hash chooses for a new or rebalanced flow, and a trace shows it; a pinned flow on the fast path
  // needs neither, so it is computed only then
  if (R) cHash = flowHash(g.scheduler, lo, hi, k2, pProto)
  const flows = S.flows
  lookups++
  let slot = flows.find(lo, hi, k2, k3)
  let via = VIA_HASH
  if (slot >= 0 && S.now - flows.lastSeen(slot) > idleSeconds(pProto)) {
    const r = idleFlow(slot)
    if (r < 0) return r
    slot = -1
  }
  if (slot >= 0) {
    const a = flows.value(slot)
    const m = S.membership[a]
    if (m === DRAINING || (m === MEMBER && S.healthy[a] === 1) || !g.rebalance) {
      flows.touch(slot, S.now)
      explainSchedule(g, nd, lo, hi, k2, symmetric, a, VIA_FLOW)
      return a
    }
    via = VIA_REBALANCED
  }
  if (!R) cHash = flowHash(g.scheduler, lo, hi, k2, pProto)
  const c = nd.candidates
  let best = hashPick(c, false)
  if (best >= 0 && S.choices) {
    best = forcedChoice(c, false)
    via = VIA_FORCED
  }
  if (best < 0) {
    best = allUnhealthyPick(g, nd)
    if (best < 0) return best
    via = VIA_ALL_UNHEALTHY
  }
  flows.set(lo, hi, k2, k3, best, S.now)
  explainSchedule(g, nd, lo, hi, k2, symmetric, best, via)
  return best
}

/** The appliance inspects the inner packet: policy, and for a stateful one its session table. */
function inspect(ap: CAppliance): number {
  const swapped = endpointsSwapped(pSrc, pDst, pSport, pDport)
  const lo = swapped ? pDst : pSrc
  const hi = swapped ? pSrc : pDst
  const k2 = ports(swapped, pSport, pDport)
  const k3 = pProto | ((ap.index + 1) << 8)
  if (ap.stateful) {
    lookups++
    const session = S.sessions.find(lo, hi, k2, k3)
    if (session >= 0) {
      // the traffic a session lets through keeps it: its idle timeout counts from the connection's last packet
      S.sessions.touch(session, S.now)
      if (R)
        R.step('session', `${ap.id} has a session for this connection: allowed without re-checking its policy`, {
          type: 'session',
          applianceId: ap.id,
          found: true,
        })
      return 0
    }
    if (pReply) {
      if (R)
        R.step('session', `${ap.id} is stateful and has no session for this reply`, {
          type: 'session',
          applianceId: ap.id,
          found: false,
        })
      return end(D_STATEFUL, R && `${ap.id} never saw the request of this reply (asymmetric path): dropped`)
    }
  }
  lookups++
  const i = matchPolicy(ap.policy, pProto, pSrc, pDst, pDport)
  const allow = i < 0 ? ap.defaultAllow : ap.policy[i]!.allow
  if (R) {
    const rule: Rule =
      i >= 0
        ? ap.policy[i]!.ref
        : { type: 'appliancePolicy', applianceId: ap.id, ruleIndex: -1, action: ap.defaultAllow ? 'allow' : 'deny' }
    const ref = rule.type === 'appliancePolicy' ? rule : null
    // numbered from 1, as the inspector lists the policy
    const what =
      ref && ref.ruleIndex >= 0
        ? `policy rule ${ref.ruleIndex + 1}${ref.description ? ` (${ref.description})` : ''}`
        : 'no policy rule matches; the default action'
    R.step('policy', `${ap.id}: ${what} ${allow ? 'allows' : 'denies'} it`, rule)
  }
  if (!allow) return end(D_APPLIANCE_DENIED, R && `${ap.id}'s policy denies the packet`)
  if (ap.stateful) {
    S.sessions.set(lo, hi, k2, k3, 1, S.now)
    if (R)
      R.step('session', `${ap.id} records a session for this connection`, {
        type: 'session',
        applianceId: ap.id,
        found: false,
      })
  }
  return 0
}

function openHop(at: number, idx: number): void {
  if (!R) return
  switch (at) {
    case AT_HOST_SEND:
    case AT_HOST_RECV:
      if (idx < 0) R.open(null, 'internet', `internet address ${ip(pSrc)}`)
      else R.open(N.hosts[idx]!.id, 'internetHost', N.hosts[idx]!.name)
      return
    case AT_ECS_SEND:
    case AT_ECS_RECV:
      R.open(N.ecs[idx]!.id, 'ecs', N.ecs[idx]!.name)
      return
    case AT_APPLIANCE_SEND:
    case AT_APPLIANCE_RECV:
      R.open(N.appliances[idx]!.id, 'appliance', N.appliances[idx]!.name)
      return
    case AT_APPLIANCE:
      R.open(N.appliances[idx]!.id, 'appliance', N.appliances[idx]!.name, N.endpoints[cEp]!.id)
      return
    case AT_IPV4_GATEWAY_IN:
    case AT_IPV4_GATEWAY_OUT:
      R.open(N.ipv4Gateways[idx]!.id, 'ipv4Gateway', N.ipv4Gateways[idx]!.name)
      return
    case AT_GWLBE_IN:
    case AT_GWLBE_OUT:
      R.open(N.endpoints[idx]!.id, 'gwlbEndpoint', N.endpoints[idx]!.name)
      return
    case AT_SERVICE_IN:
    case AT_SERVICE_OUT:
      R.open(N.services[idx]!.id, 'endpointService', N.services[idx]!.name, N.endpoints[cEp]!.id)
      return
    case AT_GWLB_IN:
    case AT_GWLB_BACK: {
      const g = N.gwlbs[N.nodes[idx]!.gwlb]!
      R.open(g.id, 'gwlb', g.name, N.endpoints[cEp]!.id, N.zones[N.nodes[idx]!.zone])
      return
    }
  }
}

function hostSend(): number {
  if (R) R.step('send', `sends ${R.line()} across the internet`)
  return toInternet()
}

function hostReceive(idx: number): number {
  if (R) R.step('receive', `arrives at ${N.hosts[idx]!.id} (${N.hosts[idx]!.address})`)
  return end(D_DELIVERED, R && `delivered to ${N.hosts[idx]!.id} on the internet`)
}

/** From the internet into the VPC: the EIP becomes the private address, then the gateway route table. */
function ipv4GatewayIn(idx: number): number {
  const g = N.ipv4Gateways[idx]!
  if (R) R.step('receive', `enters VPC ${N.vpcs[g.vpc]!.id} from the internet`)
  lookups++
  const code = N.addrTable.get(SCOPE_PUBLIC, pDst)
  if (code < 0 || (code & 7) !== T_ECS) return end(D_NO_ROUTE, R && `${ip(pDst)} is no EIP of this VPC`)
  const e = N.ecs[code >> 3]!
  pDst = e.addr
  if (R)
    R.step('translate', `destination ${e.eipText} → ${e.address}: the EIP of ${e.id}`, {
      type: 'eip',
      instanceId: e.id,
      publicIpAddress: e.eipText ?? '',
      privateIpAddress: e.address,
    })
  return routeFrom(g.table)
}

/** From the VPC to the internet: the private source becomes its EIP. */
function ipv4GatewayOut(idx: number): number {
  const g = N.ipv4Gateways[idx]!
  if (R) R.step('receive', `reaches ${g.id} from inside VPC ${N.vpcs[g.vpc]!.id}`)
  lookups++
  const code = N.addrTable.get(g.vpc, pSrc)
  const e = code >= 0 && (code & 7) === T_ECS ? N.ecs[code >> 3]! : null
  if (!e || e.eipText === null)
    return end(D_NO_PUBLIC, R && `source ${ip(pSrc)} has no EIP: the IPv4 gateway cannot take it to the internet`)
  pSrc = e.eip
  if (R)
    R.step('translate', `source ${e.address} → ${e.eipText}: the EIP of ${e.id}`, {
      type: 'eip',
      instanceId: e.id,
      publicIpAddress: e.eipText,
      privateIpAddress: e.address,
    })
  return toInternet()
}

function explainConnection(idx: number, status: number): void {
  if (!R) return
  const ep = N.endpoints[idx]!
  const svc = N.services[ep.service]!
  const statusName = ['Connected', 'Disconnected', 'Connecting', 'Disconnecting', 'Pending'][status] ?? 'unknown'
  const white = ep.whitelisted ? '' : `; ${svc.id}'s whitelist does not list account ${ep.account}`
  R.step('connection', `connection to ${svc.id}: ${statusName}${white}`, {
    type: 'endpointConnection',
    endpointId: ep.id,
    serviceId: svc.id,
    connectionStatus: statusName,
    whitelisted: ep.whitelisted,
  })
}

/** A route hands the packet to a GWLB endpoint: it goes on only over a connected endpoint connection. */
function gwlbeIn(idx: number): number {
  const ep = N.endpoints[idx]!
  cEp = idx
  if (R) R.step('receive', `routed to endpoint ${ep.id} (ENI ${ep.address}, zone ${N.zones[ep.zone]})`)
  if (S.zoneDown[ep.zone]) return end(D_ZONE_DOWN, R && `zone ${N.zones[ep.zone]} is down`)
  const status = S.endpointStatus[idx]!
  if (R) explainConnection(idx, status)
  if (status !== 0 || !ep.whitelisted)
    return end(D_ENDPOINT, R && `endpoint ${ep.id} is not connected to ${N.services[ep.service]!.id}`)
  return next(AT_SERVICE_IN, ep.service)
}

/** PrivateLink: the endpoint service hands the packet to its GWLB node in the endpoint's zone. */
function serviceIn(idx: number): number {
  const ep = N.endpoints[cEp]!
  const node = N.services[idx]!.nodeByZone[ep.zone]!
  if (node < 0)
    return end(
      D_NO_SERVICE,
      R && `${N.services[idx]!.id} has no GWLB in zone ${N.zones[ep.zone]}, the zone of ${ep.id}`,
    )
  cNode = node
  if (R)
    R.step(
      'privateLink',
      `PrivateLink carries it from ${ep.id} to ${N.gwlbs[N.nodes[node]!.gwlb]!.id} in zone ${N.zones[ep.zone]}`,
    )
  return next(AT_GWLB_IN, node)
}

/** The GWLB node: size limit, then an appliance from the flow table or the hash, then Geneve to it. */
function gwlbIn(idx: number): number {
  const nd = N.nodes[idx]!
  const g = N.gwlbs[nd.gwlb]!
  if (R) R.step('receive', `arrives at ${g.id}'s node in zone ${N.zones[nd.zone]} (${nd.address})`)
  if (S.zoneDown[nd.zone]) return end(D_ZONE_DOWN, R && `zone ${N.zones[nd.zone]} is down`)
  if (!g.listener) return end(D_NO_LISTENER, R && `${g.id} has no listener with a server group`)
  if (pSize > GWLB_MAX_PACKET) {
    if (R)
      R.step(
        'mtu',
        `${pSize} bytes is over the ${GWLB_MAX_PACKET} bytes a GWLB accepts; it neither fragments nor sends ICMP`,
      )
    return end(D_MTU, R && `${g.id} drops packets over ${GWLB_MAX_PACKET} bytes`)
  }
  const a = schedule(g, nd)
  if (a < 0) return a
  cAppliance = a
  if (R) {
    const ap = N.appliances[a]!
    R.use('geneveOptions')
    R.step(
      'encapsulate',
      `Geneve to ${ap.id}: outer ${nd.address} → ${ap.address} UDP ${GENEVE_PORT}, +${N.geneveOverhead} bytes, inner packet unchanged`,
      undefined,
      outer(nd.addr, ap.addr),
    )
  }
  return next(AT_APPLIANCE, a)
}

/** The appliance takes the Geneve packet (state, MTU, security group), inspects it and returns it. */
function applianceInspect(idx: number): number {
  const ap = N.appliances[idx]!
  const nd = N.nodes[cNode]!
  if (R) R.step('receive', `Geneve from ${N.gwlbs[nd.gwlb]!.id} (${nd.address})`, undefined, outer(nd.addr, ap.addr))
  if (S.zoneDown[ap.zone]) return end(D_APPLIANCE_DOWN, R && `${ap.id}'s zone ${N.zones[ap.zone]} is down`)
  if (S.run[idx] !== RUN_RUNNING) return applianceNotRunning(ap.id, S.run[idx]!)
  const size = pSize + N.geneveOverhead
  if (size > ap.mtu) {
    if (R)
      R.step(
        'mtu',
        `${size} bytes encapsulated is over ${ap.id}'s NIC MTU of ${ap.mtu} (${ap.jumbo ? 'jumbo frames' : 'no jumbo frames'})`,
      )
    return end(D_MTU, R && `${ap.id} cannot take a ${size}-byte Geneve packet`)
  }
  lookups++
  // the GWLB's address is no group's member, so only the appliance's rules can let Geneve in
  const d = decideSecurityGroup(N.securityGroups, ap.sg, true, PROTO_UDP, nd.addr, GENEVE_PORT)
  if (R)
    R.step(
      'securityGroup',
      `Geneve (UDP ${GENEVE_PORT} from ${nd.address}): ${securityGroupText(N.securityGroups, ap.sg, true, d, nd.address)}`,
      securityGroupRule(N.securityGroups, ap.sg, true, d),
    )
  if (!d.accept)
    return end(D_SG, R && `${ap.id}'s security group does not accept Geneve (UDP ${GENEVE_PORT}) from ${nd.address}`)
  const r = inspect(ap)
  if (r < 0) return r
  if (R)
    R.step(
      'encapsulate',
      `returns it to ${N.gwlbs[nd.gwlb]!.id} in Geneve: outer ${ap.address} → ${nd.address}, inner packet unchanged`,
      undefined,
      outer(ap.addr, nd.addr),
    )
  return next(AT_GWLB_BACK, cNode)
}

/** Back at the GWLB node: the Geneve option names the endpoint the packet returns to. */
function gwlbBack(idx: number): number {
  if (R) {
    const nd = N.nodes[idx]!
    const ap = N.appliances[cAppliance]!
    R.step('receive', `Geneve back from ${ap.id}`, undefined, outer(ap.addr, nd.addr))
    R.step(
      'decapsulate',
      `removes the Geneve header; its GWLBe-id option sends the packet back to ${N.endpoints[cEp]!.id}`,
    )
  }
  return next(AT_SERVICE_OUT, N.endpoints[cEp]!.service)
}

function serviceOut(): number {
  if (R) R.step('privateLink', `PrivateLink carries it back to ${N.endpoints[cEp]!.id}`)
  return next(AT_GWLBE_OUT, cEp)
}

/** Out of the endpoint into its vSwitch, whose route table decides. */
function gwlbeOut(idx: number): number {
  const ep = N.endpoints[idx]!
  if (R) R.step('receive', `back from PrivateLink; ${ep.id} hands it to its vSwitch ${N.vswitches[ep.vswitch]!.id}`)
  if (S.zoneDown[ep.zone]) return end(D_ZONE_DOWN, R && `zone ${N.zones[ep.zone]} is down`)
  return routeFrom(ep.table)
}

/**
 * One hop: what the resource at `at` does with the packet. Returns the next place, or a terminal code. Only a
 * dispatch, so that it is small enough to inline into walk(): every place's own function is then called once
 * or so per packet, often enough for the optimiser to inline it too (a big switch made each call site rare).
 */
function hop(at: number, idx: number): number {
  switch (at) {
    case AT_HOST_SEND:
      return hostSend()
    case AT_ECS_SEND:
      return instanceSend(N.ecs[idx]!, false)
    case AT_APPLIANCE_SEND:
      return instanceSend(N.appliances[idx]!, true)
    case AT_HOST_RECV:
      return hostReceive(idx)
    case AT_ECS_RECV:
      return instanceReceive(N.ecs[idx]!, false)
    case AT_APPLIANCE_RECV:
      return instanceReceive(N.appliances[idx]!, true)
    case AT_IPV4_GATEWAY_IN:
      return ipv4GatewayIn(idx)
    case AT_IPV4_GATEWAY_OUT:
      return ipv4GatewayOut(idx)
    case AT_GWLBE_IN:
      return gwlbeIn(idx)
    case AT_SERVICE_IN:
      return serviceIn(idx)
    case AT_GWLB_IN:
      return gwlbIn(idx)
    case AT_APPLIANCE:
      return applianceInspect(idx)
    case AT_GWLB_BACK:
      return gwlbBack(idx)
    case AT_SERVICE_OUT:
      return serviceOut()
    case AT_GWLBE_OUT:
      return gwlbeOut(idx)
  }
  return end(D_NO_ROUTE, R && 'nowhere to go')
}

/**
 * Walks a prepared packet through the network. With a recorder it also explains itself; without one it only
 * decides. Writes the result into `out`.
 */
export function walk(
  net: Network,
  p: PreparedPacket,
  st: RuntimeState,
  rec: Recorder | null,
  out: ForwardResult,
): void {
  N = net
  S = st
  R = rec
  pSrc = p.src
  pDst = p.dst
  pProto = p.proto
  pSport = p.sport
  pDport = p.dport
  pSize = p.size
  pReply = p.reply
  pEstablished = p.established
  cEp = -1
  cNode = -1
  cAppliance = -1
  if (visited.length < 4 * net.maxHops) visited = new Int32Array(4 * net.maxHops)
  let at = p.startAt
  let idx = p.startIdx
  let hops = 0
  let r = 0
  // the kinds of place (at) visited so far: a state can only repeat at a kind already seen, so a packet on a
  // loop-free path never scans the visited list
  let atSeen = 0
  for (;;) {
    if (R) openHop(at, idx)
    hops++
    if (hops >= net.maxHops) {
      r = end(D_LOOP, R && `still forwarding after ${hops - 1} hops, the limit: a loop`)
      break
    }
    // the forwarding state: where, from which side (at), for which endpoint, with which addresses
    const key = at * POS + idx
    let seen = false
    if (atSeen & (1 << at)) {
      for (let i = 0; i < hops - 1; i++) {
        const b = i << 2
        if (visited[b] === key && visited[b + 1] === pSrc && visited[b + 2] === pDst && visited[b + 3] === cEp) {
          seen = true
          break
        }
      }
    }
    atSeen |= 1 << at
    if (seen) {
      r = end(D_LOOP, R && 'the packet is back where it was, with the same headers: a forwarding loop')
      break
    }
    const b = (hops - 1) << 2
    visited[b] = key
    visited[b + 1] = pSrc
    visited[b + 2] = pDst
    visited[b + 3] = cEp
    r = hop(at, idx)
    if (r < 0) break
    // r = at * POS + idx with idx >= 0: both fit in 32 bits, so shifts replace a float division
    at = r >> POS_BITS
    idx = r & (POS - 1)
  }
  out.disposition = DISPOSITIONS[-r - 1]!
  out.appliance = cAppliance
  out.hops = hops
  out.src = pSrc
  out.dst = pDst
  out.receiver =
    r !== term(D_DELIVERED)
      ? -1
      : idx * 8 + (at === AT_ECS_RECV ? T_ECS : at === AT_APPLIANCE_RECV ? T_APPLIANCE : T_HOST)
  R = null
}
