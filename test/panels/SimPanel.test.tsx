// The simulator bar's log: every entry, so a trainer stepping through health checks sees each one fail.
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SimPanel } from '../../src/panels/SimPanel'
import { createStores, StoresProvider } from '../../src/store/context'
import type { SimEvent } from '../../worker/sim/types'
import { loadExample } from '../helpers'

const entry = (tMs: number, kind: SimEvent['kind'], text: string): SimEvent => ({
  tMs,
  resourceId: 'fw-h1',
  kind,
  text,
  cause: 'health check',
  fault: null,
})

describe('the simulator’s log', () => {
  it('lists health checks failing one by one, newest first, not only the timeline’s marks', () => {
    const stores = createStores(loadExample('two-zones'))
    stores.sim.getState().loaded('appliance-failure', ['steady', 'appliance-failure'])
    stores.sim.setState({
      nowMs: 44_000,
      log: [
        entry(30_000, 'fault-applied', 'fw-h1 stopped'),
        entry(33_340, 'probe-failed', 'health check failed (1 of 3)'),
        entry(38_340, 'probe-failed', 'health check failed (2 of 3)'),
        entry(43_340, 'marked-unhealthy', 'marked unhealthy'),
      ],
    })
    render(
      <StoresProvider stores={stores}>
        <SimPanel />
      </StoresProvider>,
    )
    const lines = [...screen.getByTestId('sim-log').querySelectorAll('li')].map((li) => li.textContent ?? '')
    expect(lines.map((l) => l.replace(/^\s*[\d.]+ s\s*fw-h1: /, ''))).toEqual([
      'marked unhealthy',
      'health check failed (2 of 3)',
      'health check failed (1 of 3)',
      'fw-h1 stopped',
    ])
  })
})
