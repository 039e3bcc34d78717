// The one place that starts the engine worker. Component tests mock this module (jsdom has no Worker).
import { type Remote, wrap } from 'comlink'
import type { EngineApi } from '../../worker/index'

let engine: Remote<EngineApi> | undefined

export function engineWorker(): Remote<EngineApi> {
  engine ??= wrap<EngineApi>(new Worker(new URL('../../worker/index.ts', import.meta.url), { type: 'module' }))
  return engine
}
