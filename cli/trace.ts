// npm run cli -- trace <design.json> --from <id|address> --to <address> [--proto tcp] [--dport 443] [--sport N]
//   [--size N] [--reply] [--json]: traces a packet (and with --reply its answer) through a design.
// Exit code: 0 delivered or out to the internet, 1 dropped, 2 bad input.
import { readFileSync } from 'node:fs'
import { type Design, parse } from '../src/model'
import { type PacketSpec, type Trace, compile, formatRoundTrip, formatTrace, isDropped, trace, traceRoundTrip } from '../worker/engine'

const USAGE = 'usage: npm run cli -- trace <design.json> --from <id|address> --to <address> [--proto tcp|udp|icmp] [--dport N] [--sport N] [--size N] [--reply] [--json]'

/** Reads and loads a design file; on failure prints the loader's messages, one a line, and returns null. */
export function loadDesign(path: string): Design | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    console.error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`)
    return null
  }
  const loaded = parse(text)
  if (!loaded.ok) {
    for (const err of loaded.errors) console.error(err.message)
    return null
  }
  return loaded.design
}

type Args = { file: string; spec: PacketSpec; json: boolean; reply: boolean }

function parseArgs(args: string[]): Args | string {
  const flags = new Map<string, string>()
  const bare = new Set<string>()
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--json' || a === '--reply') bare.add(a)
    else if (a.startsWith('--')) {
      const v = args[i + 1]
      if (v === undefined) return `${a} needs a value`
      flags.set(a, v)
      i++
    } else files.push(a)
  }
  const known = new Set(['--from', '--to', '--proto', '--dport', '--sport', '--size'])
  for (const f of flags.keys()) if (!known.has(f)) return `unknown option ${f}`
  if (files.length !== 1) return 'give one design file'
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
  for (const [flag, key] of [['--dport', 'destinationPort'], ['--sport', 'sourcePort'], ['--size', 'size']] as const) {
    const n = num(flag)
    if (typeof n === 'string') return n
    if (n !== undefined) spec[key] = n
  }
  return { file: files[0], spec, json: bare.has('--json'), reply: bare.has('--reply') }
}

const exitOf = (traces: (Trace | null)[]): number => (traces.some((t) => t === null || isDropped(t.disposition)) ? 1 : 0)

export function run(args: string[]): number {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${USAGE}`)
    return 2
  }
  const design = loadDesign(parsed.file)
  if (!design) return 2
  const net = compile(design)
  if (parsed.reply) {
    const rt = traceRoundTrip(net, parsed.spec)
    if (rt.request.disposition === 'INVALID_PACKET') {
      console.error(rt.request.text)
      return 2
    }
    console.log(parsed.json ? JSON.stringify(rt, null, 2) : formatRoundTrip(rt))
    return exitOf([rt.request, rt.reply])
  }
  const t = trace(net, parsed.spec)
  if (t.disposition === 'INVALID_PACKET') {
    console.error(t.text)
    return 2
  }
  console.log(parsed.json ? JSON.stringify(t, null, 2) : formatTrace(t))
  return exitOf([t])
}
