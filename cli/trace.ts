// npm run cli -- trace <design.json> --from <id|address> --to <address> [--proto tcp] [--dport 443] [--sport N]
//   [--size N] [--reply] [--json] [--route-selection V] [--symmetric-hash V] [--all-unhealthy V] ...: traces a
//   packet (and with --reply its answer) through a design, under the assumptions given (one flag per assumption).
// Exit code: 0 delivered or out to the internet (or to cloud services), 1 dropped, 2 bad input.

import {
  ASSUMPTIONS,
  type AssumptionId,
  type AssumptionValues,
  compile,
  formatRoundTrip,
  formatTrace,
  isDropped,
  type PacketSpec,
  type Trace,
  trace,
  traceRoundTrip,
} from '../worker/engine'
import { splitArgs } from './args'
import { withDesign } from './importInput'
import { forDisplay, print, printError, printJson } from './terminal'

/** One flag per named assumption, in kebab case (routeSelection → --route-selection), so a new one gets its own. */
const ASSUMPTION_FLAGS = (Object.keys(ASSUMPTIONS) as AssumptionId[]).map((id) => ({
  id,
  flag: `--${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  values: ASSUMPTIONS[id].values as readonly string[],
}))

const USAGE = `usage: npm run cli -- trace <design.json> --from <id|address> --to <address> [--proto tcp|udp|icmp] [--dport N] [--sport N] [--size N] [--reply] [--json] ${ASSUMPTION_FLAGS.map((a) => `[${a.flag} ${a.values.join('|')}]`).join(' ')}`

type Args = {
  file: string
  spec: PacketSpec
  json: boolean
  reply: boolean
  assumptions: Partial<AssumptionValues>
}

function parseArgs(args: string[]): Args | string {
  const split = splitArgs(args, {
    options: ['--from', '--to', '--proto', '--dport', '--sport', '--size', ...ASSUMPTION_FLAGS.map((a) => a.flag)],
    switches: ['--json', '--reply'],
  })
  if (typeof split === 'string') return split
  const { options: flags, switches: bare } = split
  const from = flags.get('--from')
  const to = flags.get('--to')
  if (!from || !to) return '--from and --to are required'
  const proto = flags.get('--proto') ?? 'tcp'
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'icmp') return `--proto ${proto}: expected tcp, udp or icmp`
  const num = (flag: string): number | undefined | string => {
    const v = flags.get(flag)
    if (v === undefined) return undefined
    return /^\d+$/.test(v) ? Number(v) : `${flag} ${v}: expected a whole number`
  }
  const spec: PacketSpec = { source: from, destination: to, protocol: proto }
  for (const [flag, key] of [
    ['--dport', 'destinationPort'],
    ['--sport', 'sourcePort'],
    ['--size', 'size'],
  ] as const) {
    const n = num(flag)
    if (typeof n === 'string') return n
    if (n !== undefined) spec[key] = n
  }
  const assumptions: Partial<Record<AssumptionId, string>> = {}
  for (const a of ASSUMPTION_FLAGS) {
    const v = flags.get(a.flag)
    if (v === undefined) continue
    if (!a.values.includes(v)) return `${a.flag} ${v}: expected ${a.values.join(' or ')}`
    assumptions[a.id] = v
  }
  return {
    file: split.file,
    spec,
    json: bare.has('--json'),
    reply: bare.has('--reply'),
    // each value was checked against its assumption's own list above
    assumptions: assumptions as Partial<AssumptionValues>,
  }
}

const exitOf = (traces: (Trace | null)[]): number =>
  traces.some((t) => t === null || isDropped(t.disposition)) ? 1 : 0

export function run(args: string[]): number | Promise<number> {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    printError(`${parsed}\n${USAGE}`)
    return 2
  }
  return withDesign(parsed.file, (design) => {
    // text output traces a copy whose names have their control characters escaped; JSON keeps the real names
    const net = compile(parsed.json ? design : forDisplay(design), { assumptions: parsed.assumptions })
    // --json names every assumption's value in force, given or default, beside those the trace relied on
    const inForce = { assumptionValues: net.assumptions }
    if (parsed.reply) {
      const rt = traceRoundTrip(net, parsed.spec)
      if (rt.request.disposition === 'INVALID_PACKET') {
        printError(rt.request.text)
        return 2
      }
      if (parsed.json) printJson({ ...rt, ...inForce })
      else print(formatRoundTrip(rt))
      return exitOf([rt.request, rt.reply])
    }
    const t = trace(net, parsed.spec)
    if (t.disposition === 'INVALID_PACKET') {
      printError(t.text)
      return 2
    }
    if (parsed.json) printJson({ ...t, ...inForce })
    else print(formatTrace(t))
    return exitOf([t])
  })
}
