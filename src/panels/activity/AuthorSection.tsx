// Authoring an activity from the design on the canvas: take it as the answer, break it on the canvas, write the
// task, add goals (packets that must behave, the linter clean, resources left alone, an intent) and hints, check
// that the answer passes and the broken design does not, and save the activity file.
import { useState } from 'react'
import { useStore } from 'zustand'
import type { Goal } from '../../activities'
import { prepareActivity } from '../../activities'
import { useAuthoring } from '../../activities/useActivity'
import type { Design } from '../../model'
import { useStores } from '../../store/context'
import { PackageButtons, type PackageSource } from '../lms/PackageButtons'
import { download } from '../share/download'
import { ActivityLink, type LinkSource } from './ActivityLink'

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40'
const PRIMARY = 'rounded bg-sky-700 px-2.5 py-1 text-xs font-semibold text-white hover:bg-sky-800 disabled:opacity-40'
const FIELD = 'rounded border border-slate-300 px-1.5 py-1 text-xs'

/** Who can send a traced packet, and the addresses a packet can go to, from the design. */
function endpointsOf(design: Design) {
  const sources: { id: string; label: string }[] = []
  const addresses: { value: string; label: string }[] = []
  for (const r of design.resources) {
    const name = r.name ?? r.id
    if (r.kind === 'internetHost') {
      sources.push({ id: r.id, label: name })
      addresses.push({ value: r.ipAddress, label: `${r.ipAddress} (${name})` })
    } else if (r.kind === 'ecs' || r.kind === 'appliance') {
      sources.push({ id: r.id, label: name })
      addresses.push({ value: r.privateIpAddress, label: `${r.privateIpAddress} (${name})` })
      if (r.kind === 'ecs' && r.publicIpAddress)
        addresses.push({ value: r.publicIpAddress, label: `${r.publicIpAddress} (${name}'s EIP)` })
    }
  }
  return { sources, addresses }
}

type Kind = Goal['check']['kind']

