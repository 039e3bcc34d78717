// The comlink surface of the engine worker, and nothing else.
import { expose, type Remote, releaseProxy } from 'comlink'
import type { EngineOptions, PacketSpec } from './engine'
import type { FrameBatch, LeaderClock } from './playback'
import type { PlanRequest } from './proof'
import { applyFix, reportOn } from './report'
import type { DiffProgress } from './verify'

// The simulator loads with the first scenario, not with the worker: the linter and the tracer answer the
// page at start, and the initial JavaScript stays under its budget (issue 5, item 8). Until then there is
// nothing to play, pause or reset, and the page's frame receiver waits here.
type Playback = ReturnType<typeof import('./playback').createPlayback>
let playback: Promise<Playback> | null = null
let receiver: ((batch: FrameBatch) => void) | null = null
function simulator(): Promise<Playback> {
  playback ??= import('./playback').then(({ createPlayback }) => {
    const p = createPlayback()
    if (receiver) p.subscribe(receiver)
    return p
  })
  return playback
}
/** Verification loads with its first question, as the simulator does: the worker's initial JavaScript stays small. */
const proof = () => import('./proof')

/** The tracer loads with the first trace: the linter answers the page at start without it. */
const tracer = () => import('./traceReport')

/** A control of a loaded simulator; before the first scenario loads there is nothing to control. */
const control = (act: (p: Playback) => void) => void playback?.then(act)

export const api = {
  /** The page's heartbeat: an answer says the worker is alive and not stuck. */
  ping: () => true,
  /** Checks and lints a document; the app calls it (debounced) on every change. */
  load(document: unknown) {
    return reportOn(document)
  },
  /** The design with one reported problem's fix applied (fix functions cannot cross to the page). */
  applyFix(document: unknown, problemKey: string) {
    return applyFix(document, problemKey)
  },
  /**
   * A packet's request and its reply through the design, hop by hop, with the rule that decided each step; a later
   * packet of a connection follows its first packet, sent idleSeconds before.
   */
  async trace(document: unknown, packet: PacketSpec, options?: EngineOptions, idleSeconds?: number) {
    return (await tracer()).traceOn(document, packet, options, idleSeconds)
  },
  /** The built-in intents and the user's (an intents file's text) checked over every flow class. */
  verify: async (document: unknown, intentsText: string | null) => (await proof()).verifyOn(document, intentsText),
  /** The difference between two designs: resources field by field, and the flow classes whose outcome changed. */
  // in slices: a trace, a lint or a newer comparison is answered meanwhile, and a newer one ends this one
  async diff(before: unknown, after: unknown, onProgress?: (progress: DiffProgress) => void) {
    try {
      return await (await proof()).diffOn(before, after, onProgress)
    } finally {
      // the page's progress receiver came as a comlink proxy: its port is closed with the comparison
      if (onProgress) (onProgress as unknown as Remote<typeof onProgress>)[releaseProxy]()
    }
  },
  /** Ends the comparison running, if any, at its next pause (it answers that it was cancelled). */
  diffCancel: async () => (await proof()).cancelDiff(),
  /** A change plan checked step by step against the intents, with its windows and a safe order. */
  planCheck: async (document: unknown, request: PlanRequest) => (await proof()).planOn(document, request),
  /** A plan file checked against the plan format, before it replaces the plan being built. */
  planParse: async (plan: unknown) => (await proof()).planParseOn(plan),
  /** A counterexample's round trip with the appliance picks verification took. */
  replay: async (document: unknown, packet: PacketSpec, picks: number[]) =>
    (await proof()).replayOn(document, packet, picks),
  /** Intents checked over every flow of the design (an activity's goals ask this). */
  // loaded on first use, like the simulator: the linter and the tracer answer the page at start without it
  async verifyIntents(document: unknown, intents: unknown[]) {
    return (await import('./verdicts')).verifyOn(document, intents)
  },
  /** Loads a scenario of the design into the simulator, paused at 0 s. */
  async simLoad(document: unknown, scenario: string | null, seed?: number) {
    return (await simulator()).load(document, scenario, seed)
  },
  /** The page's per-frame receiver (a comlink proxy): one batch per frame, never a message per packet. */
  simSubscribe(onFrame: (batch: FrameBatch) => void) {
    receiver = onFrame
    control((p) => p.subscribe(onFrame))
  },
  /** Plays; with untilMs, pauses by itself exactly at that simulated time (a lesson step's moment). */
  simPlay: (untilMs?: number) => control((p) => p.play(untilMs)),
  simPause: () => control((p) => p.pause()),
  /** A live session's follower at its presenter's pause: paused at exactly that simulated time */
  simPauseAt: (ms: number) => control((p) => p.pauseAt(ms)),
  simStep: () => control((p) => p.step()),
  simReset: () => control((p) => p.reset()),
  simSpeed: (speed: number) => control((p) => p.setSpeed(speed)),
  simSeek: (ms: number) => control((p) => p.seek(ms)),
  /** A live session's follower: keep in step with the presenter's clock while playing (null: no longer) */
  simFollow: (clock: LeaderClock | null) => control((p) => p.follow(clock)),
  /** SwitchActiveRouteTarget: a route target group's traffic back to (or away from) its active member, now */
  async simSwitchActiveRouteTarget(groupId: string) {
    if (!playback) return { ok: false as const, message: 'No scenario is loaded in the simulator.' }
    return (await playback).switchActiveRouteTarget(groupId)
  },
}
export type EngineApi = typeof api

expose(api)
