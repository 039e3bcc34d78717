import { describe, expect, it } from 'vitest'
import { parse } from '../../../src/model'
import { planDeletion, removeServiceResource } from '../../../src/model/edits/remove'
import { loadExample } from '../../helpers'

describe('deleting follows the cloud and the seed’s teardown order', () => {
  it('a GWLBe that routes point at: the seed’s order removes the routes first; the other option leaves black holes', () => {
    const d = loadExample('two-zones')
    const plan = planDeletion(d, 'gwlbe-h')
    if (!plan.ok) throw new Error(plan.refused)
    expect(plan.dependents.map((x) => x.description)).toEqual(
      expect.arrayContaining([
        'Gateway route table: 10.0.1.0/24 → GWLBe H',
        'Service route table H: 0.0.0.0/0 → GWLBe H',
      ]),
    )
    const [seedOrder, blackHole] = plan.options
    expect(seedOrder.label).toContain("(the order in Alibaba Cloud's GWLB guide)")
    expect(seedOrder.label).not.toMatch(/seed/i)
    const routesLeft = (x: typeof d) =>
      x.resources.flatMap((r) => (r.kind === 'routeTable' ? r.entries.filter((e) => e.nextHopId === 'gwlbe-h') : []))
    expect(routesLeft(seedOrder.design)).toEqual([])
    expect(routesLeft(blackHole.design)).toHaveLength(2)
    expect(parse(seedOrder.design).ok && parse(blackHole.design).ok).toBe(true)
  })

  it('refuses what the cloud refuses: a service with endpoints, a GWLB in a service, a VPC that is not empty', () => {
    const d = loadExample('two-zones')
    for (const id of ['epsrv-inspection', 'gwlb-inspection', 'vpc-service', 'vsw-app-h']) {
      const plan = planDeletion(d, id)
      expect(plan.ok, id).toBe(false)
      expect(plan.dependents.length, id).toBeGreaterThan(0)
    }
    const service = planDeletion(d, 'epsrv-inspection')
    expect(!service.ok && service.refused).toContain(
      "the order in Alibaba Cloud's GWLB guide: route entries, then GWLB endpoints",
    )
    expect(!service.ok && service.refused).not.toMatch(/seed/i)
  })

  it('an appliance leaves the server group with it', () => {
    const d = loadExample('two-zones')
    const plan = planDeletion(d, 'fw-h1')
    if (!plan.ok) throw new Error(plan.refused)
    const g = plan.options[0].design.resources.find((r) => r.id === 'gwlb-inspection')
    expect(g?.kind === 'gwlb' && g.serverGroup?.servers).toEqual(['fw-h2', 'fw-i1', 'fw-i2'])
    expect(parse(plan.options[0].design).ok).toBe(true)
  })
})

describe('removing a service resource', () => {
  it('is refused while a connected endpoint uses its zone, and allowed once it is disconnected', () => {
    const d = loadExample('two-zones')
    const refused = removeServiceResource(d, 'epsrv-inspection', 0)
    expect(!refused.ok && refused.refused).toContain('GWLBe H uses zone cn-hangzhou-h')
    const disconnected = {
      ...d,
      resources: d.resources.map((r) =>
        r.id === 'gwlbe-h' && r.kind === 'gwlbEndpoint' ? { ...r, connectionStatus: 'Disconnected' as const } : r,
      ),
    }
    const done = removeServiceResource(disconnected, 'epsrv-inspection', 0)
    expect(done.ok && done.design.resources.find((r) => r.id === 'epsrv-inspection')).toMatchObject({
      resources: [{ zoneId: 'cn-hangzhou-i' }],
    })
    // the GWLB itself stays
    expect(done.ok && done.design.resources.some((r) => r.id === 'gwlb-inspection')).toBe(true)
  })

  it('a GWLBe in a route target group: the group goes first (its members cannot change), then the GWLBe', () => {
    const d = loadExample('zone-failover')
    const plan = planDeletion(d, 'gwlbe-i')
    expect(plan.ok).toBe(false)
    expect(!plan.ok && plan.refused).toMatch(/member of a route target group/)
    expect(plan.dependents.map((x) => x.id)).toEqual(['rtg-inspection'])
    const group = planDeletion(d, 'rtg-inspection')
    if (!group.ok) throw new Error(group.refused)
    const [routesFirst] = group.options
    expect(routesFirst?.design && parse(routesFirst.design).ok).toBe(true)
    const after = routesFirst?.design
    expect(after && planDeletion(after, 'gwlbe-i').ok).toBe(true)
  })
})
