// The Compare tab in jsdom, with the engine's code in-process: the design against the one before the last edit —
// the changed field by name, the flow classes whose outcome changed, the canvas marks, and a class walked before
// and after side by side.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../src/model'
import { updateResource } from '../../../src/model/edits/basic'
import { ComparePanel } from '../../../src/panels/compare/ComparePanel'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import type { EngineConnection } from '../../../src/store/engine'
import type { DiffAnswer } from '../../../worker/proof'
import { TEST_ENGINE, worker } from '../../engine'
import { generateDesign } from '../../fixtures/engine/generate'
import { loadDesign, loadExample } from '../../helpers'

const GENERATED = {
  consumerVpcs: 3,
  zones: 1,
  serversPerZone: 1,
  appliancesPerZone: 2,
  hosts: 0,
  scheduler: '5TCH',
  crossZone: true,
  jumboFrames: true,
  stateful: true,
} as const

function setup(design: Design = loadExample('two-zones')): Stores {
  const stores = createStores(design, {}, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <ComparePanel active />
    </StoresProvider>,
  )
  return stores
}

/**
 * Six VPCs in two zones, one VPC's servers then routed straight to its IPv4 gateway, compared with the design before
 * that edit: some 285 changed entries, enough to take the worker a while and to fill more than one page of the list.
 */
function compareOneVpcRoutedOut(consumerVpcs = 6, stores = setup(generatedWith(consumerVpcs))) {
  stores.design.getState().edit('route straight out', (d) => routedOut(d, 'rtb-a-1-0'))
  fireEvent.change(screen.getByLabelText('The design on the canvas against'), { target: { value: 'last-edit' } })
}

function generatedWith(consumerVpcs: number): Design {
  return loadDesign(generateDesign({ ...GENERATED, consumerVpcs, zones: 2, hosts: 1 }))
}

