// "Plan": a change plan built, reordered and edited step by step (each step an API call in the cloud's words; the
// guide's setup and teardown load as plans), checked in the engine worker: a timeline of the states before the
// first step and after each, which intents hold in each, and the windows where traffic is black-holed,
// uninspected or asymmetric, with the flows affected; where a safe order of the same steps exists, it is offered.
import { useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { PlanAnswer } from '../../../worker/proof'
import { type PlanStep, planStepOf } from '../../model'
import { planOf } from '../../model/edits/plan'
import { apiCallPlan } from '../../share/apiCalls'
import { useDesign, useStores, useUi } from '../../store/context'
import { intentsFor } from '../verify/intentsStore'
import { BUTTON, FIELD, PRIMARY } from '../verify/look'
import { shown, useCheck } from '../verify/useCheck'
import { GuideOrders } from './GuideOrders'
import { guidePlanSteps, move, newStep, planDocument, reorder, STEP_API_NAMES, stepLine } from './planModel'
import {
  loadGuideOrder,
  type Plan,
  type PlanStart,
  replacePlan,
  setPlanStart,
  setPlanSteps,
  usePlan,
} from './planStore'
import { StepEditor } from './StepEditor'
import { Timeline } from './Timeline'

export function PlanPanel({ active }: { active: boolean }) {
  const stores = useStores()
  const design = useDesign((s) => s.design)
  const plan = usePlan()
  const readOnly = useUi((s) => s.readOnly)
  const intents = useStore(intentsFor(stores), (s) => s.text)
  const checked = useCheck(
    active,
    [design, plan.steps, plan.from, intents],
    plan.steps.length
      ? () =>
          stores.engine.planCheck(design, {
            plan: planDocument(plan.steps, plan.name),
            from: plan.from,
            intentsText: intents,
          })
      : null,
  )
  const answer = plan.steps.length ? shown(checked) : null
  const refusedStep = answer && !answer.ok && 'step' in answer ? answer.step : null
  const [editing, setEditing] = useState<number | null>(null)
  return (
    <section aria-label="Change plan" data-testid="plan-panel" className="flex flex-col gap-2 p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-900">Change plan{plan.name ? `: ${plan.name}` : ''}</h2>
      <p className="text-slate-600">
        Each step is an API call. Every state, before the first step and after each, is checked against the intents. The
        plan is kept with the design: saved, shared and undone with it.
      </p>
      {readOnly && <p className="text-slate-600">This design is read-only: make your copy to change its plan.</p>}
      <fieldset disabled={readOnly} className="flex min-w-0 flex-col gap-2">
        <PlanSources onLoaded={() => setEditing(null)} />
        <label htmlFor="plan-from" className="text-slate-700">
          Starts from
        </label>
        <select
          id="plan-from"
          className={FIELD}
          value={plan.from}
          onChange={(e) => setPlanStart(stores, e.target.value as PlanStart)}
        >
          <option value="design">the design on the canvas</option>
          <option value="prerequisites">
            its prerequisites (no endpoint services, GWLB endpoints or custom routes)
          </option>
        </select>
        <StepList plan={plan} refusedStep={refusedStep} editing={editing} onEditing={setEditing} />
      </fieldset>
      {plan.steps.length === 0 && (
        <p className="text-slate-500">Add a step, or start from the guide’s setup or teardown of this design.</p>
      )}
      {plan.steps.length > 0 && <PlanStatus checked={checked} answer={answer} />}
      {answer && (
        <PlanResult
          answer={answer}
          onOrder={(order) => setPlanSteps(stores, 'use the safe order of the plan', reorder(plan.steps, order))}
        />
      )}
      <GuideOrders active={active} />
    </section>
  )
}

/** The plan's steps, each with its buttons, and Add step: every change one undoable edit of the design. */
function StepList({
  plan,
  refusedStep,
  editing,
  onEditing,
}: {
  plan: Plan
  refusedStep: number | null
  editing: number | null
  onEditing: (i: number | null) => void
}) {
  const stores = useStores()
  const steps = plan.steps
  return (
    <>
      <ol className="flex flex-col gap-1" aria-label="Steps">
        {steps.map((step, i) => (
          <StepRow
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are known by their place in the plan
            key={i}
            index={i}
            step={step}
            count={steps.length}
            refused={refusedStep === i + 1}
            editing={editing === i}
            onEdit={() => onEditing(editing === i ? null : i)}
            onChange={(s) =>
              setPlanSteps(
                stores,
                `edit plan step ${i + 1}`,
                steps.map((x, k) => (k === i ? s : x)),
              )
            }
            onMove={(delta) => {
              setPlanSteps(stores, `move plan step ${i + 1} ${delta < 0 ? 'up' : 'down'}`, move(steps, i, delta))
              if (editing === i) onEditing(i + delta)
            }}
            onRemove={() => {
              setPlanSteps(
                stores,
                `remove plan step ${i + 1}`,
                steps.filter((_, k) => k !== i),
              )
              onEditing(null)
            }}
          />
        ))}
      </ol>
      <AddStep
        onAdd={(api) => {
          setPlanSteps(stores, `add plan step ${api}`, [...steps, newStep(api)])
          onEditing(steps.length)
        }}
      />
    </>
  )
}

/** Where a plan comes from: the guide's setup or teardown of this design, a plan file; and Clear. */
function PlanSources({ onLoaded }: { onLoaded: () => void }) {
  const stores = useStores()
  const design = useDesign((s) => s.design)
  const plan = usePlan()
  const [fileError, setFileError] = useState<string[] | null>(null)

  const loadGuide = (which: 'setup' | 'teardown') => {
    loadGuideOrder(stores, which, guidePlanSteps(apiCallPlan(design)[which]))
    onLoaded()
  }

  return (
    <>
      <div className="flex flex-wrap gap-1.5">
        <button type="button" className={BUTTON} onClick={() => loadGuide('setup')} data-testid="plan-guide-setup">
          The guide’s setup
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={() => loadGuide('teardown')}
          data-testid="plan-guide-teardown"
        >
          The guide’s teardown
        </button>
        <PlanFileButtons onError={setFileError} onLoaded={onLoaded} />
        {plan.steps.length > 0 && (
          <button
            type="button"
            className={BUTTON}
            onClick={() => {
              replacePlan(stores, 'clear the plan', 'Cleared the plan.', { steps: [], from: 'design' })
              onLoaded()
            }}
          >
            Clear
          </button>
        )}
      </div>
      {fileError && (
        <div role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900" data-testid="plan-file-error">
          <p className="font-semibold">The plan file was not opened; the plan is as it was.</p>
          <ul className="list-disc pl-4">
            {fileError.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}

/** How the check of every state went: running, failed, or how many states and flow classes were checked. */
function PlanStatus({
  checked,
  answer,
}: {
  checked: ReturnType<typeof useCheck<PlanAnswer>>
  answer: PlanAnswer | null
}) {
  return (
    <p role="status" className="text-slate-600" data-testid="plan-status" data-status={checked.status}>
      {checked.status === 'running'
        ? 'Checking every state…'
        : checked.status === 'failed'
          ? `The check failed: ${checked.message}`
          : answer?.ok
            ? `${answer.states.length} states × ${answer.classCount.toLocaleString('en-US')} flow classes checked`
            : ''}
    </p>
  )
}

function PlanResult({ answer, onOrder }: { answer: PlanAnswer; onOrder: (order: number[]) => void }) {
  if (!answer.ok) {
    if ('step' in answer)
      return (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900" data-testid="plan-refused">
          Step {answer.step} ({answer.api}) would be refused by the cloud at that point: {answer.refused}. Nothing after
          it was checked.
        </p>
      )
    const lines =
      'message' in answer
        ? [answer.message]
        : 'planErrors' in answer
          ? answer.planErrors
          : answer.intentErrors.map(
              (e) =>
                `${e.intentId ? `intent "${e.intentId}"` : 'the intents file'}${e.path ? ` at ${e.path}` : ''}: ${e.message}`,
            )
    return (
      <div role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900" data-testid="plan-errors">
        {lines.map((l) => (
          <p key={l}>{l}</p>
        ))}
      </div>
    )
  }
  const clean = !answer.windows.length && !answer.intentWindows.length
  return (
    <>
      <Timeline answer={answer} />
      {clean && (
        <p className="rounded bg-emerald-50 px-2 py-1 text-emerald-950" data-testid="plan-no-window">
          No window: every state is as good as the start and the end.
        </p>
      )}
      {answer.safeOrder && (
        <div className="rounded bg-sky-50 px-2 py-1 text-sky-950" data-testid="plan-safe-order">
          <p>
            A safe order of the same steps exists: <span className="font-semibold">{answer.safeOrder.join(', ')}</span>
          </p>
          <button type="button" className={`${PRIMARY} mt-1`} onClick={() => onOrder(answer.safeOrder as number[])}>
            Use this order
          </button>
        </div>
      )}
      {answer.safeOrder === null && (
        <p className="rounded bg-amber-50 px-2 py-1 text-amber-950" data-testid="plan-no-safe-order">
          No order of these steps avoids every window (the search tries up to 200 states).
        </p>
      )}
    </>
  )
}

function StepRow({
  index,
  step,
  count,
  refused,
  editing,
  onEdit,
  onChange,
  onMove,
  onRemove,
}: {
  index: number
  step: PlanStep
  count: number
  refused: boolean
  editing: boolean
  onEdit: () => void
  onChange: (s: PlanStep) => void
  onMove: (delta: number) => void
  onRemove: () => void
}) {
  return (
    <li
      data-testid={`plan-step-${index + 1}`}
      data-refused={refused || undefined}
      className={`rounded border p-1 ${refused ? 'border-red-400 bg-red-50' : 'border-slate-200'}`}
    >
      <div className="flex items-start gap-1">
        <span className="w-5 shrink-0 text-right font-semibold text-slate-500">{index + 1}.</span>
        <span className="min-w-0 flex-1 break-words font-mono text-[11px] text-slate-900">{stepLine(step)}</span>
        <button
          type="button"
          className="px-0.5 text-slate-600 disabled:opacity-30"
          aria-label={`Move step ${index + 1} up`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="px-0.5 text-slate-600 disabled:opacity-30"
          aria-label={`Move step ${index + 1} down`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="px-0.5 text-sky-800"
          aria-label={`Edit step ${index + 1}`}
          aria-pressed={editing}
          onClick={onEdit}
        >
          ✎
        </button>
        <button
          type="button"
          className="px-0.5 text-red-800"
          aria-label={`Remove step ${index + 1}`}
          onClick={onRemove}
        >
          ✕
        </button>
      </div>
      {editing && <StepEditor step={step} onChange={onChange} />}
    </li>
  )
}

function AddStep({ onAdd }: { onAdd: (api: string) => void }) {
  const [api, setApi] = useState(STEP_API_NAMES[0])
  return (
    <div className="flex items-center gap-1">
      <select className={FIELD} aria-label="API of the new step" value={api} onChange={(e) => setApi(e.target.value)}>
        {STEP_API_NAMES.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <button type="button" className={BUTTON} onClick={() => onAdd(api)} data-testid="plan-add-step">
        Add step
      </button>
    </div>
  )
}

/** Opens a plan file (checked by the worker before it replaces the plan) and saves the plan as one. */
function PlanFileButtons({ onError, onLoaded }: { onError: (lines: string[] | null) => void; onLoaded: () => void }) {
  const stores = useStores()
  const plan = usePlan()
  const input = useRef<HTMLInputElement>(null)
  const open = async (file: File) => {
    let data: unknown
    try {
      data = JSON.parse(await file.text())
    } catch (e) {
      return onError([`${file.name} is not JSON: ${(e as Error).message}`])
    }
    // the worker checks the format (the plan's zod schema lives there) before the file replaces the plan
    const r = await stores.engine.planParse(data)
    if (!r.ok) return onError(r.planErrors.map((e) => `${file.name}: ${e}`))
    const read = data as { name?: string; steps: PlanStep[] }
    // the design keeps a step's own fields; what else the file's steps hold (a product, a note) stays in the file
    replacePlan(stores, `open plan file ${file.name}`, `Opened the plan file ${file.name}.`, {
      name: read.name ?? file.name,
      steps: read.steps.map(planStepOf),
      from: planOf(stores.design.getState().design).from,
    })
    onError(null)
    onLoaded()
  }
  const save = () => {
    const blob = new Blob([`${JSON.stringify(planDocument(plan.steps, plan.name || undefined), null, 2)}\n`], {
      type: 'application/json',
    })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = 'plan.json'
    a.click()
    URL.revokeObjectURL(a.href)
  }
  return (
    <>
      <button type="button" className={BUTTON} onClick={() => input.current?.click()}>
        Open plan file…
      </button>
      {plan.steps.length > 0 && (
        <button type="button" className={BUTTON} onClick={save}>
          Save plan file
        </button>
      )}
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="hidden"
        aria-label="Plan file"
        onChange={(e) => {
          const f = e.target.files?.[0]
          e.target.value = ''
          if (f) void open(f)
        }}
      />
    </>
  )
}
