// The lessons tab: the list of lessons, then the open lesson's steps with previous/next, presenter mode, leaving
// (which puts the user's own design back) and the lesson as a package for an LMS.
import { useEffect } from 'react'
import { LESSONS, loadLessons } from '../../lessons'
import { PackageButtons } from '../lms/PackageButtons'
import { typingIn } from '../walk/TracePlayer'
import { StepView } from './StepView'
import { useLessons } from './useLessons'

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40'
const PRIMARY = 'rounded bg-sky-700 px-2.5 py-1 text-xs font-semibold text-white hover:bg-sky-800 disabled:opacity-40'
const BROKEN = loadLessons().flatMap((l) => (l.ok ? [] : [l]))

export function LessonPanel({ active }: { active: boolean }) {
  const lesson = useLessons((s) => s.lesson)
  const status = useLessons((s) => s.status)
  const message = useLessons((s) => s.message)
  const open = useLessons((s) => s.open)
  useLessonKeys(active)

  if (!lesson)
    return (
      <section aria-label="Lessons" data-testid="lesson-panel" className="flex flex-col gap-2 p-3 text-xs">
        <h2 className="text-sm font-semibold text-slate-900">Lessons</h2>
        <p className="text-slate-600">
          Guided walks through the reference designs. Your own design is put aside while a lesson runs and comes back
          when you leave it.
        </p>
        {status === 'loading' && <p className="text-slate-600">Opening the lesson…</p>}
        {message && (
          <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
            {message}
          </p>
        )}
        <ol className="flex flex-col gap-2">
          {LESSONS.map((l) => (
            <li key={l.id} className="rounded border border-slate-200 p-2">
              <div className="flex items-start gap-2">
                <div className="min-w-0 flex-1">
                  <p className="font-semibold text-slate-900">
                    {l.number}. {l.title}
                  </p>
                  <p className="text-slate-600">{l.summary}</p>
                </div>
                <button
                  type="button"
                  className={PRIMARY}
                  onClick={() => void open(l.id)}
                  data-testid={`lesson-start-${l.id}`}
                  disabled={status === 'loading'}
                >
                  Start
                </button>
              </div>
            </li>
          ))}
        </ol>
        {BROKEN.map((b) => (
          <p key={b.file} className="text-red-800">
            {b.file} does not load: {b.message}
          </p>
        ))}
      </section>
    )
  return <OpenLesson />
}

function OpenLesson() {
  const lesson = useLessons((s) => s.lesson)
  const stepIndex = useLessons((s) => s.stepIndex)
  const { go, next, prev, close, present } = useLessons((s) => s)
  if (!lesson) return null
  const step = lesson.steps[stepIndex]
  const last = lesson.steps.length - 1
  return (
    <section aria-label="Lesson" data-testid="lesson-panel" data-step={stepIndex} className="flex flex-col gap-3 p-3">
      <h2 className="text-sm font-semibold text-slate-900" data-testid="lesson-title">
        Lesson {lesson.number}: {lesson.title}
      </h2>
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={BUTTON}
          onClick={() => void enterPresenter(present)}
          data-testid="lesson-present"
          title="Full-screen canvas and large text for a class"
        >
          Present
        </button>
        <span className="flex-1" />
        <button type="button" className={BUTTON} onClick={close} data-testid="lesson-leave">
          Leave
        </button>
      </div>
      <Stepper count={lesson.steps.length} index={stepIndex} go={go} />
      <StepView step={step} />
      <div className="flex items-center gap-2 border-t border-slate-200 pt-2">
        <button type="button" className={BUTTON} onClick={prev} disabled={stepIndex === 0} data-testid="lesson-prev">
          ◀ Previous
        </button>
        <span className="flex-1 text-center text-xs text-slate-600" data-testid="lesson-position">
          step {stepIndex + 1} of {lesson.steps.length}
        </span>
        {stepIndex < last ? (
          <button type="button" className={PRIMARY} onClick={next} data-testid="lesson-next">
            Next ▶
          </button>
        ) : (
          <button type="button" className={PRIMARY} onClick={close} data-testid="lesson-finish">
            Finish
          </button>
        )}
      </div>
      <div className="border-t border-slate-200 pt-2 text-xs" data-testid="lesson-package">
        <PackageButtons source={() => ({ ok: true, content: { kind: 'lesson', lesson } })} />
      </div>
    </section>
  )
}

export function Stepper({
  count,
  index,
  go,
  large = false,
}: {
  count: number
  index: number
  go(i: number): void
  large?: boolean
}) {
  return (
    <fieldset className="flex min-w-0 gap-1" aria-label="Steps">
      {Array.from({ length: count }, (_, i) => (
        <button
          // biome-ignore lint/suspicious/noArrayIndexKey: the buttons are the step numbers: the index is the identity
          key={i}
          type="button"
          aria-label={`Step ${i + 1}`}
          aria-current={i === index ? 'step' : undefined}
          onClick={() => go(i)}
          className={`${large ? 'h-3' : 'h-2'} flex-1 rounded-full ${i === index ? 'bg-sky-600' : i < index ? 'bg-sky-300' : 'bg-slate-200'}`}
        />
      ))}
    </fieldset>
  )
}

/** Presenter mode asks the browser for full screen; where that is refused the page still drops its chrome. */
export async function enterPresenter(present: (on: boolean) => void) {
  present(true)
  try {
    await document.documentElement.requestFullscreen?.()
  } catch {
    // refused (an iframe without allowfullscreen, a headless browser): presenter mode works in the window
  }
}

/** Next/previous with the arrow keys and Page Up/Down (what presentation clickers send). */
export function useLessonKeys(active: boolean) {
  const { next, prev } = useLessons((s) => s)
  const lessonOpen = useLessons((s) => s.lesson !== null)
  const presenting = useLessons((s) => s.presenting)
  useEffect(() => {
    if (!lessonOpen || !(active || presenting)) return
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e)) return
      if (e.key === 'ArrowRight' || e.key === 'PageDown') next()
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') prev()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [active, presenting, lessonOpen, next, prev])
}
