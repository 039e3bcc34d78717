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
  replace(design: Design): void
  edit(label: string, change: (design: Design) => Design): void
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
    replace: (design) => set({ design: freeze(design), past: [], future: [], labels: [] }),
    edit: (label, change) => {
      const { design, past, labels } = get()
      const next = change(design)
      if (next === design) return
      set({
        design: freeze(next),
        past: [...past, design].slice(-HISTORY_LIMIT),
        labels: [...labels, label].slice(-HISTORY_LIMIT),
        future: [],
      })
    },
    undo: () => {
      const { design, past, future, labels } = get()
      const prev = past.at(-1)
      if (!prev) return
      set({ design: prev, past: past.slice(0, -1), labels: labels.slice(0, -1), future: [design, ...future] })
    },
    redo: () => {
      const { design, past, future, labels } = get()
      const [next, ...rest] = future
      if (!next) return
      set({ design: next, past: [...past, design], labels: [...labels, 'redo'], future: rest })
    },
  }))
}
export type DesignStore = ReturnType<typeof createDesignStore>
