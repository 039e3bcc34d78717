// What the simulator in the worker last reported. Updated a few times a second at most: the packets
// themselves go to the canvas overlay through `feed`, never through React state.
import { createStore } from 'zustand/vanilla'
import type { FrameBatch, VisualPacket } from '../../worker/playback'
import type { ApplianceView, RouteTargetView, SimEvent } from '../../worker/sim'

export interface DropSeen {
  at: string
  reason: string
  text: string
  /** wall time it was last seen, for fading */
  seenAt: number
  count: number
}

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

/** Packets waiting for the overlay's next frame: a plain queue, outside React. */
export interface PacketFeed {
  push(packets: VisualPacket[]): void
  take(): VisualPacket[]
}

function createFeed(): PacketFeed {
  let queue: VisualPacket[] = []
  return {
    push(packets) {
      // the overlay draws a bounded number; a backlog (a hidden tab) is dropped, not replayed
      queue = queue.length > 400 ? packets : queue.concat(packets)
    },
    take() {
      const out = queue
      queue = []
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
const DROP_FADE_MS = 2500

export function createSimStore() {
  const feed = createFeed()
  let lastUi = 0
  let lastRates: { nowMs: number; sent: Record<string, number> } | null = null
  const store = createStore<SimState>()((set, get) => ({
    status: 'idle',
    message: null,
    scenario: null,
    scenarios: [],
    nowMs: 0,
    nowAtMs: 0,
    playing: false,
    running: false,
    speed: 1,
    untilMs: null,
    log: [],
    totals: null,
    faults: [],
    applianceRates: {},
    appliances: {},
    routeTargets: {},
    drops: {},
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
    unload: () =>
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
      }),
    receive: (b, wallNow) => {
      feed.push(b.packets)
      const s = get()
      const log =
        s.log.length + b.events.length === b.logSize ? (b.events.length ? [...s.log, ...b.events] : s.log) : b.events
      const drops = { ...s.drops }
      for (const p of b.packets) {
        if (!p.drop) continue
        const seen = drops[p.drop.at]
        drops[p.drop.at] = {
          ...p.drop,
          seenAt: wallNow,
          count: (seen && seen.reason === p.drop.reason ? seen.count : 0) + 1,
        }
      }
      for (const [id, d] of Object.entries(drops)) if (wallNow - d.seenAt > DROP_FADE_MS) delete drops[id]
      const appliances = Object.fromEntries(b.appliances.map((a) => [a.id, a]))
      const applianceChange = b.appliances.some((a) => {
        const was = s.appliances[a.id]
        return !was || was.run !== a.run || was.healthy !== a.healthy || was.membership !== a.membership
      })
      const routeTargetChange = b.routeTargets.some((g) => {
        const was = s.routeTargets[g.id]
        return (
          !was ||
          was.carryingMemberId !== g.carryingMemberId ||
          was.members.some((m, i) => m.healthy !== g.members[i]?.healthy)
        )
      })
      const changed =
        applianceChange ||
        routeTargetChange ||
        log !== s.log ||
        b.playing !== s.playing ||
        b.playing !== s.running ||
        b.speed !== s.speed ||
        b.untilMs !== s.untilMs ||
        Object.keys(drops).length !== Object.keys(s.drops).length
      if (!changed && wallNow - lastUi < UI_REFRESH_MS) return
      lastUi = wallNow
      let applianceRates = s.applianceRates
      if (lastRates && b.nowMs > lastRates.nowMs) {
        const dt = (b.nowMs - lastRates.nowMs) / 1000
        const prev = lastRates.sent
        applianceRates = Object.fromEntries(
          Object.entries(b.applianceSent).map(([id, n]) => [id, Math.max(0, (n - (prev[id] ?? 0)) / dt)]),
        )
      } else if (!b.playing) applianceRates = {}
      lastRates = { nowMs: b.nowMs, sent: b.applianceSent }
      set({
        nowMs: b.nowMs,
        nowAtMs: b.atMs,
        playing: b.playing,
        running: b.playing,
        speed: b.speed,
        untilMs: b.untilMs,
        log,
        totals: b.totals,
        faults: b.faults,
        drops,
        applianceRates,
        appliances: applianceChange ? appliances : s.appliances,
        routeTargets: routeTargetChange ? Object.fromEntries(b.routeTargets.map((g) => [g.id, g])) : s.routeTargets,
      })
    },
  }))
  return Object.assign(store, { feed })
}
export type SimStore = ReturnType<typeof createSimStore>
