// The activity tab: the sample activities and opening a file; then the open activity — task, time left, hints,
// Check my work and what each goal found; and authoring one from the design on the canvas.
import { useEffect, useState } from 'react'
import { ACTIVITY_FILES, type Activity, type Grade } from '../../activities'
import { localLearnerKey, useActivity } from '../../activities/useActivity'
import { PackageButtons } from '../lms/PackageButtons'
import { ActivityLink } from './ActivityLink'
import { AuthorSection } from './AuthorSection'
import { BUTTON, PRIMARY } from './styles'

/** title and task of a sample, read without opening it */
function sampleInfo(raw: unknown): { id: string; title: string; task: string } {
  const a = raw as { id?: unknown; title?: unknown; task?: unknown }
  return { id: String(a.id ?? ''), title: String(a.title ?? ''), task: String(a.task ?? '') }
}

export function ActivityPanel() {
  const prepared = useActivity((s) => s.prepared)
  return prepared ? <OpenActivity /> : <ActivityList />
}

function ActivityList() {
  const open = useActivity((s) => s.open)
  const message = useActivity((s) => s.message)
  const [fileError, setFileError] = useState<string | null>(null)
  const start = (raw: unknown) => void open(raw, localLearnerKey())
  return (
    <section aria-label="Activities" data-testid="activity-panel" className="flex flex-col gap-2 p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-900">Activities</h2>
      <p className="text-slate-600">
        A design with something broken and a task. Fix it on the canvas, then press Check my work: each goal is checked
        on what your design does. Your current design is saved first; Undo brings it back.
      </p>
      {(message || fileError) && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
          {fileError ?? message}
        </p>
      )}
      <ol className="flex flex-col gap-2">
        {Object.entries(ACTIVITY_FILES).map(([file, raw]) => {
          const info = sampleInfo(raw)
          return (
            <li key={file} className="rounded border border-slate-200 p-2">
              <div className="flex items-start gap-2">
                <div className="min-w-0 flex-1">
                  <p className="font-semibold text-slate-900">{info.title}</p>
                  <p className="line-clamp-3 text-slate-600">{info.task}</p>
                </div>
                <button
                  type="button"
                  className={PRIMARY}
                  data-testid={`activity-start-${info.id}`}
                  onClick={() => start(raw)}
                >
                  Start
                </button>
              </div>
            </li>
          )
        })}
      </ol>
      <label className="flex flex-col gap-1">
        <span className="font-medium text-slate-700">Open an activity file</span>
        <input
          type="file"
          accept=".json,application/json"
          data-testid="activity-file"
          onChange={async (e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (!file) return
            setFileError(null)
            try {
              start(JSON.parse(await file.text()))
            } catch (err) {
              setFileError(`${file.name} is not JSON: ${err instanceof Error ? err.message : String(err)}`)
            }
          }}
        />
      </label>
      <AuthorSection />
    </section>
  )
}

