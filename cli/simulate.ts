// npm run cli -- simulate <design.json> --scenario <name> --duration 120s [--seed N] [--arrivals poisson|even]
//   [--all-unhealthy drop|awsRandomTarget] [--json]: runs a scenario in simulated time and prints the event log and
// the metrics. Exit code: 0 ran, 2 bad input.
import { ASSUMPTIONS, type AssumptionValues } from '../worker/engine'
import { createManualClock, createSim, findScenario, formatLog, formatMetrics, MAX_SIMULATED_MS } from '../worker/sim'
import { splitArgs } from './args'
import { withDesign } from './importInput'
import { forDisplay, print, printError, printJson } from './terminal'

const USAGE =
  'usage: npm run cli -- simulate <design.json> --scenario <name> --duration 120s [--seed N] [--arrivals poisson|even] [--all-unhealthy drop|awsRandomTarget] [--json]'

type Args = {
  file: string
  scenario: string
  durationMs: number
  seed: number
  arrivals: 'poisson' | 'even'
  allUnhealthy: AssumptionValues['allUnhealthy'] | undefined
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
    options: ['--scenario', '--duration', '--seed', '--arrivals', '--all-unhealthy'],
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
  const au = flags.get('--all-unhealthy')
  const values: readonly string[] = ASSUMPTIONS.allUnhealthy.values
  if (au !== undefined && !values.includes(au)) return `--all-unhealthy ${au}: expected ${values.join(' or ')}`
  return {
    file: split.file,
    scenario,
    durationMs,
    seed: Number(seedText),
    arrivals,
    allUnhealthy: au as AssumptionValues['allUnhealthy'] | undefined,
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
      ...(parsed.allUnhealthy ? { engine: { assumptions: { allUnhealthy: parsed.allUnhealthy } } } : {}),
    })
    sim.run(parsed.durationMs)
    const metrics = sim.metrics()
    if (parsed.json) {
      printJson({
        design: design.name,
        scenario: scenario.name,
        seed: parsed.seed,
        durationMs: parsed.durationMs,
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
