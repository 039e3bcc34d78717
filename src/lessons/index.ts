// The lessons shipped in src/lessons/data, each checked against the schema when the app loads them; one that
// does not validate is left out and its error kept, so the player can say why instead of failing.

import type { PacketSpec } from '../../worker/engine/types'
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

/** The canvas focus of a step: its own, or the first highlighted resource. */
export function stepFocus(step: Lesson['steps'][number]): string | undefined {
  return step.focus ?? step.highlight[0]
}

/**
 * The packet a step's narration follows: its own traced packet (a trace, a quiz), else that of the nearest step
 * after it, else before it, that traces one; null in a lesson that traces none. Narration steps that walk through
 * a path hop by hop ("the gateway route table sends it to the GWLBe") follow the packet the lesson then traces.
 */
export function narratedPacket(lesson: Lesson, index: number): { packet: PacketSpec; leg: 'request' | 'reply' } | null {
  const traced = (i: number) => {
    const a = lesson.steps[i]?.action
    return a?.kind === 'trace' || a?.kind === 'quiz' ? { packet: a.packet, leg: a.leg } : null
  }
  const own = traced(index)
  if (own) return own
  for (let i = index + 1; i < lesson.steps.length; i++) {
    const next = traced(i)
    if (next) return next
  }
  for (let i = index - 1; i >= 0; i--) {
    const before = traced(i)
    if (before) return before
  }
  return null
}
