// Play a scenario: the controls and the clock (sim/SimControls), a timeline of faults and health changes that
// jumps there when clicked (sim/SimTimeline), the log (sim/SimLog) and the packet counters (sim/SimTotals).
import { useSim } from '../store/context'
import { PacketLegend } from './sim/PacketLegend'
import { SimControls } from './sim/SimControls'
import { SimLog } from './sim/SimLog'
import { SimTimeline } from './sim/SimTimeline'
import { SimTotals } from './sim/SimTotals'

export function SimPanel() {
  const ready = useSim((s) => s.status === 'ready')
  return (
    <section
      aria-label="Simulation"
      data-testid="sim-panel"
      className="shrink-0 border-t border-slate-200 bg-white px-3 py-2 text-xs"
    >
      <SimControls />
      {/* a fixed height, loaded or not, so the canvas above keeps its size and its fit */}
      <div className="mt-1.5 h-[74px]">
        {ready ? (
          <>
            <SimTimeline />
            <div className="mt-1 flex gap-3">
              <SimLog />
              <SimTotals />
              <PacketLegend />
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
