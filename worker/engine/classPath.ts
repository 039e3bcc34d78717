// A packet class's compiled outcome: walk.ts's hop-by-hop walk done once for a class, its static decisions taken
// (routes, security groups, address translation, policies' reach, loops), and what the runtime state decides left
// as ops for the fast path to run per packet: zone, appliance and endpoint states, the route target group's
// carrying member, the GWLB's choice (flow table and hash) and the appliance's session. Packets of one class meet
// the same entry in every table and the same rule in every list (classify.ts), so one walk answers for all.
// May not touch: React, the DOM, zustand, runtime state (programs depend on the design and the class only).
import { isPrivateAddress } from '../../src/model'
import { SCOPE_PUBLIC } from './addrTable'
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
  D_BLACKHOLE,
  D_CLOUD_SERVICES,
  D_DELIVERED,
  D_ENDPOINT,
  D_EXITS,
  D_HOST_UNREACHABLE,
  D_LOOP,
  D_NO_LISTENER,
  D_NO_PUBLIC,
  D_NO_ROUTE,
  D_NO_SERVICE,
  D_NOT_FORWARDING,
  D_SG,
  D_ZONE_DOWN,
  next,
  POS,
} from './codes'
import {
  type Network,
  NH_BLACKHOLE,
  NH_CLOUD_SERVICES,
  NH_GWLBE,
  NH_INSTANCE,
  NH_IPV4_GATEWAY,
  NH_LOCAL,
  NH_ROUTE_TARGET_GROUP,
  T_APPLIANCE,
  T_ECS,
  T_HOST,
} from './network'
import { routeEntry } from './routeLookup'
import { decideSecurityGroup } from './securityGroups'

/**
 * Ops of a class's program. Each starts with one word: the op (4 bits), a disposition (5 bits) and the hop count
 * where it stands (the rest), then its operands. The headers' addresses where the walk stands are set by OP_ADDR,
 * written only where they change (at the start, and after an EIP translation).
 */
/** [OP_END | disposition, receiver]: the walk ends */
export const OP_END = 0
/** [OP_ZONE | disposition, zone]: ends when the zone is down */
export const OP_ZONE = 1
/** [OP_RUN, appliance]: ends when the appliance is stopped or hung */
export const OP_RUN = 2
/** [OP_ENDPOINT, endpoint]: ends when the endpoint's connection is not Connected */
export const OP_ENDPOINT = 3
/**
 * [OP_SCHEDULE, node]: the GWLB node takes the packet, ending the walk (MTU) when it is over GWLB_MAX_PACKET,
 * and picks an appliance (flow table, hash), or ends. The size check is the node's first, at the same hop: one
 * op for both, as every packet through a GWLB meets both.
 */
export const OP_SCHEDULE = 4
/** [OP_APPLIANCE, node, policy cache]: the picked appliance takes, checks and inspects the packet */
export const OP_APPLIANCE = 5
/** [OP_ROUTE_TARGET, group, branch, active pc, standby pc]: goes on with the carrying member's program */
export const OP_ROUTE_TARGET = 6
/**
 * [OP_ADDR | own, src, dst]: the headers' addresses from here on. Bit ADDR_OWN_SRC (ADDR_OWN_DST) of the
 * disposition field says the packet's own source (destination) stands there, untranslated: a class holds many
 * addresses, so only an EIP translation's result is the class's own. A program starts at the packet's own
 * addresses (run() sets them before the first op), so only a translation writes one.
 */
export const OP_ADDR = 7
export const ADDR_OWN_SRC = 1
export const ADDR_OWN_DST = 2

export const OP_BITS = 4
export const DISPOSITION_BITS = 5
export const HOPS_SHIFT = OP_BITS + DISPOSITION_BITS

/** the walk stopped: its last op is written */
const STOP = -1

