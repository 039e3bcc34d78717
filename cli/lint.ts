// npm run cli -- lint <design.json> [--json]: lists a design's problems.
// Exit code: 1 when any problem is an error, 0 otherwise, 2 when the design does not load.
import { lint } from '../worker/lint'
import { withDesign } from './importInput'
import { escapeControls, print, printJson } from './terminal'

export function run(args: string[]): number | Promise<number> {
  const json = args.includes('--json')
  const files = args.filter((a) => a !== '--json')
  if (files.length !== 1 || files[0].startsWith('--')) {
    console.error('usage: npm run cli -- lint <design.json> [--json]')
    return 2
  }
  return withDesign(files[0], (design) => {
    const problems = lint(design)
    if (json) {
      // a fix is a function: list its label only
      printJson(problems.map(({ fix, ...p }) => (fix ? { ...p, fix: fix.label } : p)))
    } else if (problems.length === 0) print('no problems')
    else {
      for (const p of problems)
        print(
          `${p.severity.padEnd(7)} ${p.code}  ${escapeControls(p.message)}${p.resourceIds.length ? `  [${p.resourceIds.join(', ')}]` : ''}`,
        )
      const count = (s: string) => problems.filter((p) => p.severity === s).length
      print(`${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`)
    }
    return problems.some((p) => p.severity === 'error') ? 1 : 0
  })
}
