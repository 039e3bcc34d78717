import { describe, expect, it } from 'vitest'
import type { ServerGroup } from '../../../src/model'
import { breakAndFix, edit, find, problemsOf, reference } from './helpers'

function withGroup(change: (g: ServerGroup) => void) {
  return edit(reference('b'), (d) => {
    const g = find(d, 'gwlb-inspection', 'gwlb').serverGroup
    if (g) change(g)
  })
}

describe('server group recommendations (seed: health check, draining, rebalancing)', () => {
  it('GWLB-W001: health check off; the fix turns it on and keeps its settings', () => {
    const broken = withGroup((g) => (g.healthCheck.enabled = false))
    const [p] = problemsOf(broken, 'GWLB-W001', ['gwlb-inspection'])
    expect(p.message).toContain("Alibaba Cloud's GWLB guide recommends health checks.")
    expect(p.message).not.toMatch(/seed/i)
    const fixed = breakAndFix(broken, 'GWLB-W001', ['gwlb-inspection'])
    expect(find(fixed, 'gwlb-inspection', 'gwlb').serverGroup?.healthCheck).toMatchObject({
      enabled: true,
      interval: 5,
      timeout: 3,
    })
  })

  it('GWLB-W002: connection draining off; the fix turns it on', () => {
    const fixed = breakAndFix(
      withGroup((g) => (g.connectionDrain.enabled = false)),
      'GWLB-W002',
      ['gwlb-inspection'],
    )
    expect(find(fixed, 'gwlb-inspection', 'gwlb').serverGroup?.connectionDrain).toEqual({ enabled: true, timeout: 30 })
  })

  it('GWLB-W003: NoRebalance; the fix sets Rebalance', () => {
    const fixed = breakAndFix(
      withGroup((g) => (g.serverFailoverMode = 'NoRebalance')),
      'GWLB-W003',
      ['gwlb-inspection'],
    )
    expect(find(fixed, 'gwlb-inspection', 'gwlb').serverGroup?.serverFailoverMode).toBe('Rebalance')
  })
})
