// Lines of blocks and attributes in a .tf file, for messages: hcl2json's JSON carries no positions, so the
// block's header is found in the text (by its labels) and the attribute after it. Only for pointing at a line.
// Block headers are indexed once per file: looking each block up by scanning the text made an import of a few
// thousand resources quadratic.

const HEADER = /^\s*([A-Za-z_][A-Za-z0-9_-]*)((?:\s+(?:"[^"]*"|[A-Za-z_][A-Za-z0-9_-]*))*)\s*\{/
const LABEL = /"([^"]*)"|([A-Za-z_][A-Za-z0-9_-]*)/g
const TOP_LEVEL = /^(resource|data|module|variable|locals|output|provider)\b/

export class LineFinder {
  private lines: string[]
  private headers = new Map<string, number>()
  constructor(text: string) {
    this.lines = text.split('\n')
    this.lines.forEach((l, i) => {
      const m = HEADER.exec(l)
      if (!m) return
      const labels = [...m[2].matchAll(LABEL)].map((x) => x[1] ?? x[2])
      const key = [m[1], ...labels].join('\u0000')
      // the first header with these labels, as a scan from the top finds
      if (!this.headers.has(key)) this.headers.set(key, i + 1)
    })
  }

  /** 1-based line of `type "label" "label" {`, or undefined. */
  block(type: string, labels: string[]): number | undefined {
    return this.headers.get([type, ...labels].join('\u0000'))
  }

  /** 1-based line of `name =` at or after a block's line. */
  attribute(fromLine: number | undefined, name: string): number | undefined {
    if (fromLine === undefined) return undefined
    const re = new RegExp(`^\\s*${name.replace(/[^A-Za-z0-9_-]/g, '')}\\s*=`)
    for (let i = fromLine - 1; i < this.lines.length; i++) {
      if (i > fromLine - 1 && TOP_LEVEL.test(this.lines[i])) break
      if (re.test(this.lines[i])) return i + 1
    }
    return fromLine
  }
}
