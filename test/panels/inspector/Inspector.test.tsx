import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Inspector } from '../../../src/panels/inspector/Inspector'
import { RouteTablePanel } from '../../../src/panels/RouteTablePanel'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import { loadExample } from '../../helpers'

function setup(select: string | null) {
  const stores = createStores(loadExample('two-zones'))
  if (select) stores.ui.getState().select(select)
  render(
    <StoresProvider stores={stores}>
      <Inspector />
      <RouteTablePanel />
    </StoresProvider>,
  )
  return stores
}

const resource = (stores: Stores, id: string) => stores.design.getState().design.resources.find((r) => r.id === id)

describe('the inspector validates as you type', () => {
  it('keeps an address outside the vSwitch out of the document and says why, naming the field and the value', () => {
    const stores = setup('ecs-web-1')
    const input = screen.getByLabelText('Private IP address')
    fireEvent.change(input, { target: { value: '10.0.2.50' } })
    expect(input.getAttribute('aria-invalid')).toBe('true')
    const alert = screen.getByRole('alert').textContent ?? ''
    expect(alert).toContain('privateIpAddress')
    expect(alert).toContain('"10.0.2.50"')
    expect(alert).toContain('10.0.1.0/24')
    expect(resource(stores, 'ecs-web-1')).toMatchObject({ privateIpAddress: '10.0.1.10' })
    fireEvent.change(input, { target: { value: '10.0.1.77' } })
    expect(input.getAttribute('aria-invalid')).toBe('false')
    expect(resource(stores, 'ecs-web-1')).toMatchObject({ privateIpAddress: '10.0.1.77' })
  })

  it('refuses a name holding an escape or a right-to-left override, quoting it escaped, and keeps the name', () => {
    const stores = setup(null)
    const input = screen.getByLabelText('Design name')
    for (const typed of ['Prod\u001b[2J', 'Prod \u202eniamod']) {
      fireEvent.change(input, { target: { value: typed } })
      expect(input.getAttribute('aria-invalid')).toBe('true')
      const alert = screen.getByRole('alert').textContent ?? ''
      expect(alert).toMatch(/^name: found "Prod.*(\\u001b|\\u202e).*"; expected text without control characters/)
      expect([...alert].filter((c) => c === '\u001b' || c === '\u202e')).toEqual([])
      expect(stores.design.getState().design.name).toBe('GWLB inspection, two zones')
    }
    fireEvent.change(input, { target: { value: 'Prod, two zones' } })
    expect(stores.design.getState().design.name).toBe('Prod, two zones')
  })

  it('refuses a health-check interval outside the cloud’s range (1–50 s)', () => {
    const stores = setup('gwlb-inspection')
    const input = screen.getByLabelText('Interval, s (1–50)')
    fireEvent.change(input, { target: { value: '90' } })
    expect(screen.getByRole('alert').textContent).toContain('90')
    const g = resource(stores, 'gwlb-inspection')
    expect(g?.kind === 'gwlb' && g.serverGroup?.healthCheck.interval).toBe(5)
    fireEvent.change(input, { target: { value: '12' } })
    const after = resource(stores, 'gwlb-inspection')
    expect(after?.kind === 'gwlb' && after.serverGroup?.healthCheck.interval).toBe(12)
  })

  it('every edit is undoable', () => {
    const stores = setup('fw-h1')
    fireEvent.click(screen.getByLabelText('Jumbo frames (MTU 8500; needed for 1,500 + 68 bytes of Geneve)'))
    expect(resource(stores, 'fw-h1')).toMatchObject({ jumboFrames: false })
    stores.design.getState().undo()
    expect(resource(stores, 'fw-h1')).toMatchObject({ jumboFrames: true })
  })

  it('edits scenarios: a fault added to a scenario loads and names an appliance', () => {
    const stores = setup(null)
    const scenarios = screen.getByTestId('scenarios')
    fireEvent.click(within(scenarios).getAllByText('+ Add fault')[0])
    const steady = stores.design.getState().design.scenarios[0]
    expect(steady.faults).toEqual([
      { atSeconds: 30, untilSeconds: 90, fault: { kind: 'applianceStopped', applianceId: 'fw-h1' } },
    ])
    fireEvent.change(within(screen.getByTestId('fault-0-0')).getByLabelText('Fault'), { target: { value: 'zoneDown' } })
    expect(stores.design.getState().design.scenarios[0].faults[0].fault).toEqual({
      kind: 'zoneDown',
      zoneId: 'cn-hangzhou-h',
    })
    // a removed security-group rule is picked by its number from 1 and what it says, not typed as an index
    fireEvent.change(within(screen.getByTestId('fault-0-0')).getByLabelText('Fault'), {
      target: { value: 'securityGroupRuleRemoved' },
    })
    const rule = within(screen.getByTestId('fault-0-0')).getByLabelText('Rule to remove') as HTMLSelectElement
    expect(rule.options[0].textContent).toBe('rule 1: inbound tcp 443/443 (HTTPS from anywhere)')
    fireEvent.change(rule, { target: { value: '1' } })
    expect(stores.design.getState().design.scenarios[0].faults[0].fault).toMatchObject({
      kind: 'securityGroupRuleRemoved',
      ruleIndex: 1,
    })
  })
})

