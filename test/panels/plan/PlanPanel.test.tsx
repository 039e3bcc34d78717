// The Plan tab in jsdom, with the engine's code in-process: a plan built step by step shows its window on the
// timeline and the safe order of the same steps; the guide's orders are checked; a step the cloud would refuse
// and a malformed plan file are named, and the plan stays as it was. The plan is the design's: every change of it
// undoable, a guide's order loaded over it one Undo away, and it comes back with the design.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { type Design, parse, serialise } from '../../../src/model'
import { NoticeBar } from '../../../src/panels/NoticeBar'
import { PlanPanel } from '../../../src/panels/plan/PlanPanel'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import { TEST_ENGINE } from '../../engine'
import { loadExample } from '../../helpers'

function setup(design: Design = loadExample('two-zones'), options: { readOnly?: boolean } = {}): Stores {
  const stores = createStores(design, options, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <NoticeBar />
      <PlanPanel active />
    </StoresProvider>,
  )
  return stores
}

/** The steps as the tab lists them, each by its API. */
function listedApis(): string[] {
  return screen.getAllByTestId(/^plan-step-\d+$/).map((li) => li.textContent?.match(/^\d+\.(\w+)/)?.[1] ?? '')
}

function stepsOf(stores: Stores): string[] {
  return (stores.design.getState().design.plan?.steps ?? []).map((s) => s.api)
}

function addStep(api: string, parameters: Record<string, string>) {
  fireEvent.change(screen.getByLabelText('API of the new step'), { target: { value: api } })
  fireEvent.click(screen.getByTestId('plan-add-step'))
  const editor = screen.getByTestId('step-editor')
  for (const [key, value] of Object.entries(parameters))
    fireEvent.change(within(editor).getByLabelText(key), { target: { value } })
}

describe('change plan', () => {
  it('the GWLBe deleted before its routes: a black-holed window on the timeline, and the safe order offered', async () => {
    setup()
    addStep('DeleteVpcEndpoint', { EndpointId: 'gwlbe-h' })
    addStep('DeleteRouteEntry', { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '0.0.0.0/0' })
    addStep('UpdateGatewayRouteTableEntryAttribute', {
      IPv4GatewayRouteTableId: 'rtb-gateway',
      DestinationCidrBlock: '10.0.1.0/24',
      NextHopType: 'Local',
    })
    const window = await screen.findByTestId('plan-window', {}, { timeout: 8000 })
    expect(window.dataset).toMatchObject({ kind: 'black-holed', from: '1', to: '2' })
    expect(screen.getByTestId('plan-state-0').dataset.trouble).toBeUndefined()
    expect(screen.getByTestId('plan-state-2').dataset.trouble).toBe('black-holed')
    // the intent that nothing ends in a black hole fails in between, and so does delivery to server 1's EIP
    expect(screen.getAllByTestId('plan-intent-window').map((w) => w.textContent)).toEqual([
      expect.stringMatching(/^Intent inbound-delivered holds before and after the plan, not from after step 1/),
      expect.stringMatching(/^Intent no-black-hole-or-loop holds before and after the plan, not from after step 1/),
    ])
    const safe = screen.getByTestId('plan-safe-order')
    expect(safe.textContent).toMatch(/2, 3, 1/)
    fireEvent.click(within(safe).getByRole('button', { name: 'Use this order' }))
    await screen.findByTestId('plan-no-window', {}, { timeout: 8000 })
    expect(screen.getByTestId('plan-step-3').textContent).toMatch(/DeleteVpcEndpoint/)
  })

  it('reorders and removes steps with their buttons', () => {
    const stores = setup()
    addStep('DeleteVpcEndpoint', { EndpointId: 'gwlbe-h' })
    addStep('DeleteRouteEntry', { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '0.0.0.0/0' })
    fireEvent.click(screen.getByLabelText('Move step 2 up'))
    expect(stepsOf(stores)).toEqual(['DeleteRouteEntry', 'DeleteVpcEndpoint'])
    fireEvent.click(screen.getByLabelText('Remove step 1'))
    expect(stepsOf(stores)).toEqual(['DeleteVpcEndpoint'])
  })

  it("checks the guide's setup and teardown of the design: no window", async () => {
    setup()
    await waitFor(() => expect(screen.getByTestId('guide-teardown').textContent).toMatch(/no window/), {
      timeout: 15000,
    })
    expect(screen.getByTestId('guide-setup').textContent).toMatch(/Setup \(11 steps\): no window/)
    fireEvent.click(screen.getByTestId('plan-guide-teardown'))
    await screen.findByTestId('plan-no-window', {}, { timeout: 8000 })
    expect(screen.getAllByTestId(/^plan-step-/)).toHaveLength(8)
  })

  it('a step the cloud would refuse is named; a malformed plan file is refused and the plan stays', async () => {
    const stores = setup()
    addStep('DeleteVpc', { VpcId: 'vpc-service' })
    const refused = await screen.findByTestId('plan-refused')
    expect(refused.textContent).toMatch(
      /^Step 1 \(DeleteVpc\) would be refused by the cloud at that point: VPC vpc-service still holds/,
    )
    expect(screen.getByTestId('plan-step-1').dataset.refused).toBe('true')

    const file = new File(
      [JSON.stringify({ format: 'gwlb-studio/plan', version: 1, steps: [{ api: 'DeleteVpc' }] })],
      'bad.json',
    )
    fireEvent.change(screen.getByLabelText('Plan file'), { target: { files: [file] } })
    const error = await screen.findByTestId('plan-file-error')
    expect(error.textContent).toMatch(/bad\.json: step 1: steps\[0\]\.parameters/)
    expect(stepsOf(stores)).toEqual(['DeleteVpc'])
  })
})

