// The in-place opens in the undo history. Opening another design in place (an example, New, a file, an import, an
// activity, a share link: src/store/inPlace.ts) is one undoable edit; the design before it stays in its own stored
// design and the one it opens is saved in a new one. Undo and Redo step across that edit, and the tab's binding
// follows the design shown: Undo of the open writes into the kept design again (writing into the opened one's
// record would list the kept design twice and leave nothing of the opened one), Redo into the opened one's.
// An open is known by its two sides, the documents before and after it (undo and redo restore the very objects),
// in WeakMaps, so a document that has left the history is let go with what it was bound to.
import type { Design } from '../../model'
import type { DesignState } from '../../store/designStore'
import { type Binding, bindingOf, changed, noteOpen, type Tab } from './tab'

interface Opening {
  before: Binding
  after: Binding
}

export interface Openings {
  /** keepBeforeReplace: `kept` is the binding the design on the canvas had; the next open's before side */
  keep(kept: Binding): void
  /** the design store changed: an open splits the binding, Undo or Redo across one takes its side's */
  follow(s: DesignState, prev: DesignState): void
}

export function createOpenings(t: Tab): Openings {
  /** before → after → the open between them */
  const sides = new WeakMap<Design, WeakMap<Design, Opening>>()
  let kept: Binding | null = null
  const take = (b: Binding) => {
    if (b === t.binding) return
    t.binding = b
    noteOpen(t)
    // the Designs dialog marks another design as the one open
    changed(t)
  }
  return {
    keep(binding) {
      kept = binding
    },
    follow(s, prev) {
      if (s.design === prev.design) return
      if (s.opened !== prev.opened) {
        // an open as an edit: the design before it is one Undo away; a replace starts the history afresh
        if (s.past.at(-1) === prev.design) opened(prev.design, s.design)
        kept = null
        return
      }
      if (prev.past.at(-1) === s.design && s.future[0] === prev.design) {
        const across = sides.get(s.design)?.get(prev.design)
        if (across) take(across.before)
      } else if (prev.future[0] === s.design && s.past.at(-1) === prev.design) {
        const across = sides.get(prev.design)?.get(s.design)
        if (across) take(across.after)
      }
    },
  }

  /** keepBeforeReplace already gave the tab a new binding (and kept the old one); an open without it splits here */
  function opened(before: Design, after: Design) {
    const opening = kept ? { before: kept, after: t.binding } : { before: t.binding, after: bindingOf(null) }
    const afters = sides.get(before) ?? new WeakMap<Design, Opening>()
    afters.set(after, opening)
    sides.set(before, afters)
    take(opening.after)
  }
}
