// npm run cli -- lint <design.json> [--json]: lists a design's problems.
// Exit code: 1 when any problem is an error, 0 otherwise, 2 when the design does not load.
import { lint } from '../worker/lint'
import { withDesign } from './importInput'

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
      console.log(
        JSON.stringify(
          problems.map(({ fix, ...p }) => (fix ? { ...p, fix: fix.label } : p)),
          null,
          2,
        ),
      )
    } else if (problems.length === 0) console.log('no problems')
    else {
      for (const p of problems)
        console.log(
          `${p.severity.padEnd(7)} ${p.code}  ${p.message}${p.resourceIds.length ? `  [${p.resourceIds.join(', ')}]` : ''}`,
        )
      const count = (s: string) => problems.filter((p) => p.severity === s).length
      console.log(`${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`)
    }
    return problems.some((p) => p.severity === 'error') ? 1 : 0
  })
}
