// What a lesson's step shows: its canvas focus and the packet its narration follows. Apart from index.ts, which
// loads (and checks) the lessons' data, so the runner can be made at start without it.
import type { PacketSpec } from '../../worker/engine/types'
import type { Lesson } from './schema'

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
