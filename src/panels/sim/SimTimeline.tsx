// The run as a bar: the time played so far, and a mark per fault and health change that jumps there when clicked.
import type { SimEvent } from '../../../worker/sim'
import { useDesign, useSim, useStores } from '../../store/context'
import { seconds } from './simWords'

/** the log entries the timeline marks: faults and health changes, not each health check */
const KIND_COLOUR: Partial<Record<SimEvent['kind'], string>> = {
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

export function SimTimeline() {
  const seek = useStores().engine.sim.seek
  const scenarios = useDesign((s) => s.design.scenarios)
  const scenario = useSim((s) => s.scenario)
  const nowMs = useSim((s) => s.nowMs)
  const log = useSim((s) => s.log)
  const chosen = scenarios.find((s) => s.name === scenario)
  // the timeline spans the scenario's faults and a margin, or the time played so far
  const lastFault = Math.max(0, ...(chosen?.faults ?? []).map((f) => (f.untilSeconds ?? f.atSeconds) * 1000))
  const spanMs = Math.max(60_000, lastFault + 30_000, nowMs)
  // log entries have no id; the log only grows (a reset starts a new one), so the position in it is the identity
  const marks = log.flatMap((e, at) => {
    const colour = KIND_COLOUR[e.kind]
    return colour ? [{ e, at, colour }] : []
  })
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicking the bar is a mouse shortcut; from the keyboard, the marks in it (buttons) and Step reach the same times
    // biome-ignore lint/a11y/useKeyWithClickEvents: as above
    <div
      className="relative h-5 cursor-pointer rounded bg-slate-100"
      data-testid="sim-timeline"
      title="Click to jump to a time"
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect()
        seek(((e.clientX - box.left) / box.width) * spanMs)
      }}
    >
      <div
        className="absolute inset-y-0 left-0 rounded bg-sky-200"
        style={{ width: `${Math.min(100, (nowMs / spanMs) * 100)}%` }}
      />
      {marks.map(({ e, at, colour }) => (
        <button
          type="button"
          key={at}
          aria-label={`${seconds(e.tMs)} ${e.resourceId}: ${e.text}`}
          title={`${seconds(e.tMs)} · ${e.resourceId}: ${e.text}`}
          data-testid={`timeline-${e.kind}`}
          className="absolute top-0.5 h-4 w-1.5 -translate-x-1/2 rounded-sm"
          style={{ left: `${(e.tMs / spanMs) * 100}%`, background: colour }}
          onClick={(ev) => {
            ev.stopPropagation()
            seek(e.tMs)
          }}
        />
      ))}
    </div>
  )
}
