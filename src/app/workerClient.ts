// The one place that starts the engine worker: the app's engine connection, handed to createStores. Tests hand
// over their own (test/engine.ts): jsdom has no Worker.
import { proxy, type Remote, wrap } from 'comlink'
import type { EngineApi } from '../../worker/index'
import type { EngineConnection, EngineWorker } from '../store/engine'
import { loadExample } from './examples'

let engine: Remote<EngineApi> | undefined
let asked: EngineWorker | undefined

function remote(): Remote<EngineApi> {
  engine ??= wrap<EngineApi>(new Worker(new URL('../../worker/index.ts', import.meta.url), { type: 'module' }))
  return engine
}

/** The worker as the engine client calls it; the frame receiver crosses the boundary as a comlink proxy. */
function workerEngine(): EngineWorker {
  asked ??= {
    load: (document) => remote().load(document),
    applyFix: (document, key) => remote().applyFix(document, key),
    trace: (document, packet, options) => remote().trace(document, packet, options),
    simLoad: (document, scenario, seed) => remote().simLoad(document, scenario, seed),
    simSubscribe: (onFrame) => remote().simSubscribe(proxy(onFrame)),
    simPlay: (untilMs) => remote().simPlay(untilMs),
    simPause: () => remote().simPause(),
    simStep: () => remote().simStep(),
    simReset: () => remote().simReset(),
    simSpeed: (speed) => remote().simSpeed(speed),
    simSeek: (ms) => remote().simSeek(ms),
  }
  return asked
}

/** The worker started on the first question, and the examples under public/examples. */
export const APP_ENGINE: EngineConnection = { worker: workerEngine, example: loadExample }
