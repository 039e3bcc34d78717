// Follow mode's simulator, presenter to follower, without the relay between them (the presenter's follow state is
// handed straight to the follower, as awareness would): the presenter sends a clock sample when its clock slips
// from the last one, not every frame, and the follower's simulator (the worker's own code, in-process) eases to
// it or jumps; a follower joining while the presenter plays waits for the room's design; a follower whose
// simulator is reloaded (the room's design changed) plays on from the presenter's clock; at the presenter's pause
// each follower stops on exactly the presenter's moment, its clock never running past it and back.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLessonRunner, type LessonDeps } from '../../src/lessons/runner'
import { createFollowing } from '../../src/live/following'
import type { FollowSim, FollowState } from '../../src/live/presence'
import { CLOCK_SAMPLE_SLIP_MS, createPresenting, simClock } from '../../src/live/presenting'
import type { Design } from '../../src/model'
import { createStores, type Stores } from '../../src/store/context'
import type { EngineConnection } from '../../src/store/engine'
import { epochNow, type SimState } from '../../src/store/simStore'
import { createPlayback, type FrameBatch } from '../../worker/playback'
import { worker as inProcess } from '../engine'
import { loadExample } from '../helpers'

afterEach(() => {
  vi.useRealTimers()
})

/** performance.now and the timers move only when the test says: the presenter, the follower and the worker read one clock. */
function fakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] })
}

function lessonsOf(stores: Stores) {
  const deps: LessonDeps = {
    loadDesign: async (name) => ({ ok: true, design: loadExample(name as 'two-zones') }),
    trace: vi.fn(),
    simulate: vi.fn(async () => true),
    playUntil: vi.fn(),
    stopSimulation: vi.fn(),
    routeLines: () => [],
  }
  return createLessonRunner(stores, deps)
}

/** A follower's studio: its stores, with the worker's playback in-process (frames reach the sim store, as in the app). */
function followerStudio(design: Design) {
  const playback = createPlayback()
  const loaded: string[] = []
  const connection: EngineConnection = {
    worker: () => ({
      ...inProcess,
      simLoad: async (doc: unknown, scenario: string | null) => {
        loaded.push((doc as Design).name)
        return playback.load(doc, scenario)
      },
      simSubscribe: async (onFrame: (b: FrameBatch) => void) => playback.subscribe(onFrame),
      simPlay: async (untilMs?: number) => playback.play(untilMs),
      simPause: async () => playback.pause(),
      simPauseAt: async (ms: number) => playback.pauseAt(ms),
      simSpeed: async (x: number) => playback.setSpeed(x),
      simSeek: async (ms: number) => playback.seek(ms),
      simFollow: async (clock: Parameters<typeof playback.follow>[0]) => playback.follow(clock),
    }),
    example: async () => ({ ok: false, errors: 'no examples here' }),
  }
  const stores = createStores(design, {}, connection)
  const batches: FrameBatch[] = []
  playback.subscribe((b) => {
    batches.push(b)
    stores.sim.getState().receive(b, performance.now())
  })
  const following = createFollowing({
    stores,
    lessons: lessonsOf(stores),
    isFollower: () => true,
    presenterRevealed: () => false,
    publish: () => undefined,
    resync: () => undefined,
    onViewport: () => undefined,
  })
  /** the follower's simulated clock, as its worker's last frame had it */
  const clock = () => batches.at(-1)?.nowMs ?? Number.NaN
  return { stores, playback, following, loaded, clock }
}

const followState = (sim: FollowSim | null): FollowState => ({ lesson: null, highlight: null, sim, viewport: null })

/** The presenter's simulator as a frame reports it: `behindMs` behind where its clock should be, `wall` ms after it started. */
function presenterFrame(stores: Stores, startedAt: number, behindMs: number) {
  const at = epochNow()
  stores.sim.setState({ nowMs: at - startedAt - behindMs, nowAtMs: at })
}

