// A change plan checked step by step: every intermediate state against the intents, the windows where traffic
// is black-holed, uninspected or asymmetric, and a safe order of the same steps when the given one is not.
// May not touch: React, the DOM, zustand.
import type { Design } from '../../src/model'
import {
  compile,
  DEFAULT_ASSUMPTIONS,
  type Disposition,
  type EngineOptions,
  isDropped,
  type Network,
  type PacketSpec,
} from '../engine'
import { FlowSpace, representative } from './classes'
import type { Outcome } from './explore'
import { BUILT_IN_INTENTS, type Intent } from './intents'
import { applyStep, describeStep, type Plan, type PlanStep } from './steps'
import { describeClass, type IntentResult, intentCuts, rolesOf, Verifier } from './verify'

/** What goes wrong in a window: traffic that works at the plan's start or end does not, or not as it should. */
export type WindowKind = 'black-holed' | 'uninspected' | 'asymmetric'
export const WINDOW_KINDS: readonly WindowKind[] = ['black-holed', 'uninspected', 'asymmetric']

export interface StateReport {
  /** 0: before the first step; k: after step k */
  step: number
  /** the step just applied, in one line */
  applied: string | null
  results: IntentResult[]
  /** flow classes per kind of trouble, against the plan's start and end */
  affected: Record<WindowKind, number>
}

export interface PlanWindow {
  kind: WindowKind
  /** the states (step numbers) it spans: after step `from` up to after step `to` */
  from: number
  to: number
  /** the most flow classes affected in one of its states */
  flows: number
  example: { flowClass: string; packet: PacketSpec }
}

export type PlanCheck =
  | {
      ok: true
      classCount: number
      states: StateReport[]
      windows: PlanWindow[]
      /** intents that hold before and after the plan but not in between, with the states they fail in */
      intentWindows: { intentId: string; from: number; to: number }[]
      /** when the given order has windows: a safe order (1-based step numbers), null when the search found none */
      safeOrder?: number[] | null
    }
  | { ok: false; step: number; api: string; refused: string }

export interface PlanOptions {
  intents?: readonly Intent[]
  engine?: EngineOptions
  /** look for a safe order when the given one has windows (default true) */
  findSafeOrder?: boolean
  /** the most intermediate states the search for a safe order may evaluate (default 200) */
  searchLimit?: number
}

// per class and state: what the outcomes say, as bits
const ARRIVES = 1
const INSPECTED = 2
const ASYMMETRIC = 4
const HOLE = 8

const success = (d: Disposition) => !isDropped(d)
/** routed into nothing: a route to a deleted or disconnected next hop, or round in circles */
const INTO_NOTHING: ReadonlySet<Disposition> = new Set(['BLACKHOLE_ROUTE', 'LOOP', 'ENDPOINT_NOT_CONNECTED'])

/**
 * Over the appliance choices: every outcome arrives (and its answer); all that arrive are inspected; some answer
 * comes back through another appliance or finds no session; some packet or answer is routed into nothing.
 */
function flagsOf(os: readonly Outcome[]): number {
  let arrives = true
  let inspected = true
  let asymmetric = false
  let hole = false
  for (const o of os) {
    if (INTO_NOTHING.has(o.request) || (o.reply !== null && INTO_NOTHING.has(o.reply))) hole = true
    if (!success(o.request)) {
      arrives = false
      continue
    }
    if (o.appliance === null) inspected = false
    if (o.reply === null) continue
    if (!success(o.reply)) arrives = false
    if (o.reply === 'STATEFUL_NO_SESSION' || (success(o.reply) && o.replyAppliance !== o.appliance)) asymmetric = true
  }
  return (
    (arrives ? ARRIVES : 0) | (arrives && inspected ? INSPECTED : 0) | (asymmetric ? ASYMMETRIC : 0) | (hole ? HOLE : 0)
  )
}

