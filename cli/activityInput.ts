// Reads an activity file for the command line: the same size cap as a design file, JSON, then opened for a learner key
// exactly as the app opens it (variables, schema, design through parse(), faults).
import { type Prepared, prepareActivity, preparedVariants } from '../src/activities'
import { readInputBytes } from './input'

export type ActivityInput = { ok: true; raw: unknown; opened: Prepared & { ok: true } } | { ok: false; lines: string[] }

/** `learnerKey`: the student's; "author" opens it as its author checks it, every variable's every choice included. */
export function readActivityInput(path: string, learnerKey = 'author'): ActivityInput {
  const read = readInputBytes(path)
  if (!read.ok) return read
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder().decode(read.bytes).replace(/^\uFEFF/, ''))
  } catch (e) {
    return { ok: false, lines: [`${path}: not JSON: ${e instanceof Error ? e.message : String(e)}`] }
  }
  const opened = prepareActivity(raw, learnerKey)
  if (!opened.ok) return { ok: false, lines: [`${path}: not a usable activity: ${opened.message}`] }
  if (learnerKey === 'author') {
    const broken = preparedVariants(raw).find((v) => !v.ok)
    if (broken && !broken.ok) return { ok: false, lines: [`${path}: a variant does not open: ${broken.message}`] }
  }
  return { ok: true, raw, opened }
}
