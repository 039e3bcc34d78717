// A simulate step in jsdom, against the worker's real playback on a wall clock the test moves: entering the
// step loads the scenario and plays it, the step says how far it got, the run pauses exactly at the step's
// moment and the step says so; leaving the step unloads the simulator.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import { afterAll, describe, expect, it } from 'vitest'
import { useSimSync } from '../../../src/app/useSimSync'
import { SideTabs } from '../../../src/panels/lessons/SideTabs'
import { speedToReach } from '../../../src/panels/lessons/useLessons'
import { SimPanel } from '../../../src/panels/SimPanel'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import { playback, TEST_ENGINE, wall, worker } from '../../engine'
import { loadExample } from '../../helpers'

afterAll(() => playback.dispose())

function Sync({ stores }: { stores: Stores }) {
  useSimSync(stores)
  return null
}

function setup(): Stores {
  const stores = createStores(loadExample('two-zones'), {}, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <ReactFlowProvider>
        <Sync stores={stores} />
        <SideTabs details={<p>details</p>} />
        <SimPanel />
      </ReactFlowProvider>
    </StoresProvider>,
  )
  return stores
}

const simulateState = () => screen.getByTestId('lesson-simulate').getAttribute('data-state')

describe('a simulate step', () => {
  it('plays the scenario to the step’s moment, pauses there and says so; leaving the step unloads it', async () => {
    const stores = setup()
    fireEvent.click(screen.getByTestId('tab-lessons'))
    fireEvent.click(await screen.findByTestId('lesson-start-appliance-fails'))
    await screen.findByTestId('lesson-title')
    fireEvent.click(screen.getByTestId('lesson-next'))
    // the step's scenario is loaded and played, stopping at 50 s, at a speed the Speed list offers
    await waitFor(() => expect(simulateState()).toBe('playing'))
    expect(screen.getByTestId('lesson-simulate').textContent).toBe('Playing “appliance-failure” to 50 s… now at 0 s.')
    expect(worker.simPlay).toHaveBeenLastCalledWith(50_000)
    expect(worker.simSpeed).toHaveBeenLastCalledWith(10)
    await waitFor(() => expect((screen.getByLabelText('Speed') as HTMLSelectElement).value).toBe('10'))

    // well past 50 s of wall time × speed: the run still stops at 50 s exactly (50 simulated seconds take a
    // second or more of work in one frame here, hence the long wait)
    wall.now += 60_000
    await waitFor(() => expect(simulateState()).toBe('at-moment'), { timeout: 30_000 })
    expect(stores.sim.getState()).toMatchObject({ nowMs: 50_000, playing: false, untilMs: null })
    expect(screen.getByTestId('lesson-simulate').textContent).toMatch(
      /^Paused at 50 s of “appliance-failure”, the moment this step describes\. Press Play/,
    )
    // what the step narrates has happened by then: Firewall H1 stopped at 30 s and was marked unhealthy
    expect(stores.sim.getState().log.some((e) => e.kind === 'marked-unhealthy' && e.resourceId === 'fw-h1')).toBe(true)

    // Play goes on past the moment
    fireEvent.click(screen.getByTestId('sim-play'))
    wall.now += 1000
    await waitFor(() => expect(stores.sim.getState().nowMs).toBeGreaterThan(50_000), { timeout: 30_000 })
    expect(simulateState()).toBe('playing-on')

    fireEvent.click(screen.getByTestId('lesson-next'))
    expect(stores.sim.getState().status).toBe('idle')
    expect(worker.simPause).toHaveBeenCalled()
  }, 60_000)

  it('picks the listed speed that reaches the moment in about six seconds', () => {
    expect(speedToReach(50_000)).toBe(10)
    expect(speedToReach(30_000)).toBe(5)
    expect(speedToReach(600_000)).toBe(100)
    expect(speedToReach(100_000_000)).toBe(100)
    expect(speedToReach(100)).toBe(0.1)
  })
})
