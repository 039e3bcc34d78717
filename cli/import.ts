// npm run cli -- import <file|folder|zip> [--from hcl|tfstate|tfplan|aliyun] [--var k=v]... [--out design.json] [--json]
// Imports Terraform configuration, state or plan, or Alibaba Cloud API output, into a design. Exit 0 on success, 2 on bad input.
import { writeFileSync } from 'node:fs'
import { SOURCE_KINDS, type SourceKind } from '../src/import'
import { withDefaultLayout } from '../src/model'
import { formatReport, importPath } from './importInput'
import { escapeControls, print, printError, printJson } from './terminal'

const USAGE =
  'usage: npm run cli -- import <file|folder|zip> [--from hcl|tfstate|tfplan|aliyun] [--var k=v] [--out design.json] [--json]'

export async function run(args: string[]): Promise<number> {
  let path: string | undefined
  let from: SourceKind | undefined
  let out: string | undefined
  let json = false
  const vars: Record<string, string> = {}
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--json') json = true
    else if (a === '--help' || a === '-h') {
      console.log(USAGE)
      return 0
    } else if (a === '--from' || a === '--var' || a === '--out') {
      const v = args[++i]
      if (v === undefined) return fail(`${a} needs a value`)
      if (a === '--from') {
        if (!(SOURCE_KINDS as readonly string[]).includes(v))
          return fail(`--from must be one of ${SOURCE_KINDS.join(', ')} (got ${v})`)
        from = v as SourceKind
      } else if (a === '--out') out = v
      else {
        const eq = v.indexOf('=')
        if (eq < 1) return fail(`--var takes name=value (got ${v})`)
        vars[v.slice(0, eq)] = v.slice(eq + 1)
      }
    } else if (a.startsWith('-')) return fail(`unknown option ${a}`)
    else if (path === undefined) path = a
    else return fail(`one file or folder only (also got ${a})`)
  }
  if (!path) return fail('no file or folder given')
  const imported = await importPath(path, { from, vars })
  if (!imported) return 2
  const design = { ...imported.design, layout: withDefaultLayout(imported.design) }
  const text = `${JSON.stringify(design, null, 2)}\n`
  if (out) writeFileSync(out, text)
  if (json) printJson(out ? { report: imported.report } : { design, report: imported.report })
  else {
    for (const line of formatReport(imported.report, imported.design)) (out ? print : printError)(line)
    // the design as written when piped; a terminal gets its control characters escaped, as export does
    if (!out) process.stdout.write(process.stdout.isTTY ? escapeControls(text, { lines: true }) : text)
    else print(`wrote ${out}`)
  }
  return 0
}

function fail(message: string): number {
  printError(`${message}\n${USAGE}`)
  return 2
}
