// The engine client: what the page asks of the engine (check a design, apply a fix, trace a packet, drive the
// simulator) and the reference designs it opens. Handed out with the stores, so panels never reach for the app's
// worker and a test hands out its own engine (the worker's code in-process) instead of mocking a module path.
import type { EngineApi } from '../../worker'
import type { FrameBatch, LeaderClock } from '../../worker/playback'
import type { Design, LoadError } from '../model'
import type { DesignStore } from './designStore'
import type { SimStore } from './simStore'

/** What a call answers: nothing to read, for the simulator's controls. */
type Answer<T> = [T] extends [undefined] ? unknown : T

/** The worker's surface as the page calls it: every call answers later. */
export type EngineWorker = {
  [K in Exclude<keyof EngineApi, 'simSubscribe'>]: (
    ...args: Parameters<EngineApi[K]>
  ) => Promise<Answer<Awaited<ReturnType<EngineApi[K]>>>>
} & {
  /** The simulator's one batch per frame; the worker calls `onFrame` back across the boundary. */
  simSubscribe(onFrame: (batch: FrameBatch) => void): Promise<void>
}

/** The reference designs shipped with the app (public/examples). */
export type ExampleName = 'two-zones' | 'single-zone' | 'zone-failover'
export type ExampleResult = { ok: true; design: Design } | { ok: false; errors: LoadError[] | string }

/** Where an engine client gets its answers: the worker (started when first asked) and the examples. */
export interface EngineConnection {
  worker(): EngineWorker
  example(name: ExampleName): Promise<ExampleResult>
  /** Tells `listener` (with the reason) when the worker died and the next call starts a new one. */
  onRestart?(listener: (reason: string) => void): () => void
}

export interface SimControls {
  load(scenario: string | null): Promise<void>
  play(): void
  /** plays and pauses by itself exactly at simulated `untilMs` (a lesson step's moment) */
  playUntil(untilMs: number): void
  pause(): void
  /**
   * a live session's follower at its presenter's pause: paused at exactly simulated `ms`, the clock shown holding
   * there rather than running past it while the worker hears of it
   */
  pauseAt(ms: number): void
  step(): void
  reset(): void
  speed(x: number): void
  seek(ms: number): void
  /** a live session's follower: while playing, the clock keeps in step with the presenter's (null: on its own) */
  follow(clock: LeaderClock | null): void
  /** SwitchActiveRouteTarget on a route target group now; answers what happened, or why nothing did */
  switchActiveRouteTarget(groupId: string): Promise<{ ok: true; text: string } | { ok: false; message: string }>
  unload(): void
}

type Ask<K extends keyof EngineWorker> = EngineWorker[K]

export interface EngineClient {
  /** Checks and lints a document: what the problems panel and the report show. */
  load: Ask<'load'>
  /** The design with one reported problem's fix applied. */
  applyFix: Ask<'applyFix'>
  /** A packet's request and reply through the design, hop by hop. */
  trace: Ask<'trace'>
  /** The intents (built in, and the user's file) checked over every flow class, in the worker. */
  verify: Ask<'verify'>
  /** The difference between two designs, in the worker, in slices; `onProgress` hears how far it has got. */
  diff: Ask<'diff'>
  /** Ends the comparison running in the worker, if any: it answers that it was cancelled. */
  diffCancel: Ask<'diffCancel'>
  /** A change plan checked step by step, in the worker. */
  planCheck: Ask<'planCheck'>
  /** A plan checked against the plan format only. */
  planParse: Ask<'planParse'>
  /** A counterexample's round trip, replayed with verification's appliance picks. */
  replay: Ask<'replay'>
  /** Intents checked over every flow of a document, each with its verdict. */
  verifyIntents: Ask<'verifyIntents'>
  /** The simulator's controls; what the worker answers lands in the sim store. */
  sim: SimControls
  /** Subscribes the sim store to the simulator's frames. */
  subscribe(onFrame: (batch: FrameBatch) => void): Promise<void>
  /** A reference design, loaded through the same parse() as any file. */
  example(name: ExampleName): Promise<ExampleResult>
  /** Called when the worker died and was replaced: reload what it held (the design, the scenario). */
  onRestart(listener: (reason: string) => void): () => void
}

/** No engine: stores made for a test that never asks one. Asking says so instead of hanging. */
export const NO_ENGINE: EngineConnection = {
  worker() {
    throw new Error('These stores were created without an engine: pass an EngineConnection to createStores.')
  },
  example: async (name) => ({ ok: false, errors: `No engine to load the example ${name} with.` }),
}

export function createEngineClient(
  connection: EngineConnection,
  stores: { design: DesignStore; sim: SimStore },
): EngineClient {
  const worker = () => connection.worker()
  const sim: SimControls = {
    async load(scenario) {
      const r = await worker().simLoad(stores.design.getState().design, scenario)
      if (r.ok) stores.sim.getState().loaded(r.scenario, r.scenarios)
      else stores.sim.getState().failed(r.message)
    },
    // the button answers at once; the worker's next frame confirms
    play: () => {
      stores.sim.setState({ playing: true })
      void worker().simPlay()
    },
    playUntil: (untilMs) => {
      stores.sim.setState({ playing: true, untilMs })
      void worker().simPlay(untilMs)
    },
    pause: () => {
      stores.sim.setState({ playing: false })
      void worker().simPause()
    },
    pauseAt: (ms) => {
      stores.sim.setState({ playing: false, untilMs: ms })
      void worker().simPauseAt(ms)
    },
    step: () => void worker().simStep(),
    reset: () => void worker().simReset(),
    speed: (x) => void worker().simSpeed(x),
    seek: (ms) => void worker().simSeek(ms),
    follow: (clock) => void worker().simFollow(clock),
    switchActiveRouteTarget: (groupId) => worker().simSwitchActiveRouteTarget(groupId),
    unload() {
      void worker().simPause()
      stores.sim.getState().unload()
    },
  }
  return {
    load: (document) => worker().load(document),
    applyFix: (document, key) => worker().applyFix(document, key),
    trace: (document, packet, options, idleSeconds) => worker().trace(document, packet, options, idleSeconds),
    verify: (document, intents) => worker().verify(document, intents),
    diff: (before, after, onProgress) => worker().diff(before, after, onProgress),
    diffCancel: () => worker().diffCancel(),
    planCheck: (document, request) => worker().planCheck(document, request),
    planParse: (plan) => worker().planParse(plan),
    replay: (document, packet, picks) => worker().replay(document, packet, picks),
    verifyIntents: (document, intents) => worker().verifyIntents(document, intents),
    sim,
    subscribe: (onFrame) => worker().simSubscribe(onFrame),
    example: (name) => connection.example(name),
    onRestart: (listener) => connection.onRestart?.(listener) ?? (() => undefined),
  }
}
