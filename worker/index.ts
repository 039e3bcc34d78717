// The comlink surface of the engine worker, and nothing else.
import { expose } from 'comlink'
import { applyFix, reportOn } from './report'

export const api = {
  /** Checks and lints a document; the app calls it (debounced) on every change. */
  load(document: unknown) {
    return reportOn(document)
  },
  /** The design with one reported problem's fix applied (fix functions cannot cross to the page). */
  applyFix(document: unknown, problemKey: string) {
    return applyFix(document, problemKey)
  },
}
export type EngineApi = typeof api

expose(api)
