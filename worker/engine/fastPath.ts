// forward()'s fast path: classify the packet (classify.ts), look its class's compiled program up (classPath.ts,
// compiled on the class's first packet) and run it: only the flow table, the hash, the sessions and the runtime
// state's flags are read per packet. The state is read where walk.ts reads it, never cached, so a fault, a health
// change or a route target group's switch takes effect on the next packet; a new design is a new Network, with
// its own classes and programs. May not touch: React, the DOM, zustand, the design document.
import { atomOf, ClassTable, compileClasses, type PacketClasses } from './classify'
import {
  ADDR_OWN_DST,
  ADDR_OWN_SRC,
  type ClassWalk,
  compileClassPath,
  DISPOSITION_BITS,
  HOPS_SHIFT,
  newPrograms,
  OP_ADDR,
  OP_APPLIANCE,
  OP_BITS,
  OP_END,
  OP_ENDPOINT,
  OP_ROUTE_TARGET,
  OP_RUN,
  OP_SCHEDULE,
  OP_ZONE,
  type Programs,
} from './classPath'
import {
  AT_APPLIANCE_SEND,
  AT_ECS_SEND,
  AT_HOST_SEND,
  D_APPLIANCE_DENIED,
  D_APPLIANCE_DOWN,
  D_APPLIANCE_HUNG,
  D_BLACKHOLE,
  D_ENDPOINT,
  D_FLOW_EXPIRED,
  D_MTU,
  D_NO_HEALTHY,
  D_SG,
  D_STATEFUL,
} from './codes'
import { flowHash, score } from './hash'
import {
  GENEVE_PORT,
  GWLB_MAX_PACKET,
  type Network,
  PROTO_ICMP,
  PROTO_TCP,
  PROTO_UDP,
  RUN_RUNNING,
  RUN_STOPPED,
} from './network'
import { CARRY_STANDBY } from './routeTargets'
import { matchPolicy } from './rules'
import { decideSecurityGroup } from './securityGroups'
import {
  DRAINING,
  idleSeconds,
  MEMBER,
  OTHER_IDLE_SECONDS,
  REMOVED,
  type RuntimeState,
  TCP_IDLE_SECONDS,
} from './state'
import { DISPOSITIONS } from './types'
import { countLookups, type ForwardResult, type PreparedPacket } from './walk'

/** A network's classes and the programs compiled so far. */
interface FastPath {
  net: Network
  classes: PacketClasses
  /** class key (sender, destination atom, protocol-port slot and reply) → where its program starts */
  programOf: ClassTable
  programs: Programs
  /** sender numbers: internet hosts, then ECS instances, appliances, then the atoms of addresses no resource holds */
  ecsBase: number
  applianceBase: number
  internetBase: number
  /** per sender that is a resource (hosts, ECS instances, appliances, numbered as above): its address */
  senderAddr: Int32Array
  /** per appliance: its position among its GWLB's members, for the policy caches */
  memberAt: Int32Array
  /** per (appliance, GWLB node): 0 not yet known, 1 its security group lets the node's Geneve in, 2 it does not */
  geneve: Uint8Array
  /** the symmetricHash assumption: the GWLB sorts a flow's endpoints before hashing */
  symmetric: boolean
  /** per appliance: the number its rendezvous score mixes with a flow's hash (CAppliance's, in a typed array) */
  rendezvous: Uint32Array
  /**
   * per appliance, in typed arrays for the per-packet path: zone, the largest packet its NIC takes inside the
   * Geneve header (its MTU less the network's Geneve overhead), 1 when stateful
   */
  applianceZone: Int32Array
  applianceInnerMtu: Int32Array
  applianceStateful: Uint8Array
  /** GWLB nodes in the network: the stride of `geneve` */
  nodeCount: number
  /** per appliance: its GWLB (-1 when none); per GWLB node: its GWLB */
  applianceGwlb: Int32Array
  nodeGwlb: Int32Array
  /** per GWLB node: 1 when its GWLB rebalances flows away from an unhealthy or removed appliance */
  rebalance: Uint8Array
}

const paths = new WeakMap<Network, FastPath>()
let last: FastPath | null = null

