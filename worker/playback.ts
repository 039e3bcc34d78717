// Plays a scenario in the worker against wall time and hands the page one batch per frame: new log
// entries, counters, and a few sampled packets with their paths for the animation. May not touch:
// React, the DOM, zustand. The page never receives a message per packet.
import { type Design, isPrivateAddress, parse, parseIpv4 } from '../src/model'
import { isDropped, type Trace } from './engine'
import {
  type ApplianceView,
  createPlaybackClock,
  createSim,
  findScenario,
  MAX_SIMULATED_MS,
  MAX_SPEED,
  MIN_SPEED,
  type PlaybackClock,
  type RouteTargetView,
  type Sim,
  type SimEvent,
  type SimMetrics,
} from './sim'

/** A packet drawn on the canvas: the resources it passes, and where and why it was dropped. */
export interface VisualPacket {
  path: string[]
  /** per segment of the path: whether it travels Geneve-encapsulated */
  geneve: boolean[]
  /** inbound: from the internet toward a workload; outbound: the other way; internal otherwise */
  direction: 'inbound' | 'outbound' | 'internal'
  drop: { at: string; reason: string; text: string } | null
}

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

export type LoadAnswer = { ok: true; scenario: string; scenarios: string[] } | { ok: false; message: string }

/** Packets drawn per second per flow and direction: enough to show the traffic, few enough to follow by eye. */
const SAMPLES_PER_SECOND = 6
/** Connections drawn per frame over all flows, however many flows a scenario has: each costs two traces. */
const MAX_DRAWN_PER_FRAME = 4
/**
 * Connections in the picture of a paused moment: about as many as are seen in flight at once while playing
 * (a packet crosses the diagram in two to three seconds of wall time), each drawn both ways.
 */
const STILL_CONNECTIONS = 24
/** A Step plays this much wall time at the chosen speed: 1 s of simulated time at 1×, 5 s at 5×. */
export const STEP_WALL_MS = 1000

/** The simulated ms one Step moves on at a speed: the same amount on every press, stated on the button. */
export function stepMs(speed: number): number {
  return Math.round(STEP_WALL_MS * speed)
}
const FRAME_MS = 50
/** Wall time a copy of the runtime to draw packets on is kept while nothing but traffic changes. */
const DRAWING_COPY_MS = 500
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

export function visualOf(t: Trace): VisualPacket {
  const path: string[] = []
  const kinds: string[] = []
  const geneve: boolean[] = []
  for (const hop of t.hops) {
    // an internet address no resource holds has no place on the canvas
    if (hop.resourceId === null || path.at(-1) === hop.resourceId) continue
    const prev = kinds.at(-1)
    // the GWLB and its appliances talk Geneve: UDP 6081, 68 bytes more
    if (prev)
      geneve.push((prev === 'gwlb' && hop.kind === 'appliance') || (prev === 'appliance' && hop.kind === 'gwlb'))
    path.push(hop.resourceId)
    kinds.push(hop.kind)
  }
  const first = t.hops[0]?.kind
  // from the internet: inbound; from a workload to a public address: outbound; between private addresses: internal
  const toPrivate = isPrivateAddress(parseIpv4(t.packet.destination) ?? 0)
  const direction = first === 'internetHost' ? 'inbound' : toPrivate ? 'internal' : 'outbound'
  const dropped = isDropped(t.disposition)
  return {
    path,
    geneve,
    direction,
    drop: dropped ? { at: path.at(-1) ?? '', reason: t.disposition, text: t.text } : null,
  }
}

