// Flow classes partition the packet space: every packet falls in exactly one class, and a random packet's
// outcomes (under every appliance the GWLB could pick) equal its class representative's.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Design, formatIpv4, parse } from '../../../src/model'
import { compile, type Network, type PacketSpec } from '../../../worker/engine'
import { FlowSpace, representative } from '../../../worker/verify/classes'
import { type Outcome, Prober } from '../../../worker/verify/explore'
import { generateDesign } from '../../fixtures/engine/generate'
import { network } from '../engine/helpers'

const sig = (os: Outcome[]) => os.map((o) => `${o.request}|${o.appliance}|${o.reply}|${o.replyAppliance}`).join(' ; ')

/**
 * Values next to every edge the design document names, read from its text independently of FlowSpace: each
 * CIDR block's first and last address and their neighbours, each port range's ends and their neighbours.
 */
function edgesOf(d: Design): { addresses: number[]; ports: number[] } {
  const addresses = new Set<number>()
  const ports = new Set<number>()
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      const m = /^(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?$/.exec(v)
      if (m) {
        const lo = m[1].split('.').reduce((n, o) => n * 256 + Number(o), 0)
        const hi = lo + 2 ** (32 - Number(m[2] ?? 32)) - 1
        for (const a of [lo - 1, lo, hi, hi + 1]) if (a >= 0 && a < 2 ** 32) addresses.add(a)
      }
      const p = /^(\d+)\/(\d+)$/.exec(v)
      if (p) for (const x of [+p[1] - 1, +p[1], +p[2], +p[2] + 1]) if (x >= 1 && x <= 65535) ports.add(x)
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x)
  }
  visit(d.resources)
  return { addresses: [...addresses], ports: [...ports] }
}

/** A packet of the space: a sender, an address near an edge of the design or anywhere, any protocol and port. */
function packetIn(space: FlowSpace, d: Design): fc.Arbitrary<PacketSpec> {
  const edges = edgesOf(d)
  const address = fc.oneof(fc.constantFrom(...edges.addresses), fc.nat({ max: 2 ** 32 - 1 }))
  const source = fc.nat({ max: space.sources.length - 1 }).chain((i) => {
    const s = space.sources[i]
    if (s.kind !== 'internet') return fc.constant(s.id)
    const near = edges.addresses.filter((a) => a >= s.lo && a <= s.hi)
    const any = fc.integer({ min: 0, max: Math.min(s.hi - s.lo, 2 ** 31 - 1) }).map((k) => s.lo + k)
    return (near.length ? fc.oneof(fc.constantFrom(...near), any) : any).map(formatIpv4)
  })
  return fc.record({
    source,
    destination: address.map(formatIpv4),
    protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const),
    destinationPort: fc.oneof(fc.constantFrom(...edges.ports), fc.integer({ min: 1, max: 65535 })),
  })
}

function checkPartition(net: Network, runs: number) {
  const space = new FlowSpace([net])
  const prober = new Prober(net)
  fc.assert(
    fc.property(packetIn(space, net.design), (p) => {
      const c = space.classOf(p)
      expect(c).toBeGreaterThanOrEqual(0)
      const rep = representative(space.classAt(c))
      expect(sig(prober.outcomes(p))).toBe(sig(prober.outcomes(rep)))
    }),
    { numRuns: runs },
  )
}

/** Reference (b) with its service route tables broken one way or another, and an SG rule on a port range. */
function broken(edit: (d: Design) => void): Network {
  return network(2, edit)
}

describe('flow classes', () => {
  it('number every class once: each representative falls back in its own class', () => {
    const space = new FlowSpace([network(2)])
    for (let i = 0; i < space.size; i++) expect(space.classOf(representative(space.classAt(i)))).toBe(i)
  })

  it('cut at every prefix and port range the design names, so (b) has a few thousand classes', () => {
    const space = new FlowSpace([network(2)])
    // 443 and 80 cut TCP into 5 ranges, UDP has none of its own but 6081 from the appliances' group: 3, plus ICMP
    expect(space.slots).toBe(9)
    expect(space.size).toBe(space.sources.length * space.addressStarts.length * 9)
    const atoms = Array.from({ length: space.addressStarts.length }, (_, i) => space.addressAtom(i))
    expect(atoms.some((a) => a.lo === a.hi && formatIpv4(a.lo) === '47.98.10.11')).toBe(true)
    expect(atoms.some((a) => formatIpv4(a.lo) === '10.0.1.0' && formatIpv4(a.hi) === '10.0.1.9')).toBe(true)
  })

  it('try every appliance the GWLB could pick: the four firewalls of (b) each answer for inbound HTTPS', () => {
    const os = new Prober(network(2)).outcomes({
      source: 'internet-client',
      destination: '47.98.10.11',
      protocol: 'tcp',
      destinationPort: 443,
    })
    expect(os.map((o) => o.appliance).sort()).toEqual(['fw-h1', 'fw-h2', 'fw-i1', 'fw-i2'])
    for (const o of os) {
      expect(o.request).toBe('DELIVERED')
      expect(o.replyAppliance).toBe(o.appliance)
    }
  })

  it('partition reference (a) and (b): a random packet ends as its representative does', () => {
    checkPartition(network(1), 1000)
    checkPartition(network(2), 1000)
  })

  it("partition broken designs too: a route to the other zone's GWLBe, stateless firewalls, a port-range rule", () => {
    checkPartition(
      broken((d) => {
        const t = d.resources.find((r) => r.id === 'rtb-app-h')
        if (t?.kind === 'routeTable') t.entries = [{ ...t.entries[0], nextHopId: 'gwlbe-i' }]
        for (const r of d.resources)
          if (r.kind === 'appliance') {
            if (r.id.endsWith('2')) r.stateful = false
            // any UDP from one block: the security group's port range alone then decides
            r.policy.rules.unshift({
              action: 'allow',
              protocol: 'udp',
              sourceCidrIp: '198.51.100.0/24',
              destCidrIp: '0.0.0.0/0',
              portRange: '-1/-1',
            })
          }
        const sg = d.resources.find((r) => r.id === 'sg-web')
        if (sg?.kind === 'securityGroup')
          sg.rules.push({
            direction: 'ingress',
            ipProtocol: 'udp',
            portRange: '3000/3999',
            sourceCidrIp: '198.51.100.0/24',
            policy: 'accept',
            priority: 1,
          })
      }),
      3000,
    )
  })

  it('partition generated designs of several VPCs, zones and schedulers', () => {
    for (const o of [
      {
        consumerVpcs: 2,
        zones: 2,
        serversPerZone: 2,
        appliancesPerZone: 2,
        hosts: 2,
        scheduler: '3TCH',
        crossZone: false,
        jumboFrames: true,
        stateful: false,
      },
      {
        consumerVpcs: 3,
        zones: 1,
        serversPerZone: 1,
        appliancesPerZone: 3,
        hosts: 1,
        scheduler: '2TCH',
        crossZone: true,
        jumboFrames: false,
        stateful: true,
      },
    ] as const) {
      const loaded = parse(generateDesign({ ...o }))
      if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
      checkPartition(compile(loaded.design), 500)
    }
  })
})