/**
 * The trouble of a class in a state, one bit per WindowKind (index order), against the plan's two ends:
 * black-holed when routed into nothing though neither end is, or lost though it arrives at both; uninspected
 * though inspected at both; asymmetric though symmetric at both. The ends themselves are never in trouble:
 * what a plan means to change is the intents' business.
 */
function trouble(now: number, start: number, end: number): number {
  let t = 0
  if ((now & HOLE && !((start | end) & HOLE)) || (start & end & ARRIVES && !(now & ARRIVES))) t |= 1
  if (start & end & INSPECTED && now & ARRIVES && !(now & INSPECTED)) t |= 2
  if (now & ASYMMETRIC && !((start | end) & ASYMMETRIC)) t |= 4
  return t
}

/**
 * What the guide's setup starts from: the design without its endpoint services, GWLB endpoints and custom
 * route entries (the guide creates them; the VPCs, vSwitches, gateway, appliances and GWLB exist beforehand).
 */
export function prerequisites(design: Design): Design {
  return {
    ...design,
    resources: design.resources
      .filter((r) => r.kind !== 'endpointService' && r.kind !== 'gwlbEndpoint')
      .map((r) => (r.kind === 'routeTable' ? { ...r, entries: [] } : r)),
  }
}

/**
 * The guide's exported API-call sequence (src/share/apiCalls.ts) as plan steps. Its ECS security-group calls
 * are left out: the design's instances already hold their groups, so the groups count among the prerequisites.
 */
export function guideSteps(calls: readonly (PlanStep & { product?: string })[]): PlanStep[] {
  return calls.filter((c) => c.product !== 'Ecs').map((c) => ({ ...c }))
}

/** The designs after each step, or the first step the cloud would refuse. */
export function planStates(
  design: Design,
  steps: readonly PlanStep[],
  engine?: EngineOptions,
): { ok: true; designs: Design[] } | { ok: false; step: number; api: string; refused: string } {
  const assumptions = { ...DEFAULT_ASSUMPTIONS, ...engine?.assumptions }
  const designs = [design]
  for (let i = 0; i < steps.length; i++) {
    const r = applyStep(designs[i], steps[i], assumptions)
    if (!r.ok) return { ok: false, step: i + 1, api: steps[i].api, refused: r.refused }
    designs.push(r.design)
  }
  return { ok: true, designs }
}

class StateEvaluator {
  readonly space: FlowSpace
  private readonly intents: Intent[]

  constructor(
    nets: Network[],
    intents: Intent[],
    private readonly engine?: EngineOptions,
  ) {
    this.intents = intents
    this.space = new FlowSpace(nets, intentCuts(intents, rolesOf(nets[0].design)))
  }

  verifier(net: Network): Verifier {
    return new Verifier(net, this.intents, this.space)
  }

  flags(v: Verifier): Uint8Array {
    const f = new Uint8Array(this.space.size)
    for (let i = 0; i < f.length; i++) f[i] = flagsOf(v.outcomesOf(i))
    return f
  }

  compile(d: Design): Network {
    return compile(d, this.engine)
  }
}

