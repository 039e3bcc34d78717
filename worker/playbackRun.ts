// One loaded run of the simulator against wall time, frame by frame: play on to the clock (never past a pause
// point), go on with a seek or a step within the frame's budget, keep a follower's clock in step with its
// presenter's, and hand the page one batch. playback.ts loads runs and turns the user's controls into these.
import type { Design } from '../src/model'
import { framePackets, stillPackets, type VisualPacket } from './playbackDrawing'
import {
  type ApplianceView,
  MAX_SIMULATED_MS,
  type PlaybackClock,
  type RouteTargetView,
  type Sim,
  type SimEvent,
  type SimMetrics,
} from './sim'

export interface FrameBatch {
  nowMs: number
  /** the wall moment the simulator stood at nowMs, in ms since the epoch (a live session's presenter shares it) */
  atMs: number
  playing: boolean
  speed: number
  /** the simulated ms a Step moves on at this speed (stepMs), for the button to say */
  stepMs: number
  /** the simulated ms where play will pause by itself (a lesson's moment), or null: it plays on */
  untilMs: number | null
  /** new log entries; when logSize equals their count the log starts over (after a load, a reset or a seek) */
  events: SimEvent[]
  logSize: number
  /** while playing, packets leaving this frame; with `still`, the packets in flight at a paused moment */
  packets: VisualPacket[]
  /**
   * the run stands at a new moment while paused (a step, a seek, a reset, a load): `packets` is the picture of what
   * is in flight there, replacing what the canvas drew of the moment before
   */
  still: boolean
  /** each appliance as the simulation has it: what its node shows while the scenario plays */
  appliances: ApplianceView[]
  /** each route target group as the simulation has it: the member carrying its traffic, and each member's health */
  routeTargets: RouteTargetView[]
  /** packets each appliance was handed so far, for the rates on the canvas */
  applianceSent: Record<string, number>
  totals: SimMetrics['packets']
  faults: SimMetrics['faults']
}

/**
 * A presenter's simulator clock as a follower hears it in a live session: the simulated ms at one wall moment (ms
 * since the epoch, which every browser on synchronised machines reads alike), and the speed it plays at.
 */
export interface LeaderClock {
  nowMs: number
  atMs: number
  speed: number
}

/** A Step plays this much wall time at the chosen speed: 1 s of simulated time at 1×, 5 s at 5×. */
const STEP_WALL_MS = 1000

/** The simulated ms one Step moves on at a speed: the same amount on every press, stated on the button. */
export function stepMs(speed: number): number {
  return Math.round(STEP_WALL_MS * speed)
}
export const FRAME_MS = 50
/**
 * Wall time the simulator may take per frame, checked between its events (a slot forwards at most a chunk of
 * connections per event): whatever the rates, a frame ends within this and one event, so pause, a lint request or
 * a trace waits at most that long.
 */
const FRAME_BUDGET_MS = 20
/**
 * A follower's clock further than this (simulated ms) from the presenter's jumps to it; closer, it is eased there
 * over a few frames (a quarter of the gap each), so the clock shown never stutters for a small slip. Forward, the
 * simulator computes its way there (milliseconds of work per simulated second); back, it holds still until the
 * clock reaches it: neither replays the run.
 */
const SNAP_MS = 200
const EASE = 0.25
/** closer than this a follower's clock is in step: it is left alone */
const IN_STEP_MS = 10

/** What a playback holds between frames: the loaded run, its clock, and what the next batch must carry. */
export interface Run {
  sim: Sim | null
  clock: PlaybackClock | null
  design: Design | null
  /** the random key the run was loaded with: a seek or a reset replays with it */
  key: number
  untilMs: number | null
  /** the run got to a new moment while paused: the next batch carries the picture of what is in flight there */
  stillDue: boolean
  /** a follower's: the presenter's clock, which this one keeps in step with while playing */
  leader: LeaderClock | null
  /**
   * Work that goes on over several frames, each within the frame's budget, so the worker keeps answering: a seek
   * replays from 0 to its target; a step plays on to its amount.
   */
  pending: { toMs: number } | null
  /** log entries the next batch carries */
  events: SimEvent[]
  readonly wallNow: () => number
  readonly epochNow: () => number
}

export function emptyRun(wallNow: () => number, epochNow: () => number): Run {
  return {
    sim: null,
    clock: null,
    design: null,
    key: 1,
    untilMs: null,
    stillDue: false,
    leader: null,
    pending: null,
    events: [],
    wallNow,
    epochNow,
  }
}

