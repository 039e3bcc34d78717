// A stand-in for the engine worker in jsdom tests: the worker's real tracer and playback, on a wall clock the
// test moves (it stands still until told, so play advances only when a test says so). Use with
// vi.mock('…/src/app/workerClient', () => import('…/playbackWorker')).
import { vi } from 'vitest'
import { createPlayback } from '../worker/playback'
import { traceOn } from '../worker/report'

export const wall = { now: 0 }
export const playback = createPlayback(() => wall.now)

const worker = {
  trace: async (doc: unknown, packet: never) => traceOn(doc, packet),
  simLoad: vi.fn(async (doc: unknown, scenario: string | null) => playback.load(doc, scenario)),
  simSubscribe: async (onFrame: Parameters<typeof playback.subscribe>[0]) => playback.subscribe(onFrame),
  simPlay: vi.fn(async (untilMs?: number) => playback.play(untilMs)),
  simPause: vi.fn(async () => playback.pause()),
  simStep: async () => playback.step(),
  simReset: async () => playback.reset(),
  simSpeed: vi.fn(async (x: number) => playback.setSpeed(x)),
  simSeek: async (ms: number) => playback.seek(ms),
}

export const engineWorker = () => worker