function fastPathOf(net: Network): FastPath {
  let fp = paths.get(net)
  if (!fp) {
    const memberAt = new Int32Array(net.appliances.length).fill(-1)
    for (const g of net.gwlbs)
      g.members.forEach((a, i) => {
        memberAt[a] = i
      })
    fp = {
      net,
      classes: compileClasses(net),
      programOf: new ClassTable(),
      programs: newPrograms(),
      ecsBase: net.hosts.length,
      applianceBase: net.hosts.length + net.ecs.length,
      internetBase: net.hosts.length + net.ecs.length + net.appliances.length,
      senderAddr: Int32Array.from([...net.hosts, ...net.ecs, ...net.appliances], (r) => r.addr),
      memberAt,
      geneve: new Uint8Array(net.appliances.length * net.nodes.length),
      symmetric: net.assumptions.symmetricHash === 'sortedEndpoints',
      rendezvous: Uint32Array.from(net.appliances, (a) => a.rendezvousKey),
      applianceZone: Int32Array.from(net.appliances, (a) => a.zone),
      applianceInnerMtu: Int32Array.from(net.appliances, (a) => a.mtu - net.geneveOverhead),
      applianceStateful: Uint8Array.from(net.appliances, (a) => (a.stateful ? 1 : 0)),
      nodeCount: net.nodes.length,
      applianceGwlb: Int32Array.from(net.appliances, (a) => a.gwlb),
      nodeGwlb: Int32Array.from(net.nodes, (n) => n.gwlb),
      rebalance: Uint8Array.from(net.nodes, (n) => (net.gwlbs[n.gwlb]?.rebalance ? 1 : 0)),
    }
    paths.set(net, fp)
  }
  last = fp
  return fp
}

/**
 * The packet in progress (the fast path is never re-entered), as walk.ts keeps its own. Its fields live on one
 * object rather than in module-level `let`s: every read of a module `let` from a function is a context-slot load
 * with a check that it has been initialised, and the per-packet path makes some thirty of them. As one object's
 * fields the same code ran 1.1-1.3 times as many packets per CPU second, both designs of the engine bench
 * (interleaved rounds of the two versions in one process, either order).
 */
class PacketInFlight {
  F!: FastPath
  S!: RuntimeState
  O!: ForwardResult
  code: Int32Array = new Int32Array(0)
  pProto = 0
  pSport = 0
  pDport = 0
  pSize = 0
  pReply = false
  pEstablished = false
  cAppliance = -1
  /** the headers' addresses where the program stands */
  cSrc = 0
  cDst = 0
  /** the connection's key, its endpoints in order (hash.ts's endpointsSwapped()), as schedule() built it */
  kLo = 0
  kHi = 0
  kPorts = 0
  lookups = 0
}
const P = new PacketInFlight()

/** A class's first packet: its program, compiled from the packet as the class's representative. */
function compileClass(fp: FastPath, p: PreparedPacket, sender: number, destination: number, k2: number): number {
  const w: ClassWalk = {
    startAt: p.startAt,
    startIdx: p.startIdx,
    src: p.src,
    dst: p.dst,
    proto: p.proto,
    dport: p.dport,
    reply: p.reply,
    choices: [],
  }
  const pc = compileClassPath(fp.net, fp.programs, w)
  fp.programOf.set(sender, destination, k2, pc)
  return pc
}

/**
 * Forwards a packet by its class's program, writing `out` as walk() would. Returns false, having done nothing,
 * for what it leaves to the walk: verification's forced choices, and a packet whose source is not as
 * preparePacket() resolves it.
 */
