// The difference between two designs: resources added, removed and changed field by field, and the flow
// classes whose outcome changed, each class standing for others in both designs walked once per design.
// May not touch: React, the DOM, zustand.
import type { Design, Resource } from '../../src/model'
import { compile, DISPOSITIONS, type Disposition, type EngineOptions, type Network, type PacketSpec } from '../engine'
import { FlowSpace, representative } from './classes'
import { ClassWalker } from './classWalk'
import type { Outcome } from './explore'
import { ClassReduction } from './reduction'
import { describeClass, finish } from './verify'
import { type Pins, vpcTwins } from './vpcTwins'

export interface FieldChange {
  /** the field's path inside the resource, such as entries[0].nextHopId */
  path: string
  /** undefined: the field is absent on that side */
  before: unknown
  after: unknown
}

export interface ResourceDiff {
  added: { id: string; kind: string }[]
  removed: { id: string; kind: string }[]
  changed: { id: string; kind: string; changes: FieldChange[] }[]
}

/**
 * A changed flow class, and the classes it stands for that changed alike (the same flow of twin consumer VPCs, of
 * address blocks no prefix tells apart): described by the first of them in the space's order.
 */
export interface ChangedFlow {
  flowClass: string
  packet: PacketSpec
  /** the outcomes over every appliance choice, in words */
  before: string
  after: string
  /** how many changed classes this entry stands for, its own included */
  classes: number
  /**
   * the first of those classes, its own first, when asked for (`CompareOptions.members`): the Compare tab walks
   * the one the user picks
   */
  members?: ChangedMember[]
}

/** One of the changed classes an entry stands for: its packet, for walking that class itself. */
export interface ChangedMember {
  flowClass: string
  packet: PacketSpec
}

export interface DesignDiff {
  resources: ResourceDiff
  /** classes of the space cut by both designs */
  classCount: number
  /** classes whose outcome changed: the sum of the flows' `classes` */
  changedClasses: number
  flows: ChangedFlow[]
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/**
 * The field that names the elements of two lists, when every element of both has it and it is unique in each: a
 * route entry by its destination, a service resource by its GWLB, a zone mapping by its zone.
 */
const ELEMENT_KEYS = ['destinationCidrBlock', 'resourceId', 'zoneId', 'id'] as const
function elementKey(a: unknown[], b: unknown[]): string | null {
  return (
    ELEMENT_KEYS.find((k) =>
      [a, b].every((list) => {
        const seen = new Set<unknown>()
        for (const e of list) {
          if (!isObj(e) || typeof e[k] !== 'string' || seen.has(e[k])) return false
          seen.add(e[k])
        }
        return true
      }),
    ) ?? null
  )
}

/**
 * Field-by-field changes between two JSON values: objects by key; lists of named elements (route entries, ...) by
 * name, so removing one entry reads as that entry gone, not as every later one changed; other lists by position.
 */
function fieldChanges(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (a === b) return
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = a.length && b.length ? elementKey(a, b) : null
    if (key === null) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) fieldChanges(a[i], b[i], `${path}[${i}]`, out)
      return
    }
    const byKey = (list: unknown[]) => new Map(list.map((e) => [(e as Record<string, string>)[key], e]))
    const before = byKey(a)
    const after = byKey(b)
    for (const k of new Set([...before.keys(), ...after.keys()]))
      fieldChanges(before.get(k), after.get(k), `${path}[${k}]`, out)
    return
  }
  if (isObj(a) && isObj(b) && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      fieldChanges(a[k], b[k], path ? `${path}.${k}` : k, out)
    return
  }
  out.push({ path, before: a, after: b })
}

export function resourceDiff(a: Design, b: Design): ResourceDiff {
  const before = new Map(a.resources.map((r) => [r.id, r]))
  const after = new Map(b.resources.map((r) => [r.id, r]))
  const brief = (r: Resource) => ({ id: r.id, kind: r.kind })
  const changed: ResourceDiff['changed'] = []
  for (const [id, r] of before) {
    const s = after.get(id)
    if (!s) continue
    const changes: FieldChange[] = []
    fieldChanges(r, s, '', changes)
    if (changes.length) changed.push({ id, kind: s.kind, changes })
  }
  return {
    added: b.resources.filter((r) => !before.has(r.id)).map(brief),
    removed: a.resources.filter((r) => !after.has(r.id)).map(brief),
    changed,
  }
}

