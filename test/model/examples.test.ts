import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { computeLayout, RESOURCE_KINDS, serialise } from '../../src/model'
import { designJsonSchema } from '../../src/model/jsonSchema'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { buildZoneFailoverDesign } from '../../src/model/reference/zoneFailover'
import { exampleText, loadExample } from '../helpers'

describe('the shipped reference designs', () => {
  it('are exactly what the generator writes (npm run examples)', () => {
    for (const [file, zones] of [
      ['single-zone', 1],
      ['two-zones', 2],
    ] as const) {
      const design = buildReferenceDesign(zones)
      design.layout = computeLayout(design)
      expect(exampleText(file)).toBe(serialise(design))
    }
    const failover = buildZoneFailoverDesign()
    failover.layout = computeLayout(failover)
    expect(exampleText('zone-failover')).toBe(serialise(failover))
  })

  it('(a) is the seed in one zone: one GWLBe, two servers with EIPs, two firewalls, the seed’s route tables', () => {
    const d = loadExample('single-zone')
    const of = (kind: string) => d.resources.filter((r) => r.kind === kind)
    expect(d.zones).toHaveLength(1)
    expect(of('gwlbEndpoint')).toHaveLength(1)
    expect(of('ecs').every((r) => r.kind === 'ecs' && r.publicIpAddress)).toBe(true)
    expect(of('ecs')).toHaveLength(2)
    expect(of('appliance')).toHaveLength(2)
    const tables = Object.fromEntries(of('routeTable').map((r) => [r.id, r.kind === 'routeTable' ? r.entries : []]))
    expect(tables['rtb-app-h']).toEqual([
      { destinationCidrBlock: '0.0.0.0/0', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-h' },
    ])
    expect(tables['rtb-gwlbe']).toEqual([
      { destinationCidrBlock: '0.0.0.0/0', nextHopType: 'Ipv4Gateway', nextHopId: 'igw-service' },
    ])
    expect(tables['rtb-gateway']).toEqual([
      { destinationCidrBlock: '10.0.1.0/24', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-h' },
    ])
    const sg = d.resources.find((r) => r.id === 'sg-appliance')
    expect(
      sg?.kind === 'securityGroup' &&
        sg.rules.some((r) => r.ipProtocol === 'udp' && r.portRange === '6081/6081' && r.policy === 'accept'),
    ).toBe(true)
    const vpcAccounts = of('vpc').map((v) => (v.kind === 'vpc' ? v.accountId : ''))
    expect(new Set(vpcAccounts).size).toBe(2)
  })

  it('(b) routes each zone’s service vSwitch to the GWLBe of its zone, in the gateway table too', () => {
    const d = loadExample('two-zones')
    const byId = new Map(d.resources.map((r) => [r.id, r]))
    for (const v of d.resources) {
      if (v.kind !== 'vswitch' || !v.id.startsWith('vsw-app-')) continue
      const table = byId.get(v.routeTableId ?? '')
      const hop = table?.kind === 'routeTable' ? byId.get(table.entries[0].nextHopId) : undefined
      expect(hop?.kind === 'gwlbEndpoint' && hop.zoneId).toBe(v.zoneId)
      const gateway = byId.get('rtb-gateway')
      const entry =
        gateway?.kind === 'routeTable' ? gateway.entries.find((e) => e.destinationCidrBlock === v.cidrBlock) : undefined
      const gwHop = byId.get(entry?.nextHopId ?? '')
      expect(gwHop?.kind === 'gwlbEndpoint' && gwHop.zoneId).toBe(v.zoneId)
    }
    const gwlb = byId.get('gwlb-inspection')
    expect(gwlb?.kind === 'gwlb' && gwlb.zoneMappings.map((m) => m.zoneId)).toEqual(d.zones)
    const service = byId.get('epsrv-inspection')
    expect(service?.kind === 'endpointService' && service.resources.map((r) => r.zoneId)).toEqual(d.zones)
    expect(d.scenarios.map((s) => s.name)).toEqual(['steady', 'appliance-failure', 'zone-failure'])
  })

  it('the published JSON Schema is generated from the zod schema and covers every kind', () => {
    const published = JSON.parse(readFileSync(new URL('../../public/design.schema.json', import.meta.url), 'utf8'))
    expect(published).toEqual(JSON.parse(JSON.stringify(designJsonSchema())))
    const text = JSON.stringify(published)
    for (const kind of RESOURCE_KINDS) expect(text).toContain(`"const":"${kind}"`)
  })
})
