import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/app/App'
import type { Design } from '../../../src/model'
import { TEST_ENGINE } from '../../engine'
import { loadExample } from '../../helpers'

// What a drawn line does, without a mouse: the inspector's Add route… and Connect…, the system-routes badge,
// and the route-table menu's new route table.

function open(design: Design) {
  render(<App initialDesign={design} engine={TEST_ENGINE} />)
}

async function selectNode(id: string) {
  fireEvent.click(await screen.findByTestId(`node-${id}`))
  await screen.findByText(id, { selector: 'span.font-mono' })
}

describe('adding a route without drawing a line', () => {
  it('from a vSwitch: Add route… lists the next hops of its VPC, then asks the destination', async () => {
    open(loadExample('two-zones'))
    await selectNode('vsw-app-h')
    fireEvent.click(within(screen.getByTestId('inspector')).getByRole('button', { name: 'Add route…' }))
    const choose = await screen.findByTestId('connect-from-dialog')
    const hops = within(choose)
      .getAllByRole('button')
      .map((b) => b.textContent)
    expect(hops).toContain('IPv4 gateway IPv4 gateway')
    expect(hops.some((h) => h?.startsWith('GWLBe H'))).toBe(true)
    // nothing of the security VPC: a next hop is in the table's own VPC
    expect(hops.some((h) => h?.startsWith('Firewall'))).toBe(false)
    fireEvent.click(within(choose).getByRole('button', { name: /^IPv4 gateway/ }))
    const confirm = await screen.findByTestId('connect-dialog')
    fireEvent.change(within(confirm).getByLabelText('Destination CIDR block'), { target: { value: '198.51.100.0/24' } })
    fireEvent.click(within(confirm).getByRole('button', { name: 'Add route' }))
    expect(screen.queryByTestId('connect-dialog')).toBeNull()
    expect(within(screen.getByTestId('node-vsw-app-h')).getByText('routes (2)')).toBeTruthy()
  })

  it('from the IPv4 gateway: the destination is one of its VPC’s vSwitch CIDRs', async () => {
    open(loadExample('two-zones'))
    await selectNode('igw-service')
    fireEvent.click(within(screen.getByTestId('inspector')).getByRole('button', { name: 'Add route…' }))
    fireEvent.click(within(await screen.findByTestId('connect-from-dialog')).getByRole('button', { name: /^GWLBe I/ }))
    const destination = within(await screen.findByTestId('connect-dialog')).getByLabelText(
      'Destination CIDR block',
    ) as HTMLSelectElement
    expect(destination.tagName).toBe('SELECT')
    expect(destination.value).toBe('10.0.2.0/24')
  })

  it('from a route table’s panel, and the entry lands in that table', async () => {
    open(loadExample('two-zones'))
    fireEvent.click(await screen.findByTestId('route-table-badge-rtb-app-i'))
    const panel = await screen.findByTestId('route-table-panel')
    fireEvent.click(within(panel).getByRole('button', { name: 'Add route…' }))
    fireEvent.click(
      within(await screen.findByTestId('connect-from-dialog')).getByRole('button', { name: /^Web server 1/ }),
    )
    const confirm = await screen.findByTestId('connect-dialog')
    fireEvent.change(within(confirm).getByLabelText('Destination CIDR block'), { target: { value: '10.9.0.0/16' } })
    fireEvent.click(within(confirm).getByRole('button', { name: 'Add route' }))
    expect(await within(await screen.findByTestId('route-table-panel')).findByTestId('route-10.9.0.0/16')).toBeTruthy()
  })
})

