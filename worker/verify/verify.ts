// Checks intents over every flow class of a design: each intent holds, or is violated with a concrete packet
// that shows it. May not touch: React, the DOM, zustand.
import { type Design, formatIpv4, parseCidr } from '../../src/model'
import {
  type CInstance,
  compile,
  type Disposition,
  decideSecurityGroup,
  type EngineOptions,
  isDropped,
  type Network,
  type PacketSpec,
  protocolNumber,
} from '../engine'
import { type Cuts, type FlowClass, type FlowSource, FlowSpace, representative, representativeAddress } from './classes'
import { ClassWalker } from './classWalk'
import type { Outcome } from './explore'
import { BUILT_IN_INTENTS, checkNames, type Endpoints, type Intent, type IntentError } from './intents'
import { ClassReduction } from './reduction'
import type { Pins } from './vpcTwins'

export interface Counterexample {
  /** the packet to play: its class's representative */
  packet: PacketSpec
  /** the class it stands for, in words */
  flowClass: string
  /** what went wrong, in one line */
  reason: string
  request: Disposition
  reply: Disposition | null
  /** the appliance that inspected the request (the GWLB's choice this counterexample took), or null */
  appliance: string | null
  /** verification's appliance picks (RuntimeState.choices) that replay this outcome exactly */
  picks: number[]
}

export type IntentResult =
  | { intent: Intent; builtIn: boolean; status: 'holds'; classes: number }
  | {
      intent: Intent
      builtIn: boolean
      status: 'violated'
      classes: number
      /** how many of the classes checked violate it */
      violating: number
      counterexample: Counterexample
    }

export interface Verification {
  classCount: number
  results: IntentResult[]
}

export type VerifyResult = ({ ok: true } & Verification) | { ok: false; errors: IntentError[] }

const success = (d: Disposition) => !isDropped(d)

/** A class's verdict: not judged yet, keeps the intent, or (for an intent of `served` packets) left out. */
const UNJUDGED = -2
const KEEPS = -1
const NOT_SERVED = -3

/** Why an outcome breaks an intent's expectation, or null when it keeps it. */
export function violation(o: Outcome, expect: Intent['expect']): string | null {
  const arrived = success(o.request)
  if (expect.reach === 'delivered' && !arrived) return `the packet ends ${o.request}`
  if (expect.reach === 'blocked' && arrived) return `the packet arrives (${o.request})`
  if (expect.never?.includes(o.request)) return `the packet ends ${o.request}`
  const at = o.replyAppliance ? ` at ${o.replyAppliance}` : ''
  if (o.reply !== null && expect.never?.includes(o.reply)) return `its answer ends ${o.reply}${at}`
  if (!arrived) return null
  if (expect.inspected && o.appliance === null) return `the packet arrives (${o.request}) without crossing an appliance`
  if (expect.symmetric && o.reply !== null) {
    if (!success(o.reply)) return `its answer ends ${o.reply}${at}`
    if (o.replyAppliance !== o.appliance)
      return `the answer returns through ${o.replyAppliance ?? 'no appliance'}, the packet went through ${o.appliance ?? 'none'}`
  }
  return null
}

function range(r: { lo: number; hi: number }): string {
  return r.lo === r.hi ? formatIpv4(r.lo) : `${formatIpv4(r.lo)}–${formatIpv4(r.hi)}`
}

/** A class in words: "from internet 1.0.0.0–9.255.255.255 to 47.98.10.11, tcp 443". */
export function describeClass(c: FlowClass): string {
  const from = c.source.kind === 'internet' ? `internet ${range(c.source)}` : c.source.id
  const ports = c.ports ? ` ${c.ports.lo === c.ports.hi ? c.ports.lo : `${c.ports.lo}-${c.ports.hi}`}` : ''
  return `from ${from} to ${range(c.destination)}, ${c.protocol}${ports}`
}

