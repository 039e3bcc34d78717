// Play a scenario: the controls, the clock and counters, and a timeline of faults and health changes
// that jumps there when clicked.
import { useDesign, useSim, useStores } from '../store/context'
import { SimClock } from './SimClock'

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100]
/** the log lines kept in the list (it scrolls); the timeline marks only faults and health changes */
const LOG_LINES = 50
const TIMELINE_KINDS = new Set([
  'fault-applied',
  'fault-reverted',
  'marked-unhealthy',
  'marked-healthy',
  'no-healthy-appliance',
  'healthy-appliance-back',
  'flows-moved',
  'drain-ended',
  'loss-started',
  'loss-stopped',
  'route-target-failover',
  'route-target-healthy',
  'route-target-switched',
])
const KIND_COLOUR: Record<string, string> = {
  'fault-applied': '#dc2626',
  'fault-reverted': '#16a34a',
  'marked-unhealthy': '#ea580c',
  'marked-healthy': '#16a34a',
  'no-healthy-appliance': '#991b1b',
  'healthy-appliance-back': '#15803d',
  'flows-moved': '#7c3aed',
  'drain-ended': '#0891b2',
  'loss-started': '#f97316',
  'loss-stopped': '#0d9488',
  'route-target-failover': '#4338ca',
  'route-target-healthy': '#16a34a',
  'route-target-switched': '#6366f1',
}

const BUTTON = 'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-40'
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const count = (n: number) => n.toLocaleString('en-US')

export function SimPanel() {
  const stores = useStores()
  const controls = stores.engine.sim
  const scenarios = useDesign((s) => s.design.scenarios)
  const status = useSim((s) => s.status)
  const message = useSim((s) => s.message)
  const scenario = useSim((s) => s.scenario)
  const nowMs = useSim((s) => s.nowMs)
  const playing = useSim((s) => s.playing)
  const speed = useSim((s) => s.speed)
  const log = useSim((s) => s.log)
  const totals = useSim((s) => s.totals)
  const routeTargets = useSim((s) => s.routeTargets)
  const failedOver = Object.values(routeTargets).filter((g) => g.failedOver)
  const ready = status === 'ready'
  const switchBack = async (groupId: string) => {
    const answer = await controls.switchActiveRouteTarget(groupId)
    stores.ui
      .getState()
      .notify(
        answer.ok
          ? { tone: 'info', lines: [answer.text] }
          : { tone: 'error', lines: ['SwitchActiveRouteTarget was not done.', answer.message] },
      )
  }
  const chosen = scenarios.find((s) => s.name === scenario)
  // the timeline spans the scenario's faults and a margin, or the time played so far
  const lastFault = Math.max(0, ...(chosen?.faults ?? []).map((f) => (f.untilSeconds ?? f.atSeconds) * 1000))
  const spanMs = Math.max(60_000, lastFault + 30_000, nowMs)
  // log entries have no id; the log only grows (a reset starts a new one), so the position in it is the identity
  const entries = log.map((e, at) => ({ e, at }))
  const marks = entries.filter(({ e }) => TIMELINE_KINDS.has(e.kind))
  return (
    <section
      aria-label="Simulation"
      data-testid="sim-panel"
      className="shrink-0 border-t border-slate-200 bg-white px-3 py-2 text-xs"
    >
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
        <button type="button" className={BUTTON} disabled={!ready} onClick={controls.step} title="To the next event">
          Step
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
        {ready && totals && (
          <span className="text-slate-600" data-testid="sim-totals">
            {count(totals.sent)} sent · {count(totals.delivered)} delivered ·{' '}
            <span className={totals.dropped ? 'font-semibold text-red-700' : ''}>{count(totals.dropped)} dropped</span>
          </span>
        )}
        {ready &&
          failedOver.map((g) => (
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
          ))}
        {ready && (
          <button type="button" className={`${BUTTON} ml-auto`} onClick={controls.unload}>
            Close
          </button>
        )}
        {status === 'failed' && <span className="text-red-700">{message}</span>}
      </div>
      {/* a fixed height, loaded or not, so the canvas above keeps its size and its fit */}
      <div className="mt-1.5 h-[74px]">
        {ready ? (
          <>
            {/* biome-ignore lint/a11y/noStaticElementInteractions: clicking the bar is a mouse shortcut; from the keyboard, the marks in it (buttons) and Step reach the same times */}
            {/* biome-ignore lint/a11y/useKeyWithClickEvents: as above */}
            <div
              className="relative h-5 cursor-pointer rounded bg-slate-100"
              data-testid="sim-timeline"
              title="Click to jump to a time"
              onClick={(e) => {
                const box = e.currentTarget.getBoundingClientRect()
                controls.seek(((e.clientX - box.left) / box.width) * spanMs)
              }}
            >
              <div
                className="absolute inset-y-0 left-0 rounded bg-sky-200"
                style={{ width: `${Math.min(100, (nowMs / spanMs) * 100)}%` }}
              />
              {marks.map(({ e, at }) => (
                <button
                  type="button"
                  key={at}
                  aria-label={`${seconds(e.tMs)} ${e.resourceId}: ${e.text}`}
                  title={`${seconds(e.tMs)} · ${e.resourceId}: ${e.text}`}
                  data-testid={`timeline-${e.kind}`}
                  className="absolute top-0.5 h-4 w-1.5 -translate-x-1/2 rounded-sm"
                  style={{ left: `${(e.tMs / spanMs) * 100}%`, background: KIND_COLOUR[e.kind] ?? '#64748b' }}
                  onClick={(ev) => {
                    ev.stopPropagation()
                    controls.seek(e.tMs)
                  }}
                />
              ))}
            </div>
            <div className="mt-1 flex gap-3">
              <ol
                className="h-[46px] min-w-0 flex-1 overflow-y-auto font-mono text-[11px] leading-[15px] text-slate-700"
                data-testid="sim-log"
              >
                {/* every entry, health checks failing one by one included: what Step stopped at is always the top line */}
                {entries
                  .slice(-LOG_LINES)
                  .reverse()
                  .map(({ e, at }) => (
                    <li key={at} className="truncate" title={e.text}>
                      <span className="text-slate-500">{seconds(e.tMs).padStart(8)}</span> {e.resourceId}: {e.text}
                    </li>
                  ))}
              </ol>
              <ul className="grid shrink-0 grid-cols-2 gap-x-3 text-[11px] text-slate-500" aria-label="Packet legend">
                <li className="flex items-center gap-1">
                  <span className="inline-block h-2 w-2 rounded-full bg-sky-600" /> inbound
                </li>
                <li className="flex items-center gap-1">
                  <span className="inline-block h-2 w-2 rounded-full bg-amber-500" /> outbound
                </li>
                <li className="flex items-center gap-1">
                  <span className="inline-block h-2.5 w-2.5 rounded-full border-2 border-orange-700 bg-white" /> Geneve
                </li>
                <li className="flex items-center gap-1">
                  <span className="font-bold text-red-600">✕</span> dropped
                </li>
              </ul>
            </div>
          </>
        ) : (
          <p className="pt-2 text-slate-500">
            Choose a scenario to watch its traffic, the GWLB's health checks, faults, draining and rebalancing play out
            on the diagram.
          </p>
        )}
      </div>
    </section>
  )
}
