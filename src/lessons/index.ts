// The lessons shipped in src/lessons/data, each checked against the schema when the app loads them; one that
// does not validate is left out and its error kept, so the player can say why instead of failing.

import inbound from './data/01-inbound.json'
import outbound from './data/02-outbound.json'
import zoneAware from './data/03-zone-aware.json'
import applianceFails from './data/04-appliance-fails.json'
import mtu from './data/05-mtu.json'
import teardown from './data/06-teardown.json'
import zoneFailover from './data/07-zone-failover.json'
import { type Lesson, lessonSchema } from './schema'

export { applyLessonEdit, type EditResult, type StepDesigns, stepDesigns } from './edits'
export * from './schema'
// what a step shows, apart from the lessons' data: the runner needs these at start, the data only when a lesson opens
export { narratedPacket, stepFocus } from './steps'

export const LESSON_FILES: Record<string, unknown> = {
  '01-inbound.json': inbound,
  '02-outbound.json': outbound,
  '03-zone-aware.json': zoneAware,
  '04-appliance-fails.json': applianceFails,
  '05-mtu.json': mtu,
  '06-teardown.json': teardown,
  '07-zone-failover.json': zoneFailover,
}

export type LessonLoad = { ok: true; lesson: Lesson } | { ok: false; file: string; message: string }

export function loadLessons(files: Record<string, unknown> = LESSON_FILES): LessonLoad[] {
  return Object.entries(files).map(([file, data]) => {
    const r = lessonSchema.safeParse(data)
    if (r.success) return { ok: true, lesson: r.data }
    const issue = r.error.issues[0]
    return { ok: false, file, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` }
  })
}

export const LESSONS: Lesson[] = loadLessons()
  .flatMap((l) => (l.ok ? [l.lesson] : []))
  .sort((a, b) => a.number - b.number)
