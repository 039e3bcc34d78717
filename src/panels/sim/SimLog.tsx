// The simulator's log, newest first: every entry, health checks failing one by one included, so what a Step
// passed is at the top. Lines wrap: an entry is read whole, never cut mid-word.
import { useSim } from '../../store/context'
import { seconds } from './simWords'

/** the entries kept in the list (it scrolls) */
const LOG_LINES = 50

export function SimLog() {
  const log = useSim((s) => s.log)
  const from = Math.max(0, log.length - LOG_LINES)
  const shown = log.slice(from).map((e, i) => ({ e, at: from + i }))
  return (
    <ol
      className="h-[46px] min-w-0 flex-1 overflow-y-auto font-mono text-[11px] leading-[15px] text-slate-700"
      data-testid="sim-log"
    >
      {shown.reverse().map(({ e, at }) => (
        // the time stands in its own column and the text wraps beside it, so a long entry reads as one block
        <li key={at} className="flex gap-1.5">
          <span className="shrink-0 whitespace-pre text-slate-500">{seconds(e.tMs).padStart(8)}</span>
          <span className="min-w-0 whitespace-normal break-words">
            {e.resourceId}: {e.text}
          </span>
        </li>
      ))}
    </ol>
  )
}
