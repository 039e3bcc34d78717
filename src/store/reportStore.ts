// What the engine worker last reported about the design.
import { createStore } from 'zustand/vanilla'
import type { DesignReport, ReportedProblem } from '../../worker/report'

export interface ReportState {
  report: DesignReport | null
  /** problems by the resource they are badged on (their first resource); rebuilt once per report */
  problemsOn: ReadonlyMap<string, ReportedProblem[]>
  /** the worker failed to answer: the message (the last report is dropped: it may not be this design's) */
  failure: string | null
  setReport(report: DesignReport): void
  setFailure(message: string): void
}

export function createReportStore() {
  return createStore<ReportState>()((set) => ({
    report: null,
    problemsOn: new Map(),
    failure: null,
    setReport: (report) => {
      const problemsOn = new Map<string, ReportedProblem[]>()
      if (report.loaded)
        for (const p of report.problems) {
          const id = p.resourceIds[0]
          if (id) problemsOn.set(id, [...(problemsOn.get(id) ?? []), p])
        }
      set({ report, problemsOn, failure: null })
    },
    // an old "no problems" must not stand for a design the engine never checked
    setFailure: (failure) => set({ failure, report: null, problemsOn: new Map() }),
  }))
}
export type ReportStore = ReturnType<typeof createReportStore>
