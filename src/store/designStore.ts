// The design store: the document and its undo history. Edits are whole new documents (structural
// sharing keeps that cheap); undo steps back to the previous one.
import { createStore } from 'zustand/vanilla'
import type { Design } from '../model'

const HISTORY_LIMIT = 200

export interface DesignState {
  design: Design
  past: Design[]
  future: Design[]
  /** the label of each past edit, for the undo button's title */
  labels: string[]
  /** counts the designs opened (replaced, or opened as an edit): the canvas fits each one to the window */
  opened: number
  replace(design: Design): void
  /** `opens`: the edit puts another design on the canvas (an example, a file), as opposed to changing this one */
  edit(label: string, change: (design: Design) => Design, options?: { opens?: boolean }): void
  undo(): void
  redo(): void
  /**
   * Where undo and redo go instead of the history above, while set: in a live session, the shared document's
   * undo manager, which undoes only this person's edits.
   */
  undoer: Undoer | null
  setUndoer(undoer: Undoer | null): void
  /** Someone else's change (a live session): shown as it is, without an undo step of one's own. */
  receive(design: Design): void
}

export interface Undoer {
  undo(): void
  redo(): void
}

/** In development, documents are frozen so that an accidental mutation throws at once. */
function freeze<T>(value: T): T {
  if (import.meta.env?.DEV && value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) freeze(v)
  }
  return value
}

export function createDesignStore(initial: Design) {
  return createStore<DesignState>()((set, get) => ({
    design: freeze(initial),
    past: [],
    future: [],
    labels: [],
    opened: 0,
    replace: (design) => set({ design: freeze(design), past: [], future: [], labels: [], opened: get().opened + 1 }),
    edit: (label, change, options) => {
      const { design, past, labels, opened } = get()
      const next = change(design)
      if (next === design) return
      set({
        design: freeze(next),
        past: [...past, design].slice(-HISTORY_LIMIT),
        labels: [...labels, label].slice(-HISTORY_LIMIT),
        future: [],
        opened: options?.opens ? opened + 1 : opened,
      })
    },
    undoer: null,
    setUndoer: (undoer) => set({ undoer }),
    receive: (design) => set({ design: freeze(design) }),
    undo: () => {
      const { design, past, future, labels, undoer } = get()
      if (undoer) return undoer.undo()
      const prev = past.at(-1)
      if (!prev) return
      set({ design: prev, past: past.slice(0, -1), labels: labels.slice(0, -1), future: [design, ...future] })
    },
    redo: () => {
      const { design, past, future, labels, undoer } = get()
      if (undoer) return undoer.redo()
      const [next, ...rest] = future
      if (!next) return
      set({ design: next, past: [...past, design], labels: [...labels, 'redo'], future: rest })
    },
  }))
}
export type DesignStore = ReturnType<typeof createDesignStore>
