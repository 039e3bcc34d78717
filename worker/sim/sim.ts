// createSim: simulated time over the engine's fast path: traffic, health checks, faults, draining, rebalancing.
// This module holds the run's world and its event loop; what each event does lives beside it (init, slots, losses,
// probes, tables, faultKinds, metrics). May not touch: React, the DOM, zustand, Math.random, wall time (only through
// a Budget it is handed); it changes its own state only and hands events out through onEvent and its return values,
// never posting anywhere itself.
import type { Design, Scenario } from '../../src/model'
import { compile } from '../engine'
import { createDrawing } from './drawing'
import { applyFault, drainEnd, revertFault } from './faultKinds'
import { createWorld, logStart } from './init'
import { applianceViews, connectionViews, metricsOf } from './metrics'
import { probe, probeResult } from './probes'
import { probeRouteTargetMember, routeTargetViews, switchActiveRouteTarget } from './routeTargets'
import { DEFAULT_SAMPLING, flowSampling } from './sampling'
import { slotPart, slotStart } from './slots'
import { sweep } from './tables'
import type { AdvanceResult, Budget, Sim, SimOptions } from './types'
import { emit, type Scheduled, type SimConfig, type World } from './world'

/** One run plays at most this much simulated time (the command line refuses more, playback stops there). */
export const MAX_SIMULATED_MS = 3_600_000

/** What one event does to the world. */
function handle(w: World, item: Scheduled): void {
  switch (item.kind) {
    case 'start':
      logStart(w)
      break
    case 'faultApply': {
      const f = w.faults[item.fault]
      if (f) applyFault(w, f)
      break
    }
    case 'faultRevert': {
      const f = w.faults[item.fault]
      if (f) revertFault(w, f)
      break
    }
    case 'drainEnd':
      drainEnd(w, item.appliance, item.generation, item.fault)
      break
    case 'probe':
      probe(w, item.appliance)
      break
    case 'probeResult':
      probeResult(w, item.appliance, item.sentMs, item.outcome)
      break
    case 'sweep':
      sweep(w)
      break
    case 'slot':
      slotStart(w)
      break
    case 'slotPart':
      slotPart(w)
      break
    case 'routeTargetProbe':
      probeRouteTargetMember(w, item.group, item.slot)
      break
    case 'switchRouteTarget':
      switchActiveRouteTarget(w, item.groupId)
      break
  }
}

/** True once the budget's wall time has run out (never, without a budget). */
function budgetCheck(budget: Budget | undefined): () => boolean {
  if (!budget) return () => false
  const wall0 = budget.wallNow()
  return () => budget.wallNow() - wall0 >= budget.maxWallMs
}

/** The run was asked past its limit: say so, once. */
function tellLimit(w: World): void {
  if (w.limitTold) return
  w.limitTold = true
  emit(
    w,
    w.cfg.scenario.name,
    'sim-limit',
    `the simulation stops at ${MAX_SIMULATED_MS / 1000} s: one run plays at most ${MAX_SIMULATED_MS / 3_600_000} h of simulated time`,
    null,
    "the simulator's limit per run",
  )
}

function result(w: World, fromMs: number, targetMs: number, logFrom: number, caughtUp: boolean): AdvanceResult {
  return { fromMs, reachedMs: w.nowMs, targetMs, caughtUp, events: w.log.slice(logFrom) }
}

/** Every event before toMs (at most the limit), unless the budget runs out between two events. */
function advanceWorld(w: World, toMs: number, budget?: Budget): AdvanceResult {
  const fromMs = w.nowMs
  const logFrom = w.log.length
  const target = Math.min(toMs, MAX_SIMULATED_MS)
  const outOfBudget = budgetCheck(budget)
  let caughtUp = true
  for (let top = w.queue.peek(); top && top.tMs < target; top = w.queue.peek()) {
    // stopping between two events leaves the run exactly as if it had not stopped: determinism survives budgets
    if (outOfBudget()) {
      caughtUp = false
      break
    }
    w.queue.pop()
    w.nowMs = Math.max(w.nowMs, top.tMs)
    handle(w, top.item)
  }
  if (caughtUp) {
    w.nowMs = Math.max(w.nowMs, target)
    if (toMs > MAX_SIMULATED_MS) tellLimit(w)
  }
  return result(w, fromMs, target, logFrom, caughtUp)
}

