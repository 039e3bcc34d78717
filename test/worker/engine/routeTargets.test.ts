// Route target groups in the walk: the route names the group, the group hands the packet to the member carrying
// its traffic, and the step says which member and why (reference design (c), docs/cloud.md 6.4).
import { describe, expect, it } from 'vitest'
import { run } from '../../../cli/trace'
import { type Design, parse } from '../../../src/model'
import { buildZoneFailoverDesign } from '../../../src/model/reference/zoneFailover'
import {
  CARRY_STANDBY,
  compile,
  createRuntimeState,
  type RouteTargetRule,
  routeTargetGroupIndex,
  type Step,
  type Trace,
  trace,
  traceRoundTrip,
  zoneIndexOf,
} from '../../../worker/engine'

function failoverDesign(edit: (d: Design) => void = () => {}): Design {
  const d = structuredClone(buildZoneFailoverDesign())
  edit(d)
  const r = parse(JSON.parse(JSON.stringify(d)))
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  return r.design
}

const INBOUND = {
  source: 'internet-client',
  destination: '47.98.10.12',
  protocol: 'tcp',
  destinationPort: 443,
} as const

function groupStep(t: Trace): Step & { rule: RouteTargetRule } {
  const s = t.hops.flatMap((h) => h.steps).find((x) => x.action === 'routeTarget')
  if (s?.rule?.type !== 'routeTargetGroup') throw new Error(`no route target step in ${t.text}`)
  return s as Step & { rule: RouteTargetRule }
}

const endpointsOf = (t: Trace) => t.hops.filter((h) => h.kind === 'gwlbEndpoint').map((h) => h.resourceId)

