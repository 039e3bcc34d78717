// A small HCL writer: values, blocks and comments rendered as Terraform's formatter would lay them
// out. Every string from a design goes through hclString, so no label can end a string, start an
// interpolation (${ or %{) or break out of a comment. Pure: no DOM.

/** A Terraform expression written as it is: only for references this module's callers build. */
export class Expr {
  constructor(readonly text: string) {}
}

export type Value = string | number | boolean | Expr | Value[] | { [key: string]: Value }

export type Item =
  | { kind: 'attr'; name: string; value: Value }
  | { kind: 'block'; block: Block }
  | { kind: 'comment'; text: string }
  | { kind: 'blank' }

export interface Block {
  type: string
  labels: string[]
  items: Item[]
}

export const attr = (name: string, value: Value): Item => ({ kind: 'attr', name, value })
export const comment = (text: string): Item => ({ kind: 'comment', text })
export const blank: Item = { kind: 'blank' }
export const block = (type: string, labels: string[], items: Item[]): Block => ({ type, labels, items })
export const nested = (type: string, items: Item[], labels: string[] = []): Item => ({
  kind: 'block',
  block: block(type, labels, items),
})

/** A quoted HCL string whose value is exactly text. */
export function hclString(text: string): string {
  let out = ''
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (ch === '\\') out += '\\\\'
    else if (ch === '"') out += '\\"'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    // a lone surrogate cannot be written as UTF-8; it is already U+FFFD to every reader of the JSON
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\uFFFD'
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`
    else out += ch
  }
  // template sequences: "$${" and "%%{" are HCL's escapes for a literal "${" and "%{"
  // (a replacer function, because "$$" in a replacement string means one "$")
  return `"${out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')}"`
}

/** Text made safe for a "#" comment: one line, no control characters. */
export function commentText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/

function renderValue(v: Value, indent: string): string {
  if (v instanceof Expr) return v.text
  if (typeof v === 'string') return hclString(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[${v.map((x) => renderValue(x, indent)).join(', ')}]`
  const keys = Object.keys(v)
  if (!keys.length) return '{}'
  const inner = `${indent}  `
  const width = Math.max(...keys.map((k) => (IDENT.test(k) ? k : hclString(k)).length))
  const lines = keys.map(
    (k) => `${inner}${(IDENT.test(k) ? k : hclString(k)).padEnd(width)} = ${renderValue(v[k], inner)}`,
  )
  return `{\n${lines.join('\n')}\n${indent}}`
}

type AttrItem = Extract<Item, { kind: 'attr' }>

/** A value written over several lines: an object with keys (renderValue writes one key a line). */
function multiLine(v: Value): boolean {
  return typeof v === 'object' && v !== null && !(v instanceof Expr) && !Array.isArray(v) && Object.keys(v).length > 0
}

function renderItems(items: Item[], indent: string): string[] {
  const out: string[] = []
  let i = 0
  while (i < items.length) {
    const item = items[i]
    if (item.kind === 'attr') {
      // consecutive one-line attributes align their "=" as terraform fmt (hclwrite) does; an attribute whose value
      // spans lines (an object) stands alone and ends the run, its "=" one space after its name
      if (multiLine(item.value)) {
        out.push(`${indent}${item.name} = ${renderValue(item.value, indent)}`)
        i++
        continue
      }
      let j = i
      while (j < items.length && items[j].kind === 'attr' && !multiLine((items[j] as AttrItem).value)) j++
      const run = items.slice(i, j) as AttrItem[]
      const width = Math.max(...run.map((a) => a.name.length))
      for (const a of run) out.push(`${indent}${a.name.padEnd(width)} = ${renderValue(a.value, indent)}`)
      i = j
      continue
    }
    if (item.kind === 'comment') out.push(`${indent}# ${commentText(item.text)}`)
    else if (item.kind === 'blank') out.push('')
    else out.push(...renderBlock(item.block, indent))
    i++
  }
  return out
}

function renderBlock(b: Block, indent: string): string[] {
  const head = [b.type, ...b.labels.map(hclString)].join(' ')
  if (!b.items.length) return [`${indent}${head} {}`]
  return [`${indent}${head} {`, ...renderItems(b.items, `${indent}  `), `${indent}}`]
}

/** Top-level items (comments, blank lines, blocks) as a file's text. */
export function renderFile(items: Item[]): string {
  return `${renderItems(items, '').join('\n')}\n`
}
