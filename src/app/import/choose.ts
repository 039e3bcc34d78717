// Which files of a folder or a zip go to the importer, as the CLI chooses them from a folder on disk: the
// .tf and .tfvars files (or, with none, the JSON and .tfstate files), never what is under a hidden folder
// (.terraform, .git). Files the user picked one by one all go, so the importer can say what each one is.
import { IMPORT_LIMITS } from '../../import'

const TERRAFORM_FILE = /\.(tf|tfvars)$/i
const JSON_FILE = /\.(json|tfstate)$/i

/** Under a hidden folder, or a hidden file itself (".terraform/...", "infra/.git/..."), or macOS's zip extras. */
export const isHidden = (path: string) => path.split('/').some((seg) => seg.startsWith('.') || seg === '__MACOSX')

export const isZip = (path: string) => /\.zip$/i.test(path)

/** The files of a folder (or a zip) that make the input; null when there are none to read. */
export function chooseFromFolder<T extends { path: string }>(files: T[]): T[] | null {
  const visible = files.filter((f) => !isHidden(f.path))
  const tf = visible.filter((f) => TERRAFORM_FILE.test(f.path))
  const chosen = tf.length ? tf : visible.filter((f) => JSON_FILE.test(f.path))
  return chosen.length ? [...chosen].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) : null
}

/** A file or a folder as the user gave it: what was read, or the one message why it cannot be. */
export type Gathered<T> = { ok: true; files: T[] } | { ok: false; lines: string[] }

/** The limits a browser import checks before reading a byte (the importer checks them again). */
export function checkSizes(files: { path: string; size: number }[]): string[] | null {
  if (files.length > IMPORT_LIMITS.files)
    return [
      `${files.length} files: at most ${IMPORT_LIMITS.files} are imported at once.`,
      'Give the folder of one Terraform root module.',
    ]
  const total = files.reduce((n, f) => n + f.size, 0)
  if (total > IMPORT_LIMITS.bytes) {
    const largest = files.reduce((a, b) => (b.size > a.size ? b : a))
    return [
      `${mb(total)} of input: at most ${mb(IMPORT_LIMITS.bytes)} are imported at once.`,
      `The largest file is ${largest.path} (${mb(largest.size)}).`,
    ]
  }
  return null
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`