describe('follow mode: the simulator’s clock, presenter to follower', () => {
  it('the presenter sends a sample when its clock slips past the threshold, not every frame; the follower eases to it, or jumps', async () => {
    const { presenter, follower, samples, stops, startedAt } = presenterStartsPlaying()
    await vi.advanceTimersByTimeAsync(0)
    expect(samples).toHaveLength(1)
    const frames = async (n: number, behindMs: number) => {
      for (let i = 0; i < n; i++) {
        await vi.advanceTimersByTimeAsync(50)
        presenterFrame(presenter, startedAt, behindMs)
      }
    }
    // a second of frames on time: the one sample still tells the clock, nothing more goes out
    await frames(20, 0)
    expect(samples).toHaveLength(1)
    expect(Math.abs(follower.clock() - (epochNow() - startedAt))).toBeLessThanOrEqual(10)

    // a busy machine: the presenter's clock falls behind by less than the threshold, then past it
    await frames(10, CLOCK_SAMPLE_SLIP_MS - 10)
    expect(samples).toHaveLength(1)
    await frames(1, 120)
    expect(samples).toHaveLength(2)
    expect(samples[1]?.nowMs).toBe(Math.round(epochNow() - startedAt - 120))
    // the follower, 120 ms ahead of the presenter now, eases back: never a jump, never backwards
    const eased: number[] = []
    for (let i = 0; i < 20; i++) {
      await frames(1, 120)
      eased.push(follower.clock())
    }
    for (let i = 1; i < eased.length; i++) {
      expect(eased[i]).toBeGreaterThanOrEqual(eased[i - 1] as number)
      expect((eased[i] as number) - (eased[i - 1] as number)).toBeLessThanOrEqual(50)
    }
    expect(Math.abs(follower.clock() - (epochNow() - startedAt - 120))).toBeLessThanOrEqual(10)
    // one sample for the slip, none while the clock runs as it says
    expect(samples).toHaveLength(2)

    // a stall of a second on the presenter's machine, past 200 ms: the follower, a second ahead, holds still (it
    // never plays backwards) until the presenter's clock reaches it, then runs in step
    await frames(1, 1120)
    expect(samples).toHaveLength(3)
    const held = follower.clock()
    await frames(39, 1120)
    expect(follower.clock()).toBeGreaterThanOrEqual(held)
    expect(Math.abs(follower.clock() - (epochNow() - startedAt - 1120))).toBeLessThanOrEqual(10)
    // the presenter's simulator computes its way back to where its clock should be, a second on: past 200 ms, the
    // follower jumps there within a frame
    await frames(1, 120)
    expect(samples).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(50)
    expect(Math.abs(follower.clock() - (epochNow() - startedAt - 120))).toBeLessThanOrEqual(10)
    for (const stop of stops) stop()
    follower.playback.dispose()
  })

  it('a follower joining while the presenter plays waits for the room’s design before it plays', async () => {
    fakeClock()
    const mine = { ...loadExample('two-zones'), name: 'My own design' }
    const room = { ...loadExample('two-zones'), name: 'The room’s design' }
    const follower = followerStudio(mine)
    // the relay tells the presenter's state first, then sends the document
    follower.following.awaitRoom()
    follower.following.follow(
      followState({ scenario: 'steady', playing: true, speed: 1, untilMs: null, nowMs: 3000, atMs: epochNow() }),
    )
    await vi.advanceTimersByTimeAsync(200)
    expect(follower.loaded).toEqual([])
    follower.stores.design.getState().replace(room)
    follower.following.roomArrived()
    await vi.advanceTimersByTimeAsync(200)
    expect(follower.loaded).toEqual(['The room’s design'])
    expect(follower.stores.sim.getState().playing).toBe(true)
    // the presenter's moment now: 3 s when the sample was taken, 400 ms ago
    expect(Math.abs(follower.clock() - 3400)).toBeLessThanOrEqual(10)
    follower.playback.dispose()
  })

  it('a follower whose simulator is reloaded (the room’s design changed) plays on from the presenter’s clock', async () => {
    fakeClock()
    const follower = followerStudio(loadExample('two-zones'))
    const stop = follower.following.keepPlaying()
    const at = epochNow()
    follower.following.follow(
      followState({ scenario: 'steady', playing: true, speed: 1, untilMs: null, nowMs: 0, atMs: at }),
    )
    await vi.advanceTimersByTimeAsync(2000)
    expect(Math.abs(follower.clock() - 2000)).toBeLessThanOrEqual(10)
    // what the app does 300 ms after the design changed: the scenario again, paused at 0 s (the worker forgets the
    // presenter's clock); the presenter plays on and sends nothing new, its clock running as its sample says
    await follower.stores.engine.sim.load('steady')
    await vi.advanceTimersByTimeAsync(500)
    expect(follower.stores.sim.getState().playing).toBe(true)
    expect(Math.abs(follower.clock() - (epochNow() - at))).toBeLessThanOrEqual(10)
    stop()
    follower.playback.dispose()
  })

  it('at the presenter’s pause, a follower stops on exactly its moment, sent again once its simulator has stopped', async () => {
    const { presenter, follower, samples, stops, startedAt } = await playingTogether(2000)
    // Pause pressed 30 ms after the presenter's last frame: the button answers at once, the simulator runs on
    // until its paused frame
    await vi.advanceTimersByTimeAsync(30)
    presenter.sim.setState({ playing: false })
    await vi.advanceTimersByTimeAsync(0)
    expect(samples.at(-1)).toMatchObject({ playing: false, nowMs: epochNow() - startedAt })
    // its paused frame, 20 ms on: stopped at its last frame's moment, which the store already had
    await vi.advanceTimersByTimeAsync(20)
    const stopped = presenter.sim.getState().nowMs
    presenter.sim.setState({ running: false, nowAtMs: epochNow() })
    await vi.advanceTimersByTimeAsync(500)
    expect(samples.at(-1)).toMatchObject({ playing: false, nowMs: stopped })
    expect(follower.stores.sim.getState()).toMatchObject({ playing: false, running: false, nowMs: stopped })
    expect(follower.clock()).toBe(stopped)
    for (const stop of stops) stop()
    follower.playback.dispose()
  })

  it('a follower’s clock shown holds at the presenter’s pause, never running past it and coming back', async () => {
    const { presenter, follower, samples, stops, startedAt } = await playingTogether(2000)
    // every moment the follower's clock shows, on each change of its simulator's state and every 5 ms
    const shown: number[] = []
    const unsubscribe = follower.stores.sim.subscribe((s) => shown.push(shownClock(s)))
    const watch = async (ms: number) => {
      for (let t = 0; t < ms; t += 5) {
        await vi.advanceTimersByTimeAsync(5)
        shown.push(shownClock(follower.stores.sim.getState()))
      }
    }
    await vi.advanceTimersByTimeAsync(30)
    presenter.sim.setState({ playing: false })
    await watch(10)
    const pressed = samples.at(-1)?.nowMs ?? Number.NaN
    expect(pressed).toBe(epochNow() - 10 - startedAt)
    // the presenter's simulator stops where its clock stood when it heard of the press, a little after it
    const stopped = pressed + 4
    presenter.sim.setState({ running: false, nowMs: stopped, nowAtMs: epochNow() })
    await watch(500)
    expect(follower.clock()).toBe(stopped)
    expect(Math.max(...shown)).toBe(stopped)
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeGreaterThanOrEqual(shown[i - 1] as number)
    unsubscribe()
    for (const stop of stops) stop()
    follower.playback.dispose()
  })
})