function GoalForm({ design, onAdd }: { design: Design; onAdd(goal: Goal): void }) {
  const { sources, addresses } = endpointsOf(design)
  const [kind, setKind] = useState<Kind>('reach')
  const [title, setTitle] = useState('')
  const [points, setPoints] = useState(20)
  const [source, setSource] = useState(sources[0]?.id ?? '')
  const [destination, setDestination] = useState(addresses[0]?.value ?? '')
  const [protocol, setProtocol] = useState<'tcp' | 'udp' | 'icmp'>('tcp')
  const [port, setPort] = useState(443)
  const [outcome, setOutcome] = useState<'delivered' | 'dropped'>('delivered')
  const [inspected, setInspected] = useState(true)
  const [symmetric, setSymmetric] = useState(true)
  const [kept, setKept] = useState<string[]>([])
  const [intentText, setIntentText] = useState('')
  const [error, setError] = useState<string | null>(null)

  const add = () => {
    setError(null)
    let check: Goal['check']
    if (kind === 'reach')
      check = {
        kind,
        packets: [{ source, destination, protocol, ...(protocol === 'icmp' ? {} : { destinationPort: port }) }],
        expect: {
          outcome,
          ...(outcome === 'delivered' && inspected ? { inspected: true as const } : {}),
          ...(outcome === 'delivered' && symmetric ? { symmetric: true as const } : {}),
        },
      }
    else if (kind === 'lintClean') check = { kind, severity: 'error' }
    else if (kind === 'unchanged') {
      if (kept.length === 0) return setError('Tick the resources the student must leave alone.')
      check = { kind, resources: kept }
    } else {
      try {
        check = { kind, intent: JSON.parse(intentText) as Record<string, unknown> }
      } catch (e) {
        return setError(`The intent is not JSON: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    const fallback = {
      reach: `${source} → ${destination}: ${outcome}${outcome === 'delivered' && inspected ? ', inspected' : ''}`,
      lintClean: 'The linter finds no errors',
      unchanged: `Leave ${kept.join(', ')} as they are`,
      intent: 'The intent holds',
    }[kind]
    onAdd({ id: kind, title: title.trim() || fallback, points, partial: false, check })
    setTitle('')
  }

  return (
    <fieldset className="flex flex-col gap-1.5 rounded border border-slate-200 p-2" data-testid="author-goal-form">
      <legend className="px-1 font-medium text-slate-700">Add a goal</legend>
      <label className="flex items-center gap-1">
        Check
        <select
          className={FIELD}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          data-testid="author-goal-kind"
        >
          <option value="reach">a packet's path</option>
          <option value="lintClean">the linter finds no errors</option>
          <option value="unchanged">resources left alone</option>
          <option value="intent">an intent (JSON)</option>
        </select>
      </label>
      {kind === 'reach' && (
        <>
          <label className="flex items-center gap-1">
            From
            <select className={FIELD} value={source} onChange={(e) => setSource(e.target.value)}>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            To
            <select
              className={FIELD}
              value={destination}
              onChange={(e) => setDestination(e.target.value)}
              data-testid="author-goal-to"
            >
              {addresses.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <div className="flex items-center gap-1">
            <select
              className={FIELD}
              value={protocol}
              aria-label="Protocol"
              onChange={(e) => setProtocol(e.target.value as 'tcp' | 'udp' | 'icmp')}
            >
              <option value="tcp">TCP</option>
              <option value="udp">UDP</option>
              <option value="icmp">ICMP</option>
            </select>
            {protocol !== 'icmp' && (
              <input
                className={`${FIELD} w-20`}
                type="number"
                min={1}
                max={65535}
                aria-label="Destination port"
                value={port}
                onChange={(e) => setPort(Number(e.target.value))}
              />
            )}
            <select
              className={FIELD}
              value={outcome}
              aria-label="Outcome"
              onChange={(e) => setOutcome(e.target.value as 'delivered' | 'dropped')}
            >
              <option value="delivered">is delivered</option>
              <option value="dropped">is dropped</option>
            </select>
          </div>
          {outcome === 'delivered' && (
            <div className="flex gap-3">
              <label className="flex items-center gap-1">
                <input type="checkbox" checked={inspected} onChange={(e) => setInspected(e.target.checked)} />
                through an appliance
              </label>
              <label className="flex items-center gap-1">
                <input type="checkbox" checked={symmetric} onChange={(e) => setSymmetric(e.target.checked)} />
                answer through the same one
              </label>
            </div>
          )}
        </>
      )}
      {kind === 'unchanged' && (
        <div className="flex max-h-32 flex-col overflow-y-auto rounded border border-slate-200 p-1">
          {design.resources.map((r) => (
            <label key={r.id} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={kept.includes(r.id)}
                onChange={(e) => setKept(e.target.checked ? [...kept, r.id] : kept.filter((k) => k !== r.id))}
              />
              {r.name ?? r.id} <span className="text-slate-500">({r.id})</span>
            </label>
          ))}
        </div>
      )}
      {kind === 'intent' && (
        <textarea
          className={`${FIELD} h-20 font-mono`}
          aria-label="Intent"
          placeholder='{"id": "web-inspected", "from": "internet", "to": "servers", "expect": {"inspected": true}}'
          value={intentText}
          onChange={(e) => setIntentText(e.target.value)}
        />
      )}
      <input
        className={FIELD}
        placeholder="What the student reads (optional)"
        aria-label="Goal title"
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
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
            onChange={(e) => setPoints(Math.max(0, Math.round(Number(e.target.value) || 0)))}
          />
        </label>
        <button type="button" className={BUTTON} onClick={add} data-testid="author-goal-add">
          Add goal
        </button>
      </div>
      {error && (
        <p role="alert" className="text-red-900">
          {error}
        </p>
      )}
    </fieldset>
  )
}

export function AuthorSection() {
  const stores = useStores()
  const design = useStore(stores.design, (s) => s.design)
  const answer = useAuthoring((s) => s.answer)
  const draft = useAuthoring((s) => s.draft)
  const check = useAuthoring((s) => s.check)
  const { start, update, addGoal, removeGoal, addHint, removeHint, runCheck, activityJson, stop } = useAuthoring(
    (s) => s,
  )
  const [hintText, setHintText] = useState('')
  const [hintCost, setHintCost] = useState(5)
  const [saveError, setSaveError] = useState<string | null>(null)

  if (!answer)
    return (
      <div className="mt-2 flex flex-col gap-1 border-t border-slate-200 pt-2">
        <h3 className="font-semibold text-slate-900">Author an activity</h3>
        <p className="text-slate-600">
          Start from the design on the canvas as it should be. Then break it on the canvas, write the task and the
          goals, and save the activity for your students.
        </p>
        <button type="button" className={`${PRIMARY} self-start`} onClick={start} data-testid="author-start">
          Take this design as the answer
        </button>
      </div>
    )

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
    <section aria-label="Author an activity" data-testid="author" className="mt-2 flex flex-col gap-2 border-t pt-2">
      <h3 className="font-semibold text-slate-900">Author an activity</h3>
      <p className="rounded bg-sky-50 px-2 py-1 text-sky-950">
        The answer is kept. Now break the design on the canvas — delete a route, disconnect an endpoint, stop an
        appliance: what the canvas shows when you save is what students start from.
      </p>
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
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={draft.hideProblems}
          onChange={(e) => update({ hideProblems: e.target.checked })}
          data-testid="author-hide-problems"
        />
        Hide the linter’s problems from students (it would name the fault)
      </label>
      <ol className="flex flex-col gap-1" data-testid="author-goals">
        {draft.goals.map((g) => (
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
      <GoalForm design={answer} onAdd={addGoal} />
      <div className="flex flex-col gap-1">
        {draft.hints.map((h, i) => (
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
      {check.status === 'done' && (
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
      )}
      {(check.status === 'failed' || saveError) && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
          {saveError ?? (check.status === 'failed' ? check.message : '')}
        </p>
      )}
      <p className="text-slate-500">Design on the canvas: {design.name}</p>
    </section>
  )
}