/** The design with one route table's only route sent straight to the IPv4 gateway. */
function routedOut(d: Design, tableId: string): Design {
  return updateResource(d, tableId, 'routeTable', (t) => ({
    ...t,
    entries: [{ destinationCidrBlock: '0.0.0.0/0', nextHopType: 'Ipv4Gateway', nextHopId: 'igw-1' }],
  }))
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
  it('a name in a right-to-left script is isolated: each value of the change in its own <bdi>, the arrow between', async () => {
    const stores = setup()
    stores.design
      .getState()
      .edit('rename', (d) => updateResource(d, 'ecs-web-2', 'ecs', (r) => ({ ...r, name: 'שרת 2' })))
    fireEvent.change(screen.getByLabelText('The design on the canvas against'), { target: { value: 'last-edit' } })
    const changed = await screen.findByText(/~ changed/, {}, { timeout: 8000 })
    const line = within(changed.closest('li') as HTMLElement).getByText(/^name:/)
    const values = [...line.querySelectorAll('bdi')].map((b) => b.textContent)
    expect(values).toEqual([expect.stringMatching(/^".*"$/), '"שרת 2"'])
    expect(line.textContent).toBe(`name: ${values[0]} → "שרת 2"`)
  })

  it('three VPCs changed alike: the count of changed classes, one entry standing for the three', async () => {
    const generated = loadDesign(generateDesign(GENERATED))
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

  it('an entry standing for several classes: the second one picked is walked, and the dialog names its packet', async () => {
    const stores = setup()
    stores.design.getState().edit('restore Local', (d) =>
      updateResource(d, 'rtb-gateway', 'routeTable', (t) => ({
        ...t,
        entries: t.entries.filter((e) => e.destinationCidrBlock !== '10.0.1.0/24'),
      })),
    )
    fireEvent.change(screen.getByLabelText('The design on the canvas against'), { target: { value: 'last-edit' } })
    await screen.findAllByTestId('changed-flow-alike', {}, { timeout: 8000 })
    const entry = screen.getAllByTestId('changed-flow').find((f) => within(f).queryByTestId('changed-flow-alike'))
    fireEvent.click(within(entry as HTMLElement).getByTestId('compare-walk'))
    const dialog = await screen.findByTestId('compare-walk-dialog')
    const classes = within(dialog).getAllByTestId('compare-walk-class')
    expect(classes.length).toBeGreaterThan(1)
    expect(within(dialog).getByTestId('compare-walk-packet').textContent).toContain('→ 0.0.0.1:1 tcp')
    fireEvent.click(classes[1])
    expect(classes[1].getAttribute('aria-pressed')).toBe('true')
    await waitFor(() =>
      expect(within(dialog).getByTestId('compare-walk-packet').textContent).toBe(
        'Walking the packet ecs-web-1:49152 → 11.0.0.1:1 tcp',
      ),
    )
    // walked: the request goes out through the firewall, as before; the answer comes back uninspected
    await waitFor(() => expect(within(dialog).getByTestId('walk-after').textContent).toMatch(/Answer/))
    expect(within(dialog).getByTestId('walk-before').textContent).toMatch(/GWLBe H/)
    await waitFor(() => expect(stores.ui.getState().highlight?.focusId).toBe('ecs-web-1'))
    expect(stores.ui.getState().highlight?.ids).not.toContain('gwlbe-h')
  })

  it('says how far the worker has got, and a Cancel ends the comparison until asked again', async () => {
    // a design large enough that the comparison has pauses left when Cancel lands (six VPCs ended in 0.4 s idle)
    compareOneVpcRoutedOut(24)
    const status = screen.getByTestId('compare-status')
    // the first report comes after both designs are compiled: seconds on a loaded machine, not waitFor's one.
    // Cancel is pressed as the report is seen, before the comparison can run on to its end
    await waitFor(
      () => {
        expect(status.textContent).toMatch(/^Comparing… [\d,]+ of [\d,]+ classes walked in each design$/)
        fireEvent.click(screen.getByTestId('compare-cancel'))
      },
      { timeout: 8000 },
    )
    await waitFor(() => expect(status.getAttribute('data-status')).toBe('cancelled'), { timeout: 8000 })
    expect(status.textContent).toBe('The comparison was cancelled.')
    expect(screen.queryByTestId('changed-flow')).toBeNull()
    fireEvent.click(screen.getByTestId('compare-again'))
    await waitFor(() => expect(status.getAttribute('data-status')).toBe('done'), { timeout: 20000 })
    expect(screen.getAllByTestId('changed-flow').length).toBeGreaterThan(0)
  })

  it('leaving the tab cancels a comparison still running, and coming back compares again; so does closing it', async () => {
    // the worker's answers, as the page got them: a cancelled comparison answers that it was cancelled
    const answers: DiffAnswer[] = []
    let asked = 0
    const engine: EngineConnection = {
      ...TEST_ENGINE,
      worker: () => ({
        ...worker,
        diff: async (...args: Parameters<typeof worker.diff>) => {
          asked++
          const answer = await worker.diff(...args)
          answers.push(answer)
          return answer
        },
      }),
    }
    // large enough that the comparison has pauses left when the tab is left: 24 VPCs (as the Cancel test above)
    // were once compared to the end, idle, before the test could leave the tab
    const stores = createStores(generatedWith(48), {}, engine)
    const tab = (active: boolean) => (
      <StoresProvider stores={stores}>
        <ComparePanel active={active} />
      </StoresProvider>
    )
    const { rerender, unmount } = render(tab(true))
    compareOneVpcRoutedOut(48, stores)
    const status = screen.getByTestId('compare-status')
    const leaveWhileComparing = async (comparison: number, leave: () => void) => {
      await waitFor(
        () => {
          expect(asked).toBe(comparison)
          expect(status.textContent).toMatch(/^Comparing… [\d,]+ of [\d,]+ classes walked in each design$/)
          leave()
        },
        { timeout: 8000 },
      )
    }
    await leaveWhileComparing(1, () => rerender(tab(false)))
    await waitFor(() => expect(answers).toHaveLength(1), { timeout: 8000 })
    expect(answers[0]).toMatchObject({ ok: false, stopped: 'cancelled' })

    // back on the tab: the comparison runs again, to its end, and shows what changed
    rerender(tab(true))
    await waitFor(() => expect(status.getAttribute('data-status')).toBe('done'), { timeout: 20000 })
    expect(answers).toHaveLength(2)
    expect(answers[1].ok).toBe(true)
    expect(screen.getAllByTestId('changed-flow').length).toBeGreaterThan(0)

    // another edit starts another comparison; closing the panel while it runs cancels it too
    act(() => stores.design.getState().edit('route another straight out', (d) => routedOut(d, 'rtb-a-2-0')))
    await leaveWhileComparing(3, unmount)
    await waitFor(() => expect(answers).toHaveLength(3), { timeout: 8000 })
    expect(answers[2]).toMatchObject({ ok: false, stopped: 'cancelled' })
  })

  it('lists 60 changed entries at first, more on request, and walks one past the first 60', async () => {
    compareOneVpcRoutedOut()
    const more = await screen.findByTestId('compare-more', {}, { timeout: 20000 })
    const entries = Number(/of ([\d,]+)$/.exec(more.textContent ?? '')?.[1]?.replace(/,/g, ''))
    expect(entries).toBeGreaterThan(120)
    expect(screen.getAllByTestId('changed-flow')).toHaveLength(60)
    expect(screen.getByTestId('compare-flow-count').textContent).toMatch(/; the first 60 are shown$/)
    expect(more.textContent).toBe(`Show 60 more of ${entries.toLocaleString('en-US')}`)
    fireEvent.click(more)
    const listed = screen.getAllByTestId('changed-flow')
    expect(listed).toHaveLength(120)
    expect(screen.getByTestId('compare-flow-count').textContent).toMatch(/; the first 120 are shown$/)
    // the 61st entry walks its own class before and after
    const own = listed[60]?.querySelector('p')?.textContent ?? ''
    expect(own).toMatch(/^from \S+ to /)
    fireEvent.click(within(listed[60] as HTMLElement).getByTestId('compare-walk'))
    const dialog = await screen.findByTestId('compare-walk-dialog')
    await waitFor(() => expect(within(dialog).getByTestId('walk-after').textContent).toMatch(/Request/))
    expect(dialog.textContent).toContain(own)
  })
})
