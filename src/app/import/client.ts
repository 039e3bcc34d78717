// The page's side of the import worker, loaded when the first import starts (never with the app). One
// worker serves every import, so the HCL parser's WebAssembly is fetched and compiled once; an import that
// runs past the time limit ends the worker, and the next import starts a new one.
import { type Remote, wrap } from 'comlink'
import type { ImportOptions } from '../../import'
import type { ImportBlob } from './importFiles'
import type { ImportWorkerApi } from './importWorker'
import type { LaidOutOutcome } from './laidOut'
import { unpack } from './transfer'

/** docs/import.md states it: an import that takes longer is stopped, with a message. */
export const IMPORT_TIME_LIMIT_MS = 120_000

let current: { worker: Worker; remote: Remote<ImportWorkerApi> } | undefined

function start() {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'import' })
  return { worker, remote: wrap<ImportWorkerApi>(worker) }
}

function stop() {
  current?.worker.terminate()
  current = undefined
}

export type WorkerAnswer = LaidOutOutcome | { ok: false; stopped: string }

/** Runs one import in the worker; a worker that fails or takes too long is ended, with the reason. */
export async function importInWorker(
  blobs: ImportBlob[],
  options: ImportOptions = {},
  limitMs = IMPORT_TIME_LIMIT_MS,
): Promise<WorkerAnswer> {
  current ??= start()
  const { worker, remote } = current
  let timer: ReturnType<typeof setTimeout> | undefined
  let onError: ((e: ErrorEvent) => void) | undefined
  const ended = new Promise<WorkerAnswer>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, stopped: `the import took longer than ${limitMs / 1000} s and was stopped` }),
      limitMs,
    )
    onError = (e) => resolve({ ok: false, stopped: `the import worker failed: ${e.message || 'no message'}` })
    worker.addEventListener('error', onError)
  })
  try {
    const answer = await Promise.race([remote.run(blobs, options), ended])
    if ('stopped' in answer) {
      stop()
      return answer
    }
    return await unpack(answer)
  } catch (e) {
    stop()
    return { ok: false, stopped: `the import worker failed: ${e instanceof Error ? e.message : String(e)}` }
  } finally {
    clearTimeout(timer)
    if (onError) worker.removeEventListener('error', onError)
  }
}
