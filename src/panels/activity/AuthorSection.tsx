// Authoring an activity from the design on the canvas: take it as the answer, break it on the canvas, write the
// task, add goals (packets that must behave, the linter clean, resources left alone, an intent) and hints, check
// that the answer passes and the broken design does not, and save the activity file.
import { useState } from 'react'
import { useStore } from 'zustand'
import { prepareActivity } from '../../activities'
import { useAuthoring } from '../../activities/useActivity'
import { useStores } from '../../store/context'
import { PackageButtons, type PackageSource } from '../lms/PackageButtons'
import { download } from '../share/download'
import { ActivityLink, type LinkSource } from './ActivityLink'
import { ActivitySettings, GoalList, HintEditor } from './AuthorFields'
import { GoalForm } from './goals/GoalForm'
import { BUTTON, PRIMARY } from './styles'

export function AuthorSection() {
  const stores = useStores()
  const design = useStore(stores.design, (s) => s.design)
  const answer = useAuthoring((s) => s.answer)
  const addGoal = useAuthoring((s) => s.addGoal)

  if (!answer) return <AuthorStart />
  return (
    <section aria-label="Author an activity" data-testid="author" className="mt-2 flex flex-col gap-2 border-t pt-2">
      <h3 className="font-semibold text-slate-900">Author an activity</h3>
      <p className="rounded bg-sky-50 px-2 py-1 text-sky-950">
        The answer is kept. Now break the design on the canvas — delete a route, disconnect an endpoint, stop an
        appliance: what the canvas shows when you save is what students start from.
      </p>
      <ActivitySettings />
      <GoalList />
      <GoalForm design={answer} onAdd={addGoal} />
      <HintEditor />
      <AuthorActions />
      <p className="text-slate-500">Design on the canvas: {design.name}</p>
    </section>
  )
}

/** Before authoring: what it is, and the button that takes the canvas's design as the answer. */
function AuthorStart() {
  const start = useAuthoring((s) => s.start)
  return (
    <div className="mt-2 flex flex-col gap-1 border-t border-slate-200 pt-2">
      <h3 className="font-semibold text-slate-900">Author an activity</h3>
      <p className="text-slate-600">
        Start from the design on the canvas as it should be. Then break it on the canvas, write the task and the goals,
        and save the activity for your students.
      </p>
      <button type="button" className={`${PRIMARY} self-start`} onClick={start} data-testid="author-start">
        Take this design as the answer
      </button>
    </div>
  )
}

/** Check the activity, save it, share it as a link or a package, stop; and what the check found. */
function AuthorActions() {
  const draft = useAuthoring((s) => s.draft)
  const check = useAuthoring((s) => s.check)
  const { runCheck, activityJson, stop } = useAuthoring((s) => s)
  const [saveError, setSaveError] = useState<string | null>(null)

  const packageSource = (): PackageSource => {
    const r = activityJson()
    if (!r.ok) return r
    const raw: unknown = JSON.parse(r.text)
    const opened = prepareActivity(raw, 'author')
    return opened.ok ? { ok: true, content: { kind: 'activity', activity: opened.prepared.activity, raw } } : opened
  }
  const linkSource = (): LinkSource => {
    const r = activityJson()
    return r.ok ? { ok: true, raw: JSON.parse(r.text) } : r
  }
  const save = () => {
    setSaveError(null)
    const r = activityJson()
    if (!r.ok) return setSaveError(r.message)
    download(`${r.id}.activity.json`, 'application/json', r.text)
  }

  return (
    <>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={BUTTON}
          onClick={() => void runCheck()}
          disabled={check.status === 'checking' || draft.goals.length === 0}
          data-testid="author-check"
        >
          Check the activity
        </button>
        <button type="button" className={PRIMARY} onClick={save} data-testid="author-save">
          Save activity file
        </button>
        <button type="button" className={BUTTON} onClick={stop}>
          Stop authoring
        </button>
      </div>
      <ActivityLink source={linkSource} />
      <PackageButtons source={packageSource} />
      <CheckResult />
      {(check.status === 'failed' || saveError) && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
          {saveError ?? (check.status === 'failed' ? check.message : '')}
        </p>
      )}
    </>
  )
}

/** The answer should meet every goal, and the design students start from should not pass. */
function CheckResult() {
  const check = useAuthoring((s) => s.check)
  if (check.status !== 'done') return null
  return (
    <div data-testid="author-check-result" className="flex flex-col gap-0.5">
      <p className={check.answer.percent === 100 ? 'text-emerald-900' : 'text-red-900'}>
        The answer scores {check.answer.score} / {check.answer.maxScore}
        {check.answer.percent === 100 ? ': every goal met.' : ': it should meet every goal.'}
      </p>
      <p className={check.handout.passed ? 'text-red-900' : 'text-emerald-900'}>
        The design students start from scores {check.handout.score} / {check.handout.maxScore}
        {check.handout.passed
          ? ': it passes already — break something a goal checks.'
          : ': not passed, as it should be.'}
      </p>
    </div>
  )
}
