// What the engine worker last reported about the design.
import { createStore } from 'zustand/vanilla'
import type { DesignReport } from '../../worker/report'

export interface ReportState {
  report: DesignReport | null
  /** the worker failed to answer: the message */
  failure: string | null
  setReport(report: DesignReport): void
  setFailure(message: string): void
}

export function createReportStore() {
  return createStore<ReportState>()((set) => ({
    report: null,
    failure: null,
    setReport: (report) => set({ report, failure: null }),
    setFailure: (failure) => set({ failure }),
  }))
}
export type ReportStore = ReturnType<typeof createReportStore>
