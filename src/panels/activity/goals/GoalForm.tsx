// Adding a goal to the activity being authored: its kind, that kind's fields, a title and its points.
import { useState } from 'react'
import type { Goal } from '../../../activities'
import type { Design } from '../../../model'
import { BUTTON, FIELD } from '../styles'
import { IntentFields, ReachFields, UnchangedFields } from './GoalFields'
import { type GoalDraft, type GoalKind, goalCheckOf, initialDraft } from './goalDraft'

export function GoalForm({ design, onAdd }: { design: Design; onAdd(goal: Goal): void }) {
  const [draft, setDraft] = useState<GoalDraft>(() => initialDraft(design))
  const [title, setTitle] = useState('')
  const [points, setPoints] = useState(20)
  const [error, setError] = useState<string | null>(null)
  const change = (c: Partial<GoalDraft>) => setDraft((was) => ({ ...was, ...c }))

  const add = () => {
    setError(null)
    const made = goalCheckOf(draft)
    if (!made.ok) return setError(made.message)
    onAdd({ id: draft.kind, title: title.trim() || made.fallback, points, partial: false, check: made.check })
    setTitle('')
  }

  return (
    <fieldset className="flex flex-col gap-1.5 rounded border border-slate-200 p-2" data-testid="author-goal-form">
      <legend className="px-1 font-medium text-slate-700">Add a goal</legend>
      <label className="flex items-center gap-1">
        Check
        <select
          className={FIELD}
          value={draft.kind}
          onChange={(e) => change({ kind: e.target.value as GoalKind })}
          data-testid="author-goal-kind"
        >
          <option value="reach">a packet's path</option>
          <option value="lintClean">the linter finds no errors</option>
          <option value="unchanged">resources left alone</option>
          <option value="intent">an intent (JSON)</option>
        </select>
      </label>
      {draft.kind === 'reach' && (
        <ReachFields
          design={design}
          reach={draft.reach}
          onChange={(c) => setDraft((was) => ({ ...was, reach: { ...was.reach, ...c } }))}
        />
      )}
      {draft.kind === 'unchanged' && (
        <UnchangedFields design={design} kept={draft.kept} onChange={(kept) => change({ kept })} />
      )}
      {draft.kind === 'intent' && (
        <IntentFields text={draft.intentText} onChange={(intentText) => change({ intentText })} />
      )}
      <TitleAndPoints title={title} onTitle={setTitle} points={points} onPoints={setPoints} onAdd={add} />
      {error && (
        <p role="alert" className="text-red-900">
          {error}
        </p>
      )}
    </fieldset>
  )
}

/** What the student reads for the goal, what it is worth, and the button that adds it. */
function TitleAndPoints({
  title,
  onTitle,
  points,
  onPoints,
  onAdd,
}: {
  title: string
  onTitle: (title: string) => void
  points: number
  onPoints: (points: number) => void
  onAdd: () => void
}) {
  return (
    <>
      <input
        className={FIELD}
        placeholder="What the student reads (optional)"
        aria-label="Goal title"
        value={title}
        maxLength={200}
        onChange={(e) => onTitle(e.target.value)}
      />
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1">
          Points
          <input
            className={`${FIELD} w-16`}
            type="number"
            min={0}
            max={1000}
            value={points}
            onChange={(e) => onPoints(Math.max(0, Math.round(Number(e.target.value) || 0)))}
          />
        </label>
        <button type="button" className={BUTTON} onClick={onAdd} data-testid="author-goal-add">
          Add goal
        </button>
      </div>
    </>
  )
}
