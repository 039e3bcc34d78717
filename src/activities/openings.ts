// The activities opened in a tab, each with the design its opening put on the canvas, following the design's undo
// history as the design does: undoing an opening (the notice's Undo, Ctrl+Z, or undoing past it) sets its activity
// aside with its hints, grade, clock and LMS connection, Redo brings it back as it was, and an edit made after the
// undo (which drops the redo list) ends it for good. The activity shown is the latest opening not undone, so undoing
// a second activity's opening goes back to the first.
import type { Design } from '../model'
import type { Stores } from '../store/context'

export interface OpeningEvents<S> {
  /** the state of the activity shown now, to set aside */
  save(): S
  /** shows an activity set aside before, or none */
  show(saved: S | null): void
  /** an activity set aside that can no longer come back */
  end(saved: S): void
}

export interface Openings {
  /** the edit that opens an activity has just been made (the activity shown until now is set aside) */
  opened(): void
  /** the activity shown is left: every opening is forgotten, those set aside ended */
  closed(): void
}

interface Opening<S> {
  /** the design the opening put on the canvas */
  opened: Design
  saved: S | null
  undone: boolean
}

export function followOpenings<S>(stores: Stores, on: OpeningEvents<S>): Openings {
  let openings: Opening<S>[] = []
  let shown: Opening<S> | null = null
  const ended = (o: Opening<S>) => {
    if (o.saved) on.end(o.saved)
  }
  stores.design.subscribe((s, prev) => {
    if (s.future === prev.future || !openings.length) return
    openings = openings.filter((o) => {
      // undone exactly when the design it opened is in the redo list; redone when that design is back
      if (!o.undone && s.future.includes(o.opened)) o.undone = true
      else if (o.undone && s.design === o.opened) o.undone = false
      else if (o.undone && !s.future.includes(o.opened)) {
        ended(o)
        return false
      }
      return true
    })
    const next = openings.findLast((o) => !o.undone) ?? null
    if (next === shown) return
    if (shown) shown.saved = on.save()
    shown = next
    on.show(next?.saved ?? null)
  })
  return {
    opened() {
      if (shown) shown.saved = on.save()
      shown = { opened: stores.design.getState().design, saved: null, undone: false }
      openings.push(shown)
    },
    closed() {
      for (const o of openings) if (o !== shown) ended(o)
      openings = []
      shown = null
    },
  }
}
