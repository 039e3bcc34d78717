// A route target group's inspector: its members and who carries the traffic, from the design and, while a scenario
// plays, from the simulation; the switch back asks the worker for SwitchActiveRouteTarget and says what it did.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Inspector } from '../../../src/panels/inspector/Inspector'
import { SimPanel } from '../../../src/panels/SimPanel'
import { createStores, StoresProvider } from '../../../src/store/context'
import { TEST_ENGINE, worker } from '../../engine'
import { loadExample } from '../../helpers'

const failedOver = {
  id: 'rtg-inspection',
  carryingMemberId: 'gwlbe-i',
  failedOver: true,
  members: [
    { memberId: 'gwlbe-h', weight: 100, healthy: true },
    { memberId: 'gwlbe-i', weight: 0, healthy: true },
  ],
}

function setup() {
  const stores = createStores(loadExample('zone-failover'), {}, TEST_ENGINE)
  stores.ui.getState().select('rtg-inspection')
  render(
    <StoresProvider stores={stores}>
      <Inspector />
      <SimPanel />
    </StoresProvider>,
  )
  return stores
}

describe('the route target group inspector', () => {
  it('shows the active member carrying the traffic from the design, and no switch without a scenario', () => {
    setup()
    expect(screen.getByTestId('route-target-member-gwlbe-h').textContent).toMatch(
      /Active \(weight 100\): GWLBe H \(cn-hangzhou-h\) · carries the traffic/,
    )
    expect(screen.getByTestId('route-target-member-gwlbe-i').textContent).toMatch(/Standby \(weight 0\): GWLBe I/)
    expect(screen.getByText(/Gateway route table, Gateway route table, Service route table/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: /Switch back/ })).toBeNull()
  })

  it('after a failover, offers the switch back in the inspector and the simulator bar, and asks the worker', async () => {
    const stores = setup()
    stores.sim
      .getState()
      .loaded('zone-failure-with-route-target-group', ['steady', 'zone-failure-with-route-target-group'])
    stores.sim.setState({ routeTargets: { 'rtg-inspection': failedOver } })
    await screen.findByRole('button', { name: 'Switch back to the active member' })
    expect(screen.getByTestId('route-target-member-gwlbe-i').textContent).toMatch(/Healthy · carries the traffic/)
    expect(screen.getByTestId('sim-switch-back-rtg-inspection').textContent).toBe('Switch rtg-inspection back')
    worker.simSwitchActiveRouteTarget.mockClear()
    fireEvent.click(screen.getByRole('button', { name: 'Switch back to the active member' }))
    await waitFor(() => expect(worker.simSwitchActiveRouteTarget).toHaveBeenCalledWith('rtg-inspection'))
    // no scenario is loaded in this test's worker: the answer says so, and the notice shows it
    await waitFor(() => expect(stores.ui.getState().notice?.lines[0]).toBe('SwitchActiveRouteTarget was not done.'))
  })
})
