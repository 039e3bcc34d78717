// The run's packet counters, one a line beside the log: whole numbers, never cut off the end of the controls' line.
import { useSim } from '../../store/context'
import { count } from './simWords'

export function SimTotals() {
  const totals = useSim((s) => s.totals)
  if (!totals) return null
  const rows = [
    { n: totals.sent, what: 'sent', bad: false },
    { n: totals.delivered, what: 'delivered', bad: false },
    { n: totals.dropped, what: 'dropped', bad: totals.dropped > 0 },
  ]
  return (
    <ul className="shrink-0 text-[11px] leading-[15px] text-slate-600" data-testid="sim-totals" aria-label="Packets">
      {rows.map((r) => (
        <li key={r.what} className={`flex justify-between gap-1.5 ${r.bad ? 'font-semibold text-red-700' : ''}`}>
          <span className={`font-mono ${r.bad ? '' : 'text-slate-800'}`}>{count(r.n)}</span>
          {r.what}
        </li>
      ))}
    </ul>
  )
}
