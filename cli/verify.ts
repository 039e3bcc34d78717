// npm run cli -- verify <design.json> [--intents intents.json] [--no-built-in] [--json]: checks the built-in
// intents of Alibaba Cloud's GWLB guide (and the file's) over every flow class of the design.
// Exit code: 0 every intent holds, 1 one is violated (its counterexample printed), 2 bad input.
import { compile, formatRoundTrip } from '../worker/engine'
import { type Intent, type IntentResult, replay, verify } from '../worker/verify'
import { splitArgs } from './args'
import { withDesign } from './importInput'
import { readIntents } from './intentsInput'
import { print, printError, printJson } from './terminal'

const USAGE = 'usage: npm run cli -- verify <design.json> [--intents intents.json] [--no-built-in] [--json]'

function line(r: IntentResult): string {
  const what = r.intent.description ? `  ${r.intent.description}` : ''
  if (r.status === 'holds')
    return `holds     ${r.intent.id} (${r.classes ? `${r.classes} classes` : 'applies to no flow class'})${what}`
  return `VIOLATED  ${r.intent.id} (${r.violating} of ${r.classes} classes)${what}`
}

export function run(args: string[]): number | Promise<number> {
  const split = splitArgs(args, { options: ['--intents'], switches: ['--json', '--no-built-in'] })
  if (typeof split === 'string') {
    printError(`${split}\n${USAGE}`)
    return 2
  }
  const path = split.options.get('--intents')
  let own: Intent[] = []
  if (path !== undefined) {
    const read = readIntents(path)
    if (!read) return 2
    own = read
  }
  const json = split.switches.has('--json')
  return withDesign(split.file, (design) => {
    const started = performance.now()
    const r = verify(design, { intents: own, noBuiltIn: split.switches.has('--no-built-in') })
    const ms = performance.now() - started
    if (!r.ok) {
      for (const e of r.errors) printError(`intent "${e.intentId}" at ${e.path}: ${e.message}`)
      return 2
    }
    const net = compile(design)
    const violated = r.results.filter((x) => x.status === 'violated')
    if (json) {
      printJson({
        classCount: r.classCount,
        holds: violated.length === 0,
        results: r.results.map((x) =>
          x.status === 'holds'
            ? x
            : {
                ...x,
                explanation: formatRoundTrip(replay(net, x.counterexample.packet, x.counterexample.picks)).split('\n'),
              },
        ),
      })
    } else {
      print(
        `${r.classCount} flow classes, ${r.results.length} intents checked in ${ms.toFixed(0)} ms (every appliance the GWLB could pick)`,
      )
      for (const x of r.results) print(line(x))
      for (const x of violated) {
        if (x.status !== 'violated') continue
        const c = x.counterexample
        const p = c.packet
        const ports =
          p.destinationPort !== undefined
            ? `:${p.sourcePort} → ${p.destination}:${p.destinationPort}`
            : ` → ${p.destination}`
        print(`\n${x.intent.id}: ${c.reason}`)
        print(
          `  counterexample: ${p.protocol} ${p.source}${ports}${c.appliance ? ` (when the GWLB picks ${c.appliance})` : ''}`,
        )
        print(`  it stands for every packet ${c.flowClass}`)
        print(
          `  replay: npm run cli -- trace ${split.file} --from ${p.source} --to ${p.destination} --proto ${p.protocol}${p.destinationPort !== undefined ? ` --dport ${p.destinationPort}` : ''} --reply`,
        )
        print(
          formatRoundTrip(replay(net, p, c.picks))
            .split('\n')
            .map((l) => `    ${l}`)
            .join('\n'),
        )
      }
    }
    return violated.length ? 1 : 0
  })
}
