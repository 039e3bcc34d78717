// What every way in (file, link, image) returns: parse()'s result plus sentences for the user.
// Pure: no DOM. Whatever comes from outside reaches the design only through parse().
import { type LoadError, type LoadErrorCode, loadError, type ParseResult } from '../model'

export type DesignSource = 'file' | 'link' | 'image'

/** parse()'s result, with the messages to show: a headline first, then one line per error or repair. */
export type DesignLoad = ParseResult & { messages: string[] }

/** At most this many error lines are shown; the rest are counted. */
const MAX_ERROR_LINES = 20

const NOT_OURS: Record<DesignSource, string> = {
  file: 'This file is not a GWLB Studio design.',
  link: 'This link does not hold a GWLB Studio design.',
  image: 'This image does not carry a GWLB Studio design.',
}

export function withMessages(result: ParseResult, source: DesignSource): DesignLoad {
  if (result.ok) {
    const head = `Opened "${result.design.name}".`
    return { ...result, messages: [head, ...result.repairs.map((r) => `Repaired: ${r}`)] }
  }
  const n = result.errors.length
  const head = {
    'not-ours': NOT_OURS[source],
    'too-new': 'This design was made by a newer version of GWLB Studio; update GWLB Studio to open it.',
    invalid: `The design has ${n} problem${n === 1 ? '' : 's'}, so it was not opened.`,
    'migration-failed': 'The design is from an older version of GWLB Studio and could not be brought up to date.',
  }[result.reason]
  const lines = result.errors.slice(0, MAX_ERROR_LINES).map((e) => `${e.code} ${e.message}`)
  if (n > MAX_ERROR_LINES) lines.push(`... and ${n - MAX_ERROR_LINES} more`)
  return { ...result, messages: [head, ...lines, 'Your current design is unchanged.'] }
}

/** A failure found before parse() could run (bad bytes, a broken link): reported as not-ours. */
export function notOurs(source: DesignSource, code: LoadErrorCode, value: unknown, expected: string): DesignLoad {
  const errors: LoadError[] = [loadError(code, '', value, expected)]
  return withMessages({ ok: false, reason: 'not-ours', errors }, source)
}

/**
 * The largest design text accepted from outside, in bytes. The reference designs are under 20 kB
 * and a design at every quota is far below this; it stops a crafted file or a compressed chunk
 * from exhausting memory before parse() even starts.
 */
export const MAX_DESIGN_TEXT_BYTES = 5_000_000
