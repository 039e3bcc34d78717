// Importing a real deployment, as the panels see it: the importer they ask (the app implements it with the
// import worker) and the report of the last import, which the side panel shows. Plain data, so the panels
// stay free of the importer's code; the report's shape is the importer's own (src/import/types.ts).
import { createStore } from 'zustand/vanilla'
import type { Design } from '../model'

export interface ImportPlace {
  file: string
  /** 1-based */
  line?: number
}

export interface ImportReportItem {
  /** the Terraform address or the file it is about */
  address: string
  message: string
  where?: ImportPlace
}

export interface ImportReportView {
  source: string
  files: string[]
  mapped: { address: string; resourceId: string; as: string }[]
  notModelled: ImportReportItem[]
  unresolved: ImportReportItem[]
  unplaced: ImportReportItem[]
  assumed: ImportReportItem[]
  skippedFiles: ImportReportItem[]
  plannedActions?: { address: string; actions: string[] }[]
}

/** What the user gave: files picked or dropped (with the path shown in messages), or a dropped folder. */
export type ImportInput = { kind: 'file'; file: File; path: string } | { kind: 'entry'; entry: FileSystemEntry }

export interface ImportChoices {
  /** overrides detection from the content */
  from?: 'hcl' | 'tfstate' | 'tfplan' | 'aliyun'
  /** Terraform variables; they win over *.tfvars and defaults */
  vars?: Record<string, string>
}

export interface DesignImporter {
  /** Imports and opens the result (one undoable edit); false when nothing changed, and the notice says why. */
  run(inputs: ImportInput[], choices?: ImportChoices): Promise<boolean>
  /** Whether one dropped file is something to import (Terraform, cloud output, a zip) rather than a design file. */
  isImportFile(file: File): Promise<boolean>
  /** After a plan's import: opens the design before (the prior state) or after the plan. */
  openPlanSide(side: 'before' | 'after'): Promise<void>
}

export interface LastImport {
  report: ImportReportView
  /** what the import opened: the design (after the plan, for a plan) and the state before a plan, if any */
  after: Design
  before?: Design
  showing: 'after' | 'before'
  /** the design store's `opened` count once it was open: another design opened since hides the report */
  opened: number
}

export interface ImportState {
  /** what is being imported now, for the Import button */
  running: string | null
  last: LastImport | null
  setRunning(running: string | null): void
  setLast(last: LastImport | null): void
}

export function createImportStore() {
  return createStore<ImportState>()((set) => ({
    running: null,
    last: null,
    setRunning: (running) => set({ running }),
    setLast: (last) => set({ last }),
  }))
}
export type ImportStore = ReturnType<typeof createImportStore>

/**
 * Whether the import's report is about the design on the canvas: it is, while the design is the one the import
 * opened or an edit of it (the opened design is in the undo history), and no other design was opened since.
 */
export function reportApplies(last: LastImport | null, design: { design: Design; past: Design[]; opened: number }) {
  if (!last || last.opened !== design.opened) return false
  const opened = last.showing === 'before' && last.before ? last.before : last.after
  return design.design === opened || design.past.includes(opened)
}
