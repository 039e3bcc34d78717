// Reads an intents file for the commands that check intents (verify, plan); prints what is wrong with it.
import { type Intent, parseIntents } from '../worker/verify'
import { readInputBytes } from './input'
import { printError } from './terminal'

/** The intents of a file, or null after printing each problem as "file: intent id at path: message". */
export function readIntents(path: string): Intent[] | null {
  // read under the same caps as a design file (cli/input.ts); the text of a JSON file
  const read = readInputBytes(path)
  if (!read.ok) {
    for (const line of read.lines) printError(line)
    return null
  }
  const text = new TextDecoder().decode(read.bytes).replace(/^\uFEFF/, '')
  const r = parseIntents(text)
  if (r.ok) return r.intents
  for (const e of r.errors)
    printError(
      `${path}: ${e.intentId ? `intent "${e.intentId}"` : 'intents file'}${e.path ? ` at ${e.path}` : ''}: ${e.message}`,
    )
  return null
}
