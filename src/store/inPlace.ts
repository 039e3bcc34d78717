// Opening another design in place of the one on the canvas: an example, New, a file, an import (and a plan's two
// sides), an activity, a share link pasted into the address bar. One function for all of them, so none leaves a
// step out: the design on the canvas is kept in its own stored record first (the browser's designs, when the app
// has them), then the other opens as one undoable edit, and the notice says how to get the first back: Undo, and
// Reopen from the designs kept in this browser. A live session's design, which replaces the design with no undo
// step, is kept the same way (keepForReplace). While a lesson holds the user's design aside nothing opens in
// place: the lesson puts its own design back at each step, so what opened would be gone at the next one.
import type { Design } from '../model'
import type { Stores } from './context'
import { type KeptDesign, keptNotice } from './library'
import type { Notice } from './uiStore'

export interface InPlaceOpen {
  /** the undo step's label, which the Undo button's title shows: `open “design.gwlb.json”` */
  label: string
  design: Design
  /** what opens, as a refusal names it: `"design.gwlb.json"`, `The example "Two zones"` */
  what: string
  /** the notice's first lines: what opened, what the loader repaired, what else there is to know */
  lines: string[]
  /** it opens read-only, as a shared link does; the notice's Undo gives back the design before as it was */
  readOnly?: boolean
  /** after the notice's Undo: what else goes with the design undone (a shared link leaves the address bar) */
  afterUndo?: () => void
}

/** Why nothing may open in place now, or null when something may. */
function refusal(stores: Stores, what: string): string | null {
  return stores.ui.getState().lessonHoldsDesign
    ? `${what} was not opened: close the lesson first (it gives your design back when it closes).`
    : null
}

/**
 * Says why nothing may open in place now, and answers that; null when something may. openInPlace asks it itself;
 * a path with work to do before it opens (reading a file, an import) may ask first and spare the work, and one
 * that replaces the design with no undo step (opening a stored design) asks it too.
 */
export function refusesInPlace(stores: Stores, what: string): string | null {
  const why = refusal(stores, what)
  if (why) stores.ui.getState().notify({ tone: 'error', lines: [why, 'Your design is unchanged.'] })
  return why
}

/**
 * Keeps the design on the canvas in its stored record, opens `open.design` in its place as one undoable edit and
 * says so, with Undo and Reopen; false (and a notice saying why) when nothing may open now.
 */
export async function openInPlace(stores: Stores, open: InPlaceOpen): Promise<boolean> {
  if (refusesInPlace(stores, open.what)) return false
  const { design, ui } = stores
  const previous = design.getState().design.name
  const wasReadOnly = ui.getState().readOnly
  const kept = await stores.library?.keepBeforeReplace()
  // a lesson that opened while the design was being kept holds it now: opening over the lesson would lose this
  if (refusesInPlace(stores, open.what)) return false
  design.getState().edit(open.label, () => open.design, { opens: true })
  if (open.readOnly) ui.getState().setReadOnly(true)
  const undo = () => {
    design.getState().undo()
    if (open.readOnly) ui.getState().setReadOnly(wasReadOnly)
    open.afterUndo?.()
  }
  ui.getState().notify(replacedNotice(open, previous, undo, kept))
  return true
}

/**
 * Before a design that comes later replaces the one on the canvas with no undo step (a live session's shared
 * design, for an editor who joins): the same refusal, the design kept in its record, and a notice with Reopen.
 * False (and a notice saying why) when nothing may replace it now.
 */
export async function keepForReplace(stores: Stores, what: string): Promise<boolean> {
  if (refusesInPlace(stores, what)) return false
  const kept = keptNotice(await stores.library?.keepBeforeReplace())
  if (kept.actions) stores.ui.getState().notify({ tone: 'info', ...kept })
  return true
}

/** What opened, that Undo brings the design before back (nothing is asked first), and where that one is kept. */
function replacedNotice(
  open: InPlaceOpen,
  previousName: string,
  undo: () => void,
  kept: KeptDesign | null | undefined,
): Notice {
  const back = keptNotice(kept)
  // Ctrl+Z edits nothing in a read-only view: the notice's button is the way back
  const keys = open.readOnly ? '' : ' (Ctrl+Z)'
  return {
    tone: 'info',
    lines: [...open.lines, `Undo${keys} brings "${previousName}" back.`, ...back.lines],
    actions: [{ label: 'Undo', run: undo }, ...(back.actions ?? [])],
  }
}
