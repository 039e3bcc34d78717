// Import a real deployment: Terraform configuration, state or plan, or Alibaba Cloud API output → a design
// document and the report of what was and was not mapped. Pure: runs in a worker and in the CLI; the HCL
// parser is handed in (it is large and loads only when an import starts).
import { parse } from '../model'
import { plainText } from '../model/text'
import { type AliyunFile, readAliyun } from './aliyun/read'
import { buildDesign } from './build'
import { detectFile } from './detect'
import { readHcl } from './hcl/config'
import type { HclParser } from './hcl/parser'
import type { TfInput } from './instance'
import { nothingModelled, placedLoadError } from './refusals'
import { readRawState, readShowPlan, readShowState } from './tfjson'
import {
  emptyReport,
  IMPORT_LIMITS,
  type ImportError,
  ImportFailure,
  type ImportFile,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
  type SourceKind,
} from './types'

export { API_SOURCES, apiSourcesMarkdown } from './aliyun/sources'
export type { HclParser } from './hcl/parser'
export { MAPPING, mappingMarkdown } from './mapping'
export * from './types'
export { filesFromZip } from './zip'

export interface ImportDeps {
  /** needed for Terraform configuration only */
  hclParser?: () => Promise<HclParser>
}

/** An integer value of 16 digits or more, after a key: account UIDs, which the APIs print as numbers. */
const LONG_INTEGER = /("[A-Za-z_]+"\s*:\s*)(\d{16,})(?=\s*[,}\]])/g

/**
 * JSON.parse, keeping integers a double cannot hold exactly (an OwnerId such as 253460731706911258) as their
 * digits: an account UID rounded to ...260 would name another account.
 */
function parseKeepingLongIntegers(text: string): unknown {
  const kept = /\d{16}/.test(text)
    ? text.replace(LONG_INTEGER, (m, key: string, digits: string) =>
        Number.isSafeInteger(Number(digits)) ? m : `${key}"${digits}"`,
      )
    : text
  return JSON.parse(kept)
}

function parseJson(f: ImportFile): unknown | undefined {
  const t = f.text.trimStart()
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined
  try {
    return parseKeepingLongIntegers(f.text)
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e))
  }
}

/** What the input is called, for the design's name: one file's name, or the folder all the files are under. */
function inputName(paths: string[]): string {
  if (paths.length === 1) return paths[0].replace(/^.*\//, '')
  const [folder] = paths[0].split('/')
  return paths.every((p) => p.startsWith(`${folder}/`)) ? folder : `${paths.length} files`
}

/** Line of a JSON.parse failure ("... at position N" / "line N column M"). */
function jsonErrorLine(text: string, e: Error): number | undefined {
  const line = /line (\d+)/.exec(e.message)
  if (line) return Number(line[1])
  const pos = /position (\d+)/.exec(e.message)
  return pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined
}

export async function importDeployment(
  files: ImportFile[],
  options: ImportOptions = {},
  deps: ImportDeps = {},
): Promise<ImportResult> {
  try {
    return await run(files, options, deps)
  } catch (e) {
    if (e instanceof ImportFailure) return { ok: false, errors: e.errors }
    return {
      ok: false,
      errors: [
        {
          file: files[0]?.path ?? '(input)',
          message: `the importer failed: ${e instanceof Error ? e.message : String(e)}`,
          expected: 'input it can read',
        },
      ],
    }
  }
}

/** Stops the import with one error (importDeployment turns it into the answer). */
function fail(file: string, message: string, expected: string): never {
  throw new ImportFailure([{ file, message, expected }])
}

/** The limits checked before anything is read (docs/import.md). */
function checkLimits(files: ImportFile[]) {
  if (!files.length) fail('(input)', 'no files', 'a .tf file, a folder of them, a state or plan JSON file')
  if (files.length > IMPORT_LIMITS.files)
    fail(
      '(input)',
      `${files.length} files`,
      `at most ${IMPORT_LIMITS.files} files (give the folder of the root module)`,
    )
  const bytes = files.reduce((n, f) => n + f.text.length, 0)
  if (bytes > IMPORT_LIMITS.bytes)
    fail('(input)', `${Math.round(bytes / 1e6)} MB of input`, `at most ${IMPORT_LIMITS.bytes / 1024 / 1024} MB`)
}

/** The files of one source, each with its JSON where it is JSON. */
interface Source {
  kind: SourceKind
  chosen: ImportFile[]
  jsonOf: Map<ImportFile, unknown>
}

/** What each file is (from its content, or --from); the input must be one kind. Files of no kind are listed. */
function chooseSource(files: ImportFile[], options: ImportOptions, report: ImportReport): Source {
  const jsonOf = new Map<ImportFile, unknown>()
  const kinds = new Map<SourceKind, ImportFile[]>()
  const errors: ImportError[] = []
  for (const f of files) {
    const json = options.from === 'hcl' ? undefined : parseJson(f)
    if (json instanceof Error) {
      errors.push({
        file: f.path,
        line: jsonErrorLine(f.text, json),
        message: `not valid JSON (${json.message.replace(/^.*?: /, '')}); a truncated file?`,
        expected: 'complete JSON, as terraform show -json writes it',
      })
      continue
    }
    jsonOf.set(f, json)
    const d = options.from ? { kind: options.from } : detectFile(f, json)
    if (d.kind === 'unknown') {
      report.skippedFiles.push({ address: f.path, message: d.why })
      continue
    }
    kinds.set(d.kind, [...(kinds.get(d.kind) ?? []), f])
  }
  if (errors.length) throw new ImportFailure(errors)
  if (kinds.size === 0)
    throw new ImportFailure(
      report.skippedFiles.map((s) => ({
        file: s.address,
        message: `not an input the importer reads: ${s.message}`,
        expected:
          'Terraform configuration (.tf), terraform show -json of a state or plan, terraform.tfstate, or aliyun CLI output',
      })),
    )
  if (kinds.size > 1)
    fail(
      '(input)',
      `a mix of inputs: ${[...kinds].map(([k, fs]) => `${k} (${fs.map((f) => f.path).join(', ')})`).join('; ')}`,
      'one kind of input at a time (use --from to choose)',
    )
  const [kind, chosen] = [...kinds][0]
  return { kind, chosen, jsonOf }
}

/** A file's JSON, which must be an object. */
function objectOf({ jsonOf }: Source, f: ImportFile, expected: string): Record<string, unknown> {
  const doc = jsonOf.get(f)
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) fail(f.path, 'not a JSON object', expected)
  return doc as Record<string, unknown>
}

