// Intents over every flow class: the guide's built-in ones hold on the reference designs, a broken route shows
// a counterexample that replays to the same end, and bad intents are refused with the intent and path named.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from '../../../src/model'
import { compile, traceRoundTrip } from '../../../worker/engine'
import { lint } from '../../../worker/lint'
import { type Intent, intentsJsonSchema, parseIntents, replay, type VerifyResult, verify } from '../../../worker/verify'
import { design, res } from '../engine/helpers'

function results(r: VerifyResult) {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  return r
}

/**
 * The built-in intents when nothing reaches the servers: every one holds (vacuously: whatever arrives crossed an
 * appliance) but delivery, violated for every class it covers, first on the server EIP's HTTP; its counterexample.
 */
function onlyDeliveryViolated(r: VerifyResult) {
  const { results: all } = results(r)
  expect(all.map((x) => `${x.intent.id}: ${x.status}`)).toEqual([
    'inbound-inspected: holds',
    'inbound-delivered: violated',
    'outbound-inspected: holds',
    'no-black-hole-or-loop: holds',
    'appliances-isolated: holds',
  ])
  const delivered = all[1]
  if (delivered?.status !== 'violated') throw new Error('inbound-delivered holds')
  expect(delivered.violating).toBe(delivered.classes)
  expect(delivered.counterexample.packet).toMatchObject({
    destination: '47.98.10.11',
    protocol: 'tcp',
    destinationPort: 80,
  })
  return delivered.counterexample
}

const https: Intent = {
  id: 'https-in',
  from: 'internet',
  to: 'servers',
  toAddress: 'eip',
  protocol: 'tcp',
  ports: '443',
  expect: { reach: 'delivered', inspected: true, symmetric: true },
}

