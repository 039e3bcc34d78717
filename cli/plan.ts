// npm run cli -- plan check <design.json> [--plan steps.json | --guide setup|teardown] [--intents f.json] [--json]:
// applies a change plan step by step and checks every state against the intents; reports the windows where
// traffic is black-holed, uninspected or asymmetric, and a safe order of the same steps when one exists.
// --guide takes the API-call sequence of Alibaba Cloud's GWLB guide for the design (setup starts from its
// prerequisites). Without either, the plan the design carries (built in the Plan tab, docs/format.md "Plan") is
// checked from where it says it starts. Exit code: 0 no window, 1 a window (or a step the cloud would refuse), 2 bad input.
import type { Design } from '../src/model'
import { apiCallPlan } from '../src/share/apiCalls'
import {
  checkPlan,
  guideSteps,
  type Intent,
  type Plan,
  type PlanCheck,
  parsePlan,
  prerequisites,
} from '../worker/verify'
import { splitArgs } from './args'
import { withDesign } from './importInput'
import { readInputBytes } from './input'
import { readIntents } from './intentsInput'
import { print, printError, printJson } from './terminal'

const USAGE =
  'usage: npm run cli -- plan check <design.json> [--plan steps.json | --guide setup|teardown] [--intents f.json] [--json]'

function readPlan(path: string): Plan | null {
  // read under the same caps as a design file (cli/input.ts); the text of a JSON file
  const read = readInputBytes(path)
  if (!read.ok) {
    for (const line of read.lines) printError(line)
    return null
  }
  const text = new TextDecoder().decode(read.bytes).replace(/^\uFEFF/, '')
  const r = parsePlan(text)
  if (r.ok) return r.plan
  for (const e of r.errors) printError(`${path}: ${e}`)
  return null
}

function text(r: Extract<PlanCheck, { ok: true }>, plan: Plan): string[] {
  const out = [`${plan.steps.length} steps, ${r.classCount} flow classes in every state`, '']
  out.push('step  black-holed  uninspected  asymmetric  intents violated')
  for (const s of r.states) {
    const violated = s.results.filter((x) => x.status === 'violated').map((x) => x.intent.id)
    out.push(
      `${String(s.step).padStart(4)}  ${String(s.affected['black-holed']).padStart(11)}  ${String(s.affected.uninspected).padStart(11)}  ${String(s.affected.asymmetric).padStart(10)}  ${violated.join(', ') || '-'}`,
    )
    if (s.applied) out.push(`      after ${s.applied}`)
  }
  out.push('')
  if (!r.windows.length && !r.intentWindows.length)
    out.push('no window: every state is as good as the start and the end')
  for (const w of r.windows) {
    const span = w.from === w.to ? `after step ${w.from}` : `from step ${w.from} to step ${w.to}`
    out.push(`window: ${w.kind} ${span}, up to ${w.flows} flow classes; for example ${w.example.flowClass}`)
  }
  for (const w of r.intentWindows)
    out.push(
      `window: intent ${w.intentId} holds before and after but not ${w.from === w.to ? `after step ${w.from}` : `from step ${w.from} to step ${w.to}`}`,
    )
  if (r.safeOrder) out.push(`safe order of the same steps: ${r.safeOrder.join(', ')}`)
  else if (r.safeOrder === null) out.push('no safe order of these steps was found')
  return out
}

/** The guide's setup (from the design's prerequisites) or teardown (from the design) as a plan. */
function guidePlan(design: Design, guide: 'setup' | 'teardown'): { plan: Plan; start: Design } {
  const calls = apiCallPlan(design)
  return {
    plan: {
      format: 'gwlb-studio/plan',
      version: 1,
      name: `the guide's ${guide}`,
      // the exported sequence's calls are steps as they are (their product, version and notes ride along)
      steps: guideSteps(calls[guide].map((c) => ({ ...c }))),
    },
    start: guide === 'setup' ? prerequisites(design) : design,
  }
}

/** The plan the design carries, from where it says it starts; null when it carries none. */
function ownPlan(design: Design): { plan: Plan; start: Design } | null {
  if (!design.plan?.steps.length) return null
  const { name, steps, from } = design.plan
  return {
    plan: { format: 'gwlb-studio/plan', version: 1, ...(name ? { name } : {}), steps },
    start: from === 'prerequisites' ? prerequisites(design) : design,
  }
}

export function run(args: string[]): number | Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'check') {
    printError(USAGE)
    return 2
  }
  const split = splitArgs(rest, { options: ['--plan', '--guide', '--intents'], switches: ['--json'] })
  if (typeof split === 'string') {
    printError(`${split}\n${USAGE}`)
    return 2
  }
  const planPath = split.options.get('--plan')
  const guide = split.options.get('--guide')
  if ((planPath !== undefined && guide !== undefined) || (guide && guide !== 'setup' && guide !== 'teardown')) {
    printError(`give --plan steps.json or --guide setup|teardown, not both\n${USAGE}`)
    return 2
  }
  let intents: Intent[] = []
  const intentsPath = split.options.get('--intents')
  if (intentsPath) {
    const read = readIntents(intentsPath)
    if (!read) return 2
    intents = read
  }
  const fromFile = planPath ? readPlan(planPath) : null
  if (planPath && !fromFile) return 2
  return withDesign(split.file, (design) => {
    const chosen = guide
      ? guidePlan(design, guide as 'setup' | 'teardown')
      : fromFile
        ? { plan: fromFile, start: design }
        : ownPlan(design)
    if (!chosen) {
      printError(
        `${split.file}: the design carries no plan; give --plan steps.json or --guide setup|teardown\n${USAGE}`,
      )
      return 2
    }
    const { plan, start } = chosen
    const r = checkPlan(start, plan, { intents })
    if (!r.ok) {
      const msg = `step ${r.step} (${r.api}) would be refused: ${r.refused}`
      if (split.switches.has('--json')) printJson(r)
      else printError(msg)
      return 1
    }
    if (split.switches.has('--json')) printJson(r)
    else print(text(r, plan).join('\n'))
    return r.windows.length || r.intentWindows.length ? 1 : 0
  })
}