describe('connecting an endpoint without drawing a line', () => {
  it('Connect… on a GWLBe offers the endpoint services and requests the connection', async () => {
    const base = loadExample('two-zones')
    // a GWLBe whose connection was rejected: Connect… requests it again (the service accepts by hand)
    const design = {
      ...base,
      resources: base.resources.map((r) =>
        r.id === 'gwlbe-h' && r.kind === 'gwlbEndpoint' ? { ...r, connectionStatus: 'Disconnected' as const } : r,
      ),
    }
    open(design)
    await selectNode('gwlbe-h')
    fireEvent.click(within(screen.getByTestId('inspector')).getByRole('button', { name: 'Connect…' }))
    const choose = await screen.findByTestId('connect-from-dialog')
    expect(within(choose).getAllByRole('button', { name: /Inspection service/ })).toHaveLength(1)
    fireEvent.click(within(choose).getByRole('button', { name: /Inspection service/ }))
    fireEvent.click(within(await screen.findByTestId('connect-dialog')).getByRole('button', { name: 'Connect' }))
    expect(screen.queryByTestId('connect-dialog')).toBeNull()
    expect(screen.getByTestId('connection-status').textContent).toMatch(/awaiting the provider/)
  })
})

describe('a refused connection offers its missing step', () => {
  it('a whitelist without the consumer: one click adds the account, then requests the connection', async () => {
    const base = loadExample('two-zones')
    const design = {
      ...base,
      resources: base.resources.map((r) =>
        r.id === 'gwlbe-h' && r.kind === 'gwlbEndpoint'
          ? { ...r, connectionStatus: 'Disconnected' as const }
          : r.kind === 'endpointService'
            ? { ...r, whitelist: [] }
            : r,
      ),
    }
    open(design)
    await selectNode('gwlbe-h')
    fireEvent.click(within(screen.getByTestId('inspector')).getByRole('button', { name: 'Connect…' }))
    fireEvent.click(
      within(await screen.findByTestId('connect-from-dialog')).getByRole('button', { name: /Inspection service/ }),
    )
    const confirm = await screen.findByTestId('connect-dialog')
    fireEvent.click(within(confirm).getByRole('button', { name: 'Connect' }))
    expect(within(confirm).getByRole('alert').textContent).toMatch(/does not admit account 1234567890123456/)
    fireEvent.click(
      within(confirm).getByRole('button', { name: 'Add account Application team (consumer) to the whitelist' }),
    )
    expect(screen.queryByTestId('connect-dialog')).toBeNull()
    expect(screen.getByTestId('connection-status').textContent).toMatch(/awaiting the provider/)
  })
})

describe('a vSwitch on the system route table', () => {
  it('its "system routes" badge opens the VPC’s system table, with the way to a table of its own', async () => {
    open(loadExample('two-zones'))
    fireEvent.click(await screen.findByTestId('system-routes-badge-vsw-security-h'))
    const panel = await screen.findByTestId('route-table-panel')
    expect(within(panel).getByRole('heading').textContent).toBe('System route table of Security VPC')
    const rows = within(panel)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent)
    expect(rows).toContain('192.168.1.0/24Localsystem')
    fireEvent.click(within(panel).getByRole('button', { name: '+ New route table for Appliance vSwitch H' }))
    // the new table is bound to the vSwitch and shown, ready for its first entry
    const shown = await screen.findByRole('heading', { name: 'Appliance vSwitch H route table' })
    expect(shown).toBeTruthy()
    expect(within(screen.getByTestId('node-vsw-security-h')).getByText('routes (0)')).toBeTruthy()
  })

  it('the route-table menu of the vSwitch’s form offers a new route table', async () => {
    open(loadExample('two-zones'))
    await selectNode('vsw-security-i')
    const menu = within(screen.getByTestId('inspector')).getByLabelText('Route table') as HTMLSelectElement
    const option = within(menu).getByRole('option', { name: '+ New route table' }) as HTMLOptionElement
    fireEvent.change(menu, { target: { value: option.value } })
    expect(await screen.findByRole('heading', { name: 'Appliance vSwitch I route table' })).toBeTruthy()
    expect((within(screen.getByTestId('inspector')).getByLabelText('Route table') as HTMLSelectElement).value).toBe(
      'rtb-vsw-security-i',
    )
  })
})
