// Engine figures: packets/s through reference design (b) and a generated 2,000-resource design, trace latency,
// compile time, and a bare loop doing as many Map/typed-array look-ups per packet (the limit), for the ratio.
import { type Design, parse } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import {
  compile,
  createRuntimeState,
  forward,
  lookupCount,
  type Network,
  newForwardResult,
  type PacketSpec,
  type PreparedPacket,
  preparePacket,
  type RuntimeState,
  trace,
} from '../../worker/engine'
import { eipOf, generateDesign, hostAddress } from '../fixtures/engine/generate'
import type { BenchRow } from './types'

function load(d: Design): Design {
  const r = parse(d)
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  return r.design
}

function prepareAll(net: Network, specs: PacketSpec[]): PreparedPacket[] {
  return specs.map((s) => {
    const p = preparePacket(net, s)
    if (!p.ok) throw new Error(p.message)
    return p.packet
  })
}

/**
 * Milliseconds of CPU this process has used since `from`. Rounds are timed in CPU time, not wall time: on a machine
 * shared with other jobs the wall clock also counts the time the scheduler gave to them (with a load of 15 on two
 * cores the same code measured anywhere from 0.04 to 1.25 M packets/s by the wall clock, round to round).
 */
function cpuMs(from?: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from)
  return (c.user + c.system) / 1000
}

/** Packets per CPU second of forward() over the given packets for about `ms` of CPU, and the look-ups per packet. */
function throughput(
  net: Network,
  packets: PreparedPacket[],
  state: RuntimeState,
  ms: number,
): { pps: number; lookupsPerPacket: number } {
  const out = newForwardResult()
  let n = 0
  const l0 = lookupCount()
  const c0 = process.cpuUsage()
  let t = 0
  while (t < ms) {
    for (let i = 0; i < packets.length; i++) forward(net, packets[i], state, out)
    n += packets.length
    t = cpuMs(c0)
  }
  return { pps: (n / t) * 1000, lookupsPerPacket: (lookupCount() - l0) / n }
}

/** The limit, per CPU second: a loop doing only `perPacket` dependent look-ups per packet, alternating a Map and a typed array. */
function bareLoop(perPacket: number, ms: number): number {
  const size = 4096
  const map = new Map<number, number>()
  const arr = new Int32Array(size)
  for (let i = 0; i < size; i++) {
    map.set(i * 7919, (i * 31 + 7) % size)
    arr[i] = (i * 17 + 3) % size
  }
  const whole = Math.floor(perPacket)
  const extra = perPacket - whole
  let k = 1
  let n = 0
  let carry = 0
  const c0 = process.cpuUsage()
  let t = 0
  while (t < ms) {
    for (let p = 0; p < 4096; p++) {
      carry += extra
      const count = whole + (carry >= 1 ? 1 : 0)
      if (carry >= 1) carry -= 1
      for (let j = 0; j < count; j++) k = j & 1 ? arr[k] : (map.get(k * 7919) ?? 0)
    }
    n += 4096
    t = cpuMs(c0)
  }
  if (k < 0) console.log(k) // keeps the loop's result alive
  return (n / t) * 1000
}

/** Collects garbage when the bench runs under --expose-gc (npm run bench does), so no round pays for another's. */
const exposedGc = (globalThis as { gc?: () => void }).gc
if (!exposedGc) console.warn('engine bench: run under --expose-gc (npm run bench does); garbage is collected in rounds')
const collect: () => void = exposedGc ?? (() => {})