export function forwardByClass(net: Network, p: PreparedPacket, state: RuntimeState, out: ForwardResult): boolean {
  if (state.choices) return false
  // the network of the last packet is checked here, so the common case costs no call
  const fp = last !== null && last.net === net ? last : fastPathOf(net)
  const c = fp.classes
  P.lookups = 0
  let sender: number
  const at = p.startAt
  const idx = p.startIdx
  if (idx < 0) {
    // an internet address that no resource holds
    if (at !== AT_HOST_SEND) return false
    sender = fp.internetBase + atomOf(c.addresses, p.src)
    P.lookups++
  } else {
    // a resource, sending from its own address: senders are numbered hosts, then ECS instances, then appliances
    const base =
      at === AT_HOST_SEND ? 0 : at === AT_ECS_SEND ? fp.ecsBase : at === AT_APPLIANCE_SEND ? fp.applianceBase : -1
    const end = at === AT_HOST_SEND ? fp.ecsBase : at === AT_ECS_SEND ? fp.applianceBase : fp.internetBase
    sender = base + idx
    if (base < 0 || sender >= end || p.src !== fp.senderAddr[sender]) return false
  }
  // look-ups, as the bench counts them: the port's atom (TCP, UDP), the destination's, the class's program
  let slot: number
  if (p.proto === PROTO_TCP) slot = c.tcpPorts[p.dport] ?? 0
  else if (p.proto === PROTO_UDP) slot = c.tcpAtoms + (c.udpPorts[p.dport] ?? 0)
  else if (p.proto === PROTO_ICMP) slot = c.tcpAtoms + c.udpAtoms
  else return false
  const destination = atomOf(c.addresses, p.dst)
  const k2 = (slot << 1) | (p.reply ? 1 : 0)
  P.lookups += p.proto === PROTO_ICMP ? 2 : 3
  let pc = fp.programOf.get(sender, destination, k2)
  if (pc < 0) pc = compileClass(fp, p, sender, destination, k2)
  P.F = fp
  P.S = state
  P.O = out
  P.code = fp.programs.code
  P.pProto = p.proto
  P.pSport = p.sport
  P.pDport = p.dport
  P.pSize = p.size
  P.pReply = p.reply
  P.pEstablished = p.established
  P.cAppliance = -1
  P.cSrc = p.src
  P.cDst = p.dst
  run(pc)
  countLookups(P.lookups)
  return true
}

const OP_MASK = (1 << OP_BITS) - 1
const DISPOSITION_MASK = (1 << DISPOSITION_BITS) - 1

/**
 * Runs a program from `start` to its end and writes the result: the disposition and hop count are in the last
 * op's first word, the addresses the last OP_ADDR's. Every op that ends the walk only sets `disposition`, so the
 * result is written in one place: V8 inlines schedule(), inspect() and the flow table's find() into this loop
 * within a budget of bytecode, and a copy of the writes at each op that can end spent it (measured in the
 * commit that made this change).
 */
function run(start: number): void {
  let pc = start
  let word = 0
  let disposition = -1
  let receiver = -1
  do {
    word = P.code[pc] ?? 0
    const arg = P.code[pc + 1] ?? 0
    switch (word & OP_MASK) {
      case OP_ADDR:
        if (!(word & (ADDR_OWN_SRC << OP_BITS))) P.cSrc = arg
        if (!(word & (ADDR_OWN_DST << OP_BITS))) P.cDst = P.code[pc + 2] ?? 0
        pc += 3
        break
      case OP_END:
        disposition = (word >>> OP_BITS) & DISPOSITION_MASK
        receiver = arg
        break
      case OP_ZONE:
        if (P.S.zoneDown[arg]) disposition = (word >>> OP_BITS) & DISPOSITION_MASK
        pc += 2
        break
      case OP_RUN: {
        const r = P.S.run[arg]
        if (r !== RUN_RUNNING) disposition = r === RUN_STOPPED ? D_APPLIANCE_DOWN : D_APPLIANCE_HUNG
        pc += 2
        break
      }
      case OP_ENDPOINT:
        if (P.S.endpointStatus[arg] !== 0) disposition = D_ENDPOINT
        pc += 2
        break
      case OP_SCHEDULE: {
        const a = P.pSize > GWLB_MAX_PACKET ? -(D_MTU + 1) : schedule(arg)
        if (a < 0) disposition = -a - 1
        else P.cAppliance = a
        pc += 2
        break
      }
      case OP_APPLIANCE: {
        const d = inspect(arg, P.code[pc + 2] ?? -1)
        if (d >= 0) disposition = d
        pc += 3
        break
      }
      case OP_ROUTE_TARGET: {
        const next = branch(pc)
        if (next < 0) disposition = D_BLACKHOLE
        else pc = next
        break
      }
      default:
        throw new Error(`fast path: no op ${word & OP_MASK} at ${pc}`)
    }
  } while (disposition < 0)
  P.O.disposition = DISPOSITIONS[disposition] ?? 'NO_ROUTE'
  P.O.appliance = P.cAppliance
  P.O.hops = word >>> HOPS_SHIFT
  P.O.src = P.cSrc
  P.O.dst = P.cDst
  P.O.receiver = receiver
}

