// What the import worker does: reads the files the user gave (unpacking a zip), runs the importer with the HCL
// parser compiled to WebAssembly, and answers with the design and its report, and for a plan the state before
// it. Plain functions, so Node tests run them without a worker (importWorker.ts exposes them).
import { unzipSync } from 'fflate'
import { IMPORT_LIMITS, type ImportFile, type ImportOptions, type ImportResult, importDeployment } from '../../import'
import { browserHclParser } from '../../import/hcl/browserParser'
import { type Design, parse } from '../../model'
import { chooseFromFolder, isHidden, isZip } from './choose'

/** One file as the page hands it over: a File (or Blob) crosses to the worker without being read first. */
export interface ImportBlob {
  path: string
  blob: Blob
}

/** The import, and for a plan the state before it (when the plan carries one). */
export type ImportOutcome = ImportResult & { before?: Design }

const decoder = new TextDecoder('utf-8')

/** A zip's files, as a folder's: the limits are checked on the sizes its directory states, before unpacking. */
function unzip(path: string, bytes: Uint8Array): ImportFile[] | ImportResult {
  let count = 0
  let total = 0
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/') || isHidden(f.name)) return false
        count++
        total += f.originalSize
        return count <= IMPORT_LIMITS.files && total <= IMPORT_LIMITS.bytes
      },
    })
  } catch (e) {
    return failure(path, `not a zip file that can be read (${e instanceof Error ? e.message : String(e)})`, 'a zip')
  }
  if (count > IMPORT_LIMITS.files)
    return failure(path, `${count} files in the zip`, `at most ${IMPORT_LIMITS.files} files`)
  if (total > IMPORT_LIMITS.bytes)
    return failure(path, `${Math.round(total / 1e6)} MB unpacked`, `at most ${IMPORT_LIMITS.bytes / 1024 / 1024} MB`)
  const files = Object.entries(entries).map(([name, data]) => ({ path: name, text: decoder.decode(data) }))
  return (
    chooseFromFolder(files) ??
    failure(path, 'no .tf, .tfvars, .tfstate or .json file in the zip', 'Terraform configuration or state')
  )
}

function failure(file: string, message: string, expected: string): ImportResult {
  return { ok: false, errors: [{ file, message, expected }] }
}

/** The plan's prior state, imported as the design before the plan; undefined where the plan has none. */
async function stateBefore(files: ImportFile[], after: Design): Promise<Design | undefined> {
  let prior: { path: string; state: object } | undefined
  for (const f of files) {
    try {
      const state = (JSON.parse(f.text) as { prior_state?: unknown }).prior_state
      if (typeof state === 'object' && state !== null) prior = { path: f.path, state }
    } catch {
      // not the plan (a .tfvars or other file next to it): the plan is the file that parses
    }
  }
  if (!prior) return undefined
  const r = await importDeployment([{ path: prior.path, text: JSON.stringify(prior.state) }], {
    from: 'tfstate',
    emptyIsAnswer: true,
  })
  if (!r.ok) return undefined
  const name = `${after.name.replace(/ \(after the plan\)$/, '')} (before the plan)`.slice(0, 128)
  const named = parse(JSON.stringify({ ...r.design, name }))
  return named.ok ? named.design : undefined
}

export async function importFiles(blobs: ImportBlob[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const files: ImportFile[] = []
  for (const b of blobs) {
    if (isZip(b.path)) {
      const inner = unzip(b.path, new Uint8Array(await b.blob.arrayBuffer()))
      if (!Array.isArray(inner)) return inner
      const base = blobs.length > 1 ? `${b.path}/` : ''
      for (const f of inner) files.push({ path: base + f.path, text: f.text })
    } else files.push({ path: b.path, text: await b.blob.text() })
  }
  const result = await importDeployment(files, options, { hclParser: browserHclParser })
  if (!result.ok || result.report.source !== 'tfplan') return result
  const name = `${result.design.name} (after the plan)`.slice(0, 128)
  const design = { ...result.design, name }
  return { ...result, design, before: await stateBefore(files, design) }
}
