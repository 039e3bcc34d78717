// Lines of blocks and attributes in a .tf file, for messages: hcl2json's JSON carries no positions, so the
// block's header is found in the text (by its labels) and the attribute after it. Only for pointing at a line.

export class LineFinder {
  private lines: string[]
  constructor(text: string) {
    this.lines = text.split('\n')
  }

  /** 1-based line of `type "label" "label" {`, or undefined. */
  block(type: string, labels: string[]): number | undefined {
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const re = new RegExp(`^\\s*${esc(type)}${labels.map((l) => `\\s+"?${esc(l)}"?`).join('')}\\s*\\{`)
    const i = this.lines.findIndex((l) => re.test(l))
    return i < 0 ? undefined : i + 1
  }

  /** 1-based line of `name =` at or after a block's line. */
  attribute(fromLine: number | undefined, name: string): number | undefined {
    if (fromLine === undefined) return undefined
    const re = new RegExp(`^\\s*${name.replace(/[^A-Za-z0-9_-]/g, '')}\\s*=`)
    for (let i = fromLine - 1; i < this.lines.length; i++) {
      if (i > fromLine - 1 && /^(resource|data|module|variable|locals|output|provider)\b/.test(this.lines[i])) break
      if (re.test(this.lines[i])) return i + 1
    }
    return fromLine
  }
}
