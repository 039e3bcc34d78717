// Session state of the interface: never saved in the document, never shared.
import { createStore } from 'zustand/vanilla'

export interface Notice {
  tone: 'info' | 'error'
  /** a headline, then detail lines: plain text */
  lines: string[]
}

export interface UiState {
  selectedId: string | null
  /** the route table whose entries are shown in the side panel */
  openRouteTableId: string | null
  /** a shared or embedded design is shown read-only until the user makes a copy */
  readOnly: boolean
  notice: Notice | null
  select(id: string | null): void
  openRouteTable(id: string | null): void
  setReadOnly(readOnly: boolean): void
  notify(notice: Notice | null): void
}

export function createUiStore(initial: Partial<Pick<UiState, 'readOnly' | 'notice'>> = {}) {
  return createStore<UiState>()((set) => ({
    selectedId: null,
    openRouteTableId: null,
    readOnly: initial.readOnly ?? false,
    notice: initial.notice ?? null,
    select: (selectedId) => set({ selectedId }),
    openRouteTable: (openRouteTableId) => set({ openRouteTableId }),
    setReadOnly: (readOnly) => set({ readOnly }),
    notify: (notice) => set({ notice }),
  }))
}
export type UiStore = ReturnType<typeof createUiStore>