/**
 * forward() against the bare loop of as many look-ups (issue 15): a packet's class decides everything but the flow
 * table and the hash, so the fast path should run at 40 % of the loop or better, through (b) and the large design.
 *
 * What moved the 2,001-resource figure from run to run (this measurement under --trace-deopt, --trace-gc and
 * --trace-turbo-inlining): no deopt and no collection of the bench's own heap falls inside a timed round, and the
 * bare loop's rounds vary far less than forward()'s (one run at a load of 2: 18.3-20.3 against 5.3-8.2 M packets per
 * CPU second). Two causes. Which callees V8 inlined into the fast path's run() followed the call counts at the moment
 * it compiled run(), and differed between runs; fastPath.ts's schedule() says how that is now the same in every run.
 * And the other jobs on the machine: the large design's flow and session tables, programs and packets (about 1.2 MB)
 * are more than a core's 1 MB of L2 cache, so each time slice another process takes costs forward() a refill that the
 * bare loop's 120 KB hardly pays: at a load of 2-8 on two cores the ratio fell to 28-37 % (both main and this code).
 * Both halves are timed alike; the CPU clock counts the process's other threads too (the tsx loader's own collection
 * was once seen inside a round), and the median over the rounds leaves such a round out.
 */
const FORWARD_RATIO_TARGET = 0.4

/** Rounds of each measurement and their length: enough that one burst of load from other jobs moves the median little. */
const ROUNDS = 21
const ROUND_MS = 150
const WARM_UP_ROUNDS = 3

interface Measured {
  pps: number
  limit: number
  /** the median of forward()/bare loop taken round by round: a burst of load slows both halves of a round alike */
  ratio: number
  ppsSpread: { low: number; high: number; rounds: number }
  lookupsPerPacket: number
}

/**
 * forward() and the bare loop in alternating rounds, after untimed warm-up rounds of each (the optimiser compiles
 * both before anything counts), with garbage collected between rounds, outside the timed region. Each figure is
 * the median over the rounds; the spread is the slowest and the fastest round.
 */
function measure(net: Network, packets: PreparedPacket[]): Measured {
  const state = createRuntimeState(net)
  const out = newForwardResult()
  for (const p of packets) forward(net, p, state, out) // let the flow table fill
  let lookupsPerPacket = 0
  for (let r = 0; r < WARM_UP_ROUNDS; r++) {
    lookupsPerPacket = throughput(net, packets, state, ROUND_MS).lookupsPerPacket
    bareLoop(lookupsPerPacket, ROUND_MS)
  }
  const pps: number[] = []
  const limit: number[] = []
  const ratios: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    collect()
    const p = throughput(net, packets, state, ROUND_MS).pps
    collect()
    const l = bareLoop(lookupsPerPacket, ROUND_MS)
    pps.push(p)
    limit.push(l)
    ratios.push(p / l)
  }
  return {
    pps: median(pps),
    limit: median(limit),
    ratio: median(ratios),
    ppsSpread: { low: Math.min(...pps), high: Math.max(...pps), rounds: ROUNDS },
    lookupsPerPacket,
  }
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
}

/** Median CPU time of compile(), in ms (the CPU clock, for the reason given at cpuMs). */
function compileMs(d: Design, runs: number): number {
  collect()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    compile(d)
    times.push(cpuMs(c0))
  }
  return median(times)
}

