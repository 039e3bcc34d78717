// Text from outside the document shown beside ours (a file's name, which the loader never checks) made plain:
// the characters a name may not hold (docs/format.md, "Shared field types") become U+FFFD, and the whole is
// isolated, so an Arabic or Hebrew name cannot reorder the words around it either. Imports nothing.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** The text with every control character the loader refuses in a name replaced by U+FFFD. */
export function plainText(text: string): string {
  return text.replace(CONTROLS, '\ufffd')
}

/**
 * Plain text between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: what `<bdi>` does, for the places that
 * take text only (an `<option>`, a `title`).
 */
export function isolated(text: string): string {
  return `\u2068${plainText(text)}\u2069`
}