/** An outcome in words that name no appliance: the same for an outcome and its image under swapping twins. */
function wordsOf(o: Outcome): string {
  if (o.request === 'INVALID_PACKET') return 'no such sender in this design'
  let k = `${o.request}${o.appliance ? ' through an appliance' : ''}`
  if (o.reply !== null) {
    const where =
      o.replyAppliance === null
        ? o.appliance
          ? ' uninspected'
          : ''
        : o.replyAppliance === o.appliance
          ? ' through the same appliance'
          : o.appliance
            ? ' at another appliance'
            : ' through an appliance'
    k += `, answer ${o.reply}${where}`
  }
  return k
}

/**
 * Outcomes in words, grouped over the appliance choices, the most frequent first: "EXITS_TO_INTERNET through an
 * appliance, answer STATEFUL_NO_SESSION at another appliance (12 of 16 appliance choices)". `weights[i]`: how
 * many appliance choices outcome i stands for (its first pick's twins), 1 when absent.
 */
function described(os: readonly Outcome[], weights?: readonly number[]): string {
  const words = new Map<string, number>()
  os.forEach((o, i) => {
    const w = wordsOf(o)
    words.set(w, (words.get(w) ?? 0) + (weights?.[i] ?? 1))
  })
  const groups = [...words].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
  const total = groups.reduce((n, g) => n + g[1], 0)
  return groups.map(([k, n]) => (groups.length > 1 ? `${k} (${n} of ${total} appliance choices)` : k)).join('; ')
}

/** A class's outcomes in words, grouped over the appliance choices (see described()). */
export function describeOutcomes(os: readonly Outcome[]): string {
  return described(os)
}

/** Disposition codes from 1 (0: no answer), for outcomes as numbers. */
const CODE = new Map<Disposition | null, number>([[null, 0], ...DISPOSITIONS.map((d, i) => [d, i + 1] as const)])
const CODES = DISPOSITIONS.length + 1

/**
 * One design's side of a comparison. A class's outcomes become numbers, the appliances numbered by name over both
 * designs so that the two sides' numbers compare; an outcome whose first pick stands for twins becomes one number
 * per twin, its appliances renamed as swapping the two would.
 */
class Side {
  /** the last walk's outcomes, and how many appliance choices each stands for */
  outcomes: Outcome[] = []
  weights: number[] = []
  private readonly walker: ClassWalker
  private readonly localNumbers: Int32Array

  constructor(
    net: Network,
    space: FlowSpace,
    twins: boolean,
    private readonly numbers: Map<string | null, number>,
  ) {
    this.walker = new ClassWalker(net, space, twins)
    this.localNumbers = Int32Array.from(net.appliances, (a) => numbers.get(a.id) as number)
  }

  /** Walks a class: its distinct outcomes over every appliance choice, sorted (equal lists, equal outcomes). */
  walk(index: number): number[] {
    const w = this.walker
    const N = this.numbers.size
    const os = w.walk(index)
    const keys: number[] = []
    this.outcomes = os
    this.weights = []
    for (const o of os) {
      const twins = w.standsFor(o)
      this.weights.push(twins?.length ?? 1)
      const disposition = (CODE.get(o.request) as number) * CODES + (CODE.get(o.reply) as number)
      const app = this.numbers.get(o.appliance) as number
      const replyApp = this.numbers.get(o.replyAppliance) as number
      if (!twins) {
        keys.push((disposition * N + app) * N + replyApp)
        continue
      }
      const lead = this.localNumbers[twins[0]]
      for (const a of twins) {
        // the swap of the lead and this twin, on both appliances of the outcome
        const t = this.localNumbers[a]
        const at = app === lead ? t : app === t ? lead : app
        const replyAt = replyApp === lead ? t : replyApp === t ? lead : replyApp
        keys.push((disposition * N + at) * N + replyAt)
      }
    }
    keys.sort((x, y) => x - y)
    return keys.filter((k, i) => i === 0 || k !== keys[i - 1])
  }

