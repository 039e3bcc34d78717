// The one place that starts the engine worker: the app's engine connection, handed to createStores. Tests hand
// over their own (test/engine.ts): jsdom has no Worker. The worker runs under a supervisor (engineSupervisor.ts):
// one that dies or hangs is replaced, and the app reloads the design into the new one.
import { proxy, type Remote, wrap } from 'comlink'
import type { EngineApi } from '../../worker/index'
import type { EngineConnection, EngineWorker } from '../store/engine'
import { createSupervisor } from './engineSupervisor'
import { loadExample } from './examples'

const supervisor = createSupervisor<Remote<EngineApi>>({
  start() {
    const worker = new Worker(new URL('../../worker/index.ts', import.meta.url), { type: 'module' })
    return { worker, remote: wrap<EngineApi>(worker) }
  },
  ping: (remote) => remote.ping(),
  heartbeatMs: 2_000,
  // a lint of a very large design may keep the worker busy for seconds: a hang is much longer than that
  timeoutMs: 10_000,
  maxTimeoutMs: 120_000,
})

const call = supervisor.call

/** The worker as the engine client calls it; the frame receiver crosses the boundary as a comlink proxy. */
const workerEngine: EngineWorker = {
  ping: () => call((r) => r.ping()),
  load: (document) => call((r) => r.load(document)),
  applyFix: (document, key) => call((r) => r.applyFix(document, key)),
  trace: (document, packet, options, idleSeconds) => call((r) => r.trace(document, packet, options, idleSeconds)),
  verify: (document, intents) => call((r) => r.verify(document, intents)),
  // the progress receiver crosses the boundary as a comlink proxy; the worker releases it when the comparison ends
  diff: (before, after, onProgress) => call((r) => r.diff(before, after, onProgress && proxy(onProgress))),
  diffCancel: () => call((r) => r.diffCancel()),
  planCheck: (document, request) => call((r) => r.planCheck(document, request)),
  planParse: (plan) => call((r) => r.planParse(plan)),
  replay: (document, packet, picks) => call((r) => r.replay(document, packet, picks)),
  verifyIntents: (document, intents) => call((r) => r.verifyIntents(document, intents)),
  simLoad: (document, scenario, seed) => call((r) => r.simLoad(document, scenario, seed)),
  simSubscribe: (onFrame) => call((r) => r.simSubscribe(proxy(onFrame))),
  simPlay: (untilMs) => call((r) => r.simPlay(untilMs)),
  simPause: () => call((r) => r.simPause()),
  simPauseAt: (ms) => call((r) => r.simPauseAt(ms)),
  simStep: () => call((r) => r.simStep()),
  simReset: () => call((r) => r.simReset()),
  simSpeed: (speed) => call((r) => r.simSpeed(speed)),
  simSeek: (ms) => call((r) => r.simSeek(ms)),
  simFollow: (clock) => call((r) => r.simFollow(clock)),
  simSwitchActiveRouteTarget: (groupId) => call((r) => r.simSwitchActiveRouteTarget(groupId)),
}

/** The worker started on the first question, and the examples under public/examples. */
export const APP_ENGINE: EngineConnection = {
  worker: () => workerEngine,
  example: loadExample,
  onRestart: supervisor.onRestart,
}

declare global {
  interface Window {
    gwlbStudioTest?: { killEngine(how: 'crash' | 'hang'): boolean }
  }
}

/**
 * For the end-to-end tests only (?testhooks in the URL): ends the worker as a crash would ('crash': its error
 * event, then gone) or silently, as a worker that stops answering ('hang'), so the recovery can be watched.
 */
export function installTestHooks(location: Pick<Location, 'search'>) {
  if (!new URLSearchParams(location.search).has('testhooks')) return
  window.gwlbStudioTest = {
    killEngine(how) {
      const worker = supervisor.current() as Worker | undefined
      if (!worker) return false
      if (how === 'crash') worker.dispatchEvent(new ErrorEvent('error', { message: 'ended by a test' }))
      worker.terminate()
      return true
    },
  }
}
