// A checked plan's timeline: one row per state (the start, then after each step), which intents hold in it, and
// the trouble in it against the plan's two ends; then the windows, each with the flows it affects and an example.
import type { PlanCheck, WindowKind } from '../../../worker/verify'
import { packetText } from '../verify/words'

type Checked = Extract<PlanCheck, { ok: true }>

const KINDS: readonly WindowKind[] = ['black-holed', 'uninspected', 'asymmetric']

const TROUBLE_LOOK: Record<WindowKind, string> = {
  'black-holed': 'bg-red-100 text-red-900',
  uninspected: 'bg-amber-100 text-amber-950',
  asymmetric: 'bg-violet-100 text-violet-950',
}

/** A state's span in words: "after step 2", "from step 1 to step 3". */
export function spanText(from: number, to: number): string {
  const at = (k: number) => (k === 0 ? 'the start' : `step ${k}`)
  return from === to ? `after ${at(from)}` : `from after ${at(from)} to after ${at(to)}`
}

export function Timeline({ answer }: { answer: Checked }) {
  const intents = answer.states[0]?.results.map((r) => r.intent.id) ?? []
  return (
    <div className="flex flex-col gap-1.5" data-testid="plan-timeline">
      <h3 className="font-semibold text-slate-900">Timeline</h3>
      <table className="w-full border-collapse text-[11px]">
        <thead>
          <tr className="text-slate-500">
            <th className="w-6 text-right font-normal">#</th>
            <th className="px-1 text-left font-normal">state</th>
            {intents.map((id, n) => (
              <th key={id} className="w-4 font-normal" title={id}>
                {n + 1}
              </th>
            ))}
            <th className="w-32 px-1 text-left font-normal">trouble</th>
          </tr>
        </thead>
        <tbody>
          {answer.states.map((s) => (
            <StateRow key={s.step} state={s} />
          ))}
        </tbody>
      </table>
      <ol className="text-[11px] text-slate-600" aria-label="Intents of the timeline">
        {intents.map((id, n) => (
          <li key={id}>
            {n + 1}. <span className="font-mono">{id}</span>
          </li>
        ))}
      </ol>
      <TroubleWindows answer={answer} />
    </div>
  )
}

/** One state's row: the step that made it, whether each intent holds, and its trouble. */
function StateRow({ state: s }: { state: Checked['states'][number] }) {
  const trouble = KINDS.filter((k) => s.affected[k] > 0)
  return (
    <tr
      data-testid={`plan-state-${s.step}`}
      data-trouble={trouble.join(' ') || undefined}
      className={`border-t border-slate-100 ${trouble.length ? TROUBLE_LOOK[trouble[0]] : ''}`}
    >
      <td className="text-right align-top text-slate-500">{s.step}</td>
      <td className="max-w-0 truncate px-1 align-top font-mono" title={s.applied ?? 'before the first step'}>
        {s.applied?.split(' ')[0] ?? 'start'}
      </td>
      {s.results.map((r) => (
        <td
          key={r.intent.id}
          className={`text-center align-top font-bold ${r.status === 'holds' ? 'text-emerald-700' : 'text-red-700'}`}
          title={`${r.intent.id}: ${r.status}`}
          data-intent={r.intent.id}
          data-status={r.status}
        >
          {r.status === 'holds' ? '✓' : '✗'}
        </td>
      ))}
      <td className="px-1 align-top">
        {trouble.map((k) => (
          <span key={k} className="mr-1 whitespace-nowrap">
            {k} {s.affected[k]}
          </span>
        ))}
      </td>
    </tr>
  )
}

/** The windows where traffic is black-holed, uninspected or asymmetric, and where an intent that holds at both ends does not. */
function TroubleWindows({ answer }: { answer: Checked }) {
  if (answer.windows.length === 0 && answer.intentWindows.length === 0) return null
  return (
    <>
      <h3 className="font-semibold text-slate-900">Windows</h3>
      <ul className="flex flex-col gap-1">
        {answer.windows.map((w) => (
          <li
            key={`${w.kind}-${w.from}`}
            data-testid="plan-window"
            data-kind={w.kind}
            data-from={w.from}
            data-to={w.to}
            className={`rounded px-1.5 py-1 ${TROUBLE_LOOK[w.kind]}`}
          >
            <p>
              <span className="font-semibold">{w.kind}</span> {spanText(w.from, w.to)}: up to{' '}
              {w.flows.toLocaleString('en-US')} flow class{w.flows === 1 ? '' : 'es'}
            </p>
            <p>for example {w.example.flowClass}</p>
            <p className="font-mono">{packetText(w.example.packet)}</p>
          </li>
        ))}
        {answer.intentWindows.map((w) => (
          <li
            key={`${w.intentId}-${w.from}`}
            data-testid="plan-intent-window"
            className="rounded bg-red-50 px-1.5 py-1 text-red-900"
          >
            Intent <span className="font-mono font-semibold">{w.intentId}</span> holds before and after the plan, not{' '}
            {spanText(w.from, w.to)}
          </li>
        ))}
      </ul>
    </>
  )
}