  /** The last walk's outcomes in words. */
  words(): string {
    return described(this.outcomes, this.weights)
  }
}

const sameList = (x: readonly number[], y: readonly number[]) => x.length === y.length && x.every((v, i) => v === y[i])

export interface ComparisonOptions {
  /** false: every class and every appliance choice walked itself (what the reductions are checked against) */
  reduce?: boolean
  /** how classes stand for others; by default the twins and blocks of both designs (a test plants a wrong one) */
  reduction?: (space: FlowSpace) => ClassReduction
  /** the space cut by both designs, when already cut (a comparison built in steps) */
  space?: FlowSpace
}

/** A changed class: its index in the space, and the class it was judged by (itself without the reduction). */
export interface ChangedClass {
  index: number
  standing: number
}

/**
 * Two designs' flow classes, cut by both, compared: each class that stands for others in both designs
 * (reduction.ts over both networks) is walked once per design, its twin appliances once per group.
 */
export class Comparison {
  readonly space: FlowSpace
  readonly reduction: ClassReduction
  private readonly sides: [Side, Side]
  private readonly judged = new Map<number, { before: string; after: string }>()
  private walks = 0

  constructor(before: Network, after: Network, options: ComparisonOptions = {}) {
    const reduce = options.reduce ?? true
    this.space = options.space ?? new FlowSpace([before, after])
    this.reduction = options.reduction
      ? options.reduction(this.space)
      : new ClassReduction([before, after], this.space, NO_PINS, reduce)
    // 0: no appliance; the others by name, over both designs
    const numbers = new Map<string | null, number>([[null, 0]])
    for (const a of [...before.appliances, ...after.appliances]) if (!numbers.has(a.id)) numbers.set(a.id, numbers.size)
    this.sides = [new Side(before, this.space, reduce, numbers), new Side(after, this.space, reduce, numbers)]
  }

  /** Every class whose outcomes differ, in the space's order, with the class it was judged by. */
  *changed(): Generator<ChangedClass> {
    for (const c of this.changedSteps()) if (c) yield c
  }

  /**
   * changed() in steps: `undefined` is a pause, after every class walked (in both designs: up to a few ms on the
   * bench pair, where a class may take 40 walks a design) and every sender, where a worker may answer other
   * messages (see inSlices()). A pause costs a resumption and a clock read, little beside a class's walks.
   */
  *changedSteps(): Generator<ChangedClass | undefined> {
    const space = this.space
    const A = space.addressStarts.length
    const S = space.slots
    const red = this.reduction
    // per standing class (by its source's number among the standing ones): 0 not judged, 1 same, 2 changed
    const verdicts = new Uint8Array(red.repCount * A * S)
    for (let si = 0; si < space.sources.length; si++) {
      const rep = red.senderRep[si]
      const row = red.repNumber[rep] * A
      const map = red.destinations(si)
      for (let d = 0; d < A; d++) {
        const cd = map[d]
        for (let p = 0; p < S; p++) {
          const at = (row + cd) * S + p
          const standing = (rep * A + cd) * S + p
          if (verdicts[at] === 0) {
            verdicts[at] = this.judge(standing)
            yield undefined
          }
          if (verdicts[at] === 2) yield { index: (si * A + d) * S + p, standing }
        }
      }
      yield undefined
    }
  }

  /**
   * How many classes changed() walks in each design: the distinct classes standing for the space's (the progress a
   * worker reports is the walks so far of this). In steps: a pause every 16 senders (each may build its twin VPC's
   * destination map).
   */
  *standingCountSteps(): Generator<undefined, number> {
    const space = this.space
    const A = space.addressStarts.length
    const red = this.reduction
    const seen = new Uint8Array(red.repCount * A)
    // a sender's destinations depend on its twin VPC only: each (standing sender, map) pair is counted once
    const counted = new Map<Int32Array, Set<number>>()
    let n = 0
    for (let si = 0; si < space.sources.length; si++) {
      if (si % 16 === 15) yield
      const rep = red.senderRep[si]
      const map = red.destinations(si)
      const reps = counted.get(map) ?? new Set<number>()
      counted.set(map, reps)
      if (reps.has(rep)) continue
      reps.add(rep)
      const row = red.repNumber[rep] * A
      for (let d = 0; d < A; d++) {
        const at = row + map[d]
        if (seen[at] === 0) n++
        seen[at] = 1
      }
    }
    return n * space.slots
  }

