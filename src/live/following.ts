// A follower's side of follow mode: doing what the presenter does (open the lesson at its step, light the walk's
// hop, load and play the scenario with the clock in step), one follow state at a time and in order, and sending
// the follower's quiz answer to the presenter's tally.
// Two races are closed here. The relay tells a joining follower the presenter's state before it sends the room's
// document: follow states wait for the room's design (`awaitRoom`, `roomArrived`), so the scenario plays on the room's design,
// not on the follower's own. And a design that changes reloads the simulator, paused (useSimSync; the worker
// forgets the presenter's clock on a load): while the presenter plays, the follower plays on from the presenter's
// clock instead of waiting, stopped, for the presenter's next sample, which may not come for a long while.
import type { LessonRunner } from '../lessons/runner'
import type { Stores } from '../store/context'
import { epochNow, type SimState } from '../store/simStore'
import type { FollowSim, FollowState, Presence, Viewport } from './presence'

export interface FollowingDeps {
  stores: Stores
  lessons: LessonRunner
  isFollower(): boolean
  /** whether the presenter revealed the current quiz's answer */
  presenterRevealed(): boolean
  publish(patch: Partial<Presence>): void
  /** the lesson gave back the design it held: the room's is the one to show */
  resync(): void
  onViewport(v: Viewport | null): void
}

export interface Following {
  follow(f: FollowState): void
  /** a follower joins: follow states wait until the room's document arrived (`roomArrived`) */
  awaitRoom(): void
  roomArrived(): void
  /** the session is being left: follow states still waiting are dropped */
  stop(): void
  /** plays on from the presenter's clock when this simulator stops while the presenter's plays; returns the stop */
  keepPlaying(): () => void
  /** sends this follower's quiz answers; returns what stops it */
  answerQuizzes(): () => void
  /** resolves once every follow state received so far is done */
  settled(): Promise<void>
  reset(): void
}

export function createFollowing(deps: FollowingDeps): Following {
  const { stores, lessons } = deps
  let following: Promise<void> = Promise.resolve()
  let room = gate()
  room.open()
  let stopped = false
  let lastFollow = ''
  /** the presenter's simulator as last heard, with whether it plays a lesson step's scenario */
  let presenterSim: { target: FollowSim; inLesson: boolean } | null = null

  /** The follower's simulator stopped while the presenter's plays (a reload, a worker restarted): play on. */
  function onSim(s: SimState, prev: SimState) {
    const p = presenterSim
    if (!p?.target.playing || s.status !== 'ready' || s.playing || !prev.playing) return
    // at the presenter's pause point, the presenter stops too: its paused sample follows
    if (p.target.untilMs !== null && s.nowMs >= p.target.untilMs) return
    following = following
      .then(() => (stopped || !deps.isFollower() ? undefined : followSim(stores, p.target, p.inLesson)))
      .catch(() => undefined)
  }

  return {
    follow(f) {
      const key = JSON.stringify(f)
      if (key === lastFollow) return
      lastFollow = key
      presenterSim = f.sim ? { target: f.sim, inLesson: f.lesson !== null } : null
      deps.onViewport(f.viewport)
      // one at a time, in order: opening a lesson takes a moment, and the next step must not overtake it
      following = following
        .then(() => room.promise)
        .then(() => (stopped || !deps.isFollower() ? undefined : applyFollow(deps, f)))
        .catch(() => undefined)
    },
    keepPlaying: () => stores.sim.subscribe(onSim),
    answerQuizzes() {
      return lessons.subscribe((s, prev) => {
        // a click answers; the verdict waits for the presenter's reveal, for the whole class at once
        if (s.revealed && !prev.revealed && !deps.presenterRevealed()) lessons.setState({ revealed: false })
        if (s.answer === prev.answer && s.stepIndex === prev.stepIndex) return
        deps.publish({ answer: s.lesson && s.answer ? { lesson: s.lesson.id, step: s.stepIndex, id: s.answer } : null })
      })
    },
    awaitRoom() {
      room = gate()
      stopped = false
    },
    roomArrived: () => room.open(),
    stop() {
      stopped = true
      room.open()
    },
    settled: () => following,
    reset() {
      lastFollow = ''
      presenterSim = null
    },
  }
}

/** Does what one follow state says: the lesson and its step, the lit hop, the simulator. */
async function applyFollow(deps: FollowingDeps, f: FollowState) {
  const { stores, lessons } = deps
  const runner = lessons.getState()
  if (f.lesson) {
    if (runner.lesson?.id !== f.lesson.id) await lessons.getState().open(f.lesson.id)
    const l = lessons.getState()
    if (!l.lesson) return
    if (l.stepIndex !== f.lesson.step) l.go(f.lesson.step)
    if (f.lesson.revealed && !lessons.getState().revealed) lessons.getState().reveal()
  } else if (runner.lesson) {
    runner.close()
    deps.resync()
  }
  const ui = stores.ui.getState()
  if (JSON.stringify(ui.highlight) !== JSON.stringify(f.highlight)) ui.setHighlight(f.highlight)
  await followSim(stores, f.sim, f.lesson !== null)
}

/** The presenter's simulator, here: its scenario, its speed, and its clock playing in step or paused at its moment. */
async function followSim(stores: Stores, target: FollowSim | null, inLesson: boolean) {
  const controls = stores.engine.sim
  const sim = stores.sim.getState()
  if (!target) {
    // a lesson step loads and unloads its own scenario
    if (sim.status !== 'idle' && !inLesson) controls.unload()
    return
  }
  if (sim.status !== 'ready' || sim.scenario !== target.scenario) await controls.load(target.scenario)
  const now = stores.sim.getState()
  if (now.status !== 'ready') return
  if (now.speed !== target.speed) controls.speed(target.speed)
  if (target.playing) {
    // the simulator keeps its clock in step with the presenter's sample, frame by frame: a sample cannot be
    // from later than now (a presenter's machine clock ahead of ours): it is taken as of now at the latest
    controls.follow({ nowMs: target.nowMs, atMs: Math.min(target.atMs, epochNow()), speed: target.speed })
    if (!now.playing || now.untilMs !== target.untilMs)
      target.untilMs === null ? controls.play() : controls.playUntil(target.untilMs)
    return
  }
  controls.follow(null)
  // paused at the very moment, in one control: a follower short of it stops there (its clock holds at the moment
  // rather than running past and coming back), one past it goes back; the presenter's final moment, sent once its
  // simulator has stopped, moves it on from there
  const at = stores.sim.getState()
  if (at.playing || at.running || at.nowMs !== target.nowMs) controls.pauseAt(target.nowMs)
}

/** A promise and what resolves it. */
function gate(): { promise: Promise<void>; open(): void } {
  let open: () => void = () => undefined
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open: () => open() }
}
