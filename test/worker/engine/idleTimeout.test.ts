// The GWLB's fixed idle timeouts (docs/cloud.md 2.3): a flow idle past 350 s (TCP) or 120 s (others) is closed; a
// leftover packet of the old connection is dropped, FLOW_EXPIRED, and only a new connection's first packet starts a
// flow. A packet says which it is (PacketSpec.connection, new by default).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run } from '../../../cli/trace'
import { createRuntimeState, forward, type PacketSpec, preparePacket, trace } from '../../../worker/engine'
import { network } from './helpers'

const inbound: PacketSpec = {
  source: 'internet-client',
  destination: '47.98.10.11',
  protocol: 'tcp',
  destinationPort: 443,
}
const udp: PacketSpec = { source: 'ecs-web-1', destination: '203.0.113.80', protocol: 'udp', destinationPort: 53 }

/** The connection's first packet pins its flow; then `idle` seconds pass and a later packet (or a new one) comes. */
function idleThen(spec: PacketSpec, idle: number, connection: 'new' | 'established') {
  const net = network(2)
  const state = createRuntimeState(net)
  const first = trace(net, spec, state)
  expect(first.disposition).toBe('DELIVERED')
  state.now += idle
  return { first, later: trace(net, { ...spec, connection }, state), state, net }
}

describe('idle timeouts at the GWLB', () => {
  it('a trace is a new connection unless it says otherwise', () => {
    expect(trace(network(2), inbound).packet.connection).toBe('new')
    expect(trace(network(2), { ...inbound, connection: 'established' }).packet.connection).toBe('established')
  })

  it('TCP: a later packet within 350 s follows its flow; past 350 s it is a leftover, dropped at the GWLB', () => {
    const within = idleThen(inbound, 349, 'established')
    expect(within.later.disposition).toBe('DELIVERED')
    expect(within.later.applianceId).toBe(within.first.applianceId)
    const past = idleThen(inbound, 351, 'established')
    expect(past.later.disposition).toBe('FLOW_EXPIRED')
    expect(past.later.hops.at(-1)?.resourceId).toBe('gwlb-inspection')
    expect(past.later.text).toMatch(/idle past the GWLB's fixed timeout \(TCP 350 s, others 120 s\)/)
    // the closed flow stays closed for the old connection's other leftovers
    expect(trace(past.net, { ...inbound, connection: 'established' }, past.state).disposition).toBe('FLOW_EXPIRED')
  })

  it('a new connection on the same five-tuple after the timeout starts a new flow', () => {
    const { later } = idleThen(inbound, 351, 'new')
    expect(later.disposition).toBe('DELIVERED')
    expect(later.hops.flatMap((h) => h.steps.map((s) => s.text)).join('\n')).toMatch(
      /was closed: this new connection's first packet starts a new flow/,
    )
  })

  it('other protocols: 120 s', () => {
    expect(idleThen(udp, 119, 'established').later.disposition).toBe('DELIVERED')
    expect(idleThen(udp, 121, 'established').later.disposition).toBe('FLOW_EXPIRED')
  })

  it('a flow the GWLB has no entry for at all is hashed as new, whatever the packet says', () => {
    expect(trace(network(2), { ...inbound, connection: 'established' }).disposition).toBe('DELIVERED')
  })
})

describe("a stateful appliance's session", () => {
  /** When each appliance session was last seen, by appliance number. */
  const sessionTimes = (state: ReturnType<typeof createRuntimeState>) => {
    const seen: number[] = []
    state.sessions.forEach((_k0, _k1, _k2, _k3, _v, lastSeen) => {
      seen.push(lastSeen)
    })
    return seen
  }

  it('counts its idle time from the last packet it let through, in the walk and in the fast path', () => {
    const net = network(2)
    const request: PacketSpec = { ...inbound, sourcePort: 40000 }
    const reply: PacketSpec = {
      source: 'ecs-web-1',
      destination: '203.0.113.10',
      protocol: 'tcp',
      sourcePort: 443,
      destinationPort: 40000,
      reply: true,
      connection: 'established',
    }
    const state = createRuntimeState(net)
    expect(trace(net, request, state).disposition).toBe('DELIVERED')
    expect(sessionTimes(state)).toEqual([0])
    // a reply 200 s later crosses the session and keeps it: the sweep's 350 s count from here
    state.now = 200
    expect(trace(net, reply, state).disposition).toBe('DELIVERED')
    expect(sessionTimes(state)).toEqual([200])
    // the fast path writes the same
    state.now = 300
    const prepared = preparePacket(net, reply)
    if (!prepared.ok) throw new Error(prepared.message)
    expect(forward(net, prepared.packet, state).disposition).toBe('DELIVERED')
    expect(sessionTimes(state)).toEqual([300])
  })
})

describe('npm run cli -- trace --established [--idle S]', () => {
  afterEach(() => vi.restoreAllMocks())
  const ARGS = ['public/examples/two-zones.json', '--from', 'internet-client', '--to', '47.98.10.11', '--dport', '443']
  function capture(args: string[]): { code: number; out: string; err: string } {
    const out: string[] = []
    const err: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
    const code = run(args) as number
    return { code, out: out.join('\n'), err: err.join('\n') }
  }

  it('traces a later packet of a connection idle that long: dropped past the timeout, exit code 1', () => {
    const past = capture([...ARGS, '--established', '--idle', '400'])
    expect(past.code).toBe(1)
    expect(past.out).toMatch(/\(a later packet of an established connection\)/)
    expect(past.out).toMatch(/=> FLOW_EXPIRED: /)
    const within = capture([...ARGS, '--established', '--idle', '300', '--json'])
    expect(within.code).toBe(0)
    expect(JSON.parse(within.out)).toMatchObject({ disposition: 'DELIVERED', packet: { connection: 'established' } })
  })

  it('refuses --idle without --established, or not in seconds', () => {
    expect(capture([...ARGS, '--idle', '400']).err).toMatch(/--idle goes with --established/)
    expect(capture([...ARGS, '--established', '--idle', 'soon']).code).toBe(2)
  })
})
