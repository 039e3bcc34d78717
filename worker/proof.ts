// What the worker answers the page's "for every packet" questions with: intents checked over every flow class,
// the difference between two designs, a change plan checked step by step, a counterexample replayed. Plain data,
// safe to post. May not touch: React, the DOM, zustand.
import { type Design, parse } from '../src/model'
import { compile, type EngineOptions, type PacketSpec, type RoundTrip, traceRoundTrip } from './engine'
import {
  checkPlan,
  compareSteps,
  type DesignDiff,
  type DiffProgress,
  type Intent,
  type IntentError,
  inSlices,
  type PlanCheck,
  parseIntents,
  parsePlan,
  prerequisites,
  replay,
  type Verification,
  verifySteps,
} from './verify'

/** Designs that do not load are named by the side the page gave them. */
type Loaded = { ok: true; design: Design } | { ok: false; message: string }

function load(document: unknown, what: string): Loaded {
  const r = parse(document)
  if (r.ok) return { ok: true, design: r.design }
  return { ok: false, message: `${what} does not load: ${r.errors[0]?.message ?? 'unknown problem'}` }
}

export type VerifyAnswer =
  | ({ ok: true } & Verification)
  | { ok: false; message: string }
  | { ok: false; intentErrors: IntentError[] }

/**
 * The built-in intents, and the user's intents file (its text) when given, checked over every flow class. A file
 * that is malformed, or an intent naming what the design lacks, is answered with errors naming the intent. The
 * check runs in slices, so the worker answers the page's heartbeat meanwhile (a large design's check may take
 * longer than the heartbeat's limit on a busy machine).
 */
export async function verifyOn(
  document: unknown,
  intentsText: string | null,
  engine?: EngineOptions,
): Promise<VerifyAnswer> {
  const d = load(document, 'The design')
  if (!d.ok) return d
  let intents: Intent[] | undefined
  if (intentsText !== null && intentsText.trim() !== '') {
    const parsed = parseIntents(intentsText)
    if (!parsed.ok) return { ok: false, intentErrors: parsed.errors }
    intents = parsed.intents
  }
  const r = await inSlices(verifySteps(d.design, { intents, engine }))
  return r.ok ? r : { ok: false, intentErrors: r.errors }
}

/** The resources a changed flow class crosses, before and after, to paint it on the canvas. */
export interface FlowPaths {
  before: string[]
  after: string[]
}

export type DiffAnswer =
  | ({ ok: true } & DesignDiff & { paths: FlowPaths[] })
  | { ok: false; message: string }
  /** ended before its answer: cancelled by the page, or superseded by a newer comparison */
  | { ok: false; stopped: 'cancelled' | 'superseded'; message: string }

/** How many changed classes get their paths traced for the canvas; the rest are listed without. */
export const PAINTED_FLOWS = 200

/** How many entries carry their first classes for the Compare tab to walk (it lists 60), and how many each. */
export const WALKABLE = { entries: 60, perEntry: 8 }

function resourcesOn(rt: RoundTrip): string[] {
  const ids = new Set<string>()
  for (const t of [rt.request, rt.reply])
    for (const h of t?.hops ?? []) if (h.resourceId !== null) ids.add(h.resourceId)
  return [...ids]
}

/**
 * The comparisons the page asked for, by number: only the newest runs to its end (a newer one, or a cancel,
 * ends an older one at its next pause), so a stale answer never takes a newer one's place and the worker does
 * not go on with work nobody waits for.
 */
const comparisons = { newest: 0, cancelled: 0 }

/** Why a comparison ended early. */
class Stopped extends Error {
  constructor(readonly why: 'cancelled' | 'superseded') {
    super(why === 'cancelled' ? 'The comparison was cancelled.' : 'A newer comparison replaced this one.')
  }
}

/** Ends the comparison running, if any, at its next pause: it answers `stopped: 'cancelled'`. */
export function cancelDiff(): void {
  comparisons.cancelled = comparisons.newest
}

