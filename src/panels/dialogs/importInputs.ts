// What the user dropped or chose, as the importer's inputs. Small and separate from the import dialog, which
// loads when first opened, because the window's drop zone needs it from the start.
import type { ImportInput } from '../../store/importer'

/** A dropped item as an input: its entry (a folder is walked), or the file when the browser gives no entry. */
export function droppedInputs(items: DataTransferItemList): ImportInput[] {
  const inputs: ImportInput[] = []
  for (const item of items) {
    if (item.kind !== 'file') continue
    const entry = item.webkitGetAsEntry?.()
    const file = item.getAsFile()
    if (entry) inputs.push({ kind: 'entry', entry })
    else if (file) inputs.push({ kind: 'file', file, path: file.name })
  }
  return inputs
}

/** The files of a file input, with their paths under the folder when a folder was chosen. */
export function chosenInputs(files: FileList): ImportInput[] {
  return [...files].map((file) => ({ kind: 'file', file, path: file.webkitRelativePath || file.name }))
}
