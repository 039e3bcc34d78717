// Reads an intents file for the commands that check intents (verify, plan); prints what is wrong with it.
import { readFileSync } from 'node:fs'
import { type Intent, parseIntents } from '../worker/verify'

/** The intents of a file, or null after printing each problem as "file: intent id at path: message". */
export function readIntents(path: string): Intent[] | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    console.error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`)
    return null
  }
  const r = parseIntents(text)
  if (r.ok) return r.intents
  for (const e of r.errors)
    console.error(
      `${path}: ${e.intentId ? `intent "${e.intentId}"` : 'intents file'}${e.path ? ` at ${e.path}` : ''}: ${e.message}`,
    )
  return null
}