/** What the design knows of its instances, for resolving groups. */
export interface Roles {
  role: Map<string, 'server' | 'client'>
  vpcOf: Map<string, string>
  cidrOf: Map<string, { lo: number; hi: number }>
}

export function rolesOf(design: Design): Roles {
  const vswitchVpc = new Map<string, string>()
  const role = new Map<string, 'server' | 'client'>()
  const vpcOf = new Map<string, string>()
  const cidrOf = new Map<string, { lo: number; hi: number }>()
  for (const r of design.resources) {
    if (r.kind === 'vswitch') vswitchVpc.set(r.id, r.vpcId)
    if (r.kind === 'vpc') {
      const c = parseCidr(r.cidrBlock)
      if (c.ok) cidrOf.set(r.id, blockRange(c.cidr.base, c.cidr.prefix))
    }
  }
  for (const r of design.resources) {
    if (r.kind === 'ecs') role.set(r.id, r.role)
    if (r.kind === 'ecs' || r.kind === 'appliance') vpcOf.set(r.id, vswitchVpc.get(r.vswitchId) ?? '')
  }
  return { role, vpcOf, cidrOf }
}

function blockRange(base: number, prefix: number): { lo: number; hi: number } {
  return { lo: base, hi: base + 2 ** (32 - prefix) - 1 }
}

function cidrRange(text: string): { lo: number; hi: number } {
  const c = parseCidr(text)
  return c.ok ? blockRange(c.cidr.base, c.cidr.prefix) : { lo: 0, hi: -1 }
}

const inside = (a: { lo: number; hi: number }, b: { lo: number; hi: number }) => a.lo >= b.lo && a.hi <= b.hi

/** The cuts an intent adds to the design's: its blocks and its ports, so each class is wholly in or out. */
export function intentCuts(intents: readonly Intent[], roles: Roles): Cuts {
  const ranges: { lo: number; hi: number }[] = []
  const ports: { lo: number; hi: number }[] = []
  for (const i of intents) {
    for (const e of [i.from, i.to]) {
      if (typeof e !== 'object') continue
      if ('cidr' in e) ranges.push(cidrRange(e.cidr))
      if ('vpc' in e) {
        const r = roles.cidrOf.get(e.vpc)
        if (r) ranges.push(r)
      }
    }
    if (i.ports) {
      const [lo, hi = lo] = i.ports.split('-').map(Number)
      ports.push({ lo, hi })
    }
  }
  return { ranges, ports }
}

function sourceIn(s: FlowSource, e: Endpoints, roles: Roles): boolean {
  const id = s.kind === 'internet' ? '' : s.id
  switch (e) {
    case 'any':
      return true
    case 'internet':
      return s.kind === 'internet' || s.kind === 'internetHost'
    case 'servers':
    case 'clients':
      return s.kind === 'ecs' && roles.role.get(id) === (e === 'servers' ? 'server' : 'client')
    case 'appliances':
      return s.kind === 'appliance'
    case 'instances':
      return s.kind === 'ecs' || s.kind === 'appliance'
  }
  if ('resources' in e) return e.resources.includes(id)
  if ('vpc' in e) return roles.vpcOf.get(id) === e.vpc
  const block = cidrRange(e.cidr)
  return s.kind === 'internet' ? inside(s, block) : inside({ lo: s.address, hi: s.address }, block)
}

