// Session state of the interface: never saved in the document, never shared.
import { createStore } from 'zustand/vanilla'
import type { Connection, ConnectPurpose } from '../model/edits/connect'

export interface Notice {
  tone: 'info' | 'error'
  /** a headline, then detail lines: plain text */
  lines: string[]
  /** buttons beside it: the way back to a design it mentions, or the choice it offers */
  actions?: { label: string; run(): void }[]
}

/** The modal dialog open, if any: plain data, so any part of the app can open one. */
export type Dialog =
  | { kind: 'connect'; connection: Connection }
  /** "Add route…" / "Connect…": choose where a line from `fromId` would end */
  | { kind: 'connectFrom'; fromId: string; purpose: ConnectPurpose }
  | { kind: 'delete'; ids: string[] }
  | { kind: 'help' }
  | { kind: 'designs' }
  | { kind: 'import' }

/** Resources lit up on the canvas by a packet walk or a lesson step. */
export interface Highlight {
  ids: string[]
  /** the one resource the current step is at */
  focusId?: string
  /**
   * the route lines lit: those of the route entries that decided. Absent, a route line is lit when both its ends
   * are; a walk always names them, since a path passing both ends of a line does not mean its rule decided.
   */
  routeEdgeIds?: string[]
  tone: 'path' | 'drop' | 'lesson'
  /** the Compare tab's marks: resources added or changed against the design compared with */
  marks?: Record<string, 'added' | 'changed'>
}

export interface UiState {
  /** the selection; the inspector shows the first */
  selectedIds: string[]
  /** the route table whose entries are shown in the side panel, or a vSwitch's system table (systemTableOf) */
  openRouteTableId: string | null
  /** a shared or embedded design is shown read-only until the user makes a copy */
  readOnly: boolean
  /** the embed view (URL flag view=embed): the canvas only, for an iframe; always read-only */
  embed: boolean
  notice: Notice | null
  dialog: Dialog | null
  highlight: Highlight | null
  /** counts requests to fit the whole design into the window (the F key); the canvas fits on each */
  fitRequests: number
  requestFit(): void
  /**
   * a quiz question is open: the canvas shows nothing that points at the answer (no problem badges, no glow)
   * until it is answered
   */
  answerHidden: boolean
  /**
   * an activity asks students to find the fault themselves: the linter's problems are not shown (no panel list,
   * no badges, none in the inspector) until the activity closes
   */
  problemsHidden: boolean
  /**
   * a lesson holds the user's design aside and puts its own on the canvas at each step: nothing opens in place of
   * the design until it closes (inPlace.ts), since the next step would replace what opened
   */
  lessonHoldsDesign: boolean
  holdForLesson(holds: boolean): void
  setHighlight(highlight: Highlight | null): void
  hideAnswer(hidden: boolean): void
  hideProblems(hidden: boolean): void
  select(id: string | null): void
  setSelection(ids: string[]): void
  openRouteTable(id: string | null): void
  setReadOnly(readOnly: boolean): void
  setEmbed(embed: boolean): void
  notify(notice: Notice | null): void
  openDialog(dialog: Dialog | null): void
}

/**
 * What openRouteTable takes for the VPC system route table a vSwitch uses: that table is derived, not a
 * resource, and the panel shows it with the way to a custom table of the vSwitch's own.
 */
export function systemTableOf(vswitchId: string): string {
  return `system:${vswitchId}`
}
/** The vSwitch whose system table `openRouteTableId` names, if it names one. */
export function vswitchOfSystemTable(openRouteTableId: string): string | undefined {
  return openRouteTableId.startsWith('system:') ? openRouteTableId.slice('system:'.length) : undefined
}

export function createUiStore(initial: Partial<Pick<UiState, 'readOnly' | 'embed' | 'notice'>> = {}) {
  return createStore<UiState>()((set) => ({
    selectedIds: [],
    openRouteTableId: null,
    readOnly: initial.readOnly ?? false,
    embed: initial.embed ?? false,
    notice: initial.notice ?? null,
    dialog: null,
    highlight: null,
    fitRequests: 0,
    requestFit: () => set((s) => ({ fitRequests: s.fitRequests + 1 })),
    answerHidden: false,
    setHighlight: (highlight) => set({ highlight }),
    hideAnswer: (answerHidden) => set({ answerHidden }),
    problemsHidden: false,
    hideProblems: (problemsHidden) => set({ problemsHidden }),
    lessonHoldsDesign: false,
    holdForLesson: (lessonHoldsDesign) => set({ lessonHoldsDesign }),
    select: (id) => set({ selectedIds: id ? [id] : [] }),
    setSelection: (selectedIds) => set({ selectedIds }),
    openRouteTable: (openRouteTableId) => set({ openRouteTableId }),
    setReadOnly: (readOnly) => set({ readOnly }),
    setEmbed: (embed) => set(embed ? { embed, readOnly: true } : { embed }),
    notify: (notice) => set({ notice }),
    openDialog: (dialog) => set({ dialog }),
  }))
}
export type UiStore = ReturnType<typeof createUiStore>
