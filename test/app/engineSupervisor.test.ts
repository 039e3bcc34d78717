// The engine worker's supervisor: a worker that fails or stops answering is ended, the calls waiting on it
// are rejected (never left hanging), listeners hear why, and the next call starts a new worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSupervisor, EngineStopped } from '../../src/app/engineSupervisor'

/** A worker stand-in: answers what it is asked unless told to hang; can raise its error event. */
function fakeWorker() {
  const errorListeners: ((e: { message?: string }) => void)[] = []
  const state = { hung: false, terminated: false }
  const never = new Promise<never>(() => undefined)
  return {
    state,
    fail: (message: string) => {
      for (const l of errorListeners) l({ message })
    },
    worker: {
      addEventListener: (_: 'error', l: (e: { message?: string }) => void) => void errorListeners.push(l),
      terminate: () => {
        state.terminated = true
      },
    },
    remote: {
      ping: () => (state.hung || state.terminated ? never : Promise.resolve(true)),
      load: (answer: string) => (state.hung || state.terminated ? never : Promise.resolve(answer)),
    },
  }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function supervised() {
  const started: ReturnType<typeof fakeWorker>[] = []
  const supervisor = createSupervisor({
    start: () => {
      const w = fakeWorker()
      started.push(w)
      return w
    },
    ping: (r) => r.ping(),
    heartbeatMs: 1000,
    timeoutMs: 5000,
    maxTimeoutMs: 20_000,
  })
  const restarts: string[] = []
  supervisor.onRestart((reason) => restarts.push(reason))
  return { supervisor, started, restarts }
}

describe('engine supervisor', () => {
  it('answers through one worker while it is alive, and never restarts a worker that answers its heartbeat', async () => {
    const { supervisor, started, restarts } = supervised()
    expect(await supervisor.call((r) => r.load('report'))).toBe('report')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(started).toHaveLength(1)
    expect(restarts).toEqual([])
    supervisor.stop()
  })

  it('on the worker’s error event: ends it, rejects what waited on it, says why, and starts a new one on the next call', async () => {
    const { supervisor, started, restarts } = supervised()
    await supervisor.call((r) => r.load('first'))
    started[0]!.state.hung = true
    const waiting = supervisor.call((r) => r.load('never answered'))
    started[0]!.fail('out of memory')
    await expect(waiting).rejects.toBeInstanceOf(EngineStopped)
    expect(started[0]!.state.terminated).toBe(true)
    expect(restarts).toEqual(['it failed (out of memory)'])
    expect(await supervisor.call((r) => r.load('after'))).toBe('after')
    expect(started).toHaveLength(2)
    supervisor.stop()
  })

  it('replaces a worker that stops answering, after the timeout, and waits twice as long the next time', async () => {
    const { supervisor, started, restarts } = supervised()
    await supervisor.call((r) => r.load('first'))
    started[0]!.state.terminated = true // gone without a word, as a crashed worker often is
    const waiting = supervisor.call((r) => r.load('never answered'))
    const rejected = expect(waiting).rejects.toThrow('The engine stopped: it did not answer for 5 s.')
    await vi.advanceTimersByTimeAsync(1000 + 4999)
    expect(restarts).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    await rejected
    expect(restarts).toEqual(['it did not answer for 5 s'])
    await supervisor.call((r) => r.load('second'))
    started[1]!.state.hung = true
    await vi.advanceTimersByTimeAsync(1000 + 10_000)
    expect(restarts).toEqual(['it did not answer for 5 s', 'it did not answer for 10 s'])
    supervisor.stop()
  })
})