describe('the route-table editor', () => {
  it('adds an entry with a legal next hop, refuses a malformed destination, and deletes it again', () => {
    const stores = setup(null)
    act(() => stores.ui.getState().openRouteTable('rtb-app-h'))
    const panel = screen.getByTestId('route-table-panel') as HTMLElement
    // the next hops offered are this VPC's: its GWLBes, its IPv4 gateway and its instances, not the security VPC's appliances
    const hop = within(panel).getByLabelText('New entry next hop') as HTMLSelectElement
    const offered = [...hop.options].map((o) => o.value).filter(Boolean)
    expect(offered).toEqual(expect.arrayContaining(['gwlbe-h', 'gwlbe-i', 'igw-service', 'ecs-web-1']))
    expect(offered).not.toContain('fw-h1')
    const dest = within(panel).getByLabelText('New entry destination')
    fireEvent.change(dest, { target: { value: '192.168.0/16' } })
    expect((within(panel).getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(dest, { target: { value: '192.168.0.0/16' } })
    fireEvent.change(hop, { target: { value: 'igw-service' } })
    fireEvent.click(within(panel).getByRole('button', { name: 'Add' }))
    const table = resource(stores, 'rtb-app-h')
    expect(table?.kind === 'routeTable' && table.entries).toContainEqual({
      destinationCidrBlock: '192.168.0.0/16',
      nextHopType: 'Ipv4Gateway',
      nextHopId: 'igw-service',
    })
    fireEvent.click(within(screen.getByTestId('route-192.168.0.0/16')).getByRole('button', { name: 'Delete entry' }))
    const again = resource(stores, 'rtb-app-h')
    expect(again?.kind === 'routeTable' && again.entries).toHaveLength(1)
  })

  it('changes a gateway table’s system route, which turns it into a custom entry, and restores Local', () => {
    const stores = setup(null)
    act(() => stores.ui.getState().openRouteTable('rtb-gateway'))
    const row = screen.getByTestId('route-10.0.20.0/24')
    expect(row.textContent).toContain('system')
    fireEvent.change(within(row).getByRole('combobox'), { target: { value: 'gwlbe-i' } })
    expect(screen.getByTestId('route-10.0.20.0/24').textContent).toContain('custom (was system)')
    fireEvent.click(within(screen.getByTestId('route-10.0.20.0/24')).getByRole('button', { name: 'Restore Local' }))
    const t = resource(stores, 'rtb-gateway')
    expect(t?.kind === 'routeTable' && t.entries.map((e) => e.destinationCidrBlock)).toEqual([
      '10.0.1.0/24',
      '10.0.2.0/24',
    ])
  })
})

describe('the inspector of a shared, read-only design', () => {
  it('lets a reader open a server’s security group and read its rules, with nothing to edit', () => {
    const stores = setup('ecs-web-1')
    act(() => stores.ui.setState({ readOnly: true }))
    expect(screen.getByLabelText('Private IP address').matches(':disabled')).toBe(true)
    fireEvent.click(screen.getByRole('link', { name: /^Rules of / }))
    expect(stores.ui.getState().selectedIds).toEqual(['sg-web'])
    expect(within(screen.getByTestId('inspector')).getByText('sg-web')).toBeTruthy()
  })
})

describe('rule numbers', () => {
  it('numbers a security group’s rules from 1, as the packet walk names them', () => {
    setup('sg-appliance')
    const rows = screen.getAllByTestId(/^rule-\d+$/)
    expect(rows.map((r) => r.querySelector('p')?.textContent)).toEqual(rows.map((_, i) => `Rule ${i + 1}`))
  })
})