  /** How many classes were walked (in each design) so far: the classes standing for the others. */
  get walkedClasses(): number {
    return this.walks
  }

  /** Before and after of a standing class, in words (it must have been judged changed). */
  words(standing: number): { before: string; after: string } {
    return this.judged.get(standing) as { before: string; after: string }
  }

  /** Whether one class changed, walked in both designs now (the bench prices a class with it). */
  judgeClass(index: number): boolean {
    return this.judge(index) === 2
  }

  private judge(standing: number): 1 | 2 {
    const [b, a] = this.sides
    this.walks++
    if (sameList(b.walk(standing), a.walk(standing))) return 1
    this.judged.set(standing, { before: b.words(), after: a.words() })
    return 2
  }
}

const NO_PINS: Pins = { ids: new Set(), ranges: [] }

/** How far a comparison in steps has got: classes walked (in each design) of those it will walk. */
export interface DiffProgress {
  walked: number
  toWalk: number
}

export interface CompareOptions {
  /** for the first `entries` entries, list up to `perEntry` of the changed classes each stands for */
  members?: { entries: number; perEntry: number }
}

/**
 * Both designs' resources compared, and every flow class of both walked in each (once per class standing for
 * others): the changed classes listed one per standing class, with how many classes it stands for.
 */
export function diffDesigns(a: Design, b: Design, engine?: EngineOptions): DesignDiff {
  return finish(diffSteps(a, b, engine))
}

/** diffDesigns() in steps: pauses (with how far it has got, once it knows) for a worker to answer meanwhile. */
export function* diffSteps(
  a: Design,
  b: Design,
  engine?: EngineOptions,
): Generator<DiffProgress | undefined, DesignDiff> {
  const before = compile(a, engine)
  yield
  const after = compile(b, engine)
  yield
  return yield* compareSteps(before, after)
}

/** Two compiled designs compared in steps (see diffSteps()). */
export function* compareSteps(
  before: Network,
  after: Network,
  options: CompareOptions = {},
): Generator<DiffProgress | undefined, DesignDiff> {
  const cmp = yield* comparisonSteps(before, after)
  const toWalk = yield* cmp.standingCountSteps()
  const byStanding = new Map<number, ChangedFlow>()
  const { entries = 0, perEntry = 0 } = options.members ?? {}
  let changedClasses = 0
  for (const changed of cmp.changedSteps()) {
    if (!changed) {
      yield { walked: cmp.walkedClasses, toWalk }
      continue
    }
    const { index, standing } = changed
    changedClasses++
    const f = byStanding.get(standing)
    if (f) {
      f.classes++
      if (f.members && f.members.length < perEntry) f.members.push(member(cmp.space, index))
      continue
    }
    const m = member(cmp.space, index)
    const listed = byStanding.size < entries ? { members: [m] } : {}
    byStanding.set(standing, { ...m, ...cmp.words(standing), classes: 1, ...listed })
  }
  return {
    resources: resourceDiff(before.design, after.design),
    classCount: cmp.space.size,
    changedClasses,
    flows: [...byStanding.values()],
  }
}

/**
 * A Comparison built in steps of a few tens of ms on the bench pair (its constructor at once takes 80–190 ms there):
 * the space, each design's twin VPCs, the reduction over both, then the walkers.
 */
function* comparisonSteps(before: Network, after: Network): Generator<undefined, Comparison> {
  const space = new FlowSpace([before, after])
  yield
  const twins = [vpcTwins(before.design, NO_PINS)]
  yield
  twins.push(vpcTwins(after.design, NO_PINS))
  yield
  const reduction = new ClassReduction([before, after], space, NO_PINS, true, twins)
  yield
  const cmp = new Comparison(before, after, { space, reduction: () => reduction })
  yield
  return cmp
}

/** A changed class in words, with its representative packet. */
function member(space: FlowSpace, index: number): ChangedMember {
  const c = space.classAt(index)
  return { flowClass: describeClass(c), packet: representative(c) }
}
