// The Compare tab in jsdom, with the engine's code in-process: the design against the one before the last edit —
// the changed field by name, the flow classes whose outcome changed, the canvas marks, and a class walked before
// and after side by side.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../src/model'
import { updateResource } from '../../../src/model/edits/basic'
import { ComparePanel } from '../../../src/panels/compare/ComparePanel'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import { TEST_ENGINE } from '../../engine'
import { generateDesign } from '../../fixtures/engine/generate'
import { loadDesign, loadExample } from '../../helpers'

function setup(design: Design = loadExample('two-zones')): Stores {
  const stores = createStores(design, {}, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <ComparePanel active />
    </StoresProvider>,
  )
  return stores
}

describe('compare', () => {
  it('says so when there is nothing to compare with yet', () => {
    setup()
    expect(screen.getByText('No edits yet in this session: nothing to compare.')).toBeTruthy()
  })

  it('server 2 routed straight to the gateway: the field, its flows now uninspected, painted, walked both ways', async () => {
    const stores = setup()
    stores.design.getState().edit('route to the gateway', (d) =>
      updateResource(d, 'rtb-app-i', 'routeTable', (t) => ({
        ...t,
        entries: [{ destinationCidrBlock: '0.0.0.0/0', nextHopType: 'Ipv4Gateway', nextHopId: 'igw-service' }],
      })),
    )
    fireEvent.change(screen.getByLabelText('The design on the canvas against'), { target: { value: 'last-edit' } })
    const changed = await screen.findByText(/~ changed/, {}, { timeout: 8000 })
    const item = changed.closest('li') as HTMLElement
    expect(item.textContent).toMatch(/rtb-app-i/)
    expect(item.textContent).toMatch(/entries\[0\.0\.0\.0\/0\]\.nextHopId: "gwlbe-i" → "igw-service"/)
    const flows = screen.getAllByTestId('changed-flow')
    expect(flows.length).toBeGreaterThan(0)
    expect(flows.every((f) => /from ecs-web-2/.test(f.textContent ?? ''))).toBe(true)
    // the canvas: the changed table's vSwitch marked changed, the changed flows' way lit
    await waitFor(() => expect(stores.ui.getState().highlight?.marks).toMatchObject({ 'vsw-app-i': 'changed' }))
    expect(stores.ui.getState().highlight?.ids).toContain('ecs-web-2')

    fireEvent.click(within(flows[0]).getByTestId('compare-walk'))
    const dialog = await screen.findByTestId('compare-walk-dialog')
    await waitFor(() => expect(within(dialog).getByTestId('walk-after').textContent).toMatch(/Request/))
    // before, the request crossed GWLBe I; after, it goes straight out
    expect(within(dialog).getByTestId('walk-before').textContent).toMatch(/GWLBe I.*— only here/)
    const afterRequest = (within(dialog).getByTestId('walk-after').textContent ?? '').split('Answer')[0]
    expect(afterRequest).not.toMatch(/GWLBe I/)
  })
  it('three VPCs changed alike: the count of changed classes, one entry standing for the three', async () => {
    const generated = loadDesign(
      generateDesign({
        consumerVpcs: 3,
        zones: 1,
        serversPerZone: 1,
        appliancesPerZone: 2,
        hosts: 0,
        scheduler: '5TCH',
        crossZone: true,
        jumboFrames: true,
        stateful: true,
      }),
    )
    const stores = setup(generated)
    stores.design.getState().edit('admit 8443, not 443', (d) => ({
      ...d,
      resources: d.resources.map((r) =>
        r.kind === 'securityGroup' && r.id !== 'sg-fw'
          ? { ...r, rules: r.rules.map((x, i) => (i === 0 ? { ...x, portRange: '8443/8443' } : x)) }
          : r,
      ),
    }))
    fireEvent.change(screen.getByLabelText('The design on the canvas against'), { target: { value: 'last-edit' } })
    const count = await screen.findByTestId('compare-flow-count', {}, { timeout: 8000 })
    const [, changed, , listed] = (count.textContent ?? '').match(/^([\d,]+) of ([\d,]+), in ([\d,]+) entries/) ?? []
    const number = (t: string | undefined) => Number((t ?? 'NaN').replaceAll(',', ''))
    expect(number(changed)).toBeGreaterThan(number(listed))
    // each entry of vpc-0 says how many classes of the twin VPCs it stands for
    const entries = screen.getAllByTestId('changed-flow')
    const first = entries[0]
    expect(first.textContent).toMatch(/from (ecs-0-0-0|internet)/)
    expect(within(first).getByTestId('changed-flow-alike').textContent).toMatch(/^and [\d,]+ more classes alike/)
  })
})
