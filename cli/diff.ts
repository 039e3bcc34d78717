// npm run cli -- diff <before.json> <after.json> [--json]: the resources added, removed and changed (field by
// field) and the flow classes whose outcome changed (disposition, appliance, answer).
// Exit code: 0 no difference, 1 a difference, 2 bad input.
import type { Design } from '../src/model'
import { type DesignDiff, diffDesigns } from '../worker/verify'
import { loadInput } from './importInput'
import { print, printError, printJson } from './terminal'

const USAGE = 'usage: npm run cli -- diff <before.json> <after.json> [--json]'
/** flows listed in text output; --json lists them all */
const SHOWN = 25

const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v))

function text(d: DesignDiff): string[] {
  const out: string[] = []
  for (const r of d.resources.added) out.push(`+ ${r.kind} ${r.id}`)
  for (const r of d.resources.removed) out.push(`- ${r.kind} ${r.id}`)
  for (const r of d.resources.changed) {
    out.push(`~ ${r.kind} ${r.id}`)
    for (const c of r.changes) out.push(`    ${c.path}: ${show(c.before)} → ${show(c.after)}`)
  }
  if (!out.length) out.push('no resource changed')
  out.push('', `${d.changedClasses} of ${d.classCount} flow classes changed outcome`)
  if (d.flows.length < d.changedClasses)
    out.push(
      `  in ${d.flows.length} entries: classes that changed alike (twin VPCs, blocks no route tells apart) share one`,
    )
  for (const f of d.flows.slice(0, SHOWN)) {
    const alike = f.classes > 1 ? ` (and ${f.classes - 1} more classes alike)` : ''
    out.push(`  ${f.flowClass}${alike}`, `    before: ${f.before}`, `    after:  ${f.after}`)
  }
  if (d.flows.length > SHOWN) out.push(`  ... and ${d.flows.length - SHOWN} more (--json lists them all)`)
  return out
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json')
  const files = args.filter((a) => a !== '--json')
  if (files.length !== 2 || files.some((f) => f.startsWith('--'))) {
    printError(USAGE)
    return 2
  }
  const designs: Design[] = []
  for (const f of files) {
    const d = await loadInput(f)
    if (!d) return 2
    designs.push(d)
  }
  const d = diffDesigns(designs[0], designs[1])
  if (json) printJson(d)
  else print(text(d).join('\n'))
  const same =
    !d.resources.added.length && !d.resources.removed.length && !d.resources.changed.length && !d.flows.length
  return same ? 0 : 1
}