/** Checks a plan: every state against the intents and against the start and end for windows of trouble. */
export function checkPlan(design: Design, plan: Plan, options: PlanOptions = {}): PlanCheck {
  const states = planStates(design, plan.steps, options.engine)
  if (!states.ok) return states
  const intents = [...BUILT_IN_INTENTS, ...(options.intents ?? [])]
  const nets = states.designs.map((d) => compile(d, options.engine))
  const ev = new StateEvaluator(nets, intents, options.engine)
  const verifiers = nets.map((n) => ev.verifier(n))
  const flags = verifiers.map((v) => ev.flags(v))
  const start = flags[0]
  const end = flags[flags.length - 1]
  const reports: StateReport[] = []
  const troubleAt: Uint8Array[] = []
  verifiers.forEach((v, k) => {
    const t = new Uint8Array(start.length)
    const affected: Record<WindowKind, number> = { 'black-holed': 0, uninspected: 0, asymmetric: 0 }
    for (let i = 0; i < t.length; i++) {
      t[i] = trouble(flags[k][i], start[i], end[i])
      WINDOW_KINDS.forEach((w, b) => {
        if (t[i] & (1 << b)) affected[w]++
      })
    }
    troubleAt.push(t)
    reports.push({
      step: k,
      applied: k === 0 ? null : describeStep(plan.steps[k - 1]),
      results: intents.map((intent, n) => v.check(intent, n < BUILT_IN_INTENTS.length)),
      affected,
    })
  })
  const windows: PlanWindow[] = []
  WINDOW_KINDS.forEach((kind, b) => {
    let k = 0
    while (k < reports.length) {
      if (!reports[k].affected[kind]) {
        k++
        continue
      }
      const from = k
      let flows = 0
      while (k < reports.length && reports[k].affected[kind]) flows = Math.max(flows, reports[k++].affected[kind])
      const i = troubleAt[from].findIndex((t) => (t & (1 << b)) !== 0)
      const c = ev.space.classAt(i)
      windows.push({
        kind,
        from,
        to: k - 1,
        flows,
        example: { flowClass: describeClass(c), packet: representative(c) },
      })
    }
  })
  const intentWindows: { intentId: string; from: number; to: number }[] = []
  intents.forEach((intent, n) => {
    const holds = reports.map((r) => r.results[n].status === 'holds')
    if (!holds[0] || !holds[holds.length - 1]) return
    for (let k = 1; k < holds.length; k++) {
      if (holds[k]) continue
      const from = k
      while (!holds[k]) k++
      intentWindows.push({ intentId: intent.id, from, to: k - 1 })
    }
  })
  const result: PlanCheck = { ok: true, classCount: ev.space.size, states: reports, windows, intentWindows }
  if ((windows.length || intentWindows.length) && (options.findSafeOrder ?? true))
    result.safeOrder = safeOrder(design, plan.steps, ev, start, end, options)
  return result
}

/**
 * A permutation of the steps whose every state is free of trouble against the start and end, depth first,
 * trying the given order first; sets of applied steps found bad are remembered (the same steps in another
 * order make the same design for the edits a plan holds). Null when none exists within the search limit.
 */
function safeOrder(
  design: Design,
  steps: readonly PlanStep[],
  ev: StateEvaluator,
  start: Uint8Array,
  end: Uint8Array,
  options: PlanOptions,
): number[] | null {
  const assumptions = { ...DEFAULT_ASSUMPTIONS, ...options.engine?.assumptions }
  let budget = options.searchLimit ?? 200
  const bad = new Set<string>()
  const clean = (d: Design): boolean => {
    budget--
    const v = ev.verifier(ev.compile(d))
    for (let i = 0; i < start.length; i++) if (trouble(flagsOfClass(v, i), start[i], end[i])) return false
    return true
  }
  const flagsOfClass = (v: Verifier, i: number) => flagsOf(v.outcomesOf(i))
  const order: number[] = []
  const used = new Array<boolean>(steps.length).fill(false)
  const search = (d: Design): boolean => {
    if (order.length === steps.length) return true
    for (let s = 0; s < steps.length; s++) {
      if (used[s] || budget <= 0) continue
      used[s] = true
      const key = used.map((u) => (u ? 1 : 0)).join('')
      // a refusal depends on the order, so only a state found in trouble marks its set of steps
      const r = bad.has(key) ? null : applyStep(d, steps[s], assumptions)
      if (r?.ok) {
        if (order.length + 1 === steps.length || clean(r.design)) {
          order.push(s + 1)
          if (search(r.design)) return true
          order.pop()
        } else bad.add(key)
      }
      used[s] = false
    }
    return false
  }
  return search(design) ? order : null
}
