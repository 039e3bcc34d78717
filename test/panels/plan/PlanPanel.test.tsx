// The Plan tab in jsdom, with the engine's code in-process: a plan built step by step shows its window on the
// timeline and the safe order of the same steps; the guide's orders are checked; a step the cloud would refuse
// and a malformed plan file are named, and the plan stays as it was.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PlanPanel } from '../../../src/panels/plan/PlanPanel'
import { planFor } from '../../../src/panels/plan/planStore'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import { TEST_ENGINE } from '../../engine'
import { loadExample } from '../../helpers'

function setup(): Stores {
  const stores = createStores(loadExample('two-zones'), {}, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <PlanPanel active />
    </StoresProvider>,
  )
  return stores
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
    expect(
      planFor(stores)
        .getState()
        .steps.map((s) => s.api),
    ).toEqual(['DeleteRouteEntry', 'DeleteVpcEndpoint'])
    fireEvent.click(screen.getByLabelText('Remove step 1'))
    expect(
      planFor(stores)
        .getState()
        .steps.map((s) => s.api),
    ).toEqual(['DeleteVpcEndpoint'])
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
    expect(planFor(stores).getState().steps).toHaveLength(1)
  })
})