/** To the next log entry, at most maxMs on; the events of one millisecond go together unless the budget runs out. */
function stepWorld(w: World, maxMs: number, budget?: Budget): AdvanceResult {
  const fromMs = w.nowMs
  const logFrom = w.log.length
  const limit = Math.min(fromMs + maxMs, MAX_SIMULATED_MS)
  const outOfBudget = budgetCheck(budget)
  let caughtUp = true
  for (;;) {
    const top = w.queue.peek()
    if (!top || top.tMs >= limit) {
      w.nowMs = Math.max(w.nowMs, limit)
      if (fromMs + maxMs > MAX_SIMULATED_MS) tellLimit(w)
      break
    }
    if (outOfBudget()) {
      caughtUp = false
      break
    }
    const t = top.tMs
    for (let e = w.queue.peek(); e && e.tMs === t; e = w.queue.peek()) {
      w.queue.pop()
      w.nowMs = t
      handle(w, e.item)
      if (outOfBudget()) break
    }
    if (w.log.length > logFrom) break
  }
  return result(w, fromMs, w.nowMs, logFrom, caughtUp)
}

export function createSim(options: SimOptions): Sim {
  const { design, scenario, clock } = options
  const slotMs = options.slotMs ?? 100
  const sampling = options.sampling ?? DEFAULT_SAMPLING
  const cfg: SimConfig = {
    design,
    scenario,
    baseNet: compile(design, options.engine),
    engine: options.engine,
    slotMs,
    arrivals: options.arrivals ?? 'poisson',
    budget: sampling,
    sampling: flowSampling(scenario.flows, slotMs, sampling),
    onEvent: options.onEvent,
    actions: [],
  }
  let seed = options.seed ?? 1
  let w = createWorld(cfg, seed)
  let disposed = false
  const drawing = createDrawing()

  function live(): void {
    if (disposed) throw new Error('sim: used after dispose()')
  }

  function advance(toMs: number, budget?: Budget): AdvanceResult {
    live()
    return advanceWorld(w, toMs, budget)
  }

  return {
    tick: (budget) => advance(clock.now(), budget),
    advance,
    step(maxMs = 10_000, budget) {
      live()
      const r = stepWorld(w, maxMs, budget)
      clock.seek(w.nowMs)
      return r
    },
    run(toMs) {
      clock.seek(toMs)
      return advance(toMs)
    },
    reset(newSeed, resetOptions) {
      live()
      if (newSeed !== undefined) seed = newSeed
      if (!resetOptions?.keepActions) cfg.actions = []
      w = createWorld(cfg, seed)
      clock.seek(0)
    },
    dispose() {
      disposed = true
      drawing.forget()
      w.queue.clear()
      w.conns = []
    },
    get nowMs() {
      return w.nowMs
    },
    get seed() {
      return seed
    },
    log: () => w.log,
    metrics: () => metricsOf(w),
    connections: () => connectionViews(w),
    appliances: () => applianceViews(w),
    routeTargets: () => routeTargetViews(w),
    switchActiveRouteTarget(groupId) {
      live()
      const answer = switchActiveRouteTarget(w, groupId)
      if (answer.ok) cfg.actions.push({ atMs: w.nowMs, groupId })
      return answer
    },
    sampleTrace: (connectionId, reply) => drawing.traces(w, [{ connectionId, reply }], 0)[0] ?? null,
    sampleTraces: (picks, maxAgeMs = 0) => drawing.traces(w, picks, maxAgeMs),
  }
}

/** The scenario of this name in the design, or null. */
export function findScenario(design: Design, name: string): Scenario | null {
  return design.scenarios.find((s) => s.name === name) ?? null
}