/** The destination address atoms an intent's `to` names. */
function destinationsOf(
  net: Network,
  space: FlowSpace,
  e: Endpoints,
  toAddress: 'private' | 'eip' | 'both',
  roles: Roles,
): number[] {
  const all = Array.from({ length: space.addressStarts.length }, (_, i) => i)
  if (e === 'any') return all
  if (e === 'internet') {
    const held = new Set<number>()
    for (const v of net.vpcs) for (const a of v.addrs.keys()) held.add(a >>> 0)
    for (const x of net.ecs) if (x.eipText !== null) held.add(x.eip >>> 0)
    const hosts = new Set(net.hosts.map((h) => h.addr >>> 0))
    // the blocks an internet sender may hold (routed, held by no resource) are the blocks it may be sent to
    const open = new Set(space.sources.flatMap((s) => (s.kind === 'internet' ? [s.lo] : [])))
    return all.filter((i) => {
      const a = space.addressAtom(i)
      if (a.lo === a.hi && hosts.has(a.lo)) return true
      return open.has(a.lo) && !(a.lo === a.hi && held.has(a.lo))
    })
  }
  if (typeof e === 'object' && 'cidr' in e) return all.filter((i) => inside(space.addressAtom(i), cidrRange(e.cidr)))
  if (typeof e === 'object' && 'vpc' in e) {
    const block = roles.cidrOf.get(e.vpc)
    return block ? all.filter((i) => inside(space.addressAtom(i), block)) : []
  }
  // named instances or hosts: their addresses
  const addrs = new Set<number>()
  const wants = (kind: 'ecs' | 'appliance' | 'internetHost', id: string) => sourceIn({ kind, id, address: 0 }, e, roles)
  for (const x of net.ecs)
    if (wants('ecs', x.id)) {
      if (toAddress !== 'eip') addrs.add(x.addr >>> 0)
      if (toAddress !== 'private' && x.eipText !== null) addrs.add(x.eip >>> 0)
    }
  if (toAddress !== 'eip') for (const a of net.appliances) if (wants('appliance', a.id)) addrs.add(a.addr >>> 0)
  // a host is named only by id (the groups are the design's instances)
  for (const h of net.hosts) if (typeof e === 'object' && wants('internetHost', h.id)) addrs.add(h.addr >>> 0)
  return all.filter((i) => {
    const a = space.addressAtom(i)
    return a.lo === a.hi && addrs.has(a.lo)
  })
}

function slotsOf(space: FlowSpace, intent: Intent): number[] {
  const want = intent.protocol ?? 'any'
  const [lo, hi = lo] = intent.ports ? intent.ports.split('-').map(Number) : [1, 65535]
  const out: number[] = []
  for (let p = 0; p < space.slots; p++) {
    const s = space.slot(p)
    if (want !== 'any' && s.protocol !== want) continue
    if (s.ports === null ? intent.ports !== undefined : !inside(s.ports, { lo, hi })) continue
    out.push(p)
  }
  return out
}

export interface VerifyOptions {
  /** the intents to check besides the built-in ones */
  intents?: readonly Intent[]
  /** leave the built-in intents out */
  noBuiltIn?: boolean
  engine?: EngineOptions
}

/** Checks a design's intents over every flow class. Intents naming what the design lacks are errors, nothing runs. */
export function verify(design: Design, options: VerifyOptions = {}): VerifyResult {
  return finish(verifySteps(design, options))
}

/**
 * verify() in steps: the generator pauses after each sender of each intent, so that a worker can answer other
 * messages (the page's heartbeat) between steps of a long check (see inSlices()).
 */
export function* verifySteps(design: Design, options: VerifyOptions = {}): Generator<void, VerifyResult> {
  const own = options.intents ?? []
  const errors = checkNames(design, own)
  if (errors.length) return { ok: false, errors }
  const net = compile(design, options.engine)
  yield
  const intents = [...(options.noBuiltIn ? [] : BUILT_IN_INTENTS), ...own]
  return { ok: true, ...(yield* verifyNetworkSteps(net, intents, own.length)) }
}

/**
 * Checks intents over a compiled network; the last `ownCount` intents are the user's, the others built in. A
 * Verifier keeps the classes' outcomes, so several intents share their walks.
 */
export function verifyNetwork(net: Network, intents: readonly Intent[], ownCount = 0, reduce = true): Verification {
  return finish(verifyNetworkSteps(net, intents, ownCount, reduce))
}

