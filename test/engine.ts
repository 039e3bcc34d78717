// The engine connection jsdom tests hand to createStores (or to <App engine>): the worker's own code run
// in-process — its report, its tracer, its playback on a wall clock the test moves (it stands still until told, so
// play advances only when a test says so) — and the reference designs read from public/examples.
import { vi } from 'vitest'
import type { EngineConnection, EngineWorker } from '../src/store/engine'
import { createPlayback } from '../worker/playback'
import { cancelDiff, diffOn, planOn, planParseOn, replayOn, verifyOn } from '../worker/proof'
import { applyFix, reportOn } from '../worker/report'
import { traceOn } from '../worker/traceReport'
import { verifyOn as verdictsOn } from '../worker/verdicts'
import { loadExample } from './helpers'

export const wall = { now: 0 }
export const playback = createPlayback(() => wall.now)

/** The worker's calls; the simulator's are spies, so a test can say what the page asked. */
export const worker = {
  ping: async () => true,
  load: async (doc: unknown) => reportOn(doc),
  applyFix: async (doc: unknown, key: string) => applyFix(doc, key),
  trace: async (...args: Parameters<typeof traceOn>) => traceOn(...args),
  verify: async (...args: Parameters<typeof verifyOn>) => verifyOn(...args),
  diff: async (...args: Parameters<typeof diffOn>) => diffOn(...args),
  diffCancel: async () => cancelDiff(),
  planCheck: async (...args: Parameters<typeof planOn>) => planOn(...args),
  planParse: async (plan: unknown) => planParseOn(plan),
  replay: async (...args: Parameters<typeof replayOn>) => replayOn(...args),
  verifyIntents: async (doc: unknown, intents: unknown[]) => verdictsOn(doc, intents),
  simLoad: vi.fn(async (doc: unknown, scenario: string | null, seed?: number) => playback.load(doc, scenario, seed)),
  simSubscribe: async (onFrame: Parameters<typeof playback.subscribe>[0]) => playback.subscribe(onFrame),
  simPlay: vi.fn(async (untilMs?: number) => playback.play(untilMs)),
  simPause: vi.fn(async () => playback.pause()),
  simPauseAt: async (ms: number) => playback.pauseAt(ms),
  simStep: async () => playback.step(),
  simReset: async () => playback.reset(),
  simSpeed: vi.fn(async (x: number) => playback.setSpeed(x)),
  simSeek: async (ms: number) => playback.seek(ms),
  simFollow: async (clock: Parameters<typeof playback.follow>[0]) => playback.follow(clock),
  simSwitchActiveRouteTarget: vi.fn(async (groupId: string) => playback.switchActiveRouteTarget(groupId)),
} satisfies EngineWorker

export const TEST_ENGINE: EngineConnection = {
  worker: () => worker,
  example: async (name) => ({ ok: true, design: loadExample(name) }),
}
