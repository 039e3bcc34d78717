// The presenter's narration column: the step in large type, with its own stepper and keys (Presenter.tsx
// shows it while presenter mode is on).
import { useEffect } from 'react'
import { Stepper, useLessonKeys } from './LessonPanel'
import { StepView } from './StepView'
import { useLessons } from './useLessons'

const BUTTON =
  'rounded-md border border-slate-400 bg-white px-4 py-2 text-lg font-medium hover:bg-slate-50 disabled:opacity-40'

export function PresenterBar() {
  const lesson = useLessons((s) => s.lesson)
  const stepIndex = useLessons((s) => s.stepIndex)
  const { go, next, prev, present } = useLessons((s) => s)
  useLessonKeys(true)
  useEffect(() => {
    const leave = () => {
      present(false)
      if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {})
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') leave()
    }
    // Escape in full screen is taken by the browser, which leaves full screen: leave presenter mode with it
    const onFullscreen = () => {
      if (!document.fullscreenElement) present(false)
    }
    window.addEventListener('keydown', onKey)
    document.addEventListener('fullscreenchange', onFullscreen)
    return () => {
      window.removeEventListener('keydown', onKey)
      document.removeEventListener('fullscreenchange', onFullscreen)
    }
  }, [present])
  if (!lesson) return null
  const step = lesson.steps[stepIndex]
  return (
    <section
      aria-label="Presenter"
      data-testid="presenter"
      className="flex w-[40%] min-w-[28rem] shrink-0 flex-col overflow-y-auto border-l-4 border-sky-600 bg-white px-8 py-6"
    >
      <p className="mb-3 text-lg font-semibold text-sky-900">
        Lesson {lesson.number}: {lesson.title} · step {stepIndex + 1} of {lesson.steps.length}
      </p>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <button type="button" className={BUTTON} onClick={prev} disabled={stepIndex === 0} data-testid="presenter-prev">
          ◀ Previous
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={next}
          disabled={stepIndex === lesson.steps.length - 1}
          data-testid="presenter-next"
        >
          Next ▶
        </button>
        <button
          type="button"
          className="ml-auto text-base text-slate-600 underline"
          onClick={() => {
            present(false)
            if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {})
          }}
          data-testid="presenter-leave"
        >
          Leave presenter mode (Esc)
        </button>
      </div>
      <Stepper count={lesson.steps.length} index={stepIndex} go={go} large />
      <div className="mt-6">
        <StepView step={step} large />
      </div>
    </section>
  )
}
