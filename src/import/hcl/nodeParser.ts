// The HCL parser in Node (the CLI, tests, bench): @cdktn/hcl2json reads its WebAssembly from its own
// package folder, so it loads only where there is a file system; loaded on first use.
import { batchedExpressions, type ExprAst, type HclParser } from './parser'

let loaded: Promise<HclParser> | undefined

export function nodeHclParser(): Promise<HclParser> {
  loaded ??= import('@cdktn/hcl2json').then((m) => ({
    parse: (file: string, text: string) => m.parse(file, text) as Promise<Record<string, unknown>>,
    expressions: (file: string, templates: string[]) =>
      batchedExpressions((f, e) => m.getExpressionAst(f, e) as Promise<ExprAst | null>, file, templates),
  }))
  return loaded
}
