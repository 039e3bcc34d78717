import { describe, expect, it } from 'vitest'
import { createRuntimeState, type PacketSpec, type Trace, trace, traceRoundTrip } from '../../../worker/engine'
import { network, res } from './helpers'

const inbound: PacketSpec = {
  source: 'internet-client',
  destination: '47.98.10.11',
  protocol: 'tcp',
  destinationPort: 443,
}
const outbound: PacketSpec = { source: 'ecs-web-1', destination: '203.0.113.80', protocol: 'tcp', destinationPort: 443 }
const hopIds = (t: Trace) => t.hops.map((h) => h.resourceId)

describe('a test per disposition', () => {
  it('DELIVERED: inbound internet traffic crosses the GWLB and reaches the server', () => {
    const t = trace(network(2), inbound)
    expect(t.disposition).toBe('DELIVERED')
    expect(hopIds(t)).toEqual([
      'internet-client',
      'igw-service',
      'gwlbe-h',
      'epsrv-inspection',
      'gwlb-inspection',
      t.applianceId,
      'gwlb-inspection',
      'epsrv-inspection',
      'gwlbe-h',
      'ecs-web-1',
    ])
  })

  it('EXITS_TO_INTERNET: outbound traffic to an address outside the design leaves through the IPv4 gateway with the EIP', () => {
    const t = trace(network(2), { ...outbound, destination: '198.51.100.7' })
    expect(t.disposition).toBe('EXITS_TO_INTERNET')
    const last = t.hops[t.hops.length - 1]
    expect(last.resourceId).toBe('igw-service')
    expect(last.steps.at(-1)?.packet.source).toBe('47.98.10.11')
    expect(t.applianceId).not.toBeNull()
  })

  it('NO_ROUTE: a vSwitch on the system table (Local only) has no way to the internet', () => {
    const net = network(2, (d) => {
      delete res(d, 'vsw-app-h', 'vswitch').routeTableId
    })
    const t = trace(net, outbound)
    expect(t.disposition).toBe('NO_ROUTE')
    expect(t.hops.at(-1)?.resourceId).toBe('ecs-web-1')
  })

  it('BLACKHOLE_ROUTE: a route to an endpoint that no longer exists', () => {
    const net = network(2, (d) => {
      res(d, 'rtb-app-h', 'routeTable').entries[0].nextHopId = 'gwlbe-deleted'
    })
    const t = trace(net, outbound)
    expect(t.disposition).toBe('BLACKHOLE_ROUTE')
    expect(t.text).toContain('gwlbe-deleted')
  })

  it('LOOP: the GWLBe vSwitch table sends everything back into the GWLBe', () => {
    const net = network(2, (d) => {
      res(d, 'rtb-gwlbe', 'routeTable').entries[0] = {
        destinationCidrBlock: '0.0.0.0/0',
        nextHopType: 'GatewayLoadBalancerEndpoint',
        nextHopId: 'gwlbe-h',
      }
    })
    const t = trace(net, outbound)
    expect(t.disposition).toBe('LOOP')
    expect(t.hops.length).toBeLessThan(20)
  })

  it('SECURITY_GROUP_DENIED: the appliance security group does not open UDP 6081 to the GWLB', () => {
    const net = network(2, (d) => {
      res(d, 'sg-appliance', 'securityGroup').rules.splice(0, 1)
    })
    const t = trace(net, inbound)
    expect(t.disposition).toBe('SECURITY_GROUP_DENIED')
    expect(t.hops.at(-1)?.kind).toBe('appliance')
  })

  it('SECURITY_GROUP_DENIED: the server security group denies a port it does not open', () => {
    const net = network(2, (d) => {
      for (const a of d.resources) if (a.kind === 'appliance') a.policy.defaultAction = 'allow'
    })
    const t = trace(net, { ...inbound, destinationPort: 22 })
    expect(t.disposition).toBe('SECURITY_GROUP_DENIED')
    expect(t.hops.at(-1)?.resourceId).toBe('ecs-web-1')
  })

  it('APPLIANCE_DENIED: the firewall policy denies SSH by default', () => {
    const t = trace(network(2), { ...inbound, destinationPort: 22 })
    expect(t.disposition).toBe('APPLIANCE_DENIED')
    const policy = t.hops.at(-1)?.steps.find((s) => s.action === 'policy')
    expect(policy?.rule).toMatchObject({ type: 'appliancePolicy', ruleIndex: -1, action: 'deny' })
  })

  it('MTU_EXCEEDED: the GWLB drops packets over 1500 bytes', () => {
    const t = trace(network(2), { ...inbound, size: 1501 })
    expect(t.disposition).toBe('MTU_EXCEEDED')
    expect(t.hops.at(-1)?.kind).toBe('gwlb')
  })

  it('MTU_EXCEEDED: an appliance without jumbo frames drops a full-size packet once encapsulated (inner > 1432)', () => {
    const net = network(2, (d) => {
      for (const a of d.resources) if (a.kind === 'appliance') a.jumboFrames = false
    })
    const full = trace(net, inbound)
    expect(full.disposition).toBe('MTU_EXCEEDED')
    expect(full.hops.at(-1)?.kind).toBe('appliance')
    expect(trace(net, { ...inbound, size: 1432 }).disposition).toBe('DELIVERED')
    expect(trace(net, { ...inbound, size: 1433 }).disposition).toBe('MTU_EXCEEDED')
  })

  it('NO_HEALTHY_APPLIANCE: every appliance unhealthy, under the default assumption (drop)', () => {
    const net = network(2)
    const state = createRuntimeState(net)
    state.healthy.fill(0)
    const t = trace(net, inbound, state)
    expect(t.disposition).toBe('NO_HEALTHY_APPLIANCE')
    expect(t.assumptions.map((a) => a.id)).toContain('allUnhealthy')
  })

  it('APPLIANCE_HUNG: a hung appliance passes health checks but drops traffic, with its own reason', () => {
    const net = network(1, (d) => {
      for (const a of d.resources) if (a.kind === 'appliance') a.state = 'hung'
    })
    const t = trace(net, inbound)
    expect(t.disposition).toBe('APPLIANCE_HUNG')
    expect(t.text).toMatch(/is hung: it answers health checks but drops traffic/)
  })

  it('APPLIANCE_DOWN: a stopped appliance', () => {
    const net = network(1, (d) => {
      for (const a of d.resources) if (a.kind === 'appliance') a.state = 'stopped'
    })
    const state = createRuntimeState(net)
    // as if the health checks had not noticed yet: the GWLB still sends it flows
    state.healthy.fill(1)
    const t = trace(net, inbound, state)
    expect(t.disposition).toBe('APPLIANCE_DOWN')
    expect(t.text).toMatch(/is stopped/)
  })

  it('ENDPOINT_NOT_CONNECTED: awaiting acceptance (Disconnected)', () => {
    const net = network(2, (d) => {
      res(d, 'gwlbe-h', 'gwlbEndpoint').connectionStatus = 'Disconnected'
    })
    expect(trace(net, inbound).disposition).toBe('ENDPOINT_NOT_CONNECTED')
  })

  it('ENDPOINT_NOT_CONNECTED: a whitelist without the consumer account', () => {
    const net = network(2, (d) => {
      res(d, 'epsrv-inspection', 'endpointService').whitelist = ['1111111111']
    })
    const t = trace(net, inbound)
    expect(t.disposition).toBe('ENDPOINT_NOT_CONNECTED')
    expect(t.hops.at(-1)?.steps.find((s) => s.action === 'connection')?.rule).toMatchObject({ whitelisted: false })
  })

  it('STATEFUL_NO_SESSION: a reply whose request the stateful appliance never saw', () => {
    const t = trace(network(2), {
      source: 'ecs-web-1',
      destination: '203.0.113.10',
      protocol: 'tcp',
      sourcePort: 443,
      destinationPort: 49152,
      reply: true,
    })
    expect(t.disposition).toBe('STATEFUL_NO_SESSION')
  })

  it('NO_LISTENER: a GWLB without a listener forwards nothing', () => {
    const net = network(2, (d) => {
      delete res(d, 'gwlb-inspection', 'gwlb').listener
    })
    expect(trace(net, inbound).disposition).toBe('NO_LISTENER')
  })

  it('NO_SERVICE_RESOURCE: the endpoint service has no GWLB in the endpoint zone', () => {
    const net = network(2, (d) => {
      res(d, 'epsrv-inspection', 'endpointService').resources.splice(1, 1)
    })
    expect(trace(net, { ...outbound, source: 'ecs-web-2' }).disposition).toBe('NO_SERVICE_RESOURCE')
  })

  it('NO_PUBLIC_ADDRESS: an instance without an EIP cannot leave through the IPv4 gateway', () => {
    const net = network(2, (d) => {
      delete res(d, 'ecs-web-1', 'ecs').publicIpAddress
    })
    const t = trace(net, outbound)
    expect(t.disposition).toBe('NO_PUBLIC_ADDRESS')
    expect(t.hops.at(-1)?.resourceId).toBe('igw-service')
  })

  it('HOST_UNREACHABLE: a Local route to an address no instance holds', () => {
    expect(trace(network(2), { ...outbound, destination: '10.0.2.99' }).disposition).toBe('HOST_UNREACHABLE')
  })

  it('INSTANCE_DOES_NOT_FORWARD: a route whose next hop is an instance that is not the destination', () => {
    const net = network(2, (d) => {
      res(d, 'rtb-app-h', 'routeTable').entries[0] = {
        destinationCidrBlock: '0.0.0.0/0',
        nextHopType: 'Instance',
        nextHopId: 'ecs-web-2',
      }
    })
    expect(trace(net, outbound).disposition).toBe('INSTANCE_DOES_NOT_FORWARD')
  })

  it('ZONE_DOWN: a source in a zone that is down sends nothing', () => {
    const net = network(2)
    const state = createRuntimeState(net)
    state.zoneDown[0] = 1
    expect(trace(net, outbound, state).disposition).toBe('ZONE_DOWN')
  })

  it('INVALID_PACKET: an unknown source is bad input, not a drop', () => {
    const t = trace(network(2), { ...inbound, source: 'nobody' })
    expect(t.disposition).toBe('INVALID_PACKET')
    expect(t.hops).toEqual([])
  })
})

