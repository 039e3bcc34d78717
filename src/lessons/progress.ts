// How far a learner got through a lesson, for an LMS: which steps they saw and how they answered each quiz. A
// lesson is completed once every step was seen and every quiz answered; its score is the share of quizzes
// answered right the first time (a learner who goes back to a quiz cannot answer it again for points).
import type { RoundTrip } from '../../worker/engine/types'
import { type LessonRunner, quizVerdict } from './runner'
import type { Lesson } from './schema'

export interface LessonProgress {
  completed: boolean
  /** 0–100; null when the lesson asks no quiz */
  scorePercent: number | null
}

export interface LessonTally {
  seen: ReadonlySet<number>
  /** step index → the first answer's verdict */
  quizzes: ReadonlyMap<number, 'right' | 'wrong'>
}

export function lessonProgress(lesson: Lesson, tally: LessonTally): LessonProgress {
  const quizSteps = lesson.steps.flatMap((s, i) => (s.action?.kind === 'quiz' ? [i] : []))
  const allSeen = lesson.steps.every((_, i) => tally.seen.has(i))
  const allAnswered = quizSteps.every((i) => tally.quizzes.has(i))
  const right = quizSteps.filter((i) => tally.quizzes.get(i) === 'right').length
  return {
    completed: allSeen && allAnswered,
    scorePercent: quizSteps.length ? (100 * right) / quizSteps.length : null,
  }
}

/** Where a quiz's packet really ends: the last hop of the leg it asks about. */
function quizEnd(roundTrip: RoundTrip, leg: 'request' | 'reply'): string | null {
  const t = leg === 'reply' ? roundTrip.reply : roundTrip.request
  return t?.hops.at(-1)?.resourceId ?? null
}

/**
 * Follows the runner while `lesson` is open and calls `onProgress` whenever the progress changes (a step seen for
 * the first time, a quiz answered). Returns the unsubscribe.
 */
export function trackLessonProgress(
  runner: LessonRunner,
  lesson: Lesson,
  onProgress: (progress: LessonProgress) => void,
): () => void {
  const seen = new Set<number>()
  const quizzes = new Map<number, 'right' | 'wrong'>()
  const update = () => {
    const s = runner.getState()
    if (s.lesson !== lesson || s.status !== 'ready') return
    let changed = false
    if (!seen.has(s.stepIndex)) {
      seen.add(s.stepIndex)
      changed = true
    }
    const action = lesson.steps[s.stepIndex]?.action
    if (action?.kind === 'quiz' && !quizzes.has(s.stepIndex) && s.answer !== null && s.trace?.status === 'ok') {
      const verdict = quizVerdict(s.answer, quizEnd(s.trace.roundTrip, action.leg), action.accept)
      if (verdict !== 'none') {
        quizzes.set(s.stepIndex, verdict)
        changed = true
      }
    }
    if (changed) onProgress(lessonProgress(lesson, { seen, quizzes }))
  }
  update()
  return runner.subscribe(update)
}
