// What every way in (file, link, image) returns: parse()'s result plus sentences for the user.
// Pure: no DOM. Whatever comes from outside reaches the design only through parse().
import { type LoadError, type LoadErrorCode, loadError, MAX_DESIGN_BYTES, type ParseResult } from '../model'

export type DesignSource = 'file' | 'link' | 'image'

/** parse()'s result, with the messages to show: a headline first, then one line per error or repair. */
export type DesignLoad = ParseResult & { messages: string[] }
export type DesignRefusal = Extract<DesignLoad, { ok: false }>

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

/** Input refused for its size before it was decompressed or parsed: GWLB-L021, as parse() reports it. */
export function tooLarge(source: DesignSource, value: unknown, expected: string): DesignRefusal {
  const errors = [loadError('GWLB-L021', '', value, expected)]
  return {
    ok: false,
    reason: 'invalid',
    errors,
    messages: withMessages({ ok: false, reason: 'invalid', errors }, source).messages,
  }
}

/**
 * The largest design text accepted from outside, in bytes: the loader's own cap (MAX_DESIGN_BYTES), checked
 * here too before anything is decompressed or decoded. The reference designs are under 20 kB and a design
 * at every quota is far below this; it stops a crafted file or a compressed chunk from exhausting memory
 * before parse() even starts.
 */
export const MAX_DESIGN_TEXT_BYTES = MAX_DESIGN_BYTES

/**
 * The largest PNG file read for the design it carries. The picture is most of such a file; an image at the
 * export's pixel cap is far smaller than this, and the design chunk inside is held to MAX_DESIGN_TEXT_BYTES.
 */
export const MAX_IMAGE_FILE_BYTES = 64_000_000
