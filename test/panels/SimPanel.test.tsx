// The simulator bar's log: every entry, so a trainer stepping through health checks sees each one fail.
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SimPanel } from '../../src/panels/SimPanel'
import { createStores, StoresProvider } from '../../src/store/context'
import type { SimState } from '../../src/store/simStore'
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

describe('the simulator bar', () => {
  function shown(patch: Partial<SimState>) {
    const stores = createStores(loadExample('two-zones'))
    stores.sim.getState().loaded('appliance-failure', ['steady', 'appliance-failure'])
    stores.sim.setState(patch)
    render(
      <StoresProvider stores={stores}>
        <SimPanel />
      </StoresProvider>,
    )
  }

  it('says how far a Step goes: the amount of simulated time at the chosen speed', () => {
    shown({ speed: 5, stepMs: 5000 })
    const step = screen.getByTestId('sim-step')
    expect(step.textContent).toBe('Step +5 s')
    expect(step.title).toMatch(/^Plays 5 s of simulated time/)
  })

  it('wraps a long log entry instead of cutting it: the whole text is on the page, no line is truncated', () => {
    const long =
      '203 connections moved off fw-h1 to fw-i2 (66), fw-i1 (74), fw-h2 (63): fw-h1 is marked unhealthy and the group rebalances (Rebalance)'
    shown({ log: [entry(43_400, 'flows-moved', long)] })
    const line = screen.getByTestId('sim-log').querySelector('li') as HTMLElement
    expect(line.textContent).toContain(long)
    for (const el of [line, ...line.querySelectorAll('*')]) {
      expect(el.className).not.toMatch(/\btruncate\b|text-ellipsis|line-clamp/)
    }
    expect(line.querySelector('.break-words')?.textContent).toBe(`fw-h1: ${long}`)
  })

  it('shows the packet counters whole, one a line', () => {
    shown({ totals: { sent: 756_648, delivered: 713_150, dropped: 43_498 } as SimState['totals'] })
    const rows = [...screen.getByTestId('sim-totals').querySelectorAll('li')].map((li) => li.textContent)
    expect(rows).toEqual(['756,648sent', '713,150delivered', '43,498dropped'])
  })
})