describe('a route entry naming a route target group', () => {
  it('goes to the active member, and the step names the group and the member, its weight and health', () => {
    const net = compile(failoverDesign())
    const t = trace(net, INBOUND, createRuntimeState(net))
    expect(t.disposition).toBe('DELIVERED')
    const s = groupStep(t)
    expect(s.text).toBe('route target group rtg-inspection: active member gwlbe-h (weight 100, Healthy) takes it')
    expect(s.rule).toMatchObject({ routeTargetGroupId: 'rtg-inspection', memberId: 'gwlbe-h', failedOver: false })
    expect(endpointsOf(t)).toEqual(['gwlbe-h', 'gwlbe-h'])
    // the route step before it names the group as the next hop
    const route = t.hops.flatMap((h) => h.steps).find((x) => x.action === 'route')
    expect(route?.text).toMatch(/→ RouteTargetGroup rtg-inspection/)
    expect(t.assumptions.map((a) => a.id)).toContain('routeTargetProbeInterval')
  })

  it('takes both directions of a flow through the same member, from either zone', () => {
    const net = compile(failoverDesign())
    for (const destination of ['47.98.10.11', '47.98.10.12']) {
      const rt = traceRoundTrip(net, { ...INBOUND, destination }, createRuntimeState(net))
      expect(rt.reply?.disposition).toBe('DELIVERED')
      expect([...endpointsOf(rt.request), ...endpointsOf(rt.reply as Trace)].every((e) => e === 'gwlbe-h')).toBe(true)
    }
  })

  it('after a failover goes to the standby, and says the active member is Unhealthy', () => {
    const net = compile(failoverDesign())
    const state = createRuntimeState(net)
    const g = routeTargetGroupIndex(net, 'rtg-inspection')
    state.zoneDown[zoneIndexOf(net, 'cn-hangzhou-h')] = 1
    state.routeTargetHealthy[g * 2] = 0
    state.routeTargetCarrying[g] = CARRY_STANDBY
    const t = trace(net, INBOUND, state)
    expect(t.disposition).toBe('DELIVERED')
    expect(endpointsOf(t)).toEqual(['gwlbe-i', 'gwlbe-i'])
    const s = groupStep(t)
    expect(s.text).toBe(
      'route target group rtg-inspection: standby member gwlbe-i (weight 0, Healthy) takes it; gwlbe-h (weight 100) is Unhealthy: the group failed over',
    )
    expect(s.rule.failedOver).toBe(true)
  })

  it('stays on the standby when the active member is Healthy again: no failback without SwitchActiveRouteTarget', () => {
    const net = compile(failoverDesign())
    const state = createRuntimeState(net)
    state.routeTargetCarrying[routeTargetGroupIndex(net, 'rtg-inspection')] = CARRY_STANDBY
    const s = groupStep(trace(net, INBOUND, state))
    expect(s.text).toMatch(
      /standby member gwlbe-i .*gwlbe-h \(weight 100\) is Healthy again, but the group does not fail back/,
    )
    expect(s.text).toMatch(/SwitchActiveRouteTarget/)
  })

  it('without failover, a dead active member drops the packet where it is (the route does not skip it)', () => {
    const net = compile(failoverDesign())
    const state = createRuntimeState(net)
    state.zoneDown[zoneIndexOf(net, 'cn-hangzhou-h')] = 1
    const t = trace(net, INBOUND, state)
    expect(t.disposition).toBe('ZONE_DOWN')
    expect(t.hops.at(-1)?.resourceId).toBe('gwlbe-h')
  })

  it('starts on the standby when the design’s active member cannot carry traffic (its connection is not accepted)', () => {
    const d = failoverDesign((x) => {
      const e = x.resources.find((r) => r.id === 'gwlbe-h')
      if (e?.kind === 'gwlbEndpoint') e.connectionStatus = 'Disconnected'
    })
    const net = compile(d)
    const state = createRuntimeState(net)
    const t = trace(net, INBOUND, state)
    expect(t.disposition).toBe('DELIVERED')
    expect(groupStep(t).rule.members.map((m) => [m.memberId, m.health, m.carrying])).toEqual([
      ['gwlbe-h', 'Unhealthy', false],
      ['gwlbe-i', 'Healthy', true],
    ])
    // and both unhealthy: nothing to fail over to, the active member keeps the route and the packet stops there
    const d2 = failoverDesign((x) => {
      for (const r of x.resources) if (r.kind === 'gwlbEndpoint') r.connectionStatus = 'Disconnected'
    })
    const net2 = compile(d2)
    const t2 = trace(net2, INBOUND, createRuntimeState(net2))
    expect(t2.disposition).toBe('ENDPOINT_NOT_CONNECTED')
    expect(groupStep(t2).text).toMatch(/standby gwlbe-i is Unhealthy too, so there is nothing to fail over to/)
  })

  it('a route to a group of another VPC black-holes, and says why', () => {
    const d = failoverDesign((x) => {
      const t = x.resources.find((r) => r.id === 'rtb-gwlbe')
      if (t?.kind === 'routeTable')
        t.entries.push({
          destinationCidrBlock: '203.0.113.0/24',
          nextHopType: 'RouteTargetGroup',
          nextHopId: 'gwlbe-h',
        })
    })
    const net = compile(d)
    const t = trace(
      net,
      { source: 'ecs-web-1', destination: '203.0.113.80', protocol: 'tcp', destinationPort: 443 },
      createRuntimeState(net),
    )
    expect(t.disposition).toBe('BLACKHOLE_ROUTE')
    expect(t.text).toMatch(/gwlbe-h is a gwlbEndpoint, not a route target group/)
  })
})

describe('npm run cli -- trace over reference design (c)', () => {
  it('--route-target-probe-interval sets the assumption, and --json names it', () => {
    const out: string[] = []
    const log = console.log
    console.log = (...a: unknown[]) => void out.push(a.join(' '))
    try {
      const code = run([
        'public/examples/zone-failover.json',
        '--from',
        'internet-client',
        '--to',
        '47.98.10.12',
        '--dport',
        '443',
        '--route-target-probe-interval',
        '10s',
        '--json',
      ])
      expect(code).toBe(0)
    } finally {
      console.log = log
    }
    const json = JSON.parse(out.join('\n'))
    expect(json.assumptionValues.routeTargetProbeInterval).toBe('10s')
    expect(json.assumptions).toContainEqual(expect.objectContaining({ id: 'routeTargetProbeInterval', value: '10s' }))
  })
})
