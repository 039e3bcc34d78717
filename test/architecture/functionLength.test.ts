// Functions stay short where a seam exists (CONTRIBUTING.md, house rules): a function, arrow, method or accessor of
// src/, worker/, cli/ or relay/ longer than LIMIT lines fails this test unless LONG names it with the most lines it
// may have and why it stays long. An entry is a ceiling, not a licence to grow: a listed function that gets longer
// fails too. Split one and its entry goes.
//
// TypeScript 7's compiler API parses the files (it runs the compiler's own executable and answers over a pipe), so
// what counts as a function is exactly what the compiler calls one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Node, type SourceFile, SyntaxKind } from 'typescript/unstable/ast'
import { API } from 'typescript/unstable/sync'
import { afterAll, describe, expect, it } from 'vitest'

const LIMIT = 80
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CHECKED = ['src/', 'worker/', 'cli/', 'relay/']

/**
 * The functions that stay long for now, keyed `path#name` (an arrow or function expression takes the name of the
 * variable or property it is given to, `(anonymous)` otherwise), with the most lines each may have.
 */
// Empty: every function that was over the limit has been split along its seams. A new row needs a reason a reviewer
// accepts (a hot path whose speed is its single body, measured), not "not split yet".
const LONG: Record<string, { lines: number; why: string }> = {}

interface LongFunction {
  key: string
  lines: number
  at: string
}

const FUNCTION_KINDS = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
])

/** A function's own name, or the name of what it is assigned to. */
function nameOf(node: Node): string {
  const named = (n: Node | undefined) => {
    const name = (n as { name?: { text?: unknown } } | undefined)?.name?.text
    return typeof name === 'string' ? name : undefined
  }
  const parent = node.parent
  const viaParent =
    parent?.kind === SyntaxKind.VariableDeclaration || parent?.kind === SyntaxKind.PropertyAssignment
      ? named(parent)
      : undefined
  return named(node) ?? viaParent ?? '(anonymous)'
}

/** The line (1-based) of each position, from the offsets where lines start. */
function lineIndex(text: string): (pos: number) => number {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return (pos) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= pos) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

function longFunctionsOf(file: SourceFile, rel: string): LongFunction[] {
  const line = lineIndex(file.text)
  const found: LongFunction[] = []
  const visit = (node: Node): void => {
    if (FUNCTION_KINDS.has(node.kind)) {
      const first = line(node.getStart(file))
      const lines = line(node.end) - first + 1
      if (lines > LIMIT) found.push({ key: `${rel}#${nameOf(node)}`, lines, at: `${rel}:${first}` })
    }
    node.forEachChild(visit)
  }
  visit(file)
  return found
}

/** Every function longer than LIMIT lines in the files of `tsconfig.json` under `dir` that start with one of `under`. */
function longFunctions(dir: string, under: string[]): LongFunction[] {
  const api = new API({ cwd: dir })
  try {
    const project = api.updateSnapshot({ openProjects: [join(dir, 'tsconfig.json')] }).getProjects()[0]
    if (!project) throw new Error(`no project in ${dir}`)
    return project.program.getSourceFileNames().flatMap((name) => {
      const rel = name.startsWith(dir) ? name.slice(dir.length).replace(/^\//, '') : name
      const file = under.some((u) => rel.startsWith(u)) ? project.program.getSourceFile(name) : undefined
      return file ? longFunctionsOf(file, rel) : []
    })
  } finally {
    api.close()
  }
}

describe('function length', () => {
  const found = longFunctions(ROOT, CHECKED)

  it(`no function over ${LIMIT} lines but the listed ones, and none of those longer than listed`, () => {
    const over = found.filter((f) => f.lines > (LONG[f.key]?.lines ?? LIMIT))
    expect(over.map((f) => `${f.at} ${f.key}: ${f.lines} lines (at most ${LONG[f.key]?.lines ?? LIMIT})`)).toEqual([])
  })

  it('every listed function says why it stays long', () => {
    expect(Object.entries(LONG).filter(([, v]) => v.why.trim().length < 10)).toEqual([])
  })
})

describe('the finder', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'function-length-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('reports a planted function one line over the limit, and not one at the limit', () => {
    const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  const v${i} = ${i}`).join('\n')
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ files: ['planted.ts'] }))
    writeFileSync(
      join(scratch, 'planted.ts'),
      [
        `export function atLimit() {\n${body(LIMIT)}\n}`,
        `export const overLimit = () => {\n${body(LIMIT + 1)}\n}`,
        `export class Kept {\n  method() {\n${body(LIMIT + 5)}\n  }\n}`,
      ].join('\n'),
    )
    expect(longFunctions(scratch, ['planted.ts']).map((f) => [f.key, f.lines])).toEqual([
      ['planted.ts#overLimit', LIMIT + 1],
      ['planted.ts#method', LIMIT + 5],
    ])
  })
})
