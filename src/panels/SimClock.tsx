// The simulator's clock under the canvas: "t = 12.3 s". The store hears the simulator a few times a second; while
// it plays, the clock shown moves on from the last frame's stamped moment and turns over exactly when the simulated
// time reaches its next tenth of a second, so what is on screen is the moment it is drawn at — a class following a
// trainer sees the trainer's clock, not two displays a quarter of a second apart.
import { useEffect, useState } from 'react'
import { useSim } from '../store/context'
import { epochNow } from '../store/simStore'

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
/** the display's step (simulated ms) */
const STEP_MS = 100
/** wall ms between redraws at most as often (a fast speed turns tenths over faster than a screen shows them) */
const MIN_REDRAW_MS = 40
/** wall time the clock moves on past the last frame at most (a stalled simulator does not run away on screen) */
const MAX_AHEAD_MS = 1000

export function SimClock() {
  const nowMs = useSim((s) => s.nowMs)
  const nowAtMs = useSim((s) => s.nowAtMs)
  const running = useSim((s) => s.running)
  const speed = useSim((s) => s.speed)
  const untilMs = useSim((s) => s.untilMs)
  const [, redraw] = useState(0)
  const shown = running
    ? Math.min(
        untilMs ?? Number.POSITIVE_INFINITY,
        nowMs + Math.min(MAX_AHEAD_MS, Math.max(0, epochNow() - nowAtMs)) * speed,
      )
    : nowMs

  // after every draw while running: the next draw when the text next changes
  useEffect(() => {
    if (!running) return
    // the shown text rounds to a tenth: it changes when the time passes the next half-tenth
    const next = (Math.floor((shown - STEP_MS / 2) / STEP_MS) + 1) * STEP_MS + STEP_MS / 2
    const timer = setTimeout(() => redraw((n) => n + 1), Math.max(MIN_REDRAW_MS, (next - shown) / speed + 1))
    return () => clearTimeout(timer)
  })

  return (
    <span className="font-mono text-slate-800" data-testid="sim-clock" data-running={running}>
      t = {seconds(shown)}
    </span>
  )
}