export async function bench(): Promise<BenchRow[]> {
  const b = load(buildReferenceDesign(2))
  const netB = compile(b)
  // (b): inbound HTTPS to both servers and their outbound fetches, 4,096 connections
  const specsB: PacketSpec[] = []
  for (let i = 0; i < 1024; i++) {
    const sourcePort = 20000 + i
    specsB.push({
      source: 'internet-client',
      destination: '47.98.10.11',
      protocol: 'tcp',
      sourcePort,
      destinationPort: 443,
      size: 1200,
    })
    specsB.push({
      source: 'internet-client',
      destination: '47.98.10.12',
      protocol: 'tcp',
      sourcePort,
      destinationPort: 443,
      size: 1200,
    })
    specsB.push({
      source: 'ecs-web-1',
      destination: '203.0.113.80',
      protocol: 'tcp',
      sourcePort,
      destinationPort: 443,
      size: 800,
    })
    specsB.push({
      source: 'ecs-web-2',
      destination: '203.0.113.80',
      protocol: 'tcp',
      sourcePort,
      destinationPort: 443,
      size: 800,
    })
  }
  const packetsB = prepareAll(netB, specsB)
  for (const p of packetsB)
    if (forward(netB, p, createRuntimeState(netB)).disposition !== 'DELIVERED')
      throw new Error('bench packet not delivered')
  const tb = measure(netB, packetsB)

  const gOptions = {
    consumerVpcs: 85,
    zones: 2 as const,
    serversPerZone: 5,
    appliancesPerZone: 10,
    hosts: 20,
    scheduler: '5TCH' as const,
    crossZone: true,
    jumboFrames: true,
    stateful: true,
  }
  const g = load(generateDesign(gOptions))
  const netG = compile(g)
  const specsG: PacketSpec[] = []
  for (let i = 0; i < 4096; i++) {
    const v = i % gOptions.consumerVpcs
    const z = (i >> 7) % 2
    const n = i % gOptions.serversPerZone
    specsG.push(
      i % 2
        ? {
            source: `host-${i % gOptions.hosts}`,
            destination: eipOf(v, z, n),
            protocol: 'tcp',
            sourcePort: 10000 + i,
            destinationPort: 443,
            size: 1200,
          }
        : {
            source: `ecs-${v}-${z}-${n}`,
            destination: hostAddress(i % gOptions.hosts),
            protocol: 'udp',
            sourcePort: 10000 + i,
            destinationPort: 53,
            size: 300,
          },
    )
  }
  const packetsG = prepareAll(netG, specsG)
  const tg = measure(netG, packetsG)

  // Latency of the explaining trace (what the UI asks for), in CPU time per call: by the wall clock its p99 on a
  // shared machine is the scheduler's time slice, not the engine (1.2-7.8 ms at a load of 15 on two cores).
  // forward() is too quick for a CPU clock of microseconds, so its latency stays on the wall clock, timer included.
  const state = createRuntimeState(netB)
  collect()
  const traceTimes: number[] = []
  const forwardTimes: number[] = []
  const out = newForwardResult()
  for (let i = 0; i < 20000; i++) {
    const spec = specsB[i % specsB.length]
    const c0 = process.cpuUsage()
    trace(netB, spec, state)
    traceTimes.push(cpuMs(c0))
    const p = packetsB[i % packetsB.length]
    const t0 = performance.now()
    forward(netB, p, state, out)
    forwardTimes.push(performance.now() - t0)
  }
  traceTimes.sort((x, y) => x - y)
  forwardTimes.sort((x, y) => x - y)

  return [
    {
      name: `forward() through (b), ${tb.lookupsPerPacket.toFixed(1)} look-ups/packet`,
      value: tb.pps,
      unit: 'packets/CPU s',
      baseline: tb.limit,
      ratio: tb.ratio,
      spread: tb.ppsSpread,
      target: 1_000_000,
      ratioTarget: FORWARD_RATIO_TARGET,
    },
    {
      name: `forward() through ${g.resources.length} resources, ${tg.lookupsPerPacket.toFixed(1)} look-ups/packet`,
      value: tg.pps,
      unit: 'packets/CPU s',
      baseline: tg.limit,
      ratio: tg.ratio,
      spread: tg.ppsSpread,
      ratioTarget: FORWARD_RATIO_TARGET,
    },
    {
      name: 'trace() latency p50, (b), CPU time',
      value: percentile(traceTimes, 0.5) * 1000,
      unit: 'µs',
      better: 'lower',
    },
    {
      name: 'trace() latency p99, (b), CPU time',
      value: percentile(traceTimes, 0.99) * 1000,
      unit: 'µs',
      target: 1000,
      better: 'lower',
    },
    {
      name: 'forward() latency p50, (b) (timer included)',
      value: percentile(forwardTimes, 0.5) * 1000,
      unit: 'µs',
      better: 'lower',
    },
    {
      name: 'forward() latency p99, (b) (timer included)',
      value: percentile(forwardTimes, 0.99) * 1000,
      unit: 'µs',
      target: 1000,
      better: 'lower',
    },
    { name: 'compile (b), CPU time', value: compileMs(b, 200), unit: 'ms', better: 'lower' },
    { name: `compile ${g.resources.length} resources, CPU time`, value: compileMs(g, 20), unit: 'ms', better: 'lower' },
  ]
}