/** The follower's clock as its bar shows it (src/panels/SimClock.tsx): on from the last frame while running, never past a stop. */
function shownClock(s: SimState): number {
  return s.running ? Math.min(s.untilMs ?? Number.POSITIVE_INFINITY, simClock(s)) : s.nowMs
}

/**
 * A presenter with a follower fed its samples straight (as awareness would), starting the scenario from 0 s now;
 * `samples`: what the presenter sent.
 */
function presenterStartsPlaying() {
  fakeClock()
  const presenter = createStores(loadExample('two-zones'))
  const follower = followerStudio(loadExample('two-zones'))
  const samples: FollowSim[] = []
  const presenting = createPresenting({
    stores: presenter,
    lessons: lessonsOf(presenter),
    isPresenter: () => true,
    publish: (patch) => {
      if (!patch.follow?.sim) return
      samples.push(patch.follow.sim)
      follower.following.follow(followState(patch.follow.sim))
    },
    onSent: () => undefined,
  })
  const stops = presenting.start()
  const startedAt = epochNow()
  presenter.sim.setState({
    status: 'ready',
    scenario: 'steady',
    playing: true,
    running: true,
    speed: 1,
    nowMs: 0,
    nowAtMs: startedAt,
  })
  return { presenter, follower, samples, stops, startedAt }
}

/** A presenter playing the scenario from 0 s with a follower in step, `ms` on, its frames on time every 50 ms. */
async function playingTogether(ms: number) {
  const { presenter, follower, samples, stops, startedAt } = presenterStartsPlaying()
  for (let t = 0; t < ms; t += 50) {
    await vi.advanceTimersByTimeAsync(50)
    presenterFrame(presenter, startedAt, 0)
  }
  expect(Math.abs(follower.clock() - ms)).toBeLessThanOrEqual(10)
  return { presenter, follower, samples, stops, startedAt }
}