/** The carrying member's program, compiled on the branch's first packet; -1 when the member is no endpoint. */
function branch(pc: number): number {
  const g = P.F.net.routeTargetGroups[P.code[pc + 1] ?? -1]
  if (!g) return -1
  const slot = P.S.routeTargetCarrying[g.index] === CARRY_STANDBY ? 1 : 0
  if (g.members[slot] === undefined || (g.members[slot] ?? -1) < 0) return -1
  const known = P.code[pc + 3 + slot] ?? -1
  if (known >= 0) return known
  const w = P.F.programs.branches[P.code[pc + 2] ?? -1]
  if (!w) return -1
  const child = compileClassPath(P.F.net, P.F.programs, { ...w, choices: [...w.choices, slot] })
  // compiling may have grown the array
  P.code = P.F.programs.code
  P.code[pc + 3 + slot] = child
  return child
}

/**
 * The GWLB node's pick, as walk.ts's schedule(): a flow the table pins to an appliance that may keep it, else
 * newFlow(); a disposition -(code + 1) ends the walk. Its flow-table find inlines here; schedule() itself is past
 * V8's size for inlining, so run() calls it, and run()'s budget goes to inspect() and the session's find. When
 * both fitted only in part, which of them V8 inlined depended on the call counts at the moment it compiled run(),
 * and changed from run to run (`node --trace-turbo-inlining` on the bench's measurement).
 */
function schedule(node: number): number {
  // the connection's key as hash.ts's endpointsSwapped() and ports() build it, written out here because the calls
  // cost the per-packet path (interleaved bench pairs of (b), median -2 points of the ratio to the bare loop).
  // It is the appliance's session key too (inspect() reads it: the addresses do not change between the two ops),
  // and the flow's key under the symmetricHash assumption; otherwise the flow keeps the headers' order.
  const swapped = P.cSrc >>> 0 > P.cDst >>> 0 || (P.cSrc === P.cDst && P.pSport > P.pDport)
  P.kLo = swapped ? P.cDst : P.cSrc
  P.kHi = swapped ? P.cSrc : P.cDst
  P.kPorts = swapped ? (P.pDport << 16) | P.pSport : (P.pSport << 16) | P.pDport
  const symmetric = P.F.symmetric
  const lo = symmetric ? P.kLo : P.cSrc
  const hi = symmetric ? P.kHi : P.cDst
  const k2 = symmetric ? P.kPorts : (P.pSport << 16) | P.pDport
  const k3 = P.pProto | (node << 8)
  const flows = P.S.flows
  P.lookups++
  const slot = flows.find(lo, hi, k2, k3)
  if (slot >= 0 && P.S.now - flows.lastSeen(slot) <= (P.pProto === PROTO_TCP ? TCP_IDLE_SECONDS : OTHER_IDLE_SECONDS)) {
    const a = flows.value(slot)
    const m = P.S.membership[a]
    if (m === DRAINING || (m === MEMBER && P.S.healthy[a] === 1) || P.F.rebalance[node] === 0) {
      flows.touch(slot, P.S.now)
      return a
    }
  }
  return newFlow(node, lo, hi, k2, k3, slot)
}

/** A flow the table does not hold (or holds idle past its timeout, or pinned where it may not stay): the hash. */
function newFlow(node: number, lo: number, hi: number, k2: number, k3: number, found: number): number {
  const N = P.F.net
  const nd = N.nodes[node]
  if (!nd) return -(D_NO_HEALTHY + 1)
  const flows = P.S.flows
  if (found >= 0 && P.S.now - flows.lastSeen(found) > idleSeconds(P.pProto)) {
    // the entry stays for a later packet of the old connection; a new connection's first packet replaces it
    if (P.pEstablished) return -(D_FLOW_EXPIRED + 1)
    flows.deleteSlot(found)
  }
  const scheduler = N.gwlbs[nd.gwlb]?.scheduler
  const hash = flowHash(scheduler ?? 2, lo, hi, k2, P.pProto)
  const c = nd.candidates
  let best = -1
  let bestScore = -1
  for (let i = 0; i < c.length; i++) {
    const a = c[i] ?? 0
    if (P.S.membership[a] !== MEMBER || P.S.healthy[a] !== 1) continue
    const sc = score(hash, P.F.rendezvous[a] ?? 0)
    if (sc > bestScore) {
      bestScore = sc
      best = a
    }
  }
  if (best < 0 && N.assumptions.allUnhealthy === 'awsRandomTarget')
    for (let i = 0; i < c.length; i++) {
      const a = c[i] ?? 0
      if (P.S.membership[a] === REMOVED) continue
      const sc = score(hash, P.F.rendezvous[a] ?? 0)
      if (sc > bestScore) {
        bestScore = sc
        best = a
      }
    }
  if (best < 0) return -(D_NO_HEALTHY + 1)
  flows.set(lo, hi, k2, k3, best, P.S.now)
  return best
}

