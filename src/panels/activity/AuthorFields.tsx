// The activity being authored, field by field: its title, task, pass mark, time limit and whether students see the
// linter's problems; the goals added so far; the hints and what each costs.
import { useState } from 'react'
import { useAuthoring } from '../../activities/useActivity'
import { BUTTON, FIELD } from './styles'

export function ActivitySettings() {
  const draft = useAuthoring((s) => s.draft)
  const update = useAuthoring((s) => s.update)
  return (
    <>
      <label className="flex flex-col gap-0.5">
        Title
        <input
          className={FIELD}
          value={draft.title}
          maxLength={120}
          data-testid="author-title"
          onChange={(e) => update({ title: e.target.value })}
        />
      </label>
      <label className="flex flex-col gap-0.5">
        Task
        <textarea
          className={`${FIELD} h-20`}
          value={draft.task}
          maxLength={4000}
          data-testid="author-task"
          onChange={(e) => update({ task: e.target.value })}
        />
      </label>
      <PassAndTime />
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={draft.hideProblems}
          onChange={(e) => update({ hideProblems: e.target.checked })}
          data-testid="author-hide-problems"
        />
        Hide the linter’s problems from students (it would name the fault)
      </label>
    </>
  )
}

/** The pass mark in percent, and the time limit in minutes (0: none). */
function PassAndTime() {
  const draft = useAuthoring((s) => s.draft)
  const update = useAuthoring((s) => s.update)
  return (
    <div className="flex gap-3">
      <label className="flex items-center gap-1">
        Passes at
        <input
          className={`${FIELD} w-14`}
          type="number"
          min={0}
          max={100}
          value={draft.passPercent}
          onChange={(e) => update({ passPercent: Math.min(100, Math.max(0, Math.round(Number(e.target.value)))) })}
        />
        %
      </label>
      <label className="flex items-center gap-1">
        Time limit
        <input
          className={`${FIELD} w-14`}
          type="number"
          min={0}
          max={600}
          value={draft.timeLimitMinutes ?? 0}
          onChange={(e) => {
            const m = Math.min(600, Math.max(0, Math.round(Number(e.target.value))))
            update({ timeLimitMinutes: m || null })
          }}
        />
        min
      </label>
    </div>
  )
}

export function GoalList() {
  const goals = useAuthoring((s) => s.draft.goals)
  const removeGoal = useAuthoring((s) => s.removeGoal)
  return (
    <ol className="flex flex-col gap-1" data-testid="author-goals">
      {goals.map((g) => (
        <li key={g.id} className="flex items-start gap-1 rounded border border-slate-200 px-2 py-1">
          <span className="min-w-0 flex-1">
            {g.title} <span className="text-slate-500">({g.points} points)</span>
          </span>
          <button type="button" className={BUTTON} onClick={() => removeGoal(g.id)} aria-label={`Remove ${g.title}`}>
            Remove
          </button>
        </li>
      ))}
    </ol>
  )
}

export function HintEditor() {
  const hints = useAuthoring((s) => s.draft.hints)
  const { addHint, removeHint } = useAuthoring((s) => s)
  const [hintText, setHintText] = useState('')
  const [hintCost, setHintCost] = useState(5)
  return (
    <div className="flex flex-col gap-1">
      {hints.map((h, i) => (
        <p key={h.text} className="flex items-start gap-1">
          <span className="min-w-0 flex-1">
            Hint {i + 1}: {h.text} (costs {h.cost})
          </span>
          <button type="button" className={BUTTON} onClick={() => removeHint(i)}>
            Remove
          </button>
        </p>
      ))}
      <div className="flex items-center gap-1">
        <input
          className={`${FIELD} min-w-0 flex-1`}
          placeholder="A hint"
          aria-label="Hint"
          value={hintText}
          maxLength={1000}
          onChange={(e) => setHintText(e.target.value)}
        />
        <input
          className={`${FIELD} w-12`}
          type="number"
          min={0}
          aria-label="Hint cost"
          value={hintCost}
          onChange={(e) => setHintCost(Math.max(0, Math.round(Number(e.target.value) || 0)))}
        />
        <button
          type="button"
          className={BUTTON}
          disabled={!hintText.trim()}
          onClick={() => {
            addHint({ text: hintText.trim(), cost: hintCost })
            setHintText('')
          }}
        >
          Add hint
        </button>
      </div>
    </div>
  )
}
