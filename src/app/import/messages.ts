// The words of an import's notices: the input in a few words, the errors as file:line: what; expected what,
// and the one-line summary of what was imported. Pure.
import type { ImportError } from '../../import'
import type { Design } from '../../model'
import type { ImportReportView } from '../../store/importer'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The notice lists this many errors, then says how many more there are. */
const ERRORS_SHOWN = 8

/** file:line: what was found; expected what (HashiCorp's own diagnostics already start with "Expected"). */
export function errorLine(e: ImportError): string {
  const expected = /^expected\b/i.test(e.expected) ? e.expected.replace(/^E/, 'e') : `expected ${e.expected}`
  return `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}; ${expected}`
}

export function errorLines(errors: ImportError[]): string[] {
  const shown = errors.slice(0, ERRORS_SHOWN).map(errorLine)
  if (errors.length > ERRORS_SHOWN) shown.push(`… and ${errors.length - ERRORS_SHOWN} more`)
  return shown
}

/** The input in a few words: a file's name, a folder's ("infra (6 files)"), or the first names of several files. */
export function describe(paths: string[]): string {
  if (paths.length === 1) return paths[0]
  const folders = new Set(paths.map((p) => (p.includes('/') ? p.split('/')[0] : '')))
  const [folder] = folders
  if (folders.size === 1 && folder) return `${folder} (${plural(paths.length, 'file')})`
  const names = paths.slice(0, 3).join(', ')
  return paths.length > 3 ? `${names} and ${paths.length - 3} more` : names
}

export function summary(report: ImportReportView, design: Design): string {
  const parts = [
    `${report.mapped.length} mapped`,
    report.notModelled.length && `${report.notModelled.length} not modelled`,
    report.unresolved.length && `${report.unresolved.length} not resolved`,
    report.unplaced.length && `${report.unplaced.length} not placed`,
  ].filter(Boolean)
  return `Imported "${design.name}": ${plural(design.resources.length, 'resource')} from ${plural(report.files.length, 'file')} (${parts.join(', ')}).`
}
