// Verification figures: verify of reference design (b) with the built-in intents, beside the bare walks of one
// representative per class (the per-class baseline), and a 20-step change plan on (b).
import { type Design, parse } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { apiCallPlan } from '../../src/share/apiCalls'
import { compile } from '../../worker/engine'
import {
  checkPlan,
  FlowSpace,
  guideSteps,
  type Plan,
  type PlanStep,
  Prober,
  prerequisites,
  representative,
  verify,
} from '../../worker/verify'
import type { BenchRow } from './types'

const WARM_UP = 3
const ROUNDS = 9
const PLAN_ROUNDS = 5

function load(d: Design): Design {
  const r = parse(d)
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  return r.design
}

function collect(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

/**
 * The median and spread of `rounds` runs after untimed warm-ups, garbage collected outside the timing, in CPU
 * milliseconds of this process: on the shared machine the wall clock also counts other jobs' time (as in
 * engine.ts). The process is single-threaded here, so its CPU time is the run's.
 */
function timed(run: () => void, warmUp: number, rounds: number): { ms: number; low: number; high: number } {
  for (let i = 0; i < warmUp; i++) run()
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    collect()
    const c0 = process.cpuUsage()
    run()
    const c = process.cpuUsage(c0)
    times.push((c.user + c.system) / 1000)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(rounds / 2)], low: times[0], high: times[rounds - 1] }
}

/**
 * 20 steps: the guide's setup of (b) from its prerequisites (11), its teardown (8), and the GWLBe vSwitch's way
 * out restored (1), so every step applies and every state is checked.
 */
function twentySteps(d: Design): Plan {
  const calls = apiCallPlan(d)
  const steps: PlanStep[] = guideSteps([...calls.setup, ...calls.teardown].map((c) => ({ ...c })))
  steps.push({
    api: 'CreateRouteEntry',
    parameters: {
      RouteTableId: 'rtb-gwlbe',
      DestinationCidrBlock: '0.0.0.0/0',
      NextHopType: 'Ipv4Gateway',
      NextHopId: 'igw-service',
    },
  })
  if (steps.length !== 20) throw new Error(`the bench plan has ${steps.length} steps, not 20`)
  return { format: 'gwlb-studio/plan', version: 1, steps }
}

export async function bench(): Promise<BenchRow[]> {
  const b = load(buildReferenceDesign(2))
  const first = verify(b)
  if (!first.ok || first.results.some((r) => r.status !== 'holds'))
    throw new Error('(b) must pass its built-in intents')
  const classes = first.classCount

  const v = timed(() => verify(b), WARM_UP, ROUNDS)
  // the baseline: only the walks, one representative per class with every appliance choice, no intents
  const net = compile(b)
  const space = new FlowSpace([net])
  const walks = timed(
    () => {
      const prober = new Prober(net)
      for (let i = 0; i < space.size; i++) prober.outcomes(representative(space.classAt(i)))
    },
    WARM_UP,
    ROUNDS,
  )

  const start = prerequisites(b)
  const plan = twentySteps(b)
  const check = checkPlan(start, plan, { findSafeOrder: false })
  if (!check.ok) throw new Error(`the bench plan is refused at step ${check.step}: ${check.refused}`)
  const p = timed(() => checkPlan(start, plan, { findSafeOrder: false }), 1, PLAN_ROUNDS)

  return [
    {
      name: `verify (b), 4 built-in intents, ${classes} flow classes, CPU ms (baseline: the walks alone)`,
      value: v.ms,
      unit: 'ms',
      baseline: walks.ms,
      target: 50,
      better: 'lower',
      spread: { low: v.low, high: v.high, rounds: ROUNDS },
    },
    {
      name: 'verify (b), per flow class',
      value: (v.ms * 1000) / classes,
      unit: 'µs',
      baseline: (walks.ms * 1000) / space.size,
      better: 'lower',
    },
    {
      name: `plan check, 20 steps on (b), ${check.classCount} classes × 21 states, no safe-order search, CPU ms`,
      value: p.ms,
      unit: 'ms',
      target: 1000,
      better: 'lower',
      spread: { low: p.low, high: p.high, rounds: PLAN_ROUNDS },
    },
  ]
}
