// Bounds on what the loader reads, checked before any recursive work (JSON.parse, structuredClone, zod):
// a few kilobytes of nested brackets would otherwise overflow the call stack, and a crafted document
// could hold more than memory. Loops only, no recursion. Imports nothing of ours.

/**
 * The largest design accepted from outside, in bytes of UTF-8 text: one cap for a file, a drop, a link,
 * an image's text chunk and the command line. The reference designs are under 20 kB and a design at every
 * quota is far below this.
 */
export const MAX_DESIGN_BYTES = 5_000_000

/**
 * The deepest nesting of arrays and objects accepted. A design needs six levels (design → resources →
 * a GWLB → its server group → servers → one server); the rest is room for later versions.
 */
export const MAX_NESTING_DEPTH = 64

export type InputBound =
  | { ok: true }
  | { ok: false; problem: 'too-deep'; depth: number }
  | { ok: false; problem: 'too-large'; size: number }

/** The UTF-8 length of text, counting only as far as needed to know it passes `limit`. */
export function utf8Length(text: string, limit = Number.POSITIVE_INFINITY): number {
  let n = 0
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      // a surrogate pair is one code point of four bytes
      n += 4
      i++
    } else n += 3
  }
  return n
}

/**
 * Checks JSON text before JSON.parse: its size, and how deep its brackets go (outside strings). The text
 * need not be valid JSON; JSON.parse judges that afterwards.
 */
export function boundJsonText(text: string): InputBound {
  const size = utf8Length(text, MAX_DESIGN_BYTES)
  if (size > MAX_DESIGN_BYTES) return { ok: false, problem: 'too-large', size }
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: the next character is escaped
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING_DEPTH) return { ok: false, problem: 'too-deep', depth }
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return { ok: true }
}

/**
 * Checks an already-parsed value (a design handed over in memory, from storage or a test) the same way:
 * nesting depth, and an estimate of its size as JSON text. Terminates on any graph, cycles included: every
 * visit adds to the size, which is bounded.
 */
export function boundJsonValue(value: unknown): InputBound {
  let size = 0
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }]
  while (stack.length) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number }
    if (typeof v === 'string') size += v.length + 2
    else if (v === null || typeof v !== 'object') size += 5
    else {
      if (depth + 1 > MAX_NESTING_DEPTH) return { ok: false, problem: 'too-deep', depth: depth + 1 }
      const keys = Array.isArray(v) ? null : Object.keys(v)
      // a comma or colon per member, counted before the members are queued, so a huge array stops here
      size += 2 + (keys ? keys.length : (v as unknown[]).length)
      if (size > MAX_DESIGN_BYTES) return { ok: false, problem: 'too-large', size }
      if (!keys) for (const x of v as unknown[]) stack.push({ v: x, depth: depth + 1 })
      else
        for (const k of keys) {
          size += k.length + 2
          stack.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1 })
        }
    }
    if (size > MAX_DESIGN_BYTES) return { ok: false, problem: 'too-large', size }
  }
  return { ok: true }
}
