// Keeps the engine worker alive: a worker that fails (its error event) or stops answering (a heartbeat
// unanswered for too long) is terminated, the calls waiting on it are rejected rather than left hanging,
// and listeners are told so they reload the design and the scenario into the next worker, started on the
// next call. The design itself lives on the page and is never at risk.

export interface SupervisedWorker {
  addEventListener(type: 'error', listener: (e: { message?: string }) => void): void
  terminate(): void
}

export interface SupervisorOptions<R> {
  start(): { worker: SupervisedWorker; remote: R }
  /** a cheap call the worker answers at once when it is alive and idle */
  ping(remote: R): Promise<unknown>
  /** how often to ask */
  heartbeatMs: number
  /** how long an unanswered ping may wait; doubled after each restart it causes (a slow, busy worker) */
  timeoutMs: number
  maxTimeoutMs: number
  timers?: Pick<typeof globalThis, 'setInterval' | 'clearInterval' | 'setTimeout' | 'clearTimeout'>
}

interface Running<R> {
  worker: SupervisedWorker
  remote: R
  pending: Set<(e: Error) => void>
}

export class EngineStopped extends Error {
  constructor(reason: string) {
    super(`The engine stopped: ${reason}.`)
    this.name = 'EngineStopped'
  }
}

export function createSupervisor<R>(options: SupervisorOptions<R>) {
  const timers = options.timers ?? globalThis
  let running: Running<R> | undefined
  let timeoutMs = options.timeoutMs
  let pinging = false
  let heartbeat: ReturnType<typeof setInterval> | undefined
  const listeners = new Set<(reason: string) => void>()

  function died(which: Running<R>, reason: string) {
    if (running !== which) return
    running = undefined
    pinging = false
    which.worker.terminate()
    for (const reject of which.pending) reject(new EngineStopped(reason))
    which.pending.clear()
    for (const listener of listeners) listener(reason)
  }

  function beat() {
    const which = running
    if (!which || pinging) return
    pinging = true
    const waited = timeoutMs
    const timer = timers.setTimeout(() => {
      timeoutMs = Math.min(timeoutMs * 2, options.maxTimeoutMs)
      died(which, `it did not answer for ${Math.round(waited / 1000)} s`)
    }, waited)
    const answered = () => {
      timers.clearTimeout(timer)
      if (running === which) pinging = false
    }
    // a ping refused is as good as an answer: the worker is there to refuse it
    options.ping(which.remote).then(answered, answered)
  }

  function live(): Running<R> {
    if (running) return running
    const { worker, remote } = options.start()
    const which: Running<R> = { worker, remote, pending: new Set() }
    worker.addEventListener('error', (e) => died(which, `it failed (${e.message || 'an error in the worker'})`))
    running = which
    heartbeat ??= timers.setInterval(beat, options.heartbeatMs)
    return which
  }

  return {
    /** Calls the worker (started if none is running); rejects with EngineStopped if it dies first. */
    call<P extends Promise<unknown>>(ask: (remote: R) => P): Promise<Awaited<P>> {
      const which = live()
      return new Promise<Awaited<P>>((resolve, reject) => {
        which.pending.add(reject)
        ask(which.remote).then(
          (v) => {
            which.pending.delete(reject)
            resolve(v as Awaited<P>)
          },
          (e: unknown) => {
            which.pending.delete(reject)
            reject(e)
          },
        )
      })
    },
    /** Called with the reason each time a worker is found dead; the next call starts another. */
    onRestart(listener: (reason: string) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** The running worker, if any (the test hook ends it as a crash would). */
    current: () => running?.worker,
    stop() {
      if (heartbeat !== undefined) timers.clearInterval(heartbeat)
      heartbeat = undefined
    },
  }
}