export function createPlayback(
  wallNow: () => number = () => performance.now(),
  epochNow: () => number = () => performance.timeOrigin + performance.now(),
) {
  let sim: Sim | null = null
  let clock: PlaybackClock | null = null
  let design: Design | null = null
  let listener: ((b: FrameBatch) => void) | null = null
  let timer: ReturnType<typeof setInterval> | undefined
  let pendingEvents: SimEvent[] = []
  let seed = 1
  let untilMs: number | null = null
  /** the run got to a new moment while paused: the next batch carries the picture of what is in flight there */
  let stillDue = false
  /** a follower's: the presenter's clock, which this one keeps in step with while playing */
  let leader: LeaderClock | null = null
  /**
   * Work that goes on over several frames, each within the frame's budget, so the worker keeps answering: a seek
   * replays from 0 to its target; a step plays on to its amount.
   */
  let pending: { toMs: number } | null = null
  const budget = { maxWallMs: FRAME_BUDGET_MS, wallNow }

  /** Connection ids by flow: each flow gets its share of the drawing, whatever its rate. */
  function connectionsByFlow(s: Sim): number[][] {
    const byFlow = new Map<string, number[]>()
    for (const c of s.connections()) {
      const ids = byFlow.get(c.flowId)
      if (ids) ids.push(c.id)
      else byFlow.set(c.flowId, [c.id])
    }
    return [...byFlow.values()]
  }

  /** Traces the picked connections, each both ways, on the runtime as it is (a copy kept for up to maxAgeMs). */
  function draw(s: Sim, connectionIds: number[], maxAgeMs: number): VisualPacket[] {
    const picks = connectionIds.flatMap((connectionId) => [
      { connectionId, reply: false },
      { connectionId, reply: true },
    ])
    const out: VisualPacket[] = []
    for (const t of s.sampleTraces(picks, maxAgeMs)) if (t?.hops.length) out.push(visualOf(t))
    return out
  }

  /** The packets leaving during one frame of play. */
  function sample(): VisualPacket[] {
    if (!sim) return []
    const perFrame = (SAMPLES_PER_SECOND * FRAME_MS) / 1000
    const picks: number[] = []
    for (const ids of connectionsByFlow(sim)) {
      // a fraction of a packet per frame: draw one on that share of frames
      const n = Math.floor(perFrame) + (Math.random() < perFrame % 1 ? 1 : 0)
      for (let i = 0; i < n && ids.length; i++) picks.push(ids[Math.floor(Math.random() * ids.length)] ?? 0)
    }
    // many flows: a random few of them this frame, others on later frames
    while (picks.length > MAX_DRAWN_PER_FRAME) picks.splice(Math.floor(Math.random() * picks.length), 1)
    // the copy of the runtime they are drawn on is kept for up to half a second of wall time, or until the next
    // log entry (a fault, a health change: what would change a packet's path)
    return draw(sim, picks, (clock?.speed ?? 1) * DRAWING_COPY_MS)
  }

  /** The packets in flight at a paused moment: connections of every flow in turn, drawn on the runtime of now. */
  function still(): VisualPacket[] {
    if (!sim) return []
    const flows = connectionsByFlow(sim)
    const picks: number[] = []
    while (picks.length < STILL_CONNECTIONS && flows.some((ids) => ids.length))
      for (const ids of flows) {
        if (!ids.length || picks.length >= STILL_CONNECTIONS) continue
        picks.push(...ids.splice(Math.floor(Math.random() * ids.length), 1))
      }
    return draw(sim, picks, 0)
  }

  /** Goes on with a seek or a step; true while it is not done. */
  function goOn(s: Sim, c: PlaybackClock): boolean {
    if (!pending) return false
    const r = s.advance(pending.toMs, budget)
    pendingEvents.push(...r.events)
    if (!r.caughtUp) return true
    c.seek(s.nowMs)
    pending = null
    stillDue = true
    return false
  }

  /** A control arrived: a seek or step in progress stops where it got to. */
  function settle() {
    if (!pending || !sim || !clock) return
    pending = null
    clock.seek(sim.nowMs)
    stillDue = true
  }

  /** A follower's clock put on, or eased toward, where the presenter's is now. */
  function keepInStep(c: PlaybackClock, l: LeaderClock) {
    const gap = l.nowMs + (epochNow() - l.atMs) * l.speed - c.now()
    if (Math.abs(gap) > SNAP_MS) c.seek(c.now() + gap)
    else if (Math.abs(gap) > IN_STEP_MS) c.seek(c.now() + gap * EASE)
  }

  function frame() {
    if (!sim || !clock || !listener) return
    goOn(sim, clock)
    if (clock.state.kind === 'playing') {
      if (leader && !pending) keepInStep(clock, leader)
      // never past the pause point, however late this frame comes: the stop lands on the exact millisecond
      const r = sim.advance(untilMs === null ? clock.now() : Math.min(clock.now(), untilMs), {
        maxWallMs: FRAME_BUDGET_MS,
        wallNow,
      })
      pendingEvents.push(...r.events)
      // behind (the frame's budget ran out): play slows down rather than jumping ahead
      if (!r.caughtUp) clock.seek(sim.nowMs)
      else if (untilMs !== null && sim.nowMs >= untilMs) {
        clock.pause()
        clock.seek(untilMs)
        untilMs = null
      } else if (sim.nowMs >= MAX_SIMULATED_MS) {
        // the run's end (the log says so): play stops there
        clock.pause()
        clock.seek(MAX_SIMULATED_MS)
      }
    }
    // after a stop at untilMs this frame already says paused, with the state at that moment
    const playing = clock.state.kind === 'playing'
    // a pause keeps what the canvas drew; a new moment reached while paused (and not still on its way) is drawn anew
    const drawStill = !playing && !pending && stillDue
    if (drawStill || playing) stillDue = false
    const m = sim.metrics()
    const batch: FrameBatch = {
      nowMs: sim.nowMs,
      atMs: epochNow(),
      playing,
      speed: clock.speed,
      stepMs: stepMs(clock.speed),
      untilMs,
      events: pendingEvents,
      logSize: sim.log().length,
      appliances: sim.appliances(),
      routeTargets: sim.routeTargets(),
      packets: playing ? sample() : drawStill ? still() : [],
      still: drawStill,
      applianceSent: Object.fromEntries(
        design
          ? design.resources.flatMap((r) => (r.kind === 'appliance' ? [[r.id, m.resources[r.id]?.sent ?? 0]] : []))
          : [],
      ),
      totals: m.packets,
      faults: m.faults,
    }
    pendingEvents = []
    listener(batch)
  }

  return {
    load(document: unknown, scenarioName: string | null, newSeed = 1): LoadAnswer {
      const r = parse(document)
      if (!r.ok) return { ok: false, message: `The design does not load: ${r.errors[0]?.message}` }
      design = r.design
      const names = design.scenarios.map((s) => s.name)
      // a named scenario plays exactly or not at all: a lesson naming one its design lacks must say so
      if (scenarioName !== null && !names.includes(scenarioName))
        return {
          ok: false,
          message: `The design has no scenario named “${scenarioName}”; it has ${names.length ? names.map((n) => `“${n}”`).join(', ') : 'none'}.`,
        }
      const scenario = findScenario(design, scenarioName ?? names[0] ?? '')
      if (!scenario) return { ok: false, message: 'The design has no scenario to play: add flows to a scenario first.' }
      sim?.dispose()
      seed = newSeed
      untilMs = null
      leader = null
      pending = null
      clock = createPlaybackClock(wallNow)
      sim = createSim({ design, scenario, clock, seed, onEvent: undefined })
      pendingEvents = [...sim.log()]
      // what the canvas drew of the run before goes
      stillDue = true
      timer ??= setInterval(frame, FRAME_MS)
      frame()
      return { ok: true, scenario: scenario.name, scenarios: names }
    },
    subscribe(fn: (b: FrameBatch) => void) {
      listener = fn
    },
    /** plays on; with `until`, pauses by itself exactly at that simulated ms (nothing happens if the run is already there) */
    play(until?: number) {
      if (!sim || !clock) return
      settle()
      if (until !== undefined && until <= sim.nowMs) return
      untilMs = until ?? null
      clock.play()
    },
    pause() {
      settle()
      untilMs = null
      clock?.pause()
    },
    /**
     * on by stepMs(speed) of simulated time, paused, over as many frames as that takes: every press the same
     * amount, whatever the log holds, so a class stepping through a failure sees time pass evenly
     */
    step() {
      if (!sim || !clock) return
      settle()
      untilMs = null
      clock.pause()
      pending = { toMs: Math.min(MAX_SIMULATED_MS, sim.nowMs + stepMs(clock.speed)) }
      frame()
    },
    /**
     * A follower in a live session: while playing, this clock keeps in step with the presenter's (null: on its
     * own again). One sample is enough for as long as the presenter's clock runs as it says.
     */
    follow(clock: LeaderClock | null) {
      leader = clock
    },
    setSpeed(speed: number) {
      clock?.setSpeed(Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)))
    },
    /** to a simulated time: the run is deterministic, so this replays from 0 with the same seed */
    seek(toMs: number) {
      if (!sim || !clock) return
      untilMs = null
      clock.pause()
      // a replay: the operator's switches are done again at their times
      sim.reset(seed, { keepActions: true })
      // the log starts over: the first batch's events are the whole log, and later ones append
      pendingEvents = []
      pending = { toMs: Math.min(MAX_SIMULATED_MS, Math.max(0, toMs)) }
      frame()
    },
    reset() {
      if (!sim || !clock) return
      pending = null
      untilMs = null
      clock.pause()
      sim.reset(seed)
      clock.seek(0)
      pendingEvents = [...sim.log()]
      stillDue = true
      frame()
    },
    /** SwitchActiveRouteTarget on a route target group, at the run's current time */
    switchActiveRouteTarget(groupId: string): { ok: true; text: string } | { ok: false; message: string } {
      if (!sim) return { ok: false, message: 'No scenario is loaded in the simulator.' }
      settle()
      const before = sim.log().length
      const answer = sim.switchActiveRouteTarget(groupId)
      // its log entry goes out with the next batch, as an advance's would
      pendingEvents.push(...sim.log().slice(before))
      frame()
      return answer
    },
    dispose() {
      clearInterval(timer)
      timer = undefined
      sim?.dispose()
      sim = null
    },
  }
}