function* verifyNetworkSteps(
  net: Network,
  intents: readonly Intent[],
  ownCount = 0,
  reduce = true,
): Generator<void, Verification> {
  const v = new Verifier(net, intents, undefined, reduce)
  yield
  const builtInCount = intents.length - ownCount
  const results: IntentResult[] = []
  for (const [n, intent] of intents.entries()) results.push(yield* v.checking(intent, n < builtInCount))
  return { classCount: v.space.size, results }
}

/** Runs steps to their end at once. */
export function finish<T, P>(steps: Generator<P, T>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/**
 * Runs steps to their end in slices of about `sliceMs`, letting the event loop run between slices: in the
 * worker, the page's heartbeat, a trace or a newer question is answered while a long check runs. `atPause` is
 * called after each pause with the last value the steps yielded (how far they have got): it may report it, or
 * throw to end the steps there (a newer question supersedes this one), which closes them and rejects.
 */
export async function inSlices<T, P = void>(
  steps: Generator<P, T>,
  sliceMs = 40,
  atPause?: (last: P) => void,
): Promise<T> {
  let until = performance.now() + sliceMs
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
    if (performance.now() >= until) {
      await new Promise((next) => setTimeout(next, 0))
      try {
        atPause?.(r.value)
      } catch (e) {
        steps.return(undefined as T)
        throw e
      }
      until = performance.now() + sliceMs
    }
  }
}

/** What intents name, which no twin may stand for: the resources and VPCs they name, the blocks they cut. */
function pinsOf(intents: readonly Intent[], cuts: Cuts): Pins {
  const ids = new Set<string>()
  for (const i of intents)
    for (const e of [i.from, i.to]) {
      if (typeof e !== 'object') continue
      if ('resources' in e) for (const id of e.resources) ids.add(id)
      if ('vpc' in e) ids.add(e.vpc)
    }
  return { ids, ranges: (cuts.ranges ?? []).filter((r) => r.hi >= r.lo) }
}

/**
 * The classes of a network cut for some intents, and their outcomes, computed once per class that stands for
 * others (reduction.ts): a class's outcomes are those of the class standing for it.
 */
export class Verifier {
  readonly space: FlowSpace
  readonly roles: Roles
  readonly reduction: ClassReduction
  private readonly walker: ClassWalker
  private readonly cache = new Map<number, Outcome[]>()
  private held: Map<number, CInstance> | null = null

  /**
   * `space`: a space shared with other networks (a plan's states), cut for the same intents; else this one's.
   * `reduce` false walks every class itself (the reduction's tests and the bench's baseline).
   */
  constructor(
    readonly net: Network,
    intents: readonly Intent[],
    space?: FlowSpace,
    reduce = true,
  ) {
    this.roles = rolesOf(net.design)
    const cuts = intentCuts(intents, this.roles)
    this.space = space ?? new FlowSpace([net], cuts)
    this.reduction = new ClassReduction([net], this.space, pinsOf(intents, cuts), reduce)
    this.walker = new ClassWalker(net, this.space)
  }

  /** How many classes were walked so far: the classes standing for the others that the checks met. */
  get walkedClasses(): number {
    return this.cache.size
  }

  /** Whether a sender of the space is in this network (a shared space holds the senders of every state). */
  sends(s: FlowSource): boolean {
    return s.kind === 'internet' || this.net.byId.has(s.id)
  }

  /** The outcomes of a class: those of the class standing for it, walked once. */
  outcomesOf(index: number): Outcome[] {
    return this.walked(this.reduction.canonical(index))
  }

  /** The outcomes of a class's representative, walked once. */
  private walked(index: number): Outcome[] {
    const known = this.cache.get(index)
    if (known) return known
    const o = this.walker.walk(index)
    this.cache.set(index, o)
    return o
  }

  /**
   * Checks an intent over its classes. Each class standing for others is judged once: `verdicts` holds, per
   * standing class (by its source's number among the standing ones), the index of its first outcome that
   * violates the intent, -1 when none does, -2 not judged yet. Classes are visited in order, so the
   * counterexample is the first violating class, as it would be without the reduction.
   */
  check(intent: Intent, builtIn = false): IntentResult {
    return finish(this.checking(intent, builtIn))
  }

