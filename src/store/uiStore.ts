// Session state of the interface: never saved in the document, never shared.
import { createStore } from 'zustand/vanilla'

export interface UiState {
  selectedId: string | null
  /** the route table whose entries are shown in the side panel */
  openRouteTableId: string | null
  select(id: string | null): void
  openRouteTable(id: string | null): void
}

export function createUiStore() {
  return createStore<UiState>()((set) => ({
    selectedId: null,
    openRouteTableId: null,
    select: (selectedId) => set({ selectedId }),
    openRouteTable: (openRouteTableId) => set({ openRouteTableId }),
  }))
}
export type UiStore = ReturnType<typeof createUiStore>
