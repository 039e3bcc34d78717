// Simulator figures: simulated seconds per wall second for design (b) at 10,000 offered packets/s (baseline: real
// time, 1× by definition, so not a measured baseline), with fw-h1 failing and returning so health checks, moves and
// losses are all exercised; and the engine worker's answer time to a lint request (and to pause) while the heaviest
// legal scenario plays.
import { Worker } from 'node:worker_threads'
import type { Scenario } from '../../src/model'
import { parse } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { createManualClock, createSim } from '../../worker/sim'
import { heaviestScenario } from '../worker/sim/helpers'
import type { Reply, Request } from './simWorker'
import type { BenchRow } from './types'

// 50 new connections/s × 10 s each = 500 open connections × 10 packets/s each way = 10,000 packets/s
const SCENARIO: Scenario = {
  name: 'bench',
  flows: [
    {
      id: 'in',
      sourceId: 'internet-client',
      destinationAddress: '47.98.10.11',
      protocol: 'tcp',
      destinationPort: 443,
      newConnectionsPerSecond: 25,
      packetsPerSecond: 10,
      packetSize: 1200,
      connectionSeconds: 10,
    },
    {
      id: 'out',
      sourceId: 'ecs-web-2',
      destinationAddress: '203.0.113.80',
      protocol: 'tcp',
      destinationPort: 443,
      newConnectionsPerSecond: 25,
      packetsPerSecond: 10,
      packetSize: 800,
      connectionSeconds: 10,
    },
  ],
  faults: [{ atSeconds: 30, untilSeconds: 90, fault: { kind: 'applianceStopped', applianceId: 'fw-h1' } }],
}

const LINT_REQUESTS = 150
const PAUSES = 30

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

/**
 * Round-trip times of lint requests (and of pause, then play again) to a worker thread running the real playback
 * and linter, with the heaviest legal scenario playing at 100× (busy) or loaded and paused (idle: the baseline, the
 * linter's own time). Requests go out at random moments, so they land anywhere in the worker's frames.
 */
/** Simulated time the heaviest scenario plays before anything is measured. */
const WARM_UP_SIMULATED_MS = 5_000

async function answerTimes(play: boolean): Promise<{ lint: number[]; pause: number[] }> {
  // a worker thread does not inherit tsx's loader: it registers it before importing the TypeScript module
  const url = new URL('./simWorker.ts', import.meta.url).href
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}) })`
  const worker = new Worker(boot, { eval: true })
  const waiting = new Map<number, { answered: () => void; failed: (e: unknown) => void }>()
  // frames the worker posted: requests are spaced by them, and the warm-up ends at a simulated time they report
  let frames = 0
  let simulatedMs = 0
  const frameWaiters: { atFrame: number; atMs: number; done: () => void }[] = []
  worker.on('message', (r: Reply) => {
    if (r.kind === 'answer') waiting.get(r.id)?.answered()
    if (r.kind !== 'frame') return
    frames++
    simulatedMs = r.batch.nowMs
    for (let i = frameWaiters.length - 1; i >= 0; i--) {
      const w = frameWaiters[i]
      if (w && frames >= w.atFrame && simulatedMs >= w.atMs) {
        frameWaiters.splice(i, 1)
        w.done()
      }
    }
  })
  /** Resolves once `count` more frames have come and the run has reached `atMs`; at once while nothing plays. */
  const frameEvent = (count: number, atMs = 0) =>
    new Promise<void>((done) => {
      if (!play) return done()
      frameWaiters.push({ atFrame: frames + count, atMs, done })
    })
  // a worker that fails or stops fails the bench, whether or not a request is waiting then
  let broken: unknown = null
  const fail = (e: unknown) => {
    broken ??= e
    for (const w of waiting.values()) w.failed(e)
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the bench worker stopped (exit code ${code})`)))
  let next = 0
  const ask = (m: Request & { id: number }) =>
    new Promise<number>((resolve, reject) => {
      if (broken) return reject(broken)
      const t0 = performance.now()
      waiting.set(m.id, { answered: () => resolve(performance.now() - t0), failed: reject })
      worker.postMessage(m)
    })
  // one to four frames apart, so that requests land anywhere in the worker's frames
  const pauseRandomly = () => frameEvent(1 + Math.floor(Math.random() * 4))
  const design = buildReferenceDesign(2)
  const document = { ...design, scenarios: [heaviestScenario()] }
  await ask({ kind: 'load', id: -1, document, scenario: 'test', play } as Request & { id: number })
  // the JIT warms up and the long flows fill up to their share: 5 simulated seconds (50 ms of wall time at 100×
  // if the simulator kept up, which at these rates it does not); paused, a few discarded lints warm the linter
  await frameEvent(1, WARM_UP_SIMULATED_MS)
  for (let i = 0; !play && i < 10; i++) await ask({ kind: 'lint', id: next++, document })
  const lint: number[] = []
  for (let i = 0; i < LINT_REQUESTS; i++) {
    lint.push(await ask({ kind: 'lint', id: next++, document }))
    await pauseRandomly()
  }
  const pause: number[] = []
  for (let i = 0; play && i < PAUSES; i++) {
    pause.push(await ask({ kind: 'pause', id: next++ }))
    await ask({ kind: 'play', id: next++ })
    await pauseRandomly()
  }
  worker.removeAllListeners('exit')
  worker.postMessage({ kind: 'stop' } satisfies Request)
  await worker.terminate()
  return { lint: lint.sort((a, b) => a - b), pause: pause.sort((a, b) => a - b) }
}