  /** check() in steps: pauses after each sender. */
  *checking(intent: Intent, builtIn = false): Generator<void, IntentResult> {
    const space = this.space
    const A = space.addressStarts.length
    const S = space.slots
    const red = this.reduction
    const dsts = Int32Array.from(destinationsOf(this.net, space, intent.to, intent.toAddress ?? 'both', this.roles))
    const slots = Int32Array.from(slotsOf(space, intent))
    const verdicts = new Int16Array(red.repCount * A * S).fill(UNJUDGED)
    const served = intent.served === true
    let classes = 0
    let violating = 0
    let first: Counterexample | null = null
    for (const [si, s] of space.sources.entries()) {
      if (!this.sends(s) || !sourceIn(s, intent.from, this.roles)) continue
      const rep = red.senderRep[si]
      const row = red.repNumber[rep] * A
      const map = red.destinations(si)
      classes += dsts.length * slots.length
      for (let n = 0; n < dsts.length; n++) {
        const cd = map[dsts[n]]
        for (let m = 0; m < slots.length; m++) {
          const p = slots[m]
          const at = (row + cd) * S + p
          let v = verdicts[at]
          if (v === UNJUDGED) {
            const standing = (rep * A + cd) * S + p
            v = served && !this.serves(standing) ? NOT_SERVED : this.verdict(standing, intent.expect)
            verdicts[at] = v
          }
          if (v === NOT_SERVED) classes--
          if (v < 0) continue
          violating++
          if (!first) first = this.counterexample((si * A + dsts[n]) * S + p, v, intent.expect)
        }
      }
      yield
    }
    if (!first) return { intent, builtIn, status: 'holds', classes }
    return { intent, builtIn, status: 'violated', classes, violating, counterexample: first }
  }

  /** The index of a standing class's first outcome that violates an expectation, or -1. */
  private verdict(index: number, expect: Intent['expect']): number {
    const os = this.walked(index)
    for (let i = 0; i < os.length; i++) if (violation(os[i], expect) !== null) return i
    return KEEPS
  }

  /**
   * Whether the instance a class is addressed to (by its private address or its EIP) admits the class's packets
   * through its security groups, judged on the representative's source address as sent: what the design serves
   * there. An address no instance holds serves everything. Every packet of a class meets the same rule of every
   * list, so the representative answers for the class, and a class standing for others for them.
   */
  private serves(index: number): boolean {
    const c = this.space.classAt(index)
    const holder = c.destination.lo === c.destination.hi ? this.holders.get(c.destination.lo) : undefined
    if (!holder) return true
    const source = c.source.kind === 'internet' ? representativeAddress(c.source) : c.source.address
    const port = c.ports ? c.ports.lo : 0
    return decideSecurityGroup(this.net.securityGroups, holder.sg, true, protocolNumber(c.protocol), source | 0, port)
      .accept
  }

  /** The instance holding each address (unsigned): ECS by private address and EIP, appliances by private address. */
  private get holders(): Map<number, CInstance> {
    if (this.held) return this.held
    const held = new Map<number, CInstance>()
    for (const x of this.net.ecs) {
      held.set(x.addr >>> 0, x)
      if (x.eipText !== null) held.set(x.eip >>> 0, x)
    }
    for (const a of this.net.appliances) held.set(a.addr >>> 0, a)
    this.held = held
    return held
  }

  /** Class `index` as a counterexample, with the outcome its standing class walked. */
  private counterexample(index: number, outcome: number, expect: Intent['expect']): Counterexample {
    const o = this.outcomesOf(index)[outcome]
    const c = this.space.classAt(index)
    return {
      packet: representative(c),
      flowClass: describeClass(c),
      reason: violation(o, expect) as string,
      request: o.request,
      reply: o.reply,
      appliance: o.appliance,
      picks: o.picks,
    }
  }
}