describe("the plan is the design's", () => {
  it("the guide's teardown loaded over a plan: the notice says so, and its Undo brings the plan back", async () => {
    const stores = setup()
    addStep('DeleteVpcEndpoint', { EndpointId: 'gwlbe-h' })
    addStep('DeleteRouteEntry', { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '0.0.0.0/0' })
    fireEvent.click(screen.getByTestId('plan-guide-teardown'))
    expect(screen.getAllByTestId(/^plan-step-\d+$/)).toHaveLength(8)
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe("Change plan: The guide's teardown")
    const notice = screen.getByTestId('notice')
    expect(notice.textContent).toMatch(
      /^Loaded the guide’s teardown as the plan\.Undo \(Ctrl\+Z\) brings back your plan \(2 steps\)\./,
    )
    fireEvent.click(within(notice).getByRole('button', { name: 'Undo' }))
    expect(listedApis()).toEqual(['DeleteVpcEndpoint', 'DeleteRouteEntry'])
    expect(screen.getByTestId('plan-step-1').textContent).toMatch(/EndpointId=gwlbe-h/)
    expect(screen.queryByTestId('notice')).toBeNull()
    expect(stores.design.getState().design.plan?.name).toBeUndefined()
  })

  it('the Undo of the notice brings the plan back even after the loaded order was edited', () => {
    setup()
    addStep('DeleteVpcEndpoint', { EndpointId: 'gwlbe-h' })
    fireEvent.click(screen.getByTestId('plan-guide-setup'))
    expect(screen.getByLabelText<HTMLSelectElement>('Starts from').value).toBe('prerequisites')
    fireEvent.click(screen.getByLabelText('Remove step 1'))
    const notice = screen.getByTestId('notice')
    expect(notice.textContent).toMatch(/your plan \(1 step\)/)
    fireEvent.click(within(notice).getByRole('button', { name: 'Undo' }))
    expect(listedApis()).toEqual(['DeleteVpcEndpoint'])
    expect(screen.getByLabelText<HTMLSelectElement>('Starts from').value).toBe('design')
  })

  it('Clear and a plan file over a plan are one Undo away too; over no plan, nothing is said', async () => {
    setup()
    fireEvent.click(screen.getByTestId('plan-guide-teardown'))
    expect(screen.queryByTestId('notice')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.queryAllByTestId(/^plan-step-\d+$/)).toHaveLength(0)
    expect(screen.getByTestId('notice').textContent).toMatch(
      /^Cleared the plan\.Undo \(Ctrl\+Z\) brings back your plan "The guide's teardown" \(8 steps\)\./,
    )
    fireEvent.click(within(screen.getByTestId('notice')).getByRole('button', { name: 'Undo' }))
    expect(screen.getAllByTestId(/^plan-step-\d+$/)).toHaveLength(8)

    const file = new File(
      [
        JSON.stringify({
          format: 'gwlb-studio/plan',
          version: 1,
          steps: [{ api: 'DeleteVpcEndpoint', parameters: { EndpointId: 'gwlbe-i' }, note: 'kept in the file' }],
        }),
      ],
      'one.json',
    )
    fireEvent.change(screen.getByLabelText('Plan file'), { target: { files: [file] } })
    const notice = await screen.findByTestId('notice')
    expect(notice.textContent).toMatch(/^Opened the plan file one\.json\./)
    expect(listedApis()).toEqual(['DeleteVpcEndpoint'])
    fireEvent.click(within(notice).getByRole('button', { name: 'Undo' }))
    expect(screen.getAllByTestId(/^plan-step-\d+$/)).toHaveLength(8)
  })

  it('adding, editing, moving and removing a step are each one Undo', () => {
    const stores = setup()
    addStep('DeleteVpcEndpoint', { EndpointId: 'gwlbe-h' })
    addStep('DeleteRouteEntry', {})
    fireEvent.click(screen.getByLabelText('Move step 2 up'))
    fireEvent.click(screen.getByLabelText('Remove step 2'))
    expect(listedApis()).toEqual(['DeleteRouteEntry'])
    const undo = () => act(() => stores.design.getState().undo())
    undo() // the remove
    expect(listedApis()).toEqual(['DeleteRouteEntry', 'DeleteVpcEndpoint'])
    undo() // the move
    expect(listedApis()).toEqual(['DeleteVpcEndpoint', 'DeleteRouteEntry'])
    undo() // the second add
    expect(listedApis()).toEqual(['DeleteVpcEndpoint'])
    expect(screen.getByTestId('plan-step-1').textContent).toMatch(/EndpointId=gwlbe-h/)
    undo() // the parameter typed in
    expect(screen.getByTestId('plan-step-1').textContent).not.toMatch(/EndpointId/)
    undo() // the first add: no plan, and the design is as it was
    expect(screen.queryAllByTestId(/^plan-step-\d+$/)).toHaveLength(0)
    expect(stores.design.getState().design).toEqual(loadExample('two-zones'))
  })

  it('is saved with the design: its text holds the plan, and the design opened from it shows the same plan', () => {
    const stores = setup()
    addStep('DeleteVpcEndpoint', { EndpointId: 'gwlbe-h' })
    addStep('DeleteRouteEntry', { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '0.0.0.0/0' })
    fireEvent.change(screen.getByLabelText('Starts from'), { target: { value: 'prerequisites' } })
    const text = serialise(stores.design.getState().design)
    const opened = parse(text)
    if (!opened.ok) throw new Error(opened.errors.map((e) => e.message).join('\n'))
    expect(opened.design.plan).toEqual({
      from: 'prerequisites',
      steps: [
        { api: 'DeleteVpcEndpoint', parameters: { EndpointId: 'gwlbe-h' } },
        {
          api: 'DeleteRouteEntry',
          parameters: { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '0.0.0.0/0' },
        },
      ],
    })
    cleanup()
    setup(opened.design)
    expect(listedApis()).toEqual(['DeleteVpcEndpoint', 'DeleteRouteEntry'])
    expect(screen.getByLabelText<HTMLSelectElement>('Starts from').value).toBe('prerequisites')
  })

  it('read-only: the plan the design carries is shown, and cannot be changed', () => {
    const design = {
      ...loadExample('two-zones'),
      plan: { steps: [{ api: 'DeleteVpc', parameters: { VpcId: 'vpc-a' } }] },
    }
    setup(design, { readOnly: true })
    expect(listedApis()).toEqual(['DeleteVpc'])
    expect(screen.getByText('This design is read-only: make your copy to change its plan.')).toBeTruthy()
    expect(screen.getByTestId('plan-add-step').matches(':disabled')).toBe(true)
    expect(screen.getByLabelText('Remove step 1').matches(':disabled')).toBe(true)
    expect(screen.getByTestId('plan-guide-setup').matches(':disabled')).toBe(true)
  })
})