/**
 * The picked appliance takes the Geneve packet and inspects it, as walk.ts's applianceInspect() and inspect();
 * the disposition that ends the walk, or -1 when it returns the packet. A session the appliance holds lets the
 * packet through here; the rest (no session, the policy) is byPolicy()'s.
 */
function inspect(node: number, policyAt: number): number {
  const a = P.cAppliance
  if (P.S.zoneDown[P.F.applianceZone[a] ?? 0]) return D_APPLIANCE_DOWN
  const r = P.S.run[a]
  if (r !== RUN_RUNNING) return r === RUN_STOPPED ? D_APPLIANCE_DOWN : D_APPLIANCE_HUNG
  if (P.pSize > (P.F.applianceInnerMtu[a] ?? 0)) return D_MTU
  // the appliance's security group's answer to the node's Geneve, looked up once
  const g = a * P.F.nodeCount + node
  let geneve = P.F.geneve[g] ?? 0
  if (geneve === 0) geneve = geneveAnswer(a, node, g)
  if (geneve === 2) return D_SG
  // the session's key is the one schedule() built for this packet (walk.ts's inspect() is the twin)
  const k3 = P.pProto | ((a + 1) << 8)
  if (P.F.applianceStateful[a] === 1) {
    P.lookups++
    const session = P.S.sessions.find(P.kLo, P.kHi, P.kPorts, k3)
    if (session >= 0) {
      // as walk.ts: the session's idle timeout counts from the connection's last packet
      P.S.sessions.touch(session, P.S.now)
      return -1
    }
    if (P.pReply) return D_STATEFUL
  }
  return byPolicy(node, policyAt, k3)
}

function geneveAnswer(a: number, node: number, g: number): number {
  const N = P.F.net
  const ap = N.appliances[a]
  const nd = N.nodes[node]
  P.lookups++
  const accept = ap && nd && decideSecurityGroup(N.securityGroups, ap.sg, true, PROTO_UDP, nd.addr, GENEVE_PORT).accept
  P.F.geneve[g] = accept ? 1 : 2
  return accept ? 1 : 2
}

/** The appliance's policy decides (its answer to the class is kept per program); a stateful one records a session. */
function byPolicy(node: number, policyAt: number, k3: number): number {
  const a = P.cAppliance
  // an appliance outside the node's GWLB (a flow pinned by another design's state) is not cached
  const at = P.F.memberAt[a] ?? -1
  const cached = at >= 0 && policyAt >= 0 && P.F.applianceGwlb[a] === P.F.nodeGwlb[node] ? policyAt + at : -1
  let allow = cached >= 0 ? (P.F.programs.policy[cached] ?? 0) : 0
  if (allow === 0) allow = policyAnswer(node, cached)
  if (allow === 2) return D_APPLIANCE_DENIED
  if (P.F.applianceStateful[a] === 1) P.S.sessions.set(P.kLo, P.kHi, P.kPorts, k3, 1, P.S.now)
  return -1
}

/** The policy's answer to the class, looked up on its first packet (1 allows, 2 denies) and kept at `cached`. */
function policyAnswer(node: number, cached: number): number {
  const ap = P.F.net.appliances[P.cAppliance]
  if (!ap || !P.F.net.nodes[node]) return 2
  P.lookups++
  const i = matchPolicy(ap.policy, P.pProto, P.cSrc, P.cDst, P.pDport)
  const allow = (i < 0 ? ap.defaultAllow : (ap.policy[i]?.allow ?? false)) ? 1 : 2
  if (cached >= 0) P.F.programs.policy[cached] = allow
  return allow
}