describe('paths and scheduling', () => {
  it('east-west traffic inside the VPC takes the Local route without inspection', () => {
    const t = trace(network(2), {
      source: 'ecs-web-1',
      destination: '10.0.2.10',
      protocol: 'tcp',
      destinationPort: 443,
    })
    expect(t.disposition).toBe('DELIVERED')
    expect(hopIds(t)).toEqual(['ecs-web-1', 'ecs-web-2'])
    expect(t.hops[0].steps.find((s) => s.action === 'route')?.rule).toMatchObject({
      nextHopType: 'Local',
      system: true,
    })
  })

  it('the gateway route table entry for a vSwitch CIDR replaces its system route', () => {
    const t = trace(network(2), inbound)
    const route = t.hops[1].steps.find((s) => s.action === 'route')?.rule
    expect(route).toEqual({
      type: 'route',
      routeTableId: 'rtb-gateway',
      systemTable: false,
      destinationCidrBlock: '10.0.1.0/24',
      nextHopType: 'GatewayLoadBalancerEndpoint',
      nextHopId: 'gwlbe-h',
      system: false,
      replacesSystemRoute: true,
    })
  })

  it('without a gateway route table, inbound traffic follows the Local route straight to the server', () => {
    const net = network(2, (d) => {
      delete res(d, 'igw-service', 'ipv4Gateway').gatewayRouteTableId
    })
    const t = trace(net, inbound)
    expect(t.disposition).toBe('DELIVERED')
    expect(t.applianceId).toBeNull()
    expect(t.hops[1].steps.find((s) => s.action === 'route')?.rule).toMatchObject({
      routeTableId: 'vpc-service/system',
      systemTable: true,
    })
  })

  it('a round trip crosses one appliance both ways, with the inner addresses unchanged on every Geneve leg', () => {
    const rt = traceRoundTrip(network(2), inbound)
    expect(rt.request.disposition).toBe('DELIVERED')
    expect(rt.reply?.disposition).toBe('DELIVERED')
    expect(rt.reply?.applianceId).toBe(rt.request.applianceId)
    for (const t of [rt.request, rt.reply as Trace])
      for (const h of t.hops) for (const s of h.steps) if (s.outer) expect(s.outer.size - s.packet.size).toBe(68)
  })

  it('crossZoneEnabled=false (AWS style) keeps the choice within the GWLB node zone', () => {
    const net = network(2, (d) => {
      res(d, 'gwlb-inspection', 'gwlb').crossZoneEnabled = false
    })
    for (let port = 40000; port < 40040; port++) {
      const t = trace(net, { ...inbound, sourcePort: port })
      expect(t.applianceId?.startsWith('fw-h')).toBe(true)
    }
  })

  it('Alibaba cross-zone spreads flows from one zone over appliances in both zones', () => {
    const seen = new Set<string | null>()
    const net = network(2)
    for (let port = 40000; port < 40100; port++) seen.add(trace(net, { ...inbound, sourcePort: port }).applianceId)
    expect(seen).toEqual(new Set(['fw-h1', 'fw-h2', 'fw-i1', 'fw-i2']))
  })

  it('3TCH and 2TCH ignore ports: every connection between two hosts lands on one appliance', () => {
    for (const scheduler of ['3TCH', '2TCH'] as const) {
      const net = network(2, (d) => {
        const sg = res(d, 'gwlb-inspection', 'gwlb').serverGroup
        if (sg) sg.scheduler = scheduler
      })
      const chosen = new Set<string | null>()
      for (let port = 40000; port < 40030; port++) chosen.add(trace(net, { ...inbound, sourcePort: port }).applianceId)
      expect(chosen.size).toBe(1)
    }
  })

  it('existing flows: Rebalance moves a flow off a failed appliance, NoRebalance leaves it there', () => {
    for (const mode of ['Rebalance', 'NoRebalance'] as const) {
      const net = network(2, (d) => {
        const sg = res(d, 'gwlb-inspection', 'gwlb').serverGroup
        if (sg) sg.serverFailoverMode = mode
      })
      const state = createRuntimeState(net)
      const first = trace(net, inbound, state)
      const a = net.appliances.findIndex((x) => x.id === first.applianceId)
      state.healthy[a] = 0
      state.run[a] = 1
      const again = trace(net, inbound, state)
      if (mode === 'Rebalance') {
        expect(again.disposition).toBe('DELIVERED')
        expect(again.applianceId).not.toBe(first.applianceId)
      } else expect(again.disposition).toBe('APPLIANCE_DOWN')
    }
  })

  it('draining keeps existing flows on a removed appliance while new flows avoid it', () => {
    const net = network(2)
    const state = createRuntimeState(net)
    const first = trace(net, inbound, state)
    const a = net.appliances.findIndex((x) => x.id === first.applianceId)
    state.membership[a] = 1
    expect(trace(net, inbound, state).applianceId).toBe(first.applianceId)
    for (let port = 30000; port < 30040; port++)
      expect(trace(net, { ...inbound, sourcePort: port }, state).applianceId).not.toBe(first.applianceId)
  })

  it('allUnhealthy=awsRandomTarget sends the flow to a registered appliance anyway', () => {
    const net = network(2, undefined, { assumptions: { allUnhealthy: 'awsRandomTarget' } })
    const state = createRuntimeState(net)
    state.healthy.fill(0)
    const t = trace(net, inbound, state)
    expect(t.disposition).toBe('DELIVERED')
    expect(t.hops.flatMap((h) => h.steps).find((s) => s.action === 'schedule')?.rule).toMatchObject({
      via: 'allUnhealthy',
    })
  })

  it('symmetricHash=directional can send the reply to another appliance, which has no session', () => {
    const net = network(2, undefined, { assumptions: { symmetricHash: 'directional' } })
    let found = false
    for (let port = 40000; port < 40200 && !found; port++) {
      const rt = traceRoundTrip(net, { ...inbound, sourcePort: port })
      if (rt.reply?.applianceId && rt.reply.applianceId !== rt.request.applianceId) {
        expect(rt.reply.disposition).toBe('STATEFUL_NO_SESSION')
        found = true
      }
    }
    expect(found).toBe(true)
  })

  it('routeSelection=entryOrder lets a broad entry listed first win over a more specific one', () => {
    const edit = (d: Parameters<typeof res>[0]) => {
      res(d, 'rtb-app-h', 'routeTable').entries.push({
        destinationCidrBlock: '203.0.113.0/24',
        nextHopType: 'Ipv4Gateway',
        nextHopId: 'igw-service',
      })
    }
    const lpm = trace(network(2, edit), outbound)
    const ordered = trace(network(2, edit, { assumptions: { routeSelection: 'entryOrder' } }), outbound)
    expect(lpm.applianceId).toBeNull()
    expect(ordered.applianceId).not.toBeNull()
    expect(ordered.assumptions.find((a) => a.id === 'routeSelection')?.value).toBe('entryOrder')
  })

  it('an idle flow past the GWLB timeout is scheduled anew', () => {
    const net = network(2)
    const state = createRuntimeState(net)
    trace(net, inbound, state)
    state.now = 400
    const t = trace(net, inbound, state)
    expect(t.hops.flatMap((h) => h.steps).some((s) => s.text.includes('idle'))).toBe(true)
  })
})
