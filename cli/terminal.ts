// What the command line prints: user text (names, descriptions, values quoted in errors) never reaches the
// terminal as raw control characters, which could clear the screen, move the cursor over a line already
// printed, or fake a "no problems". One helper escapes them; every command prints through it.
import type { Design } from '../src/model'

/**
 * C0 controls (tab, newline and carriage return among them), DEL, C1 controls (0x9b is a one-byte CSI to many
 * terminals), and the Unicode marks that reorder or break a line as shown (bidirectional controls, the line
 * and paragraph separators).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
/** The same, but newline and tab: our own output is laid out in lines and columns. */
const CONTROLS_IN_LINES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: as above
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0')

/**
 * Control characters written as visible escapes: \x1b, \u202e. `lines` keeps newlines and tabs, for text
 * that is laid out already; a name, which must stay on its line, escapes them too.
 */
export function escapeControls(text: string, { lines = false } = {}): string {
  return text.replace(lines ? CONTROLS_IN_LINES : CONTROLS, (c) =>
    c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`,
  )
}

/** A line (or lines) of our output to stdout, control characters escaped. */
export function print(text: string): void {
  console.log(escapeControls(text, { lines: true }))
}

/** The same, to stderr. */
export function printError(text: string): void {
  console.error(escapeControls(text, { lines: true }))
}

/**
 * JSON to stdout. JSON.stringify escapes C0 controls but leaves DEL, C1 and the Unicode marks as they are;
 * they only occur inside strings, where \uXXXX is the same character to any JSON reader.
 */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2).replace(CONTROLS_IN_LINES, (c) => `\\u${hex(c, 4)}`))
}

/**
 * A copy of the design for text output: every string with its control characters escaped, so a name holding
 * a newline or an escape sequence prints as one visible line. Ids, addresses and CIDR blocks cannot hold
 * control characters, so the copy traces and simulates exactly as the design does.
 */
export function forDisplay(design: Design): Design {
  return JSON.parse(JSON.stringify(design), (_key, v) => (typeof v === 'string' ? escapeControls(v) : v))
}
