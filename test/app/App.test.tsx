import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/app/App'
import { TEST_ENGINE } from '../engine'
import { loadExample } from '../helpers'

// jsdom has no Worker: the studio's engine is the worker's own code running in-process (test/engine.ts)

describe('the app on reference design (b)', () => {
  it('draws the VPCs, the GWLB, each GWLBe and each appliance with their key facts', async () => {
    render(<App initialDesign={loadExample('two-zones')} engine={TEST_ENGINE} />)
    for (const id of [
      'vpc-service',
      'vpc-security',
      'gwlb-inspection',
      'gwlbe-h',
      'gwlbe-i',
      'fw-h1',
      'fw-i2',
      'igw-service',
      'epsrv-inspection',
    ]) {
      expect(await screen.findByTestId(`node-${id}`)).toBeTruthy()
    }
    expect(within(screen.getByTestId('node-gwlbe-h')).getByText('Connected')).toBeTruthy()
    expect(within(screen.getByTestId('node-gwlbe-h')).getByText(/10\.0\.10\.5/)).toBeTruthy()
    expect(within(screen.getByTestId('node-vpc-service')).getByText(/10\.0\.0\.0\/16/)).toBeTruthy()
    expect(screen.getByTestId('design-name').textContent).toContain('two zones')
  })

  it('shows what the engine worker reported: loaded, and the count of each kind', async () => {
    render(<App initialDesign={loadExample('two-zones')} engine={TEST_ENGINE} />)
    await waitFor(() => expect(screen.getByTestId('engine-status').textContent).toBe('Loaded: 27 resources'))
    expect(screen.getByTestId('count-gwlbEndpoint').textContent).toBe('2')
    expect(screen.getByTestId('count-appliance').textContent).toBe('4')
  })

  it('opens a route table from its badge, with the derived Local entries and the custom entry', async () => {
    render(<App initialDesign={loadExample('two-zones')} engine={TEST_ENGINE} />)
    fireEvent.click(await screen.findByTestId('route-table-badge-rtb-app-h'))
    // the route-table editor loads when a table is first opened
    const panel = await screen.findByTestId('route-table-panel')
    const rows = within(panel)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent)
    // the service VPC's four vSwitch CIDRs as system Local entries, the cloud-services system route, then 0.0.0.0/0 → GWLBe H
    expect(rows).toHaveLength(6)
    expect(rows).toContain('100.64.0.0/10Cloud servicessystem')
    expect(rows.at(-1)).toContain('0.0.0.0/0')
    expect(rows.at(-1)).toContain('GWLBe H')
    expect(rows.filter((r) => r?.includes('Local'))).toHaveLength(4)
  })

  it('shows the gateway route table’s changed system routes as custom, next hop the GWLBe of each zone', async () => {
    render(<App initialDesign={loadExample('two-zones')} engine={TEST_ENGINE} />)
    fireEvent.click(await screen.findByTestId('route-table-badge-rtb-gateway'))
    await screen.findByTestId('route-table-panel')
    const hopOf = (cidr: string) =>
      (within(screen.getByTestId(`route-${cidr}`)).getByRole('combobox') as HTMLSelectElement).value
    expect(hopOf('10.0.1.0/24')).toBe('gwlbe-h')
    expect(hopOf('10.0.2.0/24')).toBe('gwlbe-i')
    expect(screen.getByTestId('route-10.0.1.0/24').textContent).toContain('custom (was system)')
    expect(screen.getByTestId('route-10.0.10.0/24').textContent).toMatch(/^10\.0\.10\.0\/24Local/)
  })
})

describe('replacing the design', () => {
  it('New says that Undo brings the design back, and its Undo button does', async () => {
    render(<App initialDesign={loadExample('two-zones')} engine={TEST_ENGINE} />)
    await screen.findByTestId('node-gwlbe-h')
    fireEvent.click(screen.getByRole('button', { name: 'New' }))
    const notice = await screen.findByTestId('notice')
    expect(notice.textContent).toContain('Started a new, empty design.')
    expect(notice.textContent).toContain('Undo (Ctrl+Z) brings "GWLB inspection, two zones" back.')
    await waitFor(() => expect(screen.queryByTestId('node-gwlbe-h')).toBeNull())
    fireEvent.click(within(notice).getByRole('button', { name: 'Undo' }))
    expect(await screen.findByTestId('node-gwlbe-h')).toBeTruthy()
    expect(screen.queryByTestId('notice')).toBeNull()
  })

  it('an example opened over the design says the same', async () => {
    render(<App initialDesign={loadExample('two-zones')} engine={TEST_ENGINE} />)
    await screen.findByTestId('node-gwlbe-h')
    fireEvent.change(screen.getByLabelText('Open example'), { target: { value: 'single-zone' } })
    const notice = await screen.findByTestId('notice')
    expect(notice.textContent).toMatch(/Opened the example ".*"\./)
    expect(notice.textContent).toContain('Undo (Ctrl+Z) brings "GWLB inspection, two zones" back.')
  })
})
