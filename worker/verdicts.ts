// Intents checked for the page: each one's verdict in words. May not touch: React, the DOM, zustand.
import { parse } from '../src/model'
import { INTENTS_FORMAT, INTENTS_VERSION, type IntentError, parseIntents, verify } from './verify'

/** One intent's verdict, in words the page shows as it is. */
export type IntentVerdict = { id: string; holds: true } | { id: string; holds: false; reason: string }
export type IntentsAnswer = { ok: true; verdicts: IntentVerdict[] } | { ok: false; message: string }

/**
 * Intents (as an intents file lists them) checked over every flow of the design, without the built-in ones: an
 * activity's goals and the page ask this. An intent that does not read, or names what the design lacks, is a
 * message naming it.
 */
export function verifyOn(document: unknown, intents: unknown[]): IntentsAnswer {
  const result = parse(document)
  if (!result.ok) return { ok: false, message: `The design does not load: ${result.errors[0]?.message}` }
  const read = parseIntents(JSON.stringify({ format: INTENTS_FORMAT, version: INTENTS_VERSION, intents }))
  if (!read.ok) return { ok: false, message: intentErrorText(read.errors[0]) }
  const checked = verify(result.design, { intents: read.intents, noBuiltIn: true })
  if (!checked.ok) return { ok: false, message: intentErrorText(checked.errors[0]) }
  return {
    ok: true,
    verdicts: checked.results.map((r) =>
      r.status === 'holds'
        ? { id: r.intent.id, holds: true }
        : {
            id: r.intent.id,
            holds: false,
            reason: `${r.counterexample.reason} (for example ${r.counterexample.flowClass})`,
          },
    ),
  }
}

function intentErrorText(e: IntentError | undefined): string {
  if (!e) return 'The intents do not read.'
  const where = [e.intentId && `intent ${e.intentId}`, e.path].filter(Boolean).join(', ')
  return where ? `${where}: ${e.message}` : e.message
}