/** A class's representative, and the route target group members taken at the branches before the program starts. */
export interface ClassWalk {
  startAt: number
  startIdx: number
  src: number
  dst: number
  proto: number
  dport: number
  reply: boolean
  choices: readonly number[]
}

/** The programs of one network: ops in one array, per-appliance policy decisions cached beside them. */
export interface Programs {
  code: Int32Array
  length: number
  /** per OP_APPLIANCE op, one entry per member of its GWLB: 0 not yet known, 1 allows, 2 denies */
  policy: Uint8Array
  policyLength: number
  /** the representatives an OP_ROUTE_TARGET op compiles its branches from */
  branches: ClassWalk[]
}

export function newPrograms(): Programs {
  return { code: new Int32Array(4096), length: 0, policy: new Uint8Array(1024), policyLength: 0, branches: [] }
}

// The compilation in progress (never re-entered), kept in module scope as walk.ts keeps its walk.
let N: Network
let P: Programs
let W: ClassWalk
let emitting = false
let branchesSeen = 0
let hops = 0
let pSrc = 0
let pDst = 0
let cEp = -1
let cNode = -1
/** whether pSrc, pDst are still the packet's own (not an EIP translation's) */
let srcOwn = true
let dstOwn = true
/** the addresses the last OP_ADDR wrote, with its own-bits; the packet's own before the first */
let addrSrc = 0
let addrDst = 0
let addrOwn = ADDR_OWN_SRC | ADDR_OWN_DST
/** zones, appliances and endpoints already checked on this walk: a second check of one passes as the first did */
let checked = new Set<number>()

function push(word: number): void {
  if (P.length === P.code.length) {
    const grown = new Int32Array(P.code.length * 2)
    grown.set(P.code)
    P.code = grown
  }
  P.code[P.length++] = word
}

function op(code: number, disposition: number, ...operands: number[]): void {
  if (!emitting) return
  const own = (srcOwn ? ADDR_OWN_SRC : 0) | (dstOwn ? ADDR_OWN_DST : 0)
  if (own !== addrOwn || addrSrc !== pSrc || addrDst !== pDst) {
    push(OP_ADDR | (own << OP_BITS))
    push(pSrc)
    push(pDst)
    addrSrc = pSrc
    addrDst = pDst
    addrOwn = own
  }
  push(code | (disposition << OP_BITS) | (hops << HOPS_SHIFT))
  for (const w of operands) push(w)
}

/** A check of runtime state, written once per walk: the kind of check (an op) and what it checks. */
function check(code: number, what: number, disposition = 0): void {
  const key = what * 16 + code
  if (checked.has(key)) return
  checked.add(key)
  op(code, disposition, what)
}

function end(disposition: number, receiver = -1): number {
  op(OP_END, disposition, receiver)
  return STOP
}

function zone(z: number): void {
  check(OP_ZONE, z, D_ZONE_DOWN)
}

/** Compiles the program of a class (or of a branch of one) into `programs`; returns where it starts. */
export function compileClassPath(net: Network, programs: Programs, w: ClassWalk): number {
  N = net
  P = programs
  W = w
  emitting = w.choices.length === 0
  branchesSeen = 0
  addrOwn = ADDR_OWN_SRC | ADDR_OWN_DST
  addrSrc = w.src
  addrDst = w.dst
  srcOwn = true
  dstOwn = true
  checked = new Set()
  hops = 0
  pSrc = w.src
  pDst = w.dst
  cEp = -1
  cNode = -1
  const start = P.length
  const seen: number[] = []
  let at = w.startAt
  let idx = w.startIdx
  for (;;) {
    hops++
    if (hops >= net.maxHops) {
      end(D_LOOP)
      return start
    }
    // the forwarding state, as walk.ts keys it; the appliance a GWLB picks is left out: its place is always
    // preceded by its GWLB node's, with the same headers and endpoint, so a repeat is caught there first
    const key = at === AT_APPLIANCE ? -1 : next(at, idx)
    for (let i = 0; i < seen.length; i += 4)
      if (key !== -1 && seen[i] === key && seen[i + 1] === pSrc && seen[i + 2] === pDst && seen[i + 3] === cEp) {
        end(D_LOOP)
        return start
      }
    seen.push(key, pSrc, pDst, cEp)
    const r = place(at, idx)
    if (r === STOP) return start
    at = Math.floor(r / POS)
    idx = r % POS
  }
}

