// The comlink surface of the engine worker, and nothing else.
import { expose } from 'comlink'
import { reportOn } from './report'

export const api = {
  /** Checks and lints a document; the app calls it (debounced) on every change. */
  load(document: unknown) {
    return reportOn(document)
  },
}
export type EngineApi = typeof api

expose(api)
