// What the user dropped or chose, as the importer's inputs. Small and separate from the import dialog, which
// loads when first opened, because the window's drop zone needs it from the start.
import type { ImportInput } from '../../store/importer'

/**
 * Dropped items as inputs: each one's entry (a folder is walked), or its file when the browser gives no entry;
 * the plain file list where a DataTransfer has no items.
 */
export function droppedInputs(data: Pick<DataTransfer, 'files'> & { items?: DataTransferItemList }): ImportInput[] {
  if (!data.items) return [...data.files].map((file) => ({ kind: 'file', file, path: file.name }))
  const inputs: ImportInput[] = []
  for (const item of data.items) {
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
