// npm run cli -- trace <design.json> --from <id|address> --to <address> [--proto tcp] [--dport 443] [--sport N]
//   [--size N] [--reply] [--json]: traces a packet (and with --reply its answer) through a design.
// Exit code: 0 delivered or out to the internet, 1 dropped, 2 bad input.

import {
  compile,
  formatRoundTrip,
  formatTrace,
  isDropped,
  type PacketSpec,
  type Trace,
  trace,
  traceRoundTrip,
} from '../worker/engine'
import { loadDesign, splitArgs } from './args'
import { forDisplay, print, printError, printJson } from './terminal'

const USAGE =
  'usage: npm run cli -- trace <design.json> --from <id|address> --to <address> [--proto tcp|udp|icmp] [--dport N] [--sport N] [--size N] [--reply] [--json]'

type Args = { file: string; spec: PacketSpec; json: boolean; reply: boolean }

function parseArgs(args: string[]): Args | string {
  const split = splitArgs(args, {
    options: ['--from', '--to', '--proto', '--dport', '--sport', '--size'],
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
  return { file: split.file, spec, json: bare.has('--json'), reply: bare.has('--reply') }
}

const exitOf = (traces: (Trace | null)[]): number =>
  traces.some((t) => t === null || isDropped(t.disposition)) ? 1 : 0

export function run(args: string[]): number {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    printError(`${parsed}\n${USAGE}`)
    return 2
  }
  const design = loadDesign(parsed.file)
  if (!design) return 2
  // text output traces a copy whose names have their control characters escaped; JSON keeps the real names
  const net = compile(parsed.json ? design : forDisplay(design))
  if (parsed.reply) {
    const rt = traceRoundTrip(net, parsed.spec)
    if (rt.request.disposition === 'INVALID_PACKET') {
      printError(rt.request.text)
      return 2
    }
    if (parsed.json) printJson(rt)
    else print(formatRoundTrip(rt))
    return exitOf([rt.request, rt.reply])
  }
  const t = trace(net, parsed.spec)
  if (t.disposition === 'INVALID_PACKET') {
    printError(t.text)
    return 2
  }
  if (parsed.json) printJson(t)
  else print(formatTrace(t))
  return exitOf([t])
}
