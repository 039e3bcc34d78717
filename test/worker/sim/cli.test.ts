// npm run cli -- simulate on example (b), appliance-failure: fw-h1 is marked unhealthy after interval × threshold,
// its flows' losses stop then, and the metrics match the log.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseDuration, run } from '../../../cli/simulate'
import { MAX_SIMULATED_MS, type SimEvent, type SimMetrics } from '../../../worker/sim'
import { heaviestScenario } from './helpers'

const EXAMPLE = 'public/examples/two-zones.json'

// a design file runs synchronously (only an imported input makes run() return a promise)
function capture(fn: () => number | Promise<number>): { code: number; out: string; err: string } {
  const out: string[] = []
  const err: string[] = []
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
  try {
    return { code: fn() as number, out: out.join('\n'), err: err.join('\n') }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}

describe('npm run cli -- simulate', () => {
  afterEach(() => vi.restoreAllMocks())

  it('appliance-failure on (b): detection after 5 s × 3 within one interval, losses stop then, metrics match the log', () => {
    const { code, out } = capture(() =>
      run([EXAMPLE, '--scenario', 'appliance-failure', '--duration', '120s', '--json']),
    )
    expect(code).toBe(0)
    const { log, metrics } = JSON.parse(out) as { log: SimEvent[]; metrics: SimMetrics }
    const applied = log.find((e) => e.kind === 'fault-applied' && e.resourceId === 'fw-h1')
    const marked = log.filter((e) => e.kind === 'marked-unhealthy')
    const stopped = log.filter((e) => e.kind === 'loss-stopped')
    expect(applied?.tMs).toBe(30_000)
    expect(marked.map((e) => e.resourceId)).toEqual(['fw-h1'])
    expect(Math.abs(marked[0].tMs - 30_000 - 15_000)).toBeLessThanOrEqual(5_000)
    // the losses stop in the first slot after detection
    expect(stopped).toHaveLength(1)
    expect(stopped[0].tMs - marked[0].tMs).toBeGreaterThan(0)
    expect(stopped[0].tMs - marked[0].tMs).toBeLessThanOrEqual(100)

    const f = metrics.faults[0]
    expect(f.detection).toEqual({ kind: 'detected', atMs: marked[0].tMs, afterMs: marked[0].tMs - 30_000 })
    expect(f.recovery).toEqual({ kind: 'recovered', atMs: stopped[0].tMs, afterMs: stopped[0].tMs - 30_000 })
    expect(stopped[0].text).toContain(`${f.lostPackets.toLocaleString('en-US')} lost since 30.000 s`)
    const moved = log
      .filter((e) => e.kind === 'flows-moved')
      .reduce((n, e) => n + Number(/^(\d+) connection/.exec(e.text)?.[1] ?? 0), 0)
    expect(f.flowsMoved).toBe(moved)
    expect(f.flowsMoved).toBeGreaterThan(0)
    expect(metrics.packets.dropped).toBe(f.lostPackets + metrics.baseline.lostPackets)
    expect(metrics.baseline.lostPackets).toBe(0)
    const healthy = log.find((e) => e.kind === 'marked-healthy')
    expect(f.restore).toEqual({ kind: 'restored', atMs: healthy?.tMs, afterMs: (healthy?.tMs ?? 0) - 90_000 })
  }) // the shipped scenario forwards about 1.7 million packets: the node project's limit leaves room for a busy machine

  it('prints a readable log and the metrics', () => {
    const { code, out } = capture(() => run([EXAMPLE, '--scenario', 'appliance-failure', '--duration', '60s']))
    expect(code).toBe(0)
    let at = 0
    for (const p of [
      /fw-h1 stops/,
      /health check failed \(1 of 3\)/,
      /marked unhealthy/,
      /losses stopped/,
      /Faults/,
      /time to detect +1\d\.\d{3} s/,
      /time to recover/,
    ]) {
      const m = p.exec(out.slice(at))
      expect(m, String(p)).not.toBeNull()
      at += (m?.index ?? 0) + (m?.[0].length ?? 0)
    }
    expect(out).toMatch(/why: fault 1: fw-h1 stopped \(30 s–90 s\)/)
  })

  it('refuses bad input with exit code 2', () => {
    expect(capture(() => run([EXAMPLE, '--scenario', 'nope'])).err).toMatch(
      /has no scenario "nope"; it has: steady, appliance-failure, zone-failure/,
    )
    expect(capture(() => run([EXAMPLE, '--scenario', 'steady', '--duration', 'soon'])).code).toBe(2)
    expect(capture(() => run([EXAMPLE, '--scenario', 'steady', '--seed', '-1'])).code).toBe(2)
    expect(capture(() => run([EXAMPLE])).code).toBe(2)
    expect(capture(() => run(['missing.json', '--scenario', 'steady'])).code).toBe(2)
  })

  it('a hung appliance: its losses read APPLIANCE_HUNG in the log, the metrics and the text summary', () => {
    const design = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    design.scenarios.push({
      name: 'hang',
      flows: design.scenarios.find((x: { name: string }) => x.name === 'appliance-failure').flows,
      faults: [{ atSeconds: 10, untilSeconds: 20, fault: { kind: 'applianceHung', applianceId: 'fw-h1' } }],
    })
    const file = join(mkdtempSync(join(tmpdir(), 'gwlb-sim-')), 'hang.json')
    writeFileSync(file, JSON.stringify(design))
    const json = capture(() => run([file, '--scenario', 'hang', '--duration', '30s', '--json']))
    expect(json.code).toBe(0)
    const { log, metrics } = JSON.parse(json.out) as { log: SimEvent[]; metrics: SimMetrics }
    expect(Object.keys(metrics.faults[0].lostByReason)).toEqual(['APPLIANCE_HUNG'])
    expect(metrics.packets.byReason.APPLIANCE_DOWN).toBeUndefined()
    expect(log.find((e) => e.kind === 'fault-applied')?.text).toMatch(/APPLIANCE_HUNG/)
    expect(log.find((e) => e.kind === 'loss-started')?.text).toMatch(/APPLIANCE_HUNG/)
    const text = capture(() => run([file, '--scenario', 'hang', '--duration', '30s']))
    expect(text.out).toMatch(/packets lost +[\d,]+ \(APPLIANCE_HUNG [\d,]+\)/)
  })

  it('refuses a duration past the limit of one run, saying what it is', () => {
    const r = capture(() => run([EXAMPLE, '--scenario', 'steady', '--duration', '1000000000s']))
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/--duration 1000000000s: longer than one run of the simulator may play, 3600 s \(1 h\)/)
    expect(capture(() => run([EXAMPLE, '--scenario', 'steady', '--duration', '61m'])).code).toBe(2)
    expect(MAX_SIMULATED_MS).toBe(3_600_000)
  })

  it('plays 100 ms of the heaviest legal scenario and says how it was sampled', () => {
    const design = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    design.scenarios.push({ ...heaviestScenario(), name: 'heaviest' })
    const file = join(mkdtempSync(join(tmpdir(), 'gwlb-sim-')), 'heaviest.json')
    writeFileSync(file, JSON.stringify(design))
    const json = capture(() => run([file, '--scenario', 'heaviest', '--duration', '100ms', '--json']))
    expect(json.code).toBe(0)
    const { metrics } = JSON.parse(json.out) as { metrics: SimMetrics }
    expect(metrics.packets.sent).toBeGreaterThan(1e8)
    expect(metrics.forwarded).toBeLessThan(10_000)
    expect(metrics.flows.every((f) => f.connectionWeight > 1)).toBe(true)
    const text = capture(() => run([file, '--scenario', 'heaviest', '--duration', '100ms']))
    expect(text.out).toMatch(/sampled: each simulated connection stands for [\d,]+/)
    expect(text.out).toMatch(/forwarded one by one, the rest counted from them/)
  })

  it('reads durations in ms, s, m and h', () => {
    expect(parseDuration('120s')).toBe(120_000)
    expect(parseDuration('120')).toBe(120_000)
    expect(parseDuration('2m')).toBe(120_000)
    expect(parseDuration('1500ms')).toBe(1500)
    expect(parseDuration('0')).toBeNull()
    expect(parseDuration('x')).toBeNull()
  })
})
