// Opening a file (chosen or dropped): JSON or an exported PNG, through readDesignFile and so parse().
// A design that does not load leaves the current one untouched; the notice says why, field by field. One
// that loads replaces it as an edit, so Undo brings the previous design back, and the previous design stays
// in the browser's list of designs (its own record), so it is there after a reload too.
import { readDesignFile, refuseBySize } from '../../share/designFile'
import { toDrawing } from '../../share/drawing/toDrawing'
import type { DesignLoad } from '../../share/load'
import type { Stores } from '../../store/context'
import { openInPlace, refusesInPlace } from '../../store/inPlace'
import { leaveSharedLink } from './sharedLink'

/** Lets the page draw and handle input between two pieces of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export async function openDesignFile(stores: Stores, file: Blob & { name?: string }): Promise<boolean> {
  const what = file.name ? `"${file.name}"` : 'The file'
  // refused before the file is read while a lesson holds the design; openInPlace asks again when it opens
  if (refusesInPlace(stores, what)) return false
  let loaded: DesignLoad
  try {
    // the size is checked from the first bytes, before the whole file is read into memory
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer())
    loaded = refuseBySize(file.size, head) ?? readDesignFile(new Uint8Array(await file.arrayBuffer()))
  } catch (e) {
    stores.ui.getState().notify({
      tone: 'error',
      lines: [
        `Could not read the file "${file.name ?? ''}".`,
        e instanceof Error ? e.message : String(e),
        'Your current design is unchanged.',
      ],
    })
    return false
  }
  if (!loaded.ok) {
    const [head, ...rest] = loaded.messages
    stores.ui.getState().notify({ tone: 'error', lines: [file.name ? `${file.name}: ${head}` : head, ...rest] })
    return false
  }
  // reading a large file is a task's worth of work, and so are drawing its design and putting it on the canvas:
  // one task each (toDrawing keeps the drawing, which the canvas then finds drawn)
  await nextTask()
  toDrawing(loaded.design)
  await nextTask()
  // the design it replaces is saved as it is in the browser's list of designs, and one Undo away
  const opened = await openInPlace(stores, {
    label: `open ${file.name ? `“${file.name}”` : 'file'}`,
    design: loaded.design,
    what,
    lines: loaded.messages,
  })
  if (!opened) return false
  // a file the user opened is theirs to edit, even when a shared design was on screen before
  leaveSharedLink(stores)
  stores.ui.getState().select(null)
  return true
}
