import { describe, expect, it } from 'vitest'
import { parse } from '../../../src/model'
import { applyConnection, connectionIntent } from '../../../src/model/edits/connect'
import { createResource } from '../../../src/model/edits/create'
import { duplicateResources } from '../../../src/model/edits/duplicate'
import { loadExample } from '../../helpers'

describe('drawing a line configures the design', () => {
  it('from the IPv4 gateway to a GWLBe: a gateway route for the service vSwitch of the GWLBe’s zone', () => {
    const d = loadExample('two-zones')
    const cleared = {
      ...d,
      resources: d.resources.map((r) =>
        r.id === 'rtb-gateway' && r.kind === 'routeTable' ? { ...r, entries: [] } : r,
      ),
    }
    const intent = connectionIntent(cleared, 'igw-service', 'gwlbe-i')
    expect(intent.ok && intent.connection.kind === 'route' && intent.connection.suggested).toBe('10.0.2.0/24')
    if (!intent.ok) return
    const applied = applyConnection(cleared, intent.connection)
    const table = applied.ok && applied.design.resources.find((r) => r.id === 'rtb-gateway')
    expect(table && table.kind === 'routeTable' && table.entries).toEqual([
      { destinationCidrBlock: '10.0.2.0/24', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-i' },
    ])
  })

  it('from a vSwitch on the system table: a new custom table bound to it, 0.0.0.0/0 to the next hop', () => {
    const d = loadExample('single-zone')
    const onSystem = {
      ...d,
      resources: d.resources.map((r) =>
        r.id === 'vsw-app-h' && r.kind === 'vswitch' ? { ...r, routeTableId: undefined } : r,
      ),
    }
    const intent = connectionIntent(onSystem, 'vsw-app-h', 'gwlbe-h')
    if (!intent.ok) throw new Error(intent.message)
    const applied = applyConnection(onSystem, intent.connection)
    if (!applied.ok) throw new Error(applied.message)
    expect(parse(applied.design).ok).toBe(true)
    const vsw = applied.design.resources.find((r) => r.id === 'vsw-app-h')
    const table = applied.design.resources.find((r) => vsw?.kind === 'vswitch' && r.id === vsw.routeTableId)
    expect(table).toMatchObject({
      kind: 'routeTable',
      routeTableType: 'VSwitch',
      entries: [{ destinationCidrBlock: '0.0.0.0/0', nextHopId: 'gwlbe-h' }],
    })
  })

  it('from a GWLBe to a service: the whitelist decides, auto-accept decides the status', () => {
    const d = loadExample('single-zone')
    const intent = connectionIntent(d, 'gwlbe-h', 'epsrv-inspection')
    if (!intent.ok) throw new Error(intent.message)
    const closed = {
      ...d,
      resources: d.resources.map((r) => (r.kind === 'endpointService' ? { ...r, whitelist: [] } : r)),
    }
    const refused = applyConnection(closed, intent.connection)
    expect(!refused.ok && refused.message).toContain('whitelist')
    const auto = {
      ...d,
      resources: d.resources.map((r) => (r.kind === 'endpointService' ? { ...r, autoAcceptConnection: true } : r)),
    }
    const ok = applyConnection(auto, intent.connection)
    expect(ok.ok && ok.design.resources.find((r) => r.id === 'gwlbe-h')).toMatchObject({
      connectionStatus: 'Connected',
    })
    const manual = applyConnection(d, intent.connection)
    expect(manual.ok && manual.design.resources.find((r) => r.id === 'gwlbe-h')).toMatchObject({
      connectionStatus: 'Disconnected',
    })
  })

  it('from a GWLBe to a service its VPC already has a GWLBe of in that zone: refused, one per zone', () => {
    const d = loadExample('single-zone')
    // a second service publishing the same GWLB, and a GWLBe to it in the zone of GWLBe H
    const second = duplicateResources(d, ['epsrv-inspection'])
    if (!second.ok) throw new Error(second.message)
    const made = createResource(second.design, 'gwlbEndpoint', { kind: 'vswitch', vswitchId: 'vsw-gwlbe-h' })
    if (!made.ok) throw new Error(made.message)
    const intent = connectionIntent(made.design, made.id, 'epsrv-inspection')
    if (!intent.ok) throw new Error(intent.message)
    expect(applyConnection(made.design, intent.connection)).toEqual({
      ok: false,
      message: 'VPC Service VPC already has a GWLB endpoint in zone cn-hangzhou-h: one per zone.',
    })
  })

  it('refuses lines that configure nothing, or cross VPCs', () => {
    const d = loadExample('single-zone')
    expect(connectionIntent(d, 'ecs-web-1', 'fw-1').ok).toBe(false)
    const cross = connectionIntent(d, 'vsw-app-h', 'fw-1')
    expect(!cross.ok && cross.message).toContain('another VPC')
  })
})
