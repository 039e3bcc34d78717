// npm run cli -- simulate <design.json> --scenario <name> --duration 120s [--seed N] [--arrivals poisson|even]
//   [--all-unhealthy drop|awsRandomTarget] [--route-target-probe-interval 5s|2s|10s] ... [--json]: runs a scenario in
// simulated time and prints the event log and the metrics; one flag per named assumption, as for trace.
// Exit code: 0 ran, 2 bad input.
import { ASSUMPTIONS, type AssumptionId, type AssumptionValues, DEFAULT_ASSUMPTIONS } from '../worker/engine'
import { createManualClock, createSim, findScenario, formatLog, formatMetrics, MAX_SIMULATED_MS } from '../worker/sim'
import { splitArgs } from './args'
import { withDesign } from './importInput'
import { forDisplay, print, printError, printJson } from './terminal'

/** One flag per named assumption, in kebab case (allUnhealthy → --all-unhealthy), as trace has. */
const ASSUMPTION_FLAGS = (Object.keys(ASSUMPTIONS) as AssumptionId[]).map((id) => ({
  id,
  flag: `--${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  values: ASSUMPTIONS[id].values as readonly string[],
}))

const USAGE = `usage: npm run cli -- simulate <design.json> --scenario <name> --duration 120s [--seed N] [--arrivals poisson|even] ${ASSUMPTION_FLAGS.map((a) => `[${a.flag} ${a.values.join('|')}]`).join(' ')} [--json]`

type Args = {
  file: string
  scenario: string
  durationMs: number
  seed: number
  arrivals: 'poisson' | 'even'
  assumptions: Partial<AssumptionValues>
  json: boolean
}

/** "120s", "120", "2m", "1500ms" → milliseconds; null when it is none of those. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim())
  if (!m) return null
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000
  const ms = Math.round(Number(m[1]) * unit)
  return ms > 0 ? ms : null
}

function parseArgs(args: string[]): Args | string {
  const split = splitArgs(args, {
    options: ['--scenario', '--duration', '--seed', '--arrivals', ...ASSUMPTION_FLAGS.map((a) => a.flag)],
    switches: ['--json'],
  })
  if (typeof split === 'string') return split
  const flags = split.options
  const json = split.switches.has('--json')
  const scenario = flags.get('--scenario')
  if (!scenario) return '--scenario is required'
  const durationMs = parseDuration(flags.get('--duration') ?? '120s')
  if (durationMs === null) return `--duration ${flags.get('--duration')}: expected a time such as 120s, 2m or 1500ms`
  if (durationMs > MAX_SIMULATED_MS)
    return `--duration ${flags.get('--duration')}: longer than one run of the simulator may play, ${MAX_SIMULATED_MS / 1000} s (${MAX_SIMULATED_MS / 3_600_000} h); ask for ${MAX_SIMULATED_MS / 1000}s or less`
  const seedText = flags.get('--seed') ?? '1'
  if (!/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff)
    return `--seed ${seedText}: expected a whole number from 0 to 4294967295`
  const arrivals = flags.get('--arrivals') ?? 'poisson'
  if (arrivals !== 'poisson' && arrivals !== 'even') return `--arrivals ${arrivals}: expected poisson or even`
  const assumptions: Partial<Record<AssumptionId, string>> = {}
  for (const a of ASSUMPTION_FLAGS) {
    const v = flags.get(a.flag)
    if (v === undefined) continue
    if (!a.values.includes(v)) return `${a.flag} ${v}: expected ${a.values.join(' or ')}`
    assumptions[a.id] = v
  }
  return {
    file: split.file,
    scenario,
    durationMs,
    seed: Number(seedText),
    arrivals,
    // each value was checked against its assumption's own list above
    assumptions: assumptions as Partial<AssumptionValues>,
    json,
  }
}

export function run(args: string[]): number | Promise<number> {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    printError(`${parsed}\n${USAGE}`)
    return 2
  }
  return withDesign(parsed.file, (loaded) => {
    const found = findScenario(loaded, parsed.scenario)
    // text output simulates a copy whose names have their control characters escaped; JSON keeps the real names
    const design = parsed.json ? loaded : forDisplay(loaded)
    const scenario = found && design.scenarios[loaded.scenarios.indexOf(found)]
    if (!scenario) {
      const names = design.scenarios.map((s) => s.name)
      printError(
        `${parsed.file} has no scenario "${parsed.scenario}"; it has: ${names.length ? names.join(', ') : 'none'}`,
      )
      return 2
    }
    const sim = createSim({
      design,
      scenario,
      clock: createManualClock(),
      seed: parsed.seed,
      arrivals: parsed.arrivals,
      ...(Object.keys(parsed.assumptions).length ? { engine: { assumptions: parsed.assumptions } } : {}),
    })
    sim.run(parsed.durationMs)
    const metrics = sim.metrics()
    if (parsed.json) {
      printJson({
        design: design.name,
        scenario: scenario.name,
        seed: parsed.seed,
        durationMs: parsed.durationMs,
        // every assumption's value in force, given or default
        assumptionValues: { ...DEFAULT_ASSUMPTIONS, ...parsed.assumptions },
        log: sim.log(),
        metrics,
      })
      return 0
    }
    const head = `Scenario "${scenario.name}" on ${design.name}: ${parsed.durationMs / 1000} s simulated, seed ${parsed.seed}, ${parsed.arrivals} arrivals`
    print(
      [
        head,
        ...(scenario.description ? [scenario.description] : []),
        '',
        'Event log',
        formatLog(sim.log()),
        '',
        formatMetrics(metrics),
      ].join('\n'),
    )
    sim.dispose()
    return 0
  })
}
