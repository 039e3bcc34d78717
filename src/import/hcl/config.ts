// Terraform configuration (HCL) → resource instances: variables (defaults, *.tfvars, -var), locals, count
// and for_each, dynamic blocks, references between resources, and local child modules. Pure: the parser
// is handed in. Resource ids do not exist before apply, so a resource's id here is its address.
// This file reads the files and finds the root module; module.ts evaluates the modules.
import type { TfInput } from '../instance'
import { type ImportError, ImportFailure, type ImportFile, type ImportReport } from '../types'
import type { Scope, Value } from './evaluate'
import { LineFinder } from './lines'
import { evalModule } from './module'
import { type ExprAst, type HclParser, parseDiagnostic } from './parser'
import type { HclOptions, HclProgram } from './program'
import { rootProviders } from './providers'
import { dirOf, isRecord, type ParsedFile } from './source'
import { type AstOf, collectTemplates, parseVarText, resolveValue } from './values'

/** Reads .tf and .tfvars files into resource instances; syntax errors fail the import with file and line. */
export async function readHcl(
  files: ImportFile[],
  parser: HclParser,
  options: HclOptions,
  report: ImportReport,
): Promise<TfInput> {
  const parsed = await parseFiles(files, parser)
  const astOf = await templateTrees(parsed, parser)
  const tf = parsed.filter((p) => p.path.endsWith('.tf'))
  const byDir = new Map<string, ParsedFile[]>()
  for (const p of tf) byDir.set(dirOf(p.path), [...(byDir.get(dirOf(p.path)) ?? []), p])
  // the root module: the shallowest folder with .tf files
  const rootDir = [...byDir.keys()].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0]
  if (rootDir === undefined)
    throw new ImportFailure([
      { file: files[0]?.path ?? '(input)', message: 'no .tf file', expected: 'Terraform configuration files (*.tf)' },
    ])
  const program: HclProgram = { byDir, astOf, rootDir, options, report, instances: [], accounts: new Map() }
  const inputs = rootVariables(parsed, options, astOf)
  evalModule(program, { dir: rootDir, inputs, modulePath: [], chain: [rootDir], providerOf: rootProviders })
  for (const p of tf)
    if (!isInTree(p.path, rootDir))
      report.skippedFiles.push({ address: p.path, message: 'in a folder that no module call in the input reaches' })
  return { instances: program.instances, regionId: program.regionId, accounts: program.accounts }
}

/** Every file parsed; any syntax error fails the import, with all of them listed. */
async function parseFiles(files: ImportFile[], parser: HclParser): Promise<ParsedFile[]> {
  const parsed: ParsedFile[] = []
  const errors: ImportError[] = []
  for (const f of files) {
    try {
      const json = await parser.parse(f.path, f.text)
      parsed.push({ path: f.path, json: isRecord(json) ? json : {}, lines: new LineFinder(f.text) })
    } catch (e) {
      errors.push(parseDiagnostic(e instanceof Error ? e.message : String(e), f.path))
    }
  }
  if (errors.length) throw new ImportFailure(errors)
  return parsed
}

/** The syntax tree of every template string in the files, from one batched call to the parser. */
async function templateTrees(parsed: ParsedFile[], parser: HclParser): Promise<AstOf> {
  const templates = new Set<string>()
  for (const p of parsed) collectTemplates(p.json, templates)
  const list = [...templates]
  const asts = list.length ? await parser.expressions('expression', list) : []
  return new Map<string, ExprAst | null>(list.map((t, i) => [t, asts[i] ?? null]))
}

/**
 * The root module's variables: *.tfvars (terraform.tfvars and *.auto.tfvars first, then the others in name
 * order), then -var.
 */
function rootVariables(parsed: ParsedFile[], options: HclOptions, astOf: AstOf): Record<string, Value> {
  const rootVars: Record<string, Value> = {}
  const tfvars = parsed
    .filter((p) => p.path.endsWith('.tfvars'))
    .sort(
      (a, b) =>
        Number(/(^|\/)(terraform|[^/]*\.auto)\.tfvars$/.test(b.path)) -
          Number(/(^|\/)(terraform|[^/]*\.auto)\.tfvars$/.test(a.path)) || a.path.localeCompare(b.path),
    )
  const literalScope: Scope = { where: { file: '(tfvars)' }, root: () => undefined }
  for (const p of tfvars)
    for (const [k, v] of Object.entries(p.json))
      rootVars[k] = resolveValue(v, { ...literalScope, where: { file: p.path } }, astOf)
  for (const [k, v] of Object.entries(options.vars ?? {})) rootVars[k] = parseVarText(v)
  return rootVars
}

function isInTree(path: string, rootDir: string): boolean {
  const d = dirOf(path)
  return d === rootDir || d.startsWith(rootDir ? `${rootDir}/` : '') || rootDir === ''
}