function place(at: number, idx: number): number {
  switch (at) {
    case AT_HOST_SEND:
      return toInternet()
    case AT_ECS_SEND:
    case AT_APPLIANCE_SEND:
      return instanceSend(idx, at === AT_APPLIANCE_SEND)
    case AT_HOST_RECV:
      return end(D_DELIVERED, idx * 8 + T_HOST)
    case AT_ECS_RECV:
    case AT_APPLIANCE_RECV:
      return instanceReceive(idx, at === AT_APPLIANCE_RECV)
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
      op(OP_APPLIANCE, 0, cNode, policyCache())
      return next(AT_GWLB_BACK, cNode)
    case AT_GWLB_BACK:
      return next(AT_SERVICE_OUT, N.endpoints[cEp]?.service ?? 0)
    case AT_SERVICE_OUT:
      return next(AT_GWLBE_OUT, cEp)
    case AT_GWLBE_OUT: {
      const ep = N.endpoints[idx]
      if (!ep) return end(D_NO_ROUTE)
      zone(ep.zone)
      return routeFrom(ep.table)
    }
  }
  return end(D_NO_ROUTE)
}

/** Room for the appliance policy's decisions of this class, one per member of the node's GWLB. */
function policyCache(): number {
  if (!emitting) return -1
  const at = P.policyLength
  P.policyLength += N.gwlbs[N.nodes[cNode]?.gwlb ?? -1]?.members.length ?? 0
  if (P.policyLength > P.policy.length) {
    const grown = new Uint8Array(Math.max(P.policy.length * 2, P.policyLength))
    grown.set(P.policy)
    P.policy = grown
  }
  return at
}

function toInternet(): number {
  if (isPrivateAddress(pDst)) return end(D_NO_ROUTE)
  const code = N.addrTable.get(SCOPE_PUBLIC, pDst)
  if (code < 0) return end(D_EXITS)
  if ((code & 7) === T_HOST) return next(AT_HOST_RECV, code >> 3)
  const e = N.ecs[code >> 3]
  const gateway = e ? (N.vpcs[e.vpc]?.ipv4Gateway ?? -1) : -1
  if (gateway < 0) return end(D_NO_ROUTE)
  return next(AT_IPV4_GATEWAY_IN, gateway)
}

function instanceSend(idx: number, appliance: boolean): number {
  const inst = appliance ? N.appliances[idx] : N.ecs[idx]
  if (!inst) return end(D_NO_ROUTE)
  zone(inst.zone)
  if (appliance) check(OP_RUN, idx)
  if (!W.reply && !decideSecurityGroup(N.securityGroups, inst.sg, false, W.proto, pDst, W.dport).accept)
    return end(D_SG)
  return routeFrom(inst.table)
}

function instanceReceive(idx: number, appliance: boolean): number {
  const inst = appliance ? N.appliances[idx] : N.ecs[idx]
  if (!inst) return end(D_NO_ROUTE)
  zone(inst.zone)
  if (pDst !== inst.addr) return end(D_NOT_FORWARDING)
  if (appliance) check(OP_RUN, idx)
  if (!W.reply && !decideSecurityGroup(N.securityGroups, inst.sg, true, W.proto, pSrc, W.dport).accept) return end(D_SG)
  return end(D_DELIVERED, idx * 8 + (appliance ? T_APPLIANCE : T_ECS))
}

