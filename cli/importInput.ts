// Terraform and cloud inputs where a command takes a design: a folder, a .zip or a .tf file, a state or plan
// JSON, a folder of aliyun CLI output.
// The one place the CLI reads them from disk; the import itself is src/import (pure).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import {
  filesFromZip,
  formatImportError,
  IMPORT_HEAD_BYTES,
  IMPORT_LIMITS,
  type ImportFile,
  type ImportOptions,
  type ImportReport,
  importDeployment,
} from '../src/import'
import { isImportHead } from '../src/import/detect'
import { nodeHclParser } from '../src/import/hcl/nodeParser'
import type { Design } from '../src/model'
import { loadDesign } from './args'
import { readHead } from './input'
import { printError } from './terminal'

const TERRAFORM_FILE = /\.(tf|tfvars)$/
const JSON_FILE = /\.(json|tfstate)$/

/** Is this path an input to import rather than a design file? */
export function isImportInput(path: string): boolean {
  try {
    if (statSync(path).isDirectory()) return true
  } catch {
    return false
  }
  if (TERRAFORM_FILE.test(path) || /\.(tfstate|zip)$/.test(path)) return true
  if (!/\.json$/.test(path)) return false
  // Terraform's JSON and the aliyun CLI's say what they are in their top-level keys; other JSON (a design, or
  // not) goes to the design loader, whose message says what a design file is
  try {
    // the head only (as the browser reads it): a design file is read whole, with its cap, by the design reader
    return isImportHead(readHead(path, IMPORT_HEAD_BYTES))
  } catch {
    return false
  }
}

/** The files of a path: a .zip's, a folder's .tf/.tfvars (or, without them, its JSON), skipping hidden folders. */
export function readImportFiles(path: string): ImportFile[] | string {
  const tooBig = (bytes: number) =>
    `${path}: ${Math.round(bytes / 1e6)} MB; expected at most ${IMPORT_LIMITS.bytes / 1024 / 1024} MB of input`
  if (!statSync(path).isDirectory()) {
    const size = statSync(path).size
    if (/\.zip$/i.test(path)) {
      // a zip unpacks to more than it weighs; its own limit is checked entry by entry
      if (size > IMPORT_LIMITS.bytes) return tooBig(size)
      const unzipped = filesFromZip(path.replace(/^.*\//, ''), readFileSync(path))
      return unzipped.ok ? unzipped.files : formatImportError(unzipped.error)
    }
    // checked before reading: a file past the limit is not read whole only to be refused
    if (size > IMPORT_LIMITS.bytes) return tooBig(size)
    return [{ path: path.replace(/^.*\//, ''), text: readFileSync(path, 'utf8') }]
  }
  const found: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (found.length > IMPORT_LIMITS.files) return
      if (name.startsWith('.')) continue
      const full = join(dir, name)
      const st = statSync(full)
      if (st.isDirectory()) walk(full)
      else found.push(full)
    }
  }
  walk(path)
  if (found.length > IMPORT_LIMITS.files)
    return `${path}: more than ${IMPORT_LIMITS.files} files; expected the folder of one Terraform root module, or of one deployment's aliyun CLI output`
  const tf = found.filter((f) => TERRAFORM_FILE.test(f))
  const chosen = tf.length ? tf : found.filter((f) => JSON_FILE.test(f))
  if (!chosen.length)
    return `${path}: no .tf, .tfvars, .tfstate or .json file; expected Terraform configuration or state, or aliyun CLI output`
  const bytes = chosen.reduce((n, f) => n + statSync(f).size, 0)
  if (bytes > IMPORT_LIMITS.bytes) return tooBig(bytes)
  return chosen.sort().map((f) => ({ path: relative(path, f), text: readFileSync(f, 'utf8').replace(/^\ufeff/, '') }))
}

/** Imports a path; prints errors (file:line: message; expected ...) and returns null on failure. */
export async function importPath(
  path: string,
  options: ImportOptions = {},
): Promise<{ design: Design; report: ImportReport } | null> {
  let files: ImportFile[] | string
  try {
    files = readImportFiles(path)
  } catch (e) {
    printError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`)
    return null
  }
  if (typeof files === 'string') {
    printError(files)
    return null
  }
  // the design is named after what was given: a folder's files have paths relative to it
  const name = basename(resolve(path))
  const result = await importDeployment(files, { name, ...options }, { hclParser: nodeHclParser })
  if (!result.ok) {
    for (const e of result.errors) printError(formatImportError(e))
    return null
  }
  return result
}

/** The report as lines for a terminal. */
export function formatReport(report: ImportReport, design: Design): string[] {
  const at = (w?: { file: string; line?: number }) => (w ? `  (${w.file}${w.line ? `:${w.line}` : ''})` : '')
  const out = [
    `imported ${design.resources.length} resources from ${report.source} (${report.files.length} file${report.files.length === 1 ? '' : 's'}); ${report.mapped.length} Terraform resources mapped`,
  ]
  const section = (title: string, items: ImportReport['unresolved']) => {
    if (!items.length) return
    out.push(`${title} (${items.length}):`)
    for (const i of items) out.push(`  ${i.address}: ${i.message}${at(i.where)}`)
  }
  section('not modelled', report.notModelled)
  section('could not be resolved', report.unresolved)
  section('could not be placed', report.unplaced)
  section('assumed', report.assumed)
  section('files not read', report.skippedFiles)
  if (report.plannedActions) {
    out.push(`planned actions (${report.plannedActions.length}); the design shows the state after them:`)
    for (const a of report.plannedActions) out.push(`  ${a.actions.join(', ').padEnd(16)} ${a.address}`)
  }
  return out
}

/** A design for any command: a design file as before, or an import whose report goes to stderr. */
export async function loadInput(path: string): Promise<Design | null> {
  if (!isImportInput(path)) return loadDesign(path)
  const imported = await importPath(path)
  if (!imported) return null
  for (const line of formatReport(imported.report, imported.design)) printError(line)
  return imported.design
}

/**
 * Runs a command on its input: synchronously on a design file (as before), after the import on anything else.
 * The hook every command that takes a design goes through.
 */
export function withDesign(path: string, use: (design: Design) => number | Promise<number>): number | Promise<number> {
  if (!isImportInput(path)) {
    const design = loadDesign(path)
    return design ? use(design) : 2
  }
  return loadInput(path).then((design) => (design ? use(design) : 2))
}
