// Opening a file (chosen or dropped): JSON or an exported PNG, through readDesignFile and so parse().
// A design that does not load leaves the current one untouched; the notice says why, field by field. One
// that loads replaces it as an edit, so Undo brings the previous design back, and the previous design stays
// in the browser's list of designs (its own record), so it is there after a reload too.
import { readDesignFile, refuseBySize } from '../../share/designFile'
import { toDrawing } from '../../share/drawing/toDrawing'
import type { DesignLoad } from '../../share/load'
import type { Stores } from '../../store/context'
import { keptNotice } from '../../store/library'
import { lessonRunnerFor } from '../lessons/useLessons'
import { leaveSharedLink } from './sharedLink'

/** Lets the page draw and handle input between two pieces of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export async function openDesignFile(stores: Stores, file: Blob & { name?: string }): Promise<boolean> {
  // a lesson holds the user's design aside and puts its own back at each step: a file opened meanwhile would be
  // lost at the next step, and the held design's place taken
  if (lessonRunnerFor(stores).getState().lesson) {
    stores.ui.getState().notify({
      tone: 'error',
      lines: [
        `${file.name ? `"${file.name}"` : 'The file'} was not opened: close the lesson first (it gives your design back when it closes).`,
      ],
    })
    return false
  }
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
  const kept = keptNotice(await stores.library?.keepBeforeReplace())
  const design = loaded.design
  stores.design.getState().edit(`open ${file.name ? `“${file.name}”` : 'file'}`, () => design, { opens: true })
  // a file the user opened is theirs to edit, even when a shared design was on screen before
  leaveSharedLink(stores)
  stores.ui.getState().select(null)
  stores.ui.getState().notify({ tone: 'info', lines: [...loaded.messages, ...kept.lines], actions: kept.actions })
  return true
}
