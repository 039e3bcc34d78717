// The simulator bar's first line: the scenario, play, an even Step, reset, speed, the clock, and the
// route target groups that failed over (switched back by hand: a group does not fail back by itself).

import { useDesign, useSim, useStores } from '../../store/context'
import { SimClock } from '../SimClock'
import { stepText } from './simWords'

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100]
export const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-40'

export function SimControls() {
  const controls = useStores().engine.sim
  const scenarios = useDesign((s) => s.design.scenarios)
  const status = useSim((s) => s.status)
  const message = useSim((s) => s.message)
  const scenario = useSim((s) => s.scenario)
  const playing = useSim((s) => s.playing)
  const speed = useSim((s) => s.speed)
  const stepMs = useSim((s) => s.stepMs)
  const ready = status === 'ready'
  return (
    <div className="flex items-center gap-2 overflow-hidden whitespace-nowrap">
      <span className="font-semibold text-slate-800">Simulate</span>
      <select
        aria-label="Scenario"
        className="rounded border border-slate-300 px-1 py-0.5"
        value={ready ? (scenario ?? '') : ''}
        onChange={(e) => void controls.load(e.target.value)}
      >
        <option value="" disabled>
          {scenarios.length ? 'choose a scenario…' : 'no scenario in this design'}
        </option>
        {scenarios.map((s) => (
          <option key={s.name} value={s.name} title={s.description}>
            {s.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={BUTTON}
        disabled={!ready}
        onClick={playing ? controls.pause : controls.play}
        data-testid="sim-play"
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className={BUTTON}
        disabled={!ready}
        onClick={controls.step}
        data-testid="sim-step"
        data-step-ms={stepMs}
        title={`Plays ${stepText(stepMs).slice(1)} of simulated time (one second at ${speed}×), then pauses`}
      >
        Step {stepText(stepMs)}
      </button>
      <button type="button" className={BUTTON} disabled={!ready} onClick={controls.reset}>
        Reset
      </button>
      <label className="flex items-center gap-1 text-slate-600">
        Speed
        <select
          aria-label="Speed"
          className="rounded border border-slate-300 px-1 py-0.5"
          disabled={!ready}
          value={speed}
          onChange={(e) => controls.speed(Number(e.target.value))}
        >
          {SPEEDS.map((x) => (
            <option key={x} value={x}>
              {x}×
            </option>
          ))}
        </select>
      </label>
      {ready && <SimClock />}
      {ready && <SwitchBackButtons />}
      {ready && (
        <button type="button" className={`${BUTTON} ml-auto`} onClick={controls.unload}>
          Close
        </button>
      )}
      {status === 'failed' && <span className="text-red-700">{message}</span>}
    </div>
  )
}

/** SwitchActiveRouteTarget for each group that failed over; the answer goes to the notice bar. */
function SwitchBackButtons() {
  const stores = useStores()
  const routeTargets = useSim((s) => s.routeTargets)
  const switchBack = async (groupId: string) => {
    const answer = await stores.engine.sim.switchActiveRouteTarget(groupId)
    stores.ui
      .getState()
      .notify(
        answer.ok
          ? { tone: 'info', lines: [answer.text] }
          : { tone: 'error', lines: ['SwitchActiveRouteTarget was not done.', answer.message] },
      )
  }
  return Object.values(routeTargets)
    .filter((g) => g.failedOver)
    .map((g) => (
      <button
        key={g.id}
        type="button"
        className={`${BUTTON} border-indigo-300 text-indigo-800`}
        data-testid={`sim-switch-back-${g.id}`}
        title={`SwitchActiveRouteTarget: ${g.id}'s traffic back to its active member (a route target group does not fail back by itself)`}
        onClick={() => void switchBack(g.id)}
      >
        Switch {g.id} back
      </button>
    ))
}
