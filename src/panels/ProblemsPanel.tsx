// The linter's problems in plain words: click one to select its resource, fix it in one click where a fix exists.
import { problemKey } from '../../worker/lint/problem'
import type { ReportedProblem } from '../../worker/report'
import { useReport, useStores, useUi } from '../store/context'

/** One problem: its code and message (click: select its resource), and its one-click fix where there is one. */
export function ProblemItem({ p }: { p: ReportedProblem }) {
  const readOnly = useUi((s) => s.readOnly)
  const { design, ui, engine } = useStores()
  const key = problemKey(p)
  return (
    <li
      data-testid={`problem-${p.code}`}
      className={`rounded border px-2 py-1 ${p.severity === 'error' ? 'border-red-200 bg-red-50 text-red-900' : 'border-amber-200 bg-amber-50 text-amber-900'}`}
    >
      <button type="button" className="text-left" onClick={() => ui.getState().setSelection(p.resourceIds.slice(0, 1))}>
        <span className="font-mono font-semibold">{p.code}</span> {p.message}
      </button>
      {p.fixLabel && !readOnly && (
        <button
          type="button"
          data-testid={`fix-${p.code}`}
          className="mt-1 block rounded bg-white px-1.5 py-0.5 font-medium text-blue-800 shadow-sm hover:bg-blue-50"
          onClick={async () => {
            const r = await engine.applyFix(design.getState().design, key)
            if (r.ok) design.getState().edit(`fix ${p.code}: ${r.label}`, () => r.design)
            else ui.getState().notify({ tone: 'error', lines: [r.message] })
          }}
        >
          Fix: {p.fixLabel}
        </button>
      )}
    </li>
  )
}

export function ProblemsPanel() {
  const report = useReport((s) => s.report)
  const hidden = useUi((s) => s.problemsHidden)
  if (!report?.loaded) return null
  if (hidden)
    return (
      <section aria-label="Problems" data-testid="problems-panel" className="border-b border-slate-200 p-3 text-xs">
        <h2 className="text-sm font-semibold text-slate-900">Problems</h2>
        <p className="text-slate-600" data-testid="problems-hidden">
          Hidden during this activity: finding the fault is the task. Check my work tells you which goals are met.
        </p>
      </section>
    )
  const errors = report.problems.filter((p) => p.severity === 'error').length
  return (
    <section aria-label="Problems" data-testid="problems-panel" className="border-b border-slate-200 p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-900">
        Problems{' '}
        <span className="font-normal text-slate-500" data-testid="problem-count">
          ({report.problems.length}
          {report.problems.length ? `: ${errors} error${errors === 1 ? '' : 's'}` : ''})
        </span>
      </h2>
      {report.problems.length === 0 ? (
        <p className="text-slate-500">None: the design follows every rule the linter checks.</p>
      ) : (
        <ul className="mt-1 space-y-1.5" data-testid="problems">
          {report.problems.map((p) => (
            <ProblemItem key={problemKey(p)} p={p} />
          ))}
        </ul>
      )}
    </section>
  )
}