/** One state or plan (terraform show -json, or terraform.tfstate) as resource instances. */
function readTerraformJson(source: Source, report: ImportReport): TfInput {
  const { kind, chosen } = source
  if (chosen.length > 1)
    fail(
      chosen[1].path,
      `several ${kind === 'tfplan' ? 'plans' : 'states'} (${chosen.map((f) => f.path).join(', ')})`,
      'one state or plan file',
    )
  const f = chosen[0]
  const d = objectOf(source, f, 'the JSON of terraform show -json')
  if (kind !== 'tfplan') return 'format_version' in d ? readShowState(d, f.path) : readRawState(d, f.path)
  const plan = readShowPlan(d, f.path)
  report.plannedActions = plan.plannedActions
  return plan
}

/** The chosen files as resource instances, whatever their source. */
async function readSource(
  source: Source,
  options: ImportOptions,
  deps: ImportDeps,
  report: ImportReport,
): Promise<TfInput> {
  const { kind, chosen } = source
  if (kind === 'hcl') {
    if (!deps.hclParser) fail(chosen[0].path, 'no HCL parser in this build', 'a state or plan JSON file')
    const deadline = Date.now() + IMPORT_LIMITS.seconds * 1000
    return readHcl(chosen, await deps.hclParser(), { vars: options.vars, deadline }, report)
  }
  if (kind === 'aliyun') {
    const docs: AliyunFile[] = chosen.map((f) => ({
      file: f,
      doc: objectOf(source, f, 'the JSON the aliyun CLI prints'),
    }))
    return readAliyun(docs, report)
  }
  return readTerraformJson(source, report)
}

async function run(files: ImportFile[], options: ImportOptions, deps: ImportDeps): Promise<ImportResult> {
  checkLimits(files)
  const report = emptyReport(
    'hcl',
    files.map((f) => f.path),
  )
  const source = chooseSource(files, options, report)
  report.source = source.kind
  const input = await readSource(source, options, deps, report)
  const { chosen } = source
  if (input.instances.length > IMPORT_LIMITS.resources)
    fail(chosen[0].path, `${input.instances.length} resources`, `at most ${IMPORT_LIMITS.resources}`)

  const design = buildDesign(input, report)
  const file = chosen.length === 1 ? chosen[0].path : inputName(chosen.map((f) => f.path))
  if (!design.resources.length && !options.emptyIsAnswer && !deletesAll(report))
    throw new ImportFailure([nothingModelled(input, report, file)])
  // a file's or folder's name may hold what a name may not (docs/format.md): it is shown, not refused
  const base = plainText(options.name ?? inputName(chosen.map((f) => f.path)))
  design.name = `Imported from ${base}`.slice(0, 128)
  const loaded = parse(JSON.stringify(design))
  if (!loaded.ok)
    throw new ImportFailure(loaded.errors.map((e) => placedLoadError(e, design, report, input, chosen[0].path)))
  return { ok: true, design: loaded.design, report }
}

/** A plan that deletes what it plans: its state after is honestly empty, and the state before is shown beside it. */
function deletesAll(report: ImportReport): boolean {
  return report.source === 'tfplan' && Boolean(report.plannedActions?.some((a) => a.actions.includes('delete')))
}