describe('verify', () => {
  it('the built-in intents hold on reference designs (a) and (b)', () => {
    for (const zones of [1, 2] as const) {
      const r = results(verify(design(zones)))
      expect(r.classCount).toBeGreaterThan(1000)
      expect(r.results.map((x) => `${x.intent.id}: ${x.status}`)).toEqual([
        'inbound-inspected: holds',
        'inbound-delivered: holds',
        'outbound-inspected: holds',
        'no-black-hole-or-loop: holds',
        'appliances-isolated: holds',
      ])
    }
  })

  it('a route to a deleted GWLBe breaks the guide: a counterexample that replays to the black hole', () => {
    const d = design(2, (x) => {
      res(x, 'rtb-app-h', 'routeTable').entries[0].nextHopId = 'gwlbe-gone'
    })
    const r = results(verify(d))
    const hole = r.results.find((x) => x.intent.id === 'no-black-hole-or-loop')
    expect(hole?.status).toBe('violated')
    if (hole?.status !== 'violated') return
    expect(hole.counterexample.request === 'BLACKHOLE_ROUTE' || hole.counterexample.reply === 'BLACKHOLE_ROUTE').toBe(
      true,
    )
    const trip = replay(compile(d), hole.counterexample.packet, hole.counterexample.picks)
    expect([trip.request.disposition, trip.reply?.disposition]).toContain('BLACKHOLE_ROUTE')
    // the answers of inbound HTTPS to web server 1 go into the hole too: inbound is no longer symmetric
    const inbound = r.results.find((x) => x.intent.id === 'inbound-inspected')
    expect(inbound?.status).toBe('violated')
    if (inbound?.status === 'violated') {
      expect(inbound.counterexample.packet.destination).toBe('47.98.10.11')
      expect(inbound.counterexample.reply).toBe('BLACKHOLE_ROUTE')
    }
  })

  it('a server routed straight to the IPv4 gateway leaves uninspected', () => {
    const d = design(2, (x) => {
      const t = res(x, 'rtb-app-i', 'routeTable')
      t.entries[0] = { destinationCidrBlock: '0.0.0.0/0', nextHopType: 'Ipv4Gateway', nextHopId: 'igw-service' }
    })
    const out = results(verify(d)).results.find((x) => x.intent.id === 'outbound-inspected')
    expect(out?.status).toBe('violated')
    if (out?.status !== 'violated') return
    expect(out.counterexample.packet.source).toBe('ecs-web-2')
    expect(out.counterexample.request).toBe('EXITS_TO_INTERNET')
    expect(out.counterexample.appliance).toBeNull()
  })

  it('every appliance of (b) stopped: nothing arrives, so only the delivery intent is violated, with a packet', () => {
    const stopped = design(2, (x) => {
      for (const r of x.resources) if (r.kind === 'appliance') r.state = 'stopped'
    })
    // under either answer to what a GWLB without a healthy appliance does (docs/cloud.md 9.1)
    for (const [allUnhealthy, end] of [
      ['drop', 'NO_HEALTHY_APPLIANCE'],
      ['awsRandomTarget', 'APPLIANCE_DOWN'],
    ] as const) {
      // every server EIP on HTTP and HTTPS (what sg-web admits), from every internet sender
      const c = onlyDeliveryViolated(verify(stopped, { engine: { assumptions: { allUnhealthy } } }))
      expect(c.request).toBe(end)
      expect(c.reason).toBe(`the packet ends ${end}`)
      const net = compile(stopped, { assumptions: { allUnhealthy } })
      expect(replay(net, c.packet, c.picks).request.disposition).toBe(end)
    }
  })

  it('the appliances refusing Geneve (UDP 6081) from the GWLB: the delivery intent is violated at the appliance', () => {
    const d = design(2, (x) => {
      const sg = res(x, 'sg-appliance', 'securityGroup')
      sg.rules = sg.rules.filter((rule) => rule.portRange !== '6081/6081')
    })
    const delivered = results(verify(d)).results.find((x) => x.intent.id === 'inbound-delivered')
    expect(delivered).toMatchObject({ status: 'violated', counterexample: { request: 'SECURITY_GROUP_DENIED' } })
    if (delivered?.status !== 'violated') return
    expect(delivered.violating).toBe(delivered.classes)
    expect(delivered.counterexample.appliance).toMatch(/^fw-/)
  })

  it("the appliances' security group refusing the health check: unhealthy, so nothing is delivered, as the linter says", () => {
    // sg-appliance admits Geneve (UDP 6081) still, and the firewalls run: only the GWLB's probes (TCP 80) are refused
    const refused = design(2, (x) => {
      const sg = res(x, 'sg-appliance', 'securityGroup')
      sg.rules = sg.rules.filter((rule) => rule.description !== 'health checks')
    })
    expect(lint(refused).map((p) => p.code)).toContain('GWLB-E005')
    const c = onlyDeliveryViolated(verify(refused))
    expect(c.request).toBe('NO_HEALTHY_APPLIANCE')
    const net = compile(refused)
    // the Walk tab's replay, with verification's picks, and a walk of the packet as a user would start it
    for (const trip of [replay(net, c.packet, c.picks), traceRoundTrip(net, c.packet)]) {
      expect(trip.request.disposition).toBe('NO_HEALTHY_APPLIANCE')
      expect(trip.request.text).toMatch(
        /fw-h1, fw-h2 fail their health checks — no inbound rule of sg-appliance accepts TCP 80 from 192\.168\.1\.5 \(the GWLB\)/,
      )
    }
    // under the other answer to a GWLB with no healthy appliance (docs/cloud.md 9.1) the firewalls, which take
    // Geneve, get the flows: delivered, and the linter agrees
    const aws = { assumptions: { allUnhealthy: 'awsRandomTarget' } } as const
    expect(results(verify(refused, { engine: aws })).results[1]?.status).toBe('holds')
    expect(lint(refused, aws).map((p) => p.code)).not.toContain('GWLB-E005')
  })

  it("the health check's port, not the one the security group admits: a check moved to TCP 8080 fails delivery", () => {
    const moved = design(2, (x) => {
      const gwlb = res(x, 'gwlb-inspection', 'gwlb')
      if (gwlb.serverGroup) gwlb.serverGroup.healthCheck.port = 8080
    })
    const delivered = results(verify(moved)).results.find((x) => x.intent.id === 'inbound-delivered')
    expect(delivered).toMatchObject({ status: 'violated', counterexample: { request: 'NO_HEALTHY_APPLIANCE' } })
    // and with health checks off, every member counts as healthy, whatever its security group says
    const off = design(2, (x) => {
      const gwlb = res(x, 'gwlb-inspection', 'gwlb')
      if (gwlb.serverGroup)
        gwlb.serverGroup.healthCheck = { ...gwlb.serverGroup.healthCheck, port: 8080, enabled: false }
    })
    expect(results(verify(off)).results.find((x) => x.intent.id === 'inbound-delivered')?.status).toBe('holds')
  })

  it('the delivery intent covers what the servers admit: a port opened in sg-web that the firewalls deny fails it', () => {
    const d = design(2, (x) => {
      res(x, 'sg-web', 'securityGroup').rules.push({
        direction: 'ingress',
        ipProtocol: 'tcp',
        portRange: '22/22',
        sourceCidrIp: '0.0.0.0/0',
        policy: 'accept',
        priority: 1,
      })
    })
    const delivered = results(verify(d)).results.find((x) => x.intent.id === 'inbound-delivered')
    expect(delivered).toMatchObject({
      status: 'violated',
      counterexample: { request: 'APPLIANCE_DENIED', packet: { destinationPort: 22 } },
    })
  })

  it('the delivery intent applies to no flow, and holds, where no server has an EIP, appliances stopped or not', () => {
    for (const state of ['running', 'stopped'] as const) {
      const d = design(2, (x) => {
        for (const r of x.resources) {
          if (r.kind === 'ecs') delete r.publicIpAddress
          if (r.kind === 'appliance') r.state = state
        }
      })
      const delivered = results(verify(d)).results.find((x) => x.intent.id === 'inbound-delivered')
      expect(delivered).toMatchObject({ status: 'holds', classes: 0 })
    }
  })

  it("the examples' scenario flows from the internet to a server EIP are all among what inbound-delivered checks", () => {
    for (const name of ['single-zone', 'two-zones', 'zone-failover']) {
      const loaded = parse(readFileSync(`public/examples/${name}.json`, 'utf8'))
      if (!loaded.ok) throw new Error(`${name} does not load`)
      const d = loaded.design
      const eips = new Set(
        d.resources.flatMap((r) => (r.kind === 'ecs' && r.role === 'server' ? [r.publicIpAddress] : [])),
      )
      const hosts = new Set(d.resources.flatMap((r) => (r.kind === 'internetHost' ? [r.id] : [])))
      const flows = d.scenarios
        .flatMap((sc) => sc.flows)
        .filter((f) => hosts.has(f.sourceId) && eips.has(f.destinationAddress))
      expect(flows.length).toBeGreaterThan(0)
      // each flow as an intent of its own, of served packets only: it applies to its class, so the server admits it
      const own: Intent[] = flows.map((f, n) => ({
        id: `flow-${n}`,
        from: { resources: [f.sourceId] },
        to: { cidr: `${f.destinationAddress}/32` },
        protocol: f.protocol,
        ...(f.destinationPort ? { ports: String(f.destinationPort) } : {}),
        served: true,
        expect: { reach: 'delivered' },
      }))
      for (const x of results(verify(d, { intents: own })).results)
        expect([x.intent.id, x.status, x.classes > 0]).toEqual([x.intent.id, 'holds', true])
    }
  })

  it('served: the packets the destination does not admit are left out', () => {
    const ssh: Intent = { ...https, id: 'ssh-in', ports: '22', served: true }
    const r = results(verify(design(2), { intents: [ssh, { ...https, served: true }], noBuiltIn: true }))
    expect(r.results.map((x) => [x.status, x.classes])).toEqual([
      ['holds', 0],
      ['holds', results(verify(design(2), { intents: [https], noBuiltIn: true })).results[0]?.classes],
    ])
  })

  it("a user's intent: HTTPS from the internet is delivered through one firewall both ways; SSH is not", () => {
    const ok = results(verify(design(2), { intents: [https], noBuiltIn: true }))
    expect(ok.results[0]).toMatchObject({ status: 'holds' })
    expect(ok.results[0].classes).toBeGreaterThan(0)
    const ssh = results(verify(design(2), { intents: [{ ...https, id: 'ssh-in', ports: '22' }], noBuiltIn: true }))
    expect(ssh.results[0]).toMatchObject({
      status: 'violated',
      counterexample: { request: 'APPLIANCE_DENIED', packet: { destinationPort: 22 } },
    })
  })

  it('checks every firewall the hash could pick: one hung appliance fails an intent a lucky hash would pass', () => {
    const d = design(2, (x) => {
      res(x, 'fw-i2', 'appliance').state = 'hung'
    })
    const r = results(verify(d, { intents: [https], noBuiltIn: true }))
    expect(r.results[0]).toMatchObject({
      status: 'violated',
      counterexample: { request: 'APPLIANCE_HUNG', appliance: 'fw-i2' },
    })
  })

  it('refuses an intent naming a resource the design lacks, naming the intent and the path', () => {
    const r = verify(design(2), { intents: [{ ...https, from: { resources: ['host-nowhere'] } }] })
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          intentId: 'https-in',
          path: 'intents[0].from.resources[0]',
          message: 'no resource "host-nowhere" in the design',
        },
      ],
    })
  })
})

describe('intents files', () => {
  it('parse a valid file and refuse a malformed one with the intent and field named', () => {
    const file = { format: 'gwlb-studio/intents', version: 1, intents: [https] }
    expect(parseIntents(JSON.stringify(file))).toEqual({ ok: true, intents: [https] })
    const bad = parseIntents(JSON.stringify({ ...file, intents: [{ ...https, ports: '0-99999' }] }))
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ intentId: 'https-in', path: 'intents[0].ports' })
    expect(parseIntents('{').ok).toBe(false)
    const twice = parseIntents(JSON.stringify({ ...file, intents: [https, https] }))
    expect(twice.ok ? [] : twice.errors.map((e) => e.path)).toEqual(['intents[1].id'])
  })

  it('publish the JSON Schema generated from the zod schema', () => {
    const published = JSON.parse(readFileSync(new URL('../../../public/intents.schema.json', import.meta.url), 'utf8'))
    expect(published).toEqual(JSON.parse(JSON.stringify(intentsJsonSchema())))
  })
})
