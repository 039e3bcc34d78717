import { describe, expect, it } from 'vitest'
import { parse } from '../../../src/model'
import { createResource, dropTargetOf } from '../../../src/model/edits/create'
import { emptyDesign } from '../../../src/model/edits/empty'
import { loadExample } from '../../helpers'

function mustLoad(result: ReturnType<typeof createResource>) {
  if (!result.ok) throw new Error(result.message)
  const r = parse(result.design)
  expect(r.ok, r.ok ? '' : r.errors.map((e) => e.message).join('; ')).toBe(true)
  return result
}

describe('creating resources from the palette', () => {
  it('builds a VPC, a vSwitch and instances with the next free block and address', () => {
    let d = emptyDesign()
    const vpc = mustLoad(createResource(d, 'vpc', { kind: 'page' }))
    d = vpc.design
    const vsw = mustLoad(createResource(d, 'vswitch', dropTargetOf(d, `${vpc.id}/cn-hangzhou-i`)))
    d = vsw.design
    const made = d.resources.find((r) => r.id === vsw.id)
    expect(made).toMatchObject({ kind: 'vswitch', vpcId: vpc.id, zoneId: 'cn-hangzhou-i', cidrBlock: '10.0.1.0/24' })
    const first = mustLoad(createResource(d, 'ecs', dropTargetOf(d, vsw.id)))
    const second = mustLoad(createResource(first.design, 'appliance', dropTargetOf(first.design, first.id)))
    const addresses = second.design.resources.flatMap((r) =>
      r.kind === 'ecs' || r.kind === 'appliance' ? [r.privateIpAddress] : [],
    )
    // .0 is reserved by the vSwitch; dropping on an instance places into its vSwitch
    expect(addresses).toEqual(['10.0.1.1', '10.0.1.2'])
    const another = mustLoad(createResource(second.design, 'vswitch', dropTargetOf(second.design, vpc.id)))
    expect(another.design.resources.find((r) => r.id === another.id)).toMatchObject({
      cidrBlock: '10.0.2.0/24',
      zoneId: 'cn-hangzhou-h',
    })
  })

  it('refuses illegal drops with a reason', () => {
    const d = loadExample('two-zones')
    const cases = [
      createResource(d, 'ecs', { kind: 'page' }),
      createResource(d, 'vswitch', { kind: 'page' }),
      createResource(d, 'vpc', dropTargetOf(d, 'vpc-service')),
      createResource(d, 'ipv4Gateway', dropTargetOf(d, 'vpc-service')),
    ]
    for (const c of cases) expect(c.ok).toBe(false)
    expect(!cases[3].ok && cases[3].message).toContain('already has its one IPv4 gateway')
  })

  it('allows a GWLBe only in a zone the service offers, one per zone, and only when the whitelist admits the account', () => {
    const d = loadExample('single-zone')
    // the zone already has GWLBe H
    const again = createResource(d, 'gwlbEndpoint', dropTargetOf(d, 'vsw-app-h'))
    expect(!again.ok && again.message).toContain('one per zone')
    // a vSwitch of a zone the service does not offer
    const withZone = { ...d, zones: [...d.zones, 'cn-hangzhou-i'] }
    const vsw = mustLoad(
      createResource(withZone, 'vswitch', { kind: 'zone', vpcId: 'vpc-service', zoneId: 'cn-hangzhou-i' }),
    )
    const offZone = createResource(vsw.design, 'gwlbEndpoint', dropTargetOf(vsw.design, vsw.id))
    expect(!offZone.ok && offZone.message).toContain('No endpoint service offers zone cn-hangzhou-i')
    // whitelist without the consumer: the connection may not be requested
    const noWhitelist = {
      ...d,
      resources: d.resources
        .filter((r) => r.kind !== 'gwlbEndpoint')
        .map((r) => (r.kind === 'endpointService' ? { ...r, whitelist: [] } : r)),
    }
    const refused = createResource(noWhitelist, 'gwlbEndpoint', dropTargetOf(noWhitelist, 'vsw-gwlbe-h'))
    expect(!refused.ok && refused.message).toContain('whitelist')
    // admitted without auto-accept: waits in Disconnected for the provider
    const admitted = {
      ...noWhitelist,
      resources: noWhitelist.resources.map((r) => (r.kind === 'endpointService' ? { ...r, whitelist: ['*'] } : r)),
    }
    const waiting = mustLoad(createResource(admitted, 'gwlbEndpoint', dropTargetOf(admitted, 'vsw-gwlbe-h')))
    expect(waiting.design.resources.find((r) => r.id === waiting.id)).toMatchObject({
      connectionStatus: 'Disconnected',
      zoneId: 'cn-hangzhou-h',
    })
  })

  it('gives a new GWLB a mapping per zone, the seed’s recommended settings and the VPC’s appliances', () => {
    const d = loadExample('two-zones')
    const without = {
      ...d,
      resources: d.resources.filter(
        (r) => r.kind !== 'gwlb' && r.kind !== 'endpointService' && r.kind !== 'gwlbEndpoint',
      ),
    }
    const made = mustLoad(createResource(without, 'gwlb', dropTargetOf(without, 'vpc-security')))
    const g = made.design.resources.find((r) => r.id === made.id)
    expect(g?.kind === 'gwlb' && g.zoneMappings.map((m) => m.zoneId)).toEqual(['cn-hangzhou-h', 'cn-hangzhou-i'])
    expect(g?.kind === 'gwlb' && g.serverGroup).toMatchObject({
      serverFailoverMode: 'Rebalance',
      connectionDrain: { enabled: true },
      healthCheck: { enabled: true },
    })
    expect(g?.kind === 'gwlb' && g.serverGroup?.servers).toEqual(['fw-h1', 'fw-h2', 'fw-i1', 'fw-i2'])
  })
})

describe('where a new resource is drawn', () => {
  it('in a design that places its resources itself, a new server takes a free place inside its vSwitch, which grows', async () => {
    const { toFlow } = await import('../../../src/canvas/toFlow')
    const design = loadExample('two-zones')
    const made = mustLoad(createResource(design, 'ecs', dropTargetOf(design, 'vsw-app-h')))
    const { nodes } = toFlow(made.design)
    const box = (id: string) => {
      const n = nodes.find((x) => x.id === id)
      if (!n) throw new Error(`${id} not drawn`)
      return { x: n.position.x, y: n.position.y, width: Number(n.style?.width), height: Number(n.style?.height) }
    }
    const mine = box(made.id)
    const vswitch = box('vsw-app-h')
    expect(mine.x + mine.width).toBeLessThanOrEqual(vswitch.width)
    expect(mine.y + mine.height).toBeLessThanOrEqual(vswitch.height)
    const web = box('ecs-web-1')
    const overlap =
      mine.x < web.x + web.width &&
      web.x < mine.x + mine.width &&
      mine.y < web.y + web.height &&
      web.y < mine.y + mine.height
    expect(overlap).toBe(false)
  })
})