function clock(ms: number): string {
  const s = Math.ceil(ms / 1000)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Time left, ticking once a second; when it runs out, the runner's final check. */
function TimeLeft() {
  const remainingMs = useActivity((s) => s.remainingMs)
  const endTime = useActivity((s) => s.endTime)
  const timeUp = useActivity((s) => s.timeUp)
  const [left, setLeft] = useState(() => remainingMs())
  useEffect(() => {
    if (timeUp) return
    const tick = setInterval(() => {
      const ms = remainingMs()
      setLeft(ms)
      if (ms === 0) void endTime()
    }, 1000)
    return () => clearInterval(tick)
  }, [remainingMs, endTime, timeUp])
  if (left === null) return null
  return (
    <p data-testid="activity-time" className={left < 60_000 ? 'font-semibold text-red-800' : 'text-slate-600'}>
      {timeUp ? 'Time is up: your last check is your score.' : `Time left ${clock(left)}`}
    </p>
  )
}

function GradeView({ grade }: { grade: Grade }) {
  return (
    <div
      data-testid="activity-grade"
      data-score={grade.score}
      data-passed={grade.passed}
      className="flex flex-col gap-2"
    >
      <p
        className={`rounded px-2 py-1 font-semibold ${grade.passed ? 'bg-emerald-50 text-emerald-900' : 'bg-amber-50 text-amber-900'}`}
      >
        Score {grade.score} / {grade.maxScore} ({grade.percent} %){grade.passed ? ': passed' : ': not passed yet'}
        {grade.hintCost > 0 && ` — hints cost ${grade.hintCost}`}
      </p>
      <ul className="flex flex-col gap-1.5">
        {grade.goals.map((g) => (
          <li key={g.goalId} data-testid={`activity-goal-${g.goalId}`} data-met={g.met}>
            <p className={g.met ? 'text-emerald-900' : 'text-red-900'}>
              <span aria-hidden>{g.met ? '✓ ' : '✗ '}</span>
              <span className="sr-only">{g.met ? 'met: ' : 'missed: '}</span>
              {g.title}{' '}
              <span className="text-slate-500">
                ({g.earned} / {g.points})
              </span>
            </p>
            <ul className="ml-4 list-disc text-slate-600">
              {g.findings.map((f) => (
                <li key={f} className="break-words">
                  {f}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  )
}

function OpenActivity() {
  const prepared = useActivity((s) => s.prepared)
  const check = useActivity((s) => s.check)
  const last = useActivity((s) => s.last)
  const timeUp = useActivity((s) => s.timeUp)
  const { checkWork, close } = useActivity((s) => s)
  if (!prepared) return null
  const { activity } = prepared
  return (
    <section aria-label="Activity" data-testid="activity-panel" className="flex flex-col gap-3 p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-900" data-testid="activity-title">
        {activity.title}
      </h2>
      <TimeLeft />
      <p className="whitespace-pre-wrap text-slate-800" data-testid="activity-task">
        {activity.task}
      </p>
      {!last && <GoalsToMeet goals={activity.goals} />}
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={PRIMARY}
          data-testid="activity-check"
          disabled={check.status === 'checking' || timeUp}
          onClick={() => void checkWork()}
        >
          {check.status === 'checking' ? 'Checking…' : 'Check my work'}
        </button>
        <button type="button" className={BUTTON} onClick={close} data-testid="activity-leave">
          Leave
        </button>
      </div>
      {check.status === 'failed' && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
          The check could not run: {check.message}
        </p>
      )}
      {last && <GradeView grade={last} />}
      {activity.hints.length > 0 && <Hints hints={activity.hints} />}
      <ShareActivity activity={activity} />
    </section>
  )
}

/** Before the first check: the goals and what each is worth. */
function GoalsToMeet({ goals }: { goals: Activity['goals'] }) {
  return (
    <div>
      <p className="font-medium text-slate-700">Goals</p>
      <ul className="ml-4 list-disc text-slate-700">
        {goals.map((g) => (
          <li key={g.id}>
            {g.title} ({g.points} points)
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Each hint, shown once asked for, at its cost. */
function Hints({ hints }: { hints: Activity['hints'] }) {
  const hintsShown = useActivity((s) => s.hintsShown)
  const showHint = useActivity((s) => s.showHint)
  return (
    <div className="flex flex-col gap-1">
      <p className="font-medium text-slate-700">Hints</p>
      {hints.map((h, i) =>
        hintsShown.includes(i) ? (
          <p key={h.text} className="rounded bg-sky-50 px-2 py-1 text-sky-950" data-testid={`activity-hint-${i}`}>
            {h.text}
          </p>
        ) : (
          <button
            key={h.text}
            type="button"
            className={`${BUTTON} self-start`}
            data-testid={`activity-show-hint-${i}`}
            onClick={() => showHint(i)}
          >
            Show hint {i + 1}
            {h.cost > 0 ? ` (costs ${h.cost} points)` : ''}
          </button>
        ),
      )}
    </div>
  )
}

/** Opened from a course: the score goes there. Otherwise: a link or a package to pass the activity on. */
function ShareActivity({ activity }: { activity: Activity }) {
  const lms = useActivity((s) => s.lms)
  const raw = useActivity((s) => s.raw)
  if (lms)
    return (
      <p className="text-slate-500" data-testid="activity-lms">
        Your score goes to your course ({lms.kind === 'scorm12' ? 'SCORM 1.2' : 'cmi5'}) after each check.
      </p>
    )
  return (
    <>
      <ActivityLink source={() => ({ ok: true, raw })} />
      <PackageButtons source={() => ({ ok: true, content: { kind: 'activity', activity, raw } })} />
    </>
  )
}
