// Reads a lesson file for the command line (to package it for an LMS): JSON under a design file's size cap, the
// lesson schema, and every step's edits applied to the lesson's reference design, as the app applies them when it
// opens the lesson — so a package never carries a lesson that stops at step 3.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Lesson, lessonSchema, stepDesigns } from '../src/lessons'
import { parse } from '../src/model'
import { readInputBytes } from './input'

/** `isLesson`: the file is a lesson (it has steps), so its problem is the lesson's, not "not an activity". */
export type LessonInput = { ok: true; lesson: Lesson } | { ok: false; isLesson: boolean; lines: string[] }

const EXAMPLES = fileURLToPath(new URL('../public/examples/', import.meta.url))

export function readLessonInput(path: string): LessonInput {
  const read = readInputBytes(path)
  if (!read.ok) return { ...read, isLesson: false }
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder().decode(read.bytes).replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, isLesson: false, lines: [] }
  }
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { steps?: unknown }).steps))
    return { ok: false, isLesson: false, lines: [] }
  const r = lessonSchema.safeParse(raw)
  if (!r.success) {
    const issue = r.error.issues[0]
    return {
      ok: false,
      isLesson: true,
      lines: [`${path}: not a usable lesson: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}`],
    }
  }
  const lesson = r.data
  const base = parse(readFileSync(`${EXAMPLES}${lesson.design}.json`, 'utf8'))
  if (!base.ok)
    return { ok: false, isLesson: true, lines: [`${path}: the lesson's design ${lesson.design} does not load`] }
  const steps = stepDesigns(base.design, lesson)
  if (!steps.ok)
    return {
      ok: false,
      isLesson: true,
      lines: [`${path}: step ${steps.step + 1} of the lesson does not apply: ${steps.message}`],
    }
  return { ok: true, lesson }
}
