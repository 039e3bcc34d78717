// The comlink surface of the engine worker, and nothing else.
import { expose } from 'comlink'
import type { EngineOptions, PacketSpec } from './engine'
import { applyFix, reportOn, traceOn } from './report'

export const api = {
  /** Checks and lints a document; the app calls it (debounced) on every change. */
  load(document: unknown) {
    return reportOn(document)
  },
  /** The design with one reported problem's fix applied (fix functions cannot cross to the page). */
  applyFix(document: unknown, problemKey: string) {
    return applyFix(document, problemKey)
  },
  /** A packet's request and its reply through the design, hop by hop, with the rule that decided each step. */
  trace(document: unknown, packet: PacketSpec, options?: EngineOptions) {
    return traceOn(document, packet, options)
  },
}
export type EngineApi = typeof api

expose(api)
