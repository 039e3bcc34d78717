// The Verify tab in jsdom, with the engine's code in-process in place of the worker: the built-in intents hold on
// the reference design, a broken route makes one fail with its counterexample, and one click plays it in the Walk
// tab; an intents file naming a missing resource is refused with the intent's id.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { updateResource } from '../../../src/model/edits/basic'
import { lessonRunnerFor } from '../../../src/panels/lessons/useLessons'
import { VerifyPanel } from '../../../src/panels/verify/VerifyPanel'
import { WalkPanel } from '../../../src/panels/walk/WalkPanel'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import { TEST_ENGINE } from '../../engine'
import { loadExample } from '../../helpers'

function setup(): Stores {
  const stores = createStores(loadExample('two-zones'), {}, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <VerifyPanel active />
      <WalkPanel active={false} />
    </StoresProvider>,
  )
  return stores
}

const intent = (id: string) => screen.getByTestId(`intent-${id}`)

/** The gateway sends vSwitch H's block straight to it again: inbound traffic to server 1 skips the GWLBe. */
function breakGatewayRoute(stores: Stores) {
  stores.design.getState().edit('restore Local', (d) =>
    updateResource(d, 'rtb-gateway', 'routeTable', (t) => ({
      ...t,
      entries: t.entries.filter((e) => e.destinationCidrBlock !== '10.0.1.0/24'),
    })),
  )
}

describe('verify', () => {
  it('lists the built-in intents as holding on reference design (b), with the class count', async () => {
    setup()
    await screen.findByTestId('intent-inbound-inspected')
    for (const id of [
      'inbound-inspected',
      'inbound-delivered',
      'outbound-inspected',
      'no-black-hole-or-loop',
      'appliances-isolated',
    ])
      expect(intent(id).dataset.status).toBe('holds')
    expect(screen.getByTestId('verify-status').textContent).toBe('6,480 flow classes checked')
  })

  it('every appliance stopped: the inspection intents still hold, and inbound-delivered shows the dropped packet', async () => {
    const stores = setup()
    await screen.findByTestId('intent-inbound-inspected')
    stores.design.getState().edit('stop every appliance', (d) => ({
      ...d,
      resources: d.resources.map((r) => (r.kind === 'appliance' ? { ...r, state: 'stopped' as const } : r)),
    }))
    await waitFor(() => expect(intent('inbound-delivered').dataset.status).toBe('violated'))
    const counter = within(intent('inbound-delivered')).getByTestId('counterexample')
    expect(counter.textContent).toMatch(/the packet ends NO_HEALTHY_APPLIANCE/)
    expect(within(counter).getByTestId('counterexample-packet').textContent).toMatch(/→ 47\.98\.10\.11/)
    expect(intent('inbound-inspected').dataset.status).toBe('holds')
  })

  it('no server with an EIP: inbound-delivered applies to no flow class, and holds', async () => {
    const stores = setup()
    await screen.findByTestId('intent-inbound-inspected')
    stores.design.getState().edit('release the EIPs', (d) => ({
      ...d,
      resources: d.resources.map((r) => {
        if (r.kind !== 'ecs') return r
        const { publicIpAddress: _released, ...rest } = r
        return rest
      }),
    }))
    await waitFor(() =>
      expect(intent('inbound-delivered').textContent).toContain('applies to no flow class of this design'),
    )
    expect(intent('inbound-delivered').dataset.status).toBe('holds')
  })

  it('a broken route: the intent fails with a counterexample that plays in the Walk tab, through no GWLBe', async () => {
    const stores = setup()
    await screen.findByTestId('intent-inbound-inspected')
    breakGatewayRoute(stores)
    await waitFor(() => expect(intent('inbound-inspected').dataset.status).toBe('violated'))
    const counter = within(intent('inbound-inspected')).getByTestId('counterexample')
    expect(counter.textContent).toMatch(/without crossing an appliance/)
    expect(within(counter).getByTestId('counterexample-packet').textContent).toMatch(/→ 47\.98\.10\.11/)
    // the others still hold
    expect(intent('no-black-hole-or-loop').dataset.status).toBe('holds')

    fireEvent.click(screen.getByTestId('play-inbound-inspected'))
    expect(lessonRunnerFor(stores).getState().tab).toBe('walk')
    expect((await screen.findByTestId('walk-opened-from')).textContent).toMatch(/^Counterexample of inbound-inspected/)
    await screen.findByTestId('trace-player')
    // it plays: the canvas lights the path as the player moves on, and the packet reaches the server unseen
    await waitFor(() => expect(stores.ui.getState().highlight?.focusId).toBe('ecs-web-1'), { timeout: 8000 })
    expect(stores.ui.getState().highlight?.ids).not.toContain('gwlbe-h')
    expect(screen.getByTestId('walk-disposition').dataset.disposition).toBe('DELIVERED')
  })

  it('an intents file naming a missing resource: refused with the intent and the path, nothing checked', async () => {
    setup()
    await screen.findByTestId('intent-inbound-inspected')
    fireEvent.click(screen.getByTestId('intents-edit'))
    fireEvent.change(screen.getByLabelText('Intents (JSON)'), {
      target: {
        value: JSON.stringify({
          format: 'gwlb-studio/intents',
          version: 1,
          intents: [
            { id: 'to-nowhere', from: 'internet', to: { resources: ['ecs-nowhere'] }, expect: { reach: 'delivered' } },
          ],
        }),
      },
    })
    fireEvent.click(screen.getByTestId('intents-apply'))
    const errors = await screen.findByTestId('intent-errors')
    expect(errors.textContent).toMatch(
      /Intent "to-nowhere" at intents\[0\]\.to\.resources\[0\]: no resource "ecs-nowhere"/,
    )
    expect(screen.queryByTestId('intent-inbound-inspected')).toBeNull()
  })

  it('a user intent is checked beside the built-in ones', async () => {
    setup()
    await screen.findByTestId('intent-inbound-inspected')
    fireEvent.click(screen.getByTestId('intents-edit'))
    // the editor starts from an example: HTTPS from the internet reaches every server, inspected both ways
    fireEvent.click(screen.getByTestId('intents-apply'))
    await waitFor(() => expect(intent('https-in').dataset.status).toBe('holds'))
    expect(screen.getByTestId('intents-source').textContent).toBe('Built-in intents and typed intents')
  })
})
