// The comlink surface of the engine worker, and nothing else.
import { expose } from 'comlink'
import { type FrameBatch, createPlayback } from './playback'
import type { EngineOptions, PacketSpec } from './engine'
import { applyFix, reportOn, traceOn } from './report'

const playback = createPlayback()

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
  /** Loads a scenario of the design into the simulator, paused at 0 s. */
  simLoad(document: unknown, scenario: string | null, seed?: number) {
    return playback.load(document, scenario, seed)
  },
  /** The page's per-frame receiver (a comlink proxy): one batch per frame, never a message per packet. */
  simSubscribe(onFrame: (batch: FrameBatch) => void) {
    playback.subscribe(onFrame)
  },
  /** Plays; with untilMs, pauses by itself exactly at that simulated time (a lesson step's moment). */
  simPlay: (untilMs?: number) => playback.play(untilMs),
  simPause: () => playback.pause(),
  simStep: () => playback.step(),
  simReset: () => playback.reset(),
  simSpeed: (speed: number) => playback.setSpeed(speed),
  simSeek: (ms: number) => playback.seek(ms),
}
export type EngineApi = typeof api

expose(api)