/**
 * The difference between two designs (`before` and `after`, raw documents): resources, then flow classes, then
 * the changed classes' paths for the canvas. It runs in slices of about 40 ms, so the worker answers a trace, a
 * lint or the heartbeat meanwhile; `onProgress` hears how far it has got at each pause.
 */
export async function diffOn(
  before: unknown,
  after: unknown,
  onProgress?: (progress: DiffProgress) => void,
  engine?: EngineOptions,
): Promise<DiffAnswer> {
  const ticket = ++comparisons.newest
  try {
    return await inSlices(diffAnswerSteps(before, after, engine), 40, (progress) => {
      if (ticket !== comparisons.newest) throw new Stopped('superseded')
      if (ticket === comparisons.cancelled) throw new Stopped('cancelled')
      if (progress) onProgress?.(progress)
    })
  } catch (e) {
    if (e instanceof Stopped) return { ok: false, stopped: e.why, message: e.message }
    throw e
  }
}

/** diffOn()'s work in steps: each design loaded and compiled, compared, then the changed classes' paths traced. */
function* diffAnswerSteps(
  before: unknown,
  after: unknown,
  engine?: EngineOptions,
): Generator<DiffProgress | undefined, DiffAnswer> {
  const a = load(before, 'The design compared with')
  if (!a.ok) return a
  yield
  const b = load(after, 'The design on the canvas')
  if (!b.ok) return b
  yield
  const na = compile(a.design, engine)
  yield
  const nb = compile(b.design, engine)
  yield
  const diff = yield* compareSteps(na, nb, { members: WALKABLE })
  const paths: FlowPaths[] = []
  for (const f of diff.flows.slice(0, PAINTED_FLOWS)) {
    paths.push({ before: resourcesOn(traceRoundTrip(na, f.packet)), after: resourcesOn(traceRoundTrip(nb, f.packet)) })
    yield
  }
  return { ok: true, ...diff, paths }
}

export interface PlanRequest {
  /** the plan as the page holds it: checked against the plan format here */
  plan: unknown
  /** where the plan starts: the design as it is, or its prerequisites (the guide's setup starts there) */
  from: 'design' | 'prerequisites'
  /** the user's intents file, checked beside the built-in intents */
  intentsText?: string | null
  engine?: EngineOptions
}

export type PlanAnswer =
  | PlanCheck
  | { ok: false; message: string }
  | { ok: false; planErrors: string[] }
  | { ok: false; intentErrors: IntentError[] }

/** A change plan checked step by step: malformed plans and refused steps answered with what is wrong, and where. */
export function planOn(document: unknown, request: PlanRequest): PlanAnswer {
  const d = load(document, 'The design')
  if (!d.ok) return d
  const p = parsePlan(JSON.stringify(request.plan ?? null))
  if (!p.ok) return { ok: false, planErrors: p.errors }
  let intents: Intent[] | undefined
  if (request.intentsText) {
    const parsed = parseIntents(request.intentsText)
    if (!parsed.ok) return { ok: false, intentErrors: parsed.errors }
    intents = parsed.intents
  }
  const start = request.from === 'prerequisites' ? prerequisites(d.design) : d.design
  return checkPlan(start, p.plan, { intents, engine: request.engine })
}

/** A plan as the page holds it, checked against the plan format only (a file being opened). */
export function planParseOn(plan: unknown): { ok: true } | { ok: false; planErrors: string[] } {
  const p = parsePlan(JSON.stringify(plan ?? null))
  return p.ok ? { ok: true } : { ok: false, planErrors: p.errors }
}

export type ReplayAnswer = { ok: true; roundTrip: RoundTrip } | { ok: false; message: string }

/** A counterexample's round trip, with the appliance picks verification took, so the walk shows that outcome. */
export function replayOn(document: unknown, packet: PacketSpec, picks: readonly number[]): ReplayAnswer {
  const d = load(document, 'The design')
  if (!d.ok) return d
  return { ok: true, roundTrip: replay(compile(d.design), packet, picks) }
}
