// The guide's setup and teardown orders for the design on the canvas, checked as plans while the Plan tab is
// shown: whether either leaves a window (and which), one click loads either into the plan to look closer.

import { useState } from 'react'
import type { PlanAnswer } from '../../../worker/proof'
import type { Design } from '../../model'
import { onlyPlanChanged } from '../../model/edits/plan'
import { apiCallPlan } from '../../share/apiCalls'
import { useDesign, useStores, useUi } from '../../store/context'
import { BUTTON } from '../verify/look'
import { shown, useCheck } from '../verify/useCheck'
import { guidePlanSteps, planDocument } from './planModel'
import { loadGuideOrder } from './planStore'
import { spanText } from './Timeline'

type Which = 'setup' | 'teardown'

export function GuideOrders({ active }: { active: boolean }) {
  const stores = useStores()
  const design = useDesignApartFromPlan()
  const readOnly = useUi((s) => s.readOnly)
  const checked = useCheck(active, [design], async () => {
    const calls = apiCallPlan(design)
    const ask = (which: Which) =>
      stores.engine.planCheck(design, {
        plan: planDocument(guidePlanSteps(calls[which])),
        from: which === 'setup' ? 'prerequisites' : 'design',
      })
    return { setup: await ask('setup'), teardown: await ask('teardown'), calls }
  })
  const answer = shown(checked)
  return (
    <div className="mt-2 flex flex-col gap-1 border-t border-slate-200 pt-2" data-testid="plan-guide-orders">
      <h3 className="font-semibold text-slate-900">The guide’s orders for this design</h3>
      {!answer && <p className="text-slate-600">Checking the guide’s setup and teardown…</p>}
      {answer &&
        (['setup', 'teardown'] as const).map((which) => (
          <div key={which} className="flex items-start gap-1.5" data-testid={`guide-${which}`}>
            <p className="flex-1 text-slate-700">
              <span className="font-semibold">{which === 'setup' ? 'Setup' : 'Teardown'}</span> (
              {guidePlanSteps(answer.calls[which]).length} steps): {verdict(answer[which])}
            </p>
            <button
              type="button"
              className={BUTTON}
              disabled={readOnly}
              onClick={() => loadGuideOrder(stores, which, guidePlanSteps(answer.calls[which]))}
            >
              Load
            </button>
          </div>
        ))}
    </div>
  )
}

/**
 * The design on the canvas, but the same object while only its plan changes: the guide's orders do not read the
 * plan, so editing it does not check them again.
 */
function useDesignApartFromPlan(): Design {
  const design = useDesign((s) => s.design)
  const [kept, setKept] = useState(design)
  if (kept !== design && !onlyPlanChanged(kept, design)) {
    setKept(design)
    return design
  }
  return kept
}

/** A guide order's result in a line. */
function verdict(a: PlanAnswer): string {
  if (!a.ok)
    return 'step' in a
      ? `step ${a.step} (${a.api}) would be refused: ${a.refused}`
      : 'message' in a
        ? a.message
        : 'it could not be checked'
  const windows = [
    ...a.windows.map((w) => `${w.kind} ${spanText(w.from, w.to)} (up to ${w.flows} flow classes)`),
    ...a.intentWindows.map((w) => `${w.intentId} fails ${spanText(w.from, w.to)}`),
  ]
  return windows.length ? `windows: ${windows.join('; ')}` : 'no window'
}
