// XML text for the SVG renderer. Every string that reaches the SVG passes through here: names and
// descriptions are user text, so they are escaped, and characters XML 1.0 cannot carry are replaced.

/** Characters outside XML 1.0's Char production (C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

/** Text safe as element content or inside a double- or single-quoted attribute. */
export function xmlEscape(text: string): string {
  return (
    text
      .replace(NOT_XML_CHAR, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      // `]]>` may not appear in content; escaping every `>` rules it out
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  )
}

type AttrValue = string | number | undefined

/** Beyond this an SVG viewer's own arithmetic loses its way; the loader keeps layouts far inside it. */
const MAX_SVG_NUMBER = 1e9

/**
 * Rounded to a hundredth: positions come from arithmetic such as 0.75 × width and need no more. Always a
 * finite number, never "Infinity" or "NaN", whatever the arithmetic gave.
 */
export function num(n: number): string {
  if (Number.isNaN(n)) return '0'
  const bounded = Math.min(MAX_SVG_NUMBER, Math.max(-MAX_SVG_NUMBER, n))
  return String(Math.round(bounded * 100) / 100)
}

export function attrs(values: Record<string, AttrValue>): string {
  let out = ''
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue
    out += ` ${name}="${typeof value === 'number' ? num(value) : xmlEscape(value)}"`
  }
  return out
}

/** An element; `children` is markup already built by these helpers, `text` is escaped here. */
export function el(name: string, values: Record<string, AttrValue>, children?: string | { text: string }): string {
  if (children === undefined) return `<${name}${attrs(values)}/>`
  const inner = typeof children === 'string' ? children : xmlEscape(children.text)
  return `<${name}${attrs(values)}>${inner}</${name}>`
}
