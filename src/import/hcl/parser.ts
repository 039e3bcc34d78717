// The HCL parser the importer is given: HashiCorp's own parser (hcl2json, built to WebAssembly by
// @cdktn/hcl2json), behind an interface so the pure importer never loads it itself. See docs/import.md.

/** A node of HashiCorp's expression syntax tree, as @cdktn/hcl2json's getExpressionAst returns it. */
export interface ExprAst {
  type: string
  children: ExprAst[]
  meta?: Record<string, unknown> & { value?: string }
  range?: { start: { line: number; column: number } }
}

export interface HclParser {
  /** One file as hcl2json's JSON; throws HashiCorp's diagnostic ("file:line,col-line,col: summary; detail"). */
  parse(file: string, text: string): Promise<Record<string, unknown>>
  /** Syntax trees of template strings as hcl2json writes them ("${alicloud_vpc.main.id}"); null where one fails. */
  expressions(file: string, templates: string[]): Promise<(ExprAst | null)[]>
}

/** HashiCorp's diagnostic text → line and what was expected, for the import's error message. */
export function parseDiagnostic(
  text: string,
  file: string,
): { file: string; line?: number; message: string; expected: string } {
  const m = /([^\s[]+):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^;\]]+);?\s*([^\]]*)/.exec(text)
  if (!m)
    return {
      file,
      message: text.replace(/^Error:\s*/, '').slice(0, 300),
      expected: 'valid Terraform configuration (HCL)',
    }
  const detail = m[5].trim().replace(/,? and \d+ other diagnostic\(s\)\s*$/, '')
  return {
    file,
    line: Number(m[2]),
    message: `${m[4].trim()} (column ${m[3]})`,
    expected: detail ? detail.replace(/\.$/, '') : 'valid Terraform configuration (HCL)',
  }
}

/**
 * A template as hcl2json writes it ("a-${x["k"]}") → an HCL quoted-string literal: the literal parts are
 * escaped, the interpolations (whose quotes belong to the expression) are kept as they are.
 */
export function templateLiteral(template: string): string {
  let out = ''
  let depth = 0
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]
    if (depth === 0) {
      if ((ch === '$' || ch === '%') && template[i + 1] === '{' && template[i - 1] !== ch) {
        out += `${ch}{`
        depth = 1
        i++
      } else if (ch === '"' || ch === '\\') out += `\\${ch}`
      else if (ch === '\n') out += '\\n'
      else if (ch === '\r') out += '\\r'
      else if (ch === '\t') out += '\\t'
      else out += ch
    } else {
      if (ch === '{') depth++
      else if (ch === '}') depth--
      out += ch
    }
  }
  return `"${out}"`
}

/** A template that is one plain reference and nothing else: "${alicloud_vpc.main.id}". */
const PLAIN_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)\}$/

/**
 * The syntax tree HashiCorp's parser gives a plain reference (a wrapped scope traversal of names), built
 * directly: most templates in a configuration are such references, and asking the WebAssembly parser for each
 * made large imports slow. Anything else (an index, a function, literal text around it) goes to the parser;
 * a test checks the two trees agree.
 */
export function plainReferenceAst(template: string): ExprAst | undefined {
  const m = PLAIN_REFERENCE.exec(template)
  if (!m) return undefined
  return {
    type: 'templateWrap',
    meta: { value: JSON.stringify(template) },
    children: [
      {
        type: 'scopeTraversal',
        children: [],
        meta: {
          value: m[1],
          fullAccessor: m[1],
          traversal: m[1].split('.').map((segment) => ({ type: 'nameTraversal', segment })),
        },
      },
    ],
  }
}

/** Many template strings in one call: a tuple of them, so the WebAssembly bridge is crossed once per batch. */
export async function batchedExpressions(
  one: (file: string, expression: string) => Promise<ExprAst | null>,
  file: string,
  templates: string[],
  batch = 400,
): Promise<(ExprAst | null)[]> {
  const out: (ExprAst | null)[] = templates.map((t) => plainReferenceAst(t) ?? null)
  const rest = templates.map((_, i) => i).filter((i) => out[i] === null)
  const parsed = await parsedInBatches(
    one,
    file,
    rest.map((i) => templates[i]),
    batch,
  )
  rest.forEach((i, k) => {
    out[i] = parsed[k]
  })
  return out
}

async function parsedInBatches(
  one: (file: string, expression: string) => Promise<ExprAst | null>,
  file: string,
  templates: string[],
  batch: number,
): Promise<(ExprAst | null)[]> {
  const out: (ExprAst | null)[] = []
  for (let i = 0; i < templates.length; i += batch) {
    const slice = templates.slice(i, i + batch)
    const tuple = `[${slice.map(templateLiteral).join(',\n')}]`
    let ast: ExprAst | null = null
    try {
      ast = await one(file, tuple)
    } catch {
      ast = null
    }
    if (ast && ast.type === 'tuple' && ast.children.length === slice.length) out.push(...ast.children)
    else for (const t of slice) out.push(await one(file, templateLiteral(t)).catch(() => null))
  }
  return out
}
