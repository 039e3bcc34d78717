// What the simulator in the worker last reported. Updated a few times a second at most: the packets
// themselves go to the canvas overlay through `feed`, never through React state.
import { createStore } from 'zustand/vanilla'
import type { FrameBatch, VisualPacket } from '../../worker/playback'
import type { ApplianceView, RouteTargetView, SimEvent } from '../../worker/sim'
import {
  appliancesChanged,
  type DropSeen,
  dropsAfter,
  logAfter,
  ratesAfter,
  routeTargetsChanged,
  type SentAt,
} from './simFrames'

export type { DropSeen } from './simFrames'

export interface SimState {
  status: 'idle' | 'ready' | 'failed'
  message: string | null
  scenario: string | null
  scenarios: string[]
  nowMs: number
  /** the wall moment (ms since the epoch) the simulator stood at nowMs: while it runs, the clock is on from there */
  nowAtMs: number
  /** the play button's state: set at once by the user, then by the worker's frames */
  playing: boolean
  /** whether the worker's last frame was of a running simulation; a pause is done when this turns false */
  running: boolean
  speed: number
  /** the simulated ms one Step moves on, at this speed: the same on every press */
  stepMs: number
  /** where play will pause by itself (a lesson step's moment), or null */
  untilMs: number | null
  log: SimEvent[]
  totals: FrameBatch['totals'] | null
  faults: FrameBatch['faults']
  /** each appliance as the simulation has it now, by id */
  appliances: Record<string, ApplianceView>
  /** each route target group as the simulation has it now, by id: the member carrying its traffic, members' health */
  routeTargets: Record<string, RouteTargetView>
  /** packets per second each appliance is being handed */
  applianceRates: Record<string, number>
  /** drops of the last moments, by resource: the canvas marks them */
  drops: Record<string, DropSeen>
  loaded(scenario: string, scenarios: string[]): void
  failed(message: string): void
  unload(): void
  receive(batch: FrameBatch, wallNow: number): void
}

/** What the overlay takes on its next frame: packets leaving, or the picture of a paused moment that replaces all. */
export interface FeedTake {
  packets: VisualPacket[]
  /** what is drawn goes: these packets are the whole picture, in flight at a moment the run stands still at */
  replace: boolean
}

/** Packets waiting for the overlay's next frame: a plain queue, outside React. */
export interface PacketFeed {
  push(packets: VisualPacket[]): void
  /** the packets in flight at a paused moment (a step, a seek, a reset), or none (unloaded): they replace what is drawn */
  replace(packets: VisualPacket[]): void
  take(): FeedTake
}

function createFeed(): PacketFeed {
  let queue: VisualPacket[] = []
  let replace = false
  return {
    push(packets) {
      // the overlay draws a bounded number; a backlog (a hidden tab) is dropped, not replayed
      queue = queue.length > 400 ? packets : queue.concat(packets)
    },
    replace(packets) {
      queue = packets
      replace = true
    },
    take() {
      const out = { packets: queue, replace }
      queue = []
      replace = false
      return out
    },
  }
}

/**
 * The wall clock the simulator stamps its frames with: ms since the epoch, finer than Date.now(), read alike by the
 * page and its worker, and by every browser on one machine (or on machines whose clocks are synchronised).
 */
export function epochNow(): number {
  return performance.timeOrigin + performance.now()
}

const UI_REFRESH_MS = 250

type SimActions = 'loaded' | 'failed' | 'unload' | 'receive'

/** The store before anything is loaded (fresh for each store: none shares another's lists). */
const idle = (): Omit<SimState, SimActions> => ({
  status: 'idle',
  message: null,
  scenario: null,
  scenarios: [],
  nowMs: 0,
  nowAtMs: 0,
  playing: false,
  running: false,
  speed: 1,
  stepMs: 1000,
  untilMs: null,
  log: [],
  totals: null,
  faults: [],
  applianceRates: {},
  appliances: {},
  routeTargets: {},
  drops: {},
})

export function createSimStore() {
  const feed = createFeed()
  const receive = createReceiver(feed)
  const store = createStore<SimState>()((set, get) => ({
    ...idle(),
    // a load puts the run at 0 s, paused: nothing of a run shown before may linger until the first frame
    loaded: (scenario, scenarios) =>
      set({
        status: 'ready',
        message: null,
        scenario,
        scenarios,
        nowMs: 0,
        playing: false,
        running: false,
        untilMs: null,
        log: [],
        drops: {},
        applianceRates: {},
      }),
    failed: (message) => set({ status: 'failed', message }),
    unload: () => {
      feed.replace([])
      set({
        status: 'idle',
        scenario: null,
        running: false,
        untilMs: null,
        log: [],
        totals: null,
        faults: [],
        drops: {},
        applianceRates: {},
        appliances: {},
        routeTargets: {},
      })
    },
    receive: (b, wallNow) => {
      const next = receive(get(), b, wallNow)
      if (next) set(next)
    },
  }))
  return Object.assign(store, { feed })
}

/**
 * Takes each frame batch: its packets go to the feed at once; the state it changes comes back when it must show
 * now (a change the user would see) or every UI_REFRESH_MS, null otherwise.
 */
function createReceiver(feed: PacketFeed) {
  let lastUi = 0
  let lastSent: SentAt | null = null
  return (s: SimState, b: FrameBatch, wallNow: number): Partial<SimState> | null => {
    if (b.still) feed.replace(b.packets)
    else feed.push(b.packets)
    const log = logAfter(s.log, b)
    const drops = dropsAfter(s.drops, b.packets, wallNow)
    const applianceChange = appliancesChanged(s.appliances, b.appliances)
    const routeTargetChange = routeTargetsChanged(s.routeTargets, b.routeTargets)
    const changed =
      // a paused run at a new moment (a step, a seek) shows its clock with the picture of that moment
      b.still ||
      applianceChange ||
      routeTargetChange ||
      log !== s.log ||
      b.playing !== s.playing ||
      b.playing !== s.running ||
      b.speed !== s.speed ||
      b.stepMs !== s.stepMs ||
      b.untilMs !== s.untilMs ||
      Object.keys(drops).length !== Object.keys(s.drops).length
    if (!changed && wallNow - lastUi < UI_REFRESH_MS) return null
    lastUi = wallNow
    const applianceRates = ratesAfter(s.applianceRates, lastSent, b)
    lastSent = { nowMs: b.nowMs, sent: b.applianceSent }
    return {
      nowMs: b.nowMs,
      nowAtMs: b.atMs,
      playing: b.playing,
      running: b.playing,
      speed: b.speed,
      stepMs: b.stepMs,
      untilMs: b.untilMs,
      log,
      totals: b.totals,
      faults: b.faults,
      drops,
      applianceRates,
      appliances: applianceChange ? Object.fromEntries(b.appliances.map((a) => [a.id, a])) : s.appliances,
      routeTargets: routeTargetChange ? Object.fromEntries(b.routeTargets.map((g) => [g.id, g])) : s.routeTargets,
    }
  }
}
export type SimStore = ReturnType<typeof createSimStore>
