// Import a real deployment: Terraform configuration, state or plan, or Alibaba Cloud API output → a design
// document and the report of what was and was not mapped. Pure: runs in a worker and in the CLI; the HCL
// parser is handed in (it is large and loads only when an import starts).
import { parse } from '../model'
import { type AliyunFile, readAliyun } from './aliyun/read'
import { buildDesign } from './build'
import { detectFile } from './detect'
import { readHcl } from './hcl/config'
import type { HclParser } from './hcl/parser'
import type { TfInput } from './instance'
import { readRawState, readShowPlan, readShowState } from './tfjson'
import {
  emptyReport,
  IMPORT_LIMITS,
  type ImportError,
  ImportFailure,
  type ImportFile,
  type ImportOptions,
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

async function run(files: ImportFile[], options: ImportOptions, deps: ImportDeps): Promise<ImportResult> {
  if (!files.length)
    return {
      ok: false,
      errors: [
        { file: '(input)', message: 'no files', expected: 'a .tf file, a folder of them, a state or plan JSON file' },
      ],
    }
  if (files.length > IMPORT_LIMITS.files)
    return {
      ok: false,
      errors: [
        {
          file: '(input)',
          message: `${files.length} files`,
          expected: `at most ${IMPORT_LIMITS.files} files (give the folder of the root module)`,
        },
      ],
    }
  const bytes = files.reduce((n, f) => n + f.text.length, 0)
  if (bytes > IMPORT_LIMITS.bytes)
    return {
      ok: false,
      errors: [
        {
          file: '(input)',
          message: `${Math.round(bytes / 1e6)} MB of input`,
          expected: `at most ${IMPORT_LIMITS.bytes / 1024 / 1024} MB`,
        },
      ],
    }

  const deadline = Date.now() + IMPORT_LIMITS.seconds * 1000
  const report = emptyReport(
    'hcl',
    files.map((f) => f.path),
  )
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
  if (errors.length) return { ok: false, errors }
  if (kinds.size === 0)
    return {
      ok: false,
      errors: report.skippedFiles.map((s) => ({
        file: s.address,
        message: `not an input the importer reads: ${s.message}`,
        expected:
          'Terraform configuration (.tf), terraform show -json of a state or plan, terraform.tfstate, or aliyun CLI output',
      })),
    }
  if (kinds.size > 1)
    return {
      ok: false,
      errors: [
        {
          file: '(input)',
          message: `a mix of inputs: ${[...kinds].map(([k, fs]) => `${k} (${fs.map((f) => f.path).join(', ')})`).join('; ')}`,
          expected: 'one kind of input at a time (use --from to choose)',
        },
      ],
    }
  const [kind, chosen] = [...kinds][0]
  report.source = kind

  let input: TfInput
  if (kind === 'hcl') {
    if (!deps.hclParser)
      return {
        ok: false,
        errors: [
          { file: chosen[0].path, message: 'no HCL parser in this build', expected: 'a state or plan JSON file' },
        ],
      }
    input = await readHcl(chosen, await deps.hclParser(), { vars: options.vars, deadline }, report)
  } else if (kind === 'aliyun') {
    const docs: AliyunFile[] = []
    for (const f of chosen) {
      const doc = jsonOf.get(f)
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        return {
          ok: false,
          errors: [{ file: f.path, message: 'not a JSON object', expected: 'the JSON the aliyun CLI prints' }],
        }
      docs.push({ file: f, doc: doc as Record<string, unknown> })
    }
    input = readAliyun(docs, report)
  } else {
    if (chosen.length > 1)
      return {
        ok: false,
        errors: [
          {
            file: chosen[1].path,
            message: `several ${kind === 'tfplan' ? 'plans' : 'states'} (${chosen.map((f) => f.path).join(', ')})`,
            expected: 'one state or plan file',
          },
        ],
      }
    const f = chosen[0]
    const doc = jsonOf.get(f)
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      return {
        ok: false,
        errors: [{ file: f.path, message: 'not a JSON object', expected: 'the JSON of terraform show -json' }],
      }
    const d = doc as Record<string, unknown>
    if (kind === 'tfplan') {
      const plan = readShowPlan(d, f.path)
      report.plannedActions = plan.plannedActions
      input = plan
    } else input = 'format_version' in d ? readShowState(d, f.path) : readRawState(d, f.path)
  }
  if (input.instances.length > IMPORT_LIMITS.resources)
    return {
      ok: false,
      errors: [
        {
          file: chosen[0].path,
          message: `${input.instances.length} resources`,
          expected: `at most ${IMPORT_LIMITS.resources}`,
        },
      ],
    }

  const design = buildDesign(input, report)
  const base = options.name ?? inputName(chosen.map((f) => f.path))
  design.name = `Imported from ${base}`.slice(0, 128)
  const loaded = parse(JSON.stringify(design))
  if (!loaded.ok)
    return {
      ok: false,
      errors: loaded.errors.map((e) => ({
        file: chosen[0].path,
        message: `the deployment does not make a design that loads: ${e.message}`,
        expected: e.expected,
      })),
    }
  return { ok: true, design: loaded.design, report }
}
