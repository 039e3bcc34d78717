// Clocks for the simulator: values handed to createSim, never module singletons. May not touch: the sim's state;
// wall time only through the function a playback clock is given.

/** Tells the sim how far simulated time should have got. */
export interface SimClock {
  /** the simulated millisecond the sim should reach now */
  now(): number
  /** puts the clock at a simulated time (after a step or a reset), keeping play/pause and speed */
  seek(ms: number): void
}

/** For tests and the command line: time moves only when told. */
export interface ManualClock extends SimClock {
  advanceBy(ms: number): void
}

export function createManualClock(startMs = 0): ManualClock {
  let t = startMs
  return {
    now: () => t,
    seek(ms) {
      t = ms
    },
    advanceBy(ms) {
      t += ms
    },
  }
}

export const MIN_SPEED = 0.1
export const MAX_SPEED = 100

export type PlaybackState = { kind: 'paused' } | { kind: 'playing'; speed: number }
export type SpeedResult = { kind: 'set'; speed: number } | { kind: 'outOfRange'; min: number; max: number }

/** For the browser: simulated time follows wall time × speed while playing. */
export interface PlaybackClock extends SimClock {
  play(): void
  pause(): void
  setSpeed(speed: number): SpeedResult
  readonly speed: number
  readonly state: PlaybackState
}

/**
 * `wallNow` is the wall clock in ms (performance.now in the worker). If the sim falls behind (its per-frame budget
 * ran out), the worker may seek the clock back to where the sim got, so play slows down instead of jumping.
 */
export function createPlaybackClock(wallNow: () => number, initialSpeed = 1): PlaybackClock {
  let base = 0
  let wallBase = wallNow()
  let playing = false
  let speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, initialSpeed))
  const now = () => (playing ? base + (wallNow() - wallBase) * speed : base)
  const rebase = () => {
    base = now()
    wallBase = wallNow()
  }
  return {
    now,
    seek(ms) {
      base = ms
      wallBase = wallNow()
    },
    play() {
      if (playing) return
      wallBase = wallNow()
      playing = true
    },
    pause() {
      if (!playing) return
      rebase()
      playing = false
    },
    setSpeed(s) {
      if (!(s >= MIN_SPEED && s <= MAX_SPEED)) return { kind: 'outOfRange', min: MIN_SPEED, max: MAX_SPEED }
      rebase()
      speed = s
      return { kind: 'set', speed }
    },
    get speed() {
      return speed
    },
    get state(): PlaybackState {
      return playing ? { kind: 'playing', speed } : { kind: 'paused' }
    },
  }
}
