// The simulator follows the design: an edit reloads the scenario that was loaded, paused, so what plays is
// always the design on the canvas; when the edit renamed or removed that scenario, the design's first plays. An
// edit of the change plan alone, which is not simulated, leaves what plays alone.
import { render, waitFor } from '@testing-library/react'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { useSimSync } from '../../src/app/useSimSync'
import { withPlanSteps } from '../../src/model/edits/plan'
import { createStores, type Stores, StoresProvider } from '../../src/store/context'
import { playback, TEST_ENGINE, worker } from '../engine'
import { loadExample } from '../helpers'

afterAll(() => playback.dispose())

function Sync({ stores }: { stores: Stores }) {
  useSimSync(stores)
  return null
}

async function loaded(scenario: string): Promise<Stores> {
  const stores = createStores(loadExample('two-zones'), {}, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <Sync stores={stores} />
    </StoresProvider>,
  )
  await stores.engine.sim.load(scenario)
  expect(stores.sim.getState()).toMatchObject({ status: 'ready', scenario })
  worker.simLoad.mockClear()
  return stores
}

describe('the simulator after an edit', () => {
  it('reloads the loaded scenario from the edited design', async () => {
    const stores = await loaded('appliance-failure')
    stores.design.getState().edit('rename', (d) => ({ ...d, name: `${d.name} (edited)` }))
    await waitFor(() => expect(worker.simLoad).toHaveBeenCalledTimes(1))
    const [doc, name] = worker.simLoad.mock.calls[0]
    expect(name).toBe('appliance-failure')
    expect((doc as { name: string }).name).toMatch(/\(edited\)$/)
    await waitFor(() => expect(stores.sim.getState()).toMatchObject({ status: 'ready', scenario: 'appliance-failure' }))
  })

  it('plays the design’s first scenario when the edit renamed the loaded one', async () => {
    const stores = await loaded('appliance-failure')
    stores.design.getState().edit('rename scenario', (d) => ({
      ...d,
      scenarios: d.scenarios.map((s) => (s.name === 'appliance-failure' ? { ...s, name: 'firewall-down' } : s)),
    }))
    await waitFor(() => expect(worker.simLoad).toHaveBeenCalledTimes(1))
    expect(worker.simLoad.mock.calls[0][1]).toBeNull()
    await waitFor(() =>
      expect(stores.sim.getState()).toMatchObject({
        status: 'ready',
        scenario: 'steady',
        scenarios: ['steady', 'firewall-down', 'zone-failure'],
      }),
    )
  })

  it('unloads, without an error, when the edit leaves the design no scenario (New)', async () => {
    const stores = await loaded('steady')
    stores.design.getState().edit('new design', (d) => ({ ...d, scenarios: [] }))
    await waitFor(() => expect(stores.sim.getState().status).toBe('idle'))
    expect(stores.sim.getState().message).toBeNull()
    expect(worker.simLoad).not.toHaveBeenCalled()
  })

  it('leaves what plays alone when only the change plan was edited', async () => {
    const stores = await loaded('steady')
    // the reload waits for edits to settle: the clock is moved past that wait rather than waited on
    vi.useFakeTimers()
    try {
      stores.design
        .getState()
        .edit('add plan step', (d) => withPlanSteps(d, [{ api: 'DeleteVpcEndpoint', parameters: {} }]))
      vi.advanceTimersByTime(5_000)
      expect(worker.simLoad).not.toHaveBeenCalled()
      // an edit of the design itself still reloads
      stores.design.getState().edit('rename', (d) => ({ ...d, name: `${d.name} (edited)` }))
      vi.advanceTimersByTime(5_000)
      expect(worker.simLoad).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
