// The presenter's side of follow mode: what the class follows (the lesson and its step, the walk's lit hop, the
// simulator, the view) goes out through the presenter's awareness state, at most once per FOLLOW_EVERY_MS while
// things change, and the simulator's clock as one sample that goes out again only when the clock slips from it.
import type { LessonRunner } from '../lessons/runner'
import type { Stores } from '../store/context'
import { epochNow, type SimState } from '../store/simStore'
import type { FollowSim, FollowState, Presence, Viewport } from './presence'

/** how often at most the presenter's follow state goes out while something changes */
export const FOLLOW_EVERY_MS = 100
/**
 * The presenter's playing clock further than this (simulated ms) from where its last sample says it is (a slow
 * frame, a busy machine) goes out again; followers' own clocks keep in step with the sample in their simulator.
 */
export const CLOCK_SAMPLE_SLIP_MS = 40

/**
 * The simulated time now: the store's last reading (a few times a second, stamped by the simulator with the wall
 * moment it held), moved on by the wall time since, while playing.
 */
export function simClock(sim: SimState): number {
  return sim.nowMs + (sim.running ? Math.max(0, epochNow() - sim.nowAtMs) * sim.speed : 0)
}

/**
 * The presenter's simulator as followers should have it now: the last sample sent while it still tells the
 * clock (within CLOCK_SAMPLE_SLIP_MS while playing, exactly while paused), else a new one taken now.
 */
export function clockSample(sim: SimState, last: FollowSim | null): FollowSim | null {
  if (sim.status !== 'ready' || !sim.scenario) return null
  const nowMs = simClock(sim)
  const atMs = epochNow()
  const same =
    last &&
    last.scenario === sim.scenario &&
    last.playing === sim.playing &&
    last.speed === sim.speed &&
    last.untilMs === sim.untilMs &&
    (last.playing
      ? Math.abs(last.nowMs + (atMs - last.atMs) * last.speed - nowMs) <= CLOCK_SAMPLE_SLIP_MS
      : last.nowMs === pausedAt(sim, nowMs))
  if (same) return last
  return {
    scenario: sim.scenario,
    playing: sim.playing,
    speed: sim.speed,
    untilMs: sim.untilMs,
    nowMs: sim.playing ? Math.round(nowMs) : pausedAt(sim, nowMs),
    atMs,
  }
}

/**
 * A paused clock's moment as it goes out: the simulator's own, to the fraction, once it has stopped (followers stop
 * on exactly the moment the presenter's bar shows); the page's reading, rounded, until then.
 */
const pausedAt = (sim: SimState, nowMs: number) => (sim.running ? Math.round(nowMs) : nowMs)

export interface PresentingDeps {
  stores: Stores
  lessons: LessonRunner
  isPresenter(): boolean
  publish(patch: Partial<Presence>): void
  /** a follow state went out (a quiz step's tally starts empty) */
  onSent(): void
}

export interface Presenting {
  /** starts sending; returns what stops it */
  start(): (() => void)[]
  /** the canvas's view, sent with the rest */
  view(v: Viewport): void
  /** nothing more goes out (a send already waiting is dropped) */
  stop(): void
  /** a new session starts from nothing sent */
  reset(): void
}

export function createPresenting(deps: PresentingDeps): Presenting {
  const { stores, lessons } = deps
  let viewport: Viewport | null = null
  let followTimer: ReturnType<typeof setTimeout> | undefined
  let followSentAt = 0
  /** the presenter's clock as last sent */
  let clockSent: FollowSim | null = null

  function followState(): FollowState {
    const l = lessons.getState()
    clockSent = clockSample(stores.sim.getState(), clockSent)
    return {
      lesson: l.lesson ? { id: l.lesson.id, step: l.stepIndex, revealed: l.revealed } : null,
      highlight: stores.ui.getState().highlight,
      sim: clockSent,
      viewport,
    }
  }

  function sendFollow() {
    clearTimeout(followTimer)
    followTimer = undefined
    followSentAt = Date.now()
    deps.publish({ follow: followState() })
    deps.onSent()
  }

  /** At most one follow update per FOLLOW_EVERY_MS, the last change always sent. */
  function scheduleFollow() {
    if (!deps.isPresenter() || followTimer) return
    const wait = Math.max(0, followSentAt + FOLLOW_EVERY_MS - Date.now())
    followTimer = setTimeout(sendFollow, wait)
  }

  function onSim(s: SimState, prev: SimState) {
    if (
      s.playing !== prev.playing ||
      // a pause is pressed before the simulator stops: the sample sent at the press is the clock as the page ran it
      // on, and the moment the simulator stopped at goes out again once it has, even when its frame's time is the
      // one the store had (followers settle exactly there)
      s.running !== prev.running ||
      s.scenario !== prev.scenario ||
      s.speed !== prev.speed ||
      s.status !== prev.status
    )
      sendFollow()
    // not every tick: only when the clock no longer runs as the last sample says, and then at once (followers
    // run ahead of a presenter's clock that slipped until they hear of it)
    else if (s.nowMs !== prev.nowMs && clockSample(s, clockSent) !== clockSent) sendFollow()
  }

  return {
    start() {
      const stops = [
        lessons.subscribe(scheduleFollow),
        stores.ui.subscribe((s, prev) => s.highlight !== prev.highlight && scheduleFollow()),
        stores.sim.subscribe(onSim),
      ]
      sendFollow()
      return stops
    },
    view(v) {
      viewport = v
      scheduleFollow()
    },
    stop() {
      clearTimeout(followTimer)
      followTimer = undefined
    },
    reset() {
      clockSent = null
      viewport = null
    },
  }
}
