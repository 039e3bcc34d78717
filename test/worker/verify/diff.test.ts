// The difference between two designs: resources field by field, and the flow classes whose outcome changed.
import { describe, expect, it } from 'vitest'
import { diffDesigns } from '../../../worker/verify'
import { design, res } from '../engine/helpers'

describe('diffDesigns', () => {
  it('a design against itself: nothing', () => {
    const d = diffDesigns(design(2), design(2))
    expect(d.resources).toEqual({ added: [], removed: [], changed: [] })
    expect(d.flows).toEqual([])
  })

  it("server 2's route straight to the gateway: the field, and its outbound flows now uninspected", () => {
    const after = design(2, (x) => {
      res(x, 'rtb-app-i', 'routeTable').entries[0] = {
        destinationCidrBlock: '0.0.0.0/0',
        nextHopType: 'Ipv4Gateway',
        nextHopId: 'igw-service',
      }
    })
    const d = diffDesigns(design(2), after)
    expect(d.resources.changed).toEqual([
      {
        id: 'rtb-app-i',
        kind: 'routeTable',
        changes: [
          { path: 'entries[0.0.0.0/0].nextHopType', before: 'GatewayLoadBalancerEndpoint', after: 'Ipv4Gateway' },
          { path: 'entries[0.0.0.0/0].nextHopId', before: 'gwlbe-i', after: 'igw-service' },
        ],
      },
    ])
    const out = d.flows.find(
      (f) =>
        f.packet.source === 'ecs-web-2' &&
        f.packet.destination === '203.0.113.80' &&
        f.packet.protocol === 'tcp' &&
        f.packet.destinationPort === 443,
    )
    expect(out?.before).toBe('DELIVERED through an appliance, answer DELIVERED through the same appliance')
    expect(out?.after).toMatch(/^DELIVERED, answer /)
    // server 1 is untouched
    expect(d.flows.some((f) => f.packet.source === 'ecs-web-1')).toBe(false)
  })

  it("a gateway route restored to Local: that entry gone, the other table's entries untouched", () => {
    const after = design(2, (x) => {
      const t = res(x, 'rtb-gateway', 'routeTable')
      t.entries = t.entries.filter((e) => e.destinationCidrBlock !== '10.0.1.0/24')
    })
    const changed = diffDesigns(design(2), after).resources.changed
    expect(changed).toHaveLength(1)
    expect(changed[0].changes).toEqual([
      {
        path: 'entries[10.0.1.0/24]',
        before: {
          destinationCidrBlock: '10.0.1.0/24',
          nextHopType: 'GatewayLoadBalancerEndpoint',
          nextHopId: 'gwlbe-h',
        },
        after: undefined,
      },
    ])
  })

  it('a removed resource and an added one', () => {
    const after = design(2, (x) => {
      x.resources = x.resources.filter((r) => r.id !== 'internet-client')
      x.scenarios = []
      x.resources.push({ kind: 'internetHost', id: 'host-new', ipAddress: '198.51.100.7' })
    })
    const d = diffDesigns(design(2), after)
    expect(d.resources.added).toEqual([{ id: 'host-new', kind: 'internetHost' }])
    expect(d.resources.removed).toEqual([{ id: 'internet-client', kind: 'internetHost' }])
    expect(d.flows.find((f) => f.packet.source === 'internet-client')?.after).toBe('no such sender in this design')
  })
})
