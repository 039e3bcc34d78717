// npm run cli -- grade <activity.json> <design.json> [--learner KEY] [--hints 0,2] [--json]
// Grades a student's design as "Check my work" does in the app; exit 0 passed, 1 not passed, 2 bad input.
import { grade } from '../src/activities'
import { NODE_GRADE_ENGINE } from './activityEngine'
import { readActivityInput } from './activityInput'
import { withDesign } from './importInput'
import { escapeControls, printError, printJson } from './terminal'

const USAGE = 'usage: npm run cli -- grade <activity.json> <design.json> [--learner KEY] [--hints 0,2] [--json]'

interface Args {
  activity: string
  design: string
  learnerKey: string
  hints: number[]
  json: boolean
}

function parseArgs(args: string[]): Args | string {
  const files: string[] = []
  let learnerKey = 'student'
  let hints: number[] = []
  let json = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '--json') json = true
    else if (a === '--learner' || a === '--hints') {
      const v = args[++i]
      if (v === undefined) return `${a} needs a value`
      if (a === '--learner') learnerKey = v
      else {
        hints = v.split(',').map(Number)
        if (hints.some((n) => !Number.isInteger(n) || n < 0)) return `--hints takes hint numbers from 0, such as 0,2`
      }
    } else if (a.startsWith('-')) return `unknown option ${a}`
    else files.push(a)
  }
  const [activity, design] = files
  if (!activity || !design || files.length > 2) return 'give one activity file and one design file'
  return { activity, design, learnerKey, hints, json }
}

export function run(args: string[]): number | Promise<number> {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    printError(`${parsed}\n${USAGE}`)
    return 2
  }
  const input = readActivityInput(parsed.activity, parsed.learnerKey)
  if (!input.ok) {
    printError(input.lines.join('\n'))
    return 2
  }
  const prepared = input.opened.prepared
  return withDesign(parsed.design, async (design) => {
    const g = await grade(prepared, design, NODE_GRADE_ENGINE, parsed.hints)
    if (parsed.json) printJson({ activity: prepared.activity.id, learner: parsed.learnerKey, ...g })
    else {
      const lines = [`${prepared.activity.title} (learner ${parsed.learnerKey})`]
      for (const goal of g.goals) {
        lines.push(`  ${goal.met ? 'met   ' : 'missed'} ${goal.earned}/${goal.points}  ${goal.title}`)
        for (const f of goal.findings) lines.push(`           ${f}`)
      }
      if (g.hintCost) lines.push(`  hints: -${g.hintCost}`)
      lines.push(`score ${g.score}/${g.maxScore} (${g.percent} %): ${g.passed ? 'passed' : 'not passed'}`)
      console.log(escapeControls(lines.join('\n'), { lines: true }))
    }
    return g.passed ? 0 : 1
  })
}
