// The next hops the route-table panel offers: a route target group of the table's VPC, in both table types.
import { describe, expect, it } from 'vitest'
import { nextHopChoices } from '../../src/panels/routeTargets'
import { loadExample } from '../helpers'

describe('next hop choices', () => {
  it('offers the VPC’s route target group, with its members, in the gateway table and a vSwitch table', () => {
    const d = loadExample('zone-failover')
    for (const id of ['rtb-gateway', 'rtb-app-h']) {
      const table = d.resources.find((r) => r.id === id)
      if (table?.kind !== 'routeTable') throw new Error(`no ${id}`)
      expect(nextHopChoices(d, table)).toContainEqual({
        id: 'rtg-inspection',
        type: 'RouteTargetGroup',
        label: 'Zone failover group (route target group: gwlbe-h active, gwlbe-i standby)',
      })
    }
    const other = d.resources.find((r) => r.kind === 'routeTable' && r.vpcId === 'vpc-security')
    if (other?.kind === 'routeTable')
      expect(nextHopChoices(d, other).some((c) => c.type === 'RouteTargetGroup')).toBe(false)
  })
})