async function workerRows(): Promise<BenchRow[]> {
  const idle = await answerTimes(false)
  const busy = await answerTimes(true)
  const what = 'the worker answers a lint request of design (b) while the heaviest legal scenario plays at 100×'
  return [
    {
      name: `${what}, p50 (baseline: the same, paused)`,
      value: quantile(busy.lint, 0.5),
      unit: 'ms',
      baseline: quantile(idle.lint, 0.5),
      better: 'lower',
    },
    {
      name: `${what}, p99 of ${LINT_REQUESTS}`,
      value: quantile(busy.lint, 0.99),
      unit: 'ms',
      baseline: quantile(idle.lint, 0.99),
      target: 100,
      better: 'lower',
    },
    {
      name: `the worker answers pause while it plays, p99 of ${PAUSES}`,
      value: quantile(busy.pause, 0.99),
      unit: 'ms',
      target: 100,
      better: 'lower',
    },
  ]
}

export async function bench(): Promise<BenchRow[]> {
  return [...(await throughputRows()), ...(await workerRows())]
}

async function throughputRows(): Promise<BenchRow[]> {
  const loaded = parse(buildReferenceDesign(2))
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
  const simulatedMs = 120_000
  const runs: { wallMs: number; packets: number }[] = []
  for (let i = 0; i < 3; i++) {
    const sim = createSim({ design: loaded.design, scenario: SCENARIO, clock: createManualClock(), seed: i + 1 })
    const t0 = performance.now()
    sim.run(simulatedMs)
    runs.push({ wallMs: performance.now() - t0, packets: sim.metrics().packets.sent })
  }
  // the first run warms the JIT up; the best of the rest
  const best = runs.slice(1).reduce((a, b) => (b.wallMs < a.wallMs ? b : a))
  const offered = best.packets / (simulatedMs / 1000)
  return [
    {
      // no baseline column: the one to compare with is real time, 1 sim s/s by definition, not a measurement
      name: `simulated s per wall s, (b) at 10,000 packets/s offered (${Math.round(offered).toLocaleString('en-US')} on average, ramp-up included; real time is 1)`,
      value: simulatedMs / best.wallMs,
      unit: 'sim s/s',
      target: 10,
    },
    {
      name: 'packets forwarded per wall s by the sim, (b)',
      value: (best.packets / best.wallMs) * 1000,
      unit: 'packets/s',
    },
  ]
}
