// Plays a scenario in the worker against wall time and hands the page one batch per frame: new log
// entries, counters, and a few sampled packets with their paths for the animation. May not touch:
// React, the DOM, zustand. The page never receives a message per packet.
// The pieces: playbackRun.ts (one frame of a loaded run), playbackDrawing.ts (the sampled packets); this loads
// runs and turns the simulator's controls into moves of the run.
import { parse } from '../src/model'
import {
  emptyRun,
  FRAME_MS,
  type FrameBatch,
  frame,
  type LeaderClock,
  type Run,
  settle,
  stepMs,
  stopAtClock,
} from './playbackRun'
import { createPlaybackClock, createSim, findScenario, MAX_SIMULATED_MS, MAX_SPEED, MIN_SPEED } from './sim'

export { type VisualPacket, visualOf } from './playbackDrawing'
export type { FrameBatch, LeaderClock } from './playbackRun'

export type LoadAnswer = { ok: true; scenario: string; scenarios: string[] } | { ok: false; message: string }

export function createPlayback(
  wallNow: () => number = () => performance.now(),
  epochNow: () => number = () => performance.timeOrigin + performance.now(),
) {
  const run = emptyRun(wallNow, epochNow)
  let listener: ((b: FrameBatch) => void) | null = null
  let timer: ReturnType<typeof setInterval> | undefined
  const next = () => frame(run, listener)

  return {
    load(document: unknown, scenarioName: string | null, key = 1): LoadAnswer {
      const answer = loadRun(run, document, scenarioName, key)
      if (!answer.ok) return answer
      timer ??= setInterval(next, FRAME_MS)
      next()
      return answer
    },
    subscribe(fn: (b: FrameBatch) => void) {
      listener = fn
    },
    ...clockControls(run, next),
    /** SwitchActiveRouteTarget on a route target group, at the run's current time */
    switchActiveRouteTarget(groupId: string): { ok: true; text: string } | { ok: false; message: string } {
      const { sim } = run
      if (!sim) return { ok: false, message: 'No scenario is loaded in the simulator.' }
      settle(run)
      const before = sim.log().length
      const answer = sim.switchActiveRouteTarget(groupId)
      // its log entry goes out with the next batch, as an advance's would
      run.events.push(...sim.log().slice(before))
      next()
      return answer
    },
    dispose() {
      clearInterval(timer)
      timer = undefined
      run.sim?.dispose()
      run.sim = null
    },
  }
}

/** Loads a scenario of `document` into the run, at 0 s and paused; a design or scenario that does not load says why. */
function loadRun(run: Run, document: unknown, scenarioName: string | null, key: number): LoadAnswer {
  const r = parse(document)
  if (!r.ok) return { ok: false, message: `The design does not load: ${r.errors[0]?.message}` }
  const design = r.design
  run.design = design
  const names = design.scenarios.map((s) => s.name)
  // a named scenario plays exactly or not at all: a lesson naming one its design lacks must say so
  if (scenarioName !== null && !names.includes(scenarioName))
    return {
      ok: false,
      message: `The design has no scenario named “${scenarioName}”; it has ${names.length ? names.map((n) => `“${n}”`).join(', ') : 'none'}.`,
    }
  const scenario = findScenario(design, scenarioName ?? names[0] ?? '')
  if (!scenario) return { ok: false, message: 'The design has no scenario to play: add flows to a scenario first.' }
  run.sim?.dispose()
  run.key = key
  run.untilMs = null
  run.leader = null
  run.pending = null
  run.clock = createPlaybackClock(run.wallNow)
  run.sim = createSim({ design, scenario, clock: run.clock, seed: key, onEvent: undefined })
  run.events = [...run.sim.log()]
  // what the canvas drew of the run before goes
  run.stillDue = true
  return { ok: true, scenario: scenario.name, scenarios: names }
}

/** The simulator bar's controls over the run; `next` draws a frame at once, so the page sees the move. */
function clockControls(run: Run, next: () => void) {
  return {
    /** plays on; with `until`, pauses by itself exactly at that simulated ms (nothing happens if the run is already there) */
    play(until?: number) {
      if (!run.sim || !run.clock) return
      settle(run)
      if (until !== undefined && until <= run.sim.nowMs) return
      run.untilMs = until ?? null
      run.clock.play()
    },
    /** stops where the clock stands now, and says so at once (the page's clock holds from the press) */
    pause() {
      settle(run)
      stopAtClock(run)
      run.untilMs = null
      next()
    },
    pauseAt: (ms: number) => pauseAt(run, next, ms),
    /**
     * on by stepMs(speed) of simulated time, paused, over as many frames as that takes: every press the same
     * amount, whatever the log holds, so a class stepping through a failure sees time pass evenly
     */
    step() {
      if (!run.sim || !run.clock) return
      settle(run)
      run.untilMs = null
      run.clock.pause()
      run.pending = { toMs: Math.min(MAX_SIMULATED_MS, run.sim.nowMs + stepMs(run.clock.speed)) }
      next()
    },
    /**
     * A follower in a live session: while playing, this clock keeps in step with the presenter's (null: on its
     * own again). One sample is enough for as long as the presenter's clock runs as it says.
     */
    follow(clock: LeaderClock | null) {
      run.leader = clock
    },
    setSpeed(speed: number) {
      run.clock?.setSpeed(Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)))
    },
    seek: (toMs: number) => seek(run, next, toMs),
    reset() {
      if (!run.sim || !run.clock) return
      run.pending = null
      run.untilMs = null
      run.clock.pause()
      run.sim.reset(run.key)
      run.clock.seek(0)
      run.events = [...run.sim.log()]
      run.stillDue = true
      next()
    },
  }
}

/** to a simulated time: the run is deterministic, so this replays from 0 with the same random key */
function seek(run: Run, next: () => void, toMs: number) {
  if (!run.sim || !run.clock) return
  run.untilMs = null
  run.clock.pause()
  // a replay: the operator's switches are done again at their times
  run.sim.reset(run.key, { keepActions: true })
  // the log starts over: the first batch's events are the whole log, and later ones append
  run.events = []
  run.pending = { toMs: Math.min(MAX_SIMULATED_MS, Math.max(0, toMs)) }
  next()
}

/**
 * Paused at exactly `ms` (a live session's follower, at its presenter's pause): a run short of it goes on to it
 * as a step does, without a replay and never past it, so the clock shown stops there rather than running past
 * and coming back; a run already past it goes back to it (a seek).
 */
function pauseAt(run: Run, next: () => void, ms: number) {
  if (!run.sim || !run.clock) return
  settle(run)
  const toMs = Math.min(MAX_SIMULATED_MS, Math.max(0, ms))
  if (toMs < run.sim.nowMs) return seek(run, next, toMs)
  run.untilMs = null
  run.clock.pause()
  run.clock.seek(run.sim.nowMs)
  if (toMs > run.sim.nowMs) run.pending = { toMs }
  next()
}