function ipv4GatewayIn(idx: number): number {
  const code = N.addrTable.get(SCOPE_PUBLIC, pDst)
  const e = code >= 0 && (code & 7) === T_ECS ? N.ecs[code >> 3] : undefined
  const g = N.ipv4Gateways[idx]
  if (!e || !g) return end(D_NO_ROUTE)
  pDst = e.addr
  dstOwn = false
  return routeFrom(g.table)
}

function ipv4GatewayOut(idx: number): number {
  const g = N.ipv4Gateways[idx]
  const code = g ? N.addrTable.get(g.vpc, pSrc) : -1
  const e = code >= 0 && (code & 7) === T_ECS ? N.ecs[code >> 3] : undefined
  if (!e || e.eipText === null) return end(D_NO_PUBLIC)
  pSrc = e.eip
  srcOwn = false
  return toInternet()
}

function routeFrom(ti: number): number {
  const e = routeEntry(N, ti, pDst)
  if (!e) return end(D_NO_ROUTE)
  const target = e.target
  switch (e.nextHop) {
    case NH_CLOUD_SERVICES:
      return end(D_CLOUD_SERVICES)
    case NH_BLACKHOLE:
      return end(D_BLACKHOLE)
    case NH_IPV4_GATEWAY:
      return next(AT_IPV4_GATEWAY_OUT, target)
    case NH_GWLBE:
      return next(AT_GWLBE_IN, target)
    case NH_ROUTE_TARGET_GROUP:
      return viaRouteTargetGroup(target)
    case NH_INSTANCE:
      return next((target & 7) === T_ECS ? AT_ECS_RECV : AT_APPLIANCE_RECV, target >> 3)
    case NH_LOCAL: {
      const code = N.addrTable.get(N.tables[ti]?.vpc ?? -1, pDst)
      if (code < 0) return end(D_HOST_UNREACHABLE)
      const kind = code & 7
      if (kind === T_ECS) return next(AT_ECS_RECV, code >> 3)
      if (kind === T_APPLIANCE) return next(AT_APPLIANCE_RECV, code >> 3)
      return end(D_HOST_UNREACHABLE)
    }
  }
  return end(D_NO_ROUTE)
}

/**
 * The carrying member is runtime state: the program branches. A branch's own program is compiled when a packet
 * first takes it, from the class's representative and the members taken so far (W.choices), emitting nothing
 * until the walk is past the branch it continues.
 */
function viaRouteTargetGroup(gi: number): number {
  const g = N.routeTargetGroups[gi]
  if (!g) return end(D_BLACKHOLE)
  const k = branchesSeen++
  const slot = W.choices[k]
  if (slot === undefined) {
    if (emitting) {
      P.branches.push(W)
      op(OP_ROUTE_TARGET, 0, gi, P.branches.length - 1, -1, -1)
    }
    return STOP
  }
  if (k === W.choices.length - 1) emitting = true
  return next(AT_GWLBE_IN, g.members[slot] ?? -1)
}

function gwlbeIn(idx: number): number {
  const ep = N.endpoints[idx]
  if (!ep) return end(D_NO_ROUTE)
  cEp = idx
  zone(ep.zone)
  if (!ep.whitelisted) return end(D_ENDPOINT)
  check(OP_ENDPOINT, idx)
  return next(AT_SERVICE_IN, ep.service)
}

function serviceIn(idx: number): number {
  const node = N.services[idx]?.nodeByZone[N.endpoints[cEp]?.zone ?? -1] ?? -1
  if (node < 0) return end(D_NO_SERVICE)
  cNode = node
  return next(AT_GWLB_IN, node)
}

function gwlbIn(idx: number): number {
  const nd = N.nodes[idx]
  const g = nd ? N.gwlbs[nd.gwlb] : undefined
  if (!nd || !g) return end(D_NO_ROUTE)
  zone(nd.zone)
  if (!g.listener) return end(D_NO_LISTENER)
  op(OP_SCHEDULE, 0, idx)
  return next(AT_APPLIANCE, 0)
}
