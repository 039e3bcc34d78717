// What an activity or a lesson tells an LMS, whichever runtime carries it: the score after each check (a lesson:
// after each quiz), completion, the time spent.
import type { LessonProgress } from '../../lessons/progress'
import type { Grade } from '../grade'

export type { LessonProgress } from '../../lessons/progress'

export const LMS_KINDS = ['scorm12', 'cmi5'] as const
export type LmsKind = (typeof LMS_KINDS)[number]

export interface LmsSession {
  kind: LmsKind
  /** the learner as the LMS names them: their learner key, so they get the same variant each time */
  learnerId: string | null
  report(grade: Grade, elapsedMs: number, options: { final: boolean }): Promise<void>
  /**
   * A lesson's progress: `completed` once every step was seen and every quiz answered; `scorePercent` the share of
   * quizzes answered right (null: the lesson asks none).
   */
  progress(progress: LessonProgress, elapsedMs: number): Promise<void>
  /** the learner leaves: the runtime's session ends */
  finish(): Promise<void>
}

export type LmsConnect = { ok: true; session: LmsSession } | { ok: false; message: string }

/** SCORM 1.2's CMITimespan, HHHH:MM:SS.SS. */
export function scormTimespan(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10)) / 100
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total - h * 3600 - m * 60
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`
}