const budgetOf = (run: Run) => ({ maxWallMs: FRAME_BUDGET_MS, wallNow: run.wallNow })

/** Goes on with a seek or a step; true while it is not done. */
function goOn(run: Run, s: Sim, c: PlaybackClock): boolean {
  if (!run.pending) return false
  const r = s.advance(run.pending.toMs, budgetOf(run))
  run.events.push(...r.events)
  if (!r.caughtUp) return true
  c.seek(s.nowMs)
  run.pending = null
  run.stillDue = true
  return false
}

/** A control arrived: a seek or step in progress stops where it got to. */
export function settle(run: Run) {
  if (!run.pending || !run.sim || !run.clock) return
  run.pending = null
  run.clock.seek(run.sim.nowMs)
  run.stillDue = true
}

/**
 * A pause: the run plays on to its clock's moment (within a frame's budget) and stops there. The page's clock ran on
 * from the last frame to the press; stopping at the last frame's moment would put the run up to a frame behind what
 * the page showed, and the clock would go back on screen (and for a live session's followers).
 */
export function stopAtClock(run: Run) {
  const { sim, clock } = run
  if (!sim || !clock) return
  if (clock.state.kind === 'playing' && !run.pending) playOn(run, sim, clock)
  clock.pause()
  clock.seek(sim.nowMs)
}

/** A follower's clock put on, or eased toward, where the presenter's is now. */
function keepInStep(run: Run, c: PlaybackClock, l: LeaderClock) {
  const gap = l.nowMs + (run.epochNow() - l.atMs) * l.speed - c.now()
  if (Math.abs(gap) > SNAP_MS) c.seek(c.now() + gap)
  else if (Math.abs(gap) > IN_STEP_MS) c.seek(c.now() + gap * EASE)
}

/** Plays on to the clock, within the frame's budget; stops at the pause point or the run's end. */
function playOn(run: Run, sim: Sim, clock: PlaybackClock) {
  if (run.leader && !run.pending) keepInStep(run, clock, run.leader)
  const { untilMs } = run
  // never past the pause point, however late this frame comes: the stop lands on the exact millisecond
  const r = sim.advance(untilMs === null ? clock.now() : Math.min(clock.now(), untilMs), budgetOf(run))
  run.events.push(...r.events)
  // behind (the frame's budget ran out): play slows down rather than jumping ahead
  if (!r.caughtUp) clock.seek(sim.nowMs)
  else if (untilMs !== null && sim.nowMs >= untilMs) {
    clock.pause()
    clock.seek(untilMs)
    run.untilMs = null
  } else if (sim.nowMs >= MAX_SIMULATED_MS) {
    // the run's end (the log says so): play stops there
    clock.pause()
    clock.seek(MAX_SIMULATED_MS)
  }
}

/** One frame: the run moves on, and the batch of what the page shows of it goes to `listener`. */
export function frame(run: Run, listener: ((b: FrameBatch) => void) | null) {
  const { sim, clock } = run
  if (!sim || !clock || !listener) return
  goOn(run, sim, clock)
  if (clock.state.kind === 'playing') playOn(run, sim, clock)
  // after a stop at untilMs this frame already says paused, with the state at that moment
  const playing = clock.state.kind === 'playing'
  // a pause keeps what the canvas drew; a new moment reached while paused (and not still on its way) is drawn anew
  const drawStill = !playing && !run.pending && run.stillDue
  if (drawStill || playing) run.stillDue = false
  const m = sim.metrics()
  const batch: FrameBatch = {
    nowMs: sim.nowMs,
    atMs: run.epochNow(),
    playing,
    speed: clock.speed,
    stepMs: stepMs(clock.speed),
    untilMs: run.untilMs,
    events: run.events,
    logSize: sim.log().length,
    appliances: sim.appliances(),
    routeTargets: sim.routeTargets(),
    packets: playing ? framePackets(sim, FRAME_MS, clock.speed) : drawStill ? stillPackets(sim) : [],
    still: drawStill,
    applianceSent: applianceSent(run.design, m),
    totals: m.packets,
    faults: m.faults,
  }
  run.events = []
  listener(batch)
}

/** Packets each appliance of the design was handed so far. */
function applianceSent(design: Design | null, m: SimMetrics): Record<string, number> {
  return Object.fromEntries(
    design
      ? design.resources.flatMap((r) => (r.kind === 'appliance' ? [[r.id, m.resources[r.id]?.sent ?? 0]] : []))
      : [],
  )
}
