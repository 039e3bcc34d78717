// A .zip of the files to import (Terraform configuration, or the aliyun CLI's output) → the files, within the
// import's limits: entries are counted and their declared sizes added up before anything is inflated. Pure.
import { unzipSync } from 'fflate'
import { IMPORT_LIMITS, type ImportError, type ImportFile } from './types'

const WANTED = /\.(tf|tfvars|tfstate|json)$/i

export function filesFromZip(
  name: string,
  bytes: Uint8Array,
): { ok: true; files: ImportFile[] } | { ok: false; error: ImportError } {
  let count = 0
  let total = 0
  let over: string | undefined
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        // folders, hidden files (.terraform/...) and macOS resource forks hold nothing to import
        if (f.name.endsWith('/') || f.name.split('/').some((s) => s.startsWith('.') || s === '__MACOSX')) return false
        if (!WANTED.test(f.name)) return false
        count++
        total += f.originalSize
        if (count > IMPORT_LIMITS.files) over = `more than ${IMPORT_LIMITS.files} files`
        else if (total > IMPORT_LIMITS.bytes) over = `more than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB once unpacked`
        return over === undefined
      },
    })
  } catch (e) {
    return {
      ok: false,
      error: {
        file: name,
        message: `not a readable zip archive (${e instanceof Error ? e.message : String(e)})`,
        expected: 'a .zip of .tf files or of the aliyun CLI’s JSON output',
      },
    }
  }
  if (over)
    return {
      ok: false,
      error: {
        file: name,
        message: over,
        expected: `at most ${IMPORT_LIMITS.files} files and ${IMPORT_LIMITS.bytes / 1024 / 1024} MB`,
      },
    }
  const decoder = new TextDecoder()
  const files = Object.entries(entries)
    .map(([path, data]) => ({ path, text: decoder.decode(data).replace(/^\ufeff/, '') }))
    .sort((a, b) => a.path.localeCompare(b.path))
  if (!files.length)
    return {
      ok: false,
      error: {
        file: name,
        message: 'no .tf, .tfvars, .tfstate or .json file in the archive',
        expected: 'Terraform configuration, state, or aliyun CLI output',
      },
    }
  return { ok: true, files }
}
