// What the user picked or dropped → the files to import: a dropped folder is walked (the browser's
// FileSystemEntry API: a directory reader answers in batches until an empty one), hidden folders such as
// .terraform are not entered, and a folder's files are chosen as the CLI chooses them (choose.ts). The walk
// stops past the file limit, so a folder of 10,000 files is refused without reading them all.
import { IMPORT_LIMITS } from '../../import'
import type { ImportInput } from '../../store/importer'
import { checkSizes, chooseFromFolder } from './choose'
import type { ImportBlob } from './importFiles'

class TooMany extends Error {}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject))

function batch(reader: FileSystemDirectoryReader) {
  return new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
}

/** Every file under a dropped folder, with its path from the folder's parent ("infra/modules/net/main.tf"). */
async function walk(dir: FileSystemDirectoryEntry, found: ImportBlob[], seen: { count: number }): Promise<void> {
  const reader = dir.createReader()
  for (let entries = await batch(reader); entries.length; entries = await batch(reader)) {
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, found, seen)
      else {
        if (++seen.count > IMPORT_LIMITS.files) throw new TooMany()
        const file = await fileOf(entry as FileSystemFileEntry)
        found.push({ path: entry.fullPath.replace(/^\//, ''), blob: file })
      }
    }
  }
}

export type Gathered = { ok: true; files: ImportBlob[] } | { ok: false; lines: string[] }

/** Files as given, and each folder's chosen files; a message instead when there is nothing to import. */
export async function gather(inputs: ImportInput[]): Promise<Gathered> {
  const loose: ImportBlob[] = []
  const folders: { name: string; files: ImportBlob[] }[] = []
  const seen = { count: 0 }
  try {
    for (const input of inputs) {
      if (input.kind === 'file') {
        // a file chooser on a folder (webkitdirectory) gives paths under it: those are a folder's files too
        if (input.path.includes('/')) {
          const name = input.path.split('/')[0]
          const folder = folders.find((f) => f.name === name) ?? folders[folders.push({ name, files: [] }) - 1]
          if (++seen.count > IMPORT_LIMITS.files) throw new TooMany()
          folder.files.push({ path: input.path, blob: input.file })
        } else loose.push({ path: input.path, blob: input.file })
      } else if (input.entry.isDirectory) {
        const files: ImportBlob[] = []
        await walk(input.entry as FileSystemDirectoryEntry, files, seen)
        folders.push({ name: input.entry.name, files })
      } else loose.push({ path: input.entry.name, blob: await fileOf(input.entry as FileSystemFileEntry) })
    }
  } catch (e) {
    if (e instanceof TooMany)
      return {
        ok: false,
        lines: [
          `More than ${IMPORT_LIMITS.files} files: an import reads at most ${IMPORT_LIMITS.files}.`,
          'Give the folder of one Terraform root module (its .tf and .tfvars files, and its local modules).',
        ],
      }
    return { ok: false, lines: ['The files could not be read.', e instanceof Error ? e.message : String(e)] }
  }
  const files = [...loose]
  for (const folder of folders) {
    const chosen = chooseFromFolder(folder.files)
    if (!chosen)
      return {
        ok: false,
        lines: [
          `${folder.name}: no .tf, .tfvars, .tfstate or .json file.`,
          'Expected Terraform configuration (a folder of .tf files), a state or plan JSON file, aliyun CLI output, or a zip.',
        ],
      }
    files.push(...chosen)
  }
  if (!files.length) return { ok: false, lines: ['Nothing to import: no file was given.'] }
  const tooBig = checkSizes(files.map((f) => ({ path: f.path, size: f.blob.size })))
  return tooBig ? { ok: false, lines: tooBig } : { ok: true, files }
}
