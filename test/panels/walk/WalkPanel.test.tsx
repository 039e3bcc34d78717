// The packet walk panel in jsdom, with the engine running in-process in place of the worker.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../src/model'
import { updateResource } from '../../../src/model/edits/basic'
import { createResource, type DropTarget, type PlaceableKind } from '../../../src/model/edits/create'
import { emptyDesign } from '../../../src/model/edits/empty'
import { WalkPanel } from '../../../src/panels/walk/WalkPanel'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import { TEST_ENGINE } from '../../engine'
import { loadExample } from '../../helpers'

function setup(): Stores {
  const stores = createStores(loadExample('two-zones'), {}, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <WalkPanel active />
    </StoresProvider>,
  )
  return stores
}

const focus = (stores: Stores) => stores.ui.getState().highlight?.focusId

// The player lights its first hop in an effect; on a loaded machine findBy can return before that effect
// has run, so wait for the highlight too.
async function traceDefault(stores: Stores) {
  fireEvent.click(screen.getByTestId('walk-trace'))
  await screen.findByTestId('trace-player')
  await waitFor(() => expect(stores.ui.getState().highlight).toBeTruthy())
}

describe('walk a packet', () => {
  it('traces the form’s packet and steps through it hop by hop, lighting the current hop', async () => {
    const stores = setup()
    await traceDefault(stores)
    expect(screen.getByTestId('walk-position').textContent).toBe('hop 1 of 10')
    expect(focus(stores)).toBe('internet-client')
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByTestId('walk-next'))
    expect(focus(stores)).toBe('gwlb-inspection')
    // the path so far stays lit
    expect(stores.ui.getState().highlight?.ids).toEqual([
      'internet-client',
      'igw-service',
      'gwlbe-h',
      'epsrv-inspection',
      'gwlb-inspection',
    ])
    const hop = screen.getByTestId('current-hop')
    expect(within(hop).getByTestId('outer-header').textContent).toMatch(
      /192\.168\.1\.5 → 192\.168\.2\.11 UDP 6081 \(Geneve\), 1568 bytes \(\+68\)/,
    )
    expect(within(hop).getByTestId('outer-header').textContent).toMatch(/Geneve options: gwlbEndpointId/)
    expect(within(hop).getAllByTestId('step-rule')[0].textContent).toMatch(
      /5TCH symmetric hash, across zones: 4 of 4 appliances eligible, chose fw-i1/,
    )
    // each step's action word and its text are apart in the text too, not only by a margin ("receivereceived")
    for (const li of within(hop).getAllByRole('listitem')) expect(li.textContent).toMatch(/^[a-z]+ \S/)
    fireEvent.click(screen.getByTestId('walk-back'))
    expect(focus(stores)).toBe('epsrv-inspection')
  })

  it('moves between hops with the arrow keys, but not while typing in a field', async () => {
    const stores = setup()
    await traceDefault(stores)
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    expect(focus(stores)).toBe('igw-service')
    fireEvent.keyDown(screen.getByLabelText('Address'), { key: 'ArrowRight' })
    expect(focus(stores)).toBe('igw-service')
    fireEvent.keyDown(window, { key: 'End' })
    expect(focus(stores)).toBe('ecs-web-1')
  })

  it('shows the reply on demand, from the server back to the client', async () => {
    const stores = setup()
    await traceDefault(stores)
    fireEvent.click(screen.getByTestId('walk-show-reply'))
    expect(screen.getByTestId('trace-player').getAttribute('data-leg')).toBe('reply')
    expect(screen.getByTestId('walk-packet').textContent).toBe(
      'Reply: 10.0.1.10:443 → 203.0.113.10:49152 TCP, 1500 bytes',
    )
    expect(focus(stores)).toBe('ecs-web-1')
    fireEvent.click(screen.getByRole('button', { name: 'Last hop' }))
    expect(focus(stores)).toBe('internet-client')
    expect(screen.getByTestId('walk-disposition').getAttribute('data-disposition')).toBe('DELIVERED')
  })

  it('ends a dropped packet in red on the resource that dropped it, with no reply', async () => {
    const stores = setup()
    fireEvent.change(screen.getByLabelText('Destination port'), { target: { value: '22' } })
    await traceDefault(stores)
    fireEvent.click(screen.getByRole('button', { name: 'Last hop' }))
    const end = screen.getByTestId('walk-disposition')
    expect(end.getAttribute('data-disposition')).toBe('APPLIANCE_DENIED')
    expect(end.textContent).toMatch(/Dropped by the appliance’s policy APPLIANCE_DENIED at Firewall/)
    expect(stores.ui.getState().highlight).toMatchObject({ tone: 'drop', focusId: expect.stringMatching(/^fw-/) })
    expect((screen.getByTestId('walk-show-reply') as HTMLButtonElement).disabled).toBe(true)
  })

  it('picks the source and then the destination from clicks on the canvas (the selection)', async () => {
    const stores = setup()
    fireEvent.click(screen.getByTestId('walk-pick'))
    act(() => stores.ui.getState().setSelection(['vpc-service']))
    expect(screen.getByText(/vpc-service cannot send/)).toBeTruthy()
    act(() => stores.ui.getState().setSelection(['ecs-web-2']))
    expect(screen.getByTestId('walk-pick-prompt').textContent).toMatch(/From ecs-web-2/)
    act(() => stores.ui.getState().setSelection(['update-server']))
    expect((screen.getByLabelText('Address') as HTMLInputElement).value).toBe('203.0.113.80')
    expect(screen.queryByTestId('walk-pick-prompt')).toBeNull()
    await traceDefault(stores)
    fireEvent.click(screen.getByRole('button', { name: 'Last hop' }))
    await waitFor(() => expect(focus(stores)).toBe('update-server'))
  })

  it('picks an internet host’s target by its EIP, and an inside one by its private address', async () => {
    const stores = setup()
    fireEvent.click(screen.getByTestId('walk-pick'))
    act(() => stores.ui.getState().setSelection(['internet-client']))
    act(() => stores.ui.getState().setSelection(['ecs-web-2']))
    expect((screen.getByLabelText('Address') as HTMLInputElement).value).toBe('47.98.10.12')
    fireEvent.click(screen.getByTestId('walk-pick'))
    act(() => stores.ui.getState().setSelection(['ecs-web-1']))
    act(() => stores.ui.getState().setSelection(['ecs-web-2']))
    expect((screen.getByLabelText('Address') as HTMLInputElement).value).toBe('10.0.2.10')
  })
})

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement
const edit = (stores: Stores, change: (d: Design) => Design) =>
  act(() => stores.design.getState().edit('test edit', change))
/** What File ▸ New does: an empty design in the same region. */
const newDesign = (stores: Stores) => edit(stores, (d) => emptyDesign(d))
function place(stores: Stores, kind: PlaceableKind, target: DropTarget): string {
  let id = ''
  edit(stores, (d) => {
    const r = createResource(d, kind, target)
    if (!r.ok) throw new Error(r.message)
    id = r.id
    return r.design
  })
  return id
}
const withoutDefaultRoute = (d: Design) => updateResource(d, 'rtb-app-h', 'routeTable', (t) => ({ ...t, entries: [] }))
const withDefaultRoute = (d: Design) =>
  updateResource(d, 'rtb-app-h', 'routeTable', (t) => ({
    ...t,
    entries: [{ destinationCidrBlock: '0.0.0.0/0', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'gwlbe-h' }],
  }))

describe('the form’s defaults come from the design on the canvas', () => {
  it('starts the reference design from its first internet host to the first server’s EIP', () => {
    setup()
    expect(field('From').value).toBe('internet-client')
    expect(field('Address').value).toBe('47.98.10.11')
    expect(screen.queryByTestId('walk-hint')).toBeNull()
  })

  it('after New, leaves the fields empty with a hint, then fills them from what is built', async () => {
    const stores = setup()
    newDesign(stores)
    expect(field('From').value).toBe('')
    expect(field('Address').value).toBe('')
    expect(screen.getByTestId('walk-hint').textContent).toMatch(/Nothing in this design can send a packet yet/)
    expect((screen.getByTestId('walk-trace') as HTMLButtonElement).disabled).toBe(true)

    const host = place(stores, 'internetHost', { kind: 'page' })
    const vpc = place(stores, 'vpc', { kind: 'page' })
    const vsw = place(stores, 'vswitch', { kind: 'vpc', vpcId: vpc })
    const server = place(stores, 'ecs', { kind: 'vswitch', vswitchId: vsw })
    expect(field('From').value).toBe(host)
    // from the internet only an EIP reaches a server: none yet, so nothing is invented
    expect(field('Address').value).toBe('')
    expect(screen.getByTestId('walk-hint').textContent).toMatch(/No ECS instance has an EIP/)

    edit(stores, (d) => updateResource(d, server, 'ecs', (r) => ({ ...r, publicIpAddress: '47.98.20.1' })))
    expect(field('Address').value).toBe('47.98.20.1')
    expect(screen.queryByTestId('walk-hint')).toBeNull()
    fireEvent.click(screen.getByTestId('walk-trace'))
    await screen.findByTestId('trace-player')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByTestId('hop-0').textContent).toMatch(/Internet host 1/)
  })

  it('sends from inside to another server’s private address when the design has no internet host', () => {
    const stores = setup()
    edit(stores, (d) => ({ ...d, resources: d.resources.filter((r) => r.kind !== 'internetHost') }))
    expect(field('From').value).toBe('ecs-web-1')
    expect(field('Address').value).toBe('10.0.2.10')
  })

  it('falls back to a default when the chosen source or the chosen address of the design is gone', () => {
    const stores = setup()
    fireEvent.change(field('From'), { target: { value: 'update-server' } })
    fireEvent.change(field('To'), { target: { value: '47.98.10.12' } })
    expect(field('Address').value).toBe('47.98.10.12')
    edit(stores, (d) => ({ ...d, resources: d.resources.filter((r) => r.id !== 'update-server') }))
    expect(field('From').value).toBe('internet-client')
    // the address chosen is still the design's: it stays
    expect(field('Address').value).toBe('47.98.10.12')
    edit(stores, (d) => updateResource(d, 'ecs-web-2', 'ecs', ({ publicIpAddress: _gone, ...r }) => r))
    expect(field('Address').value).toBe('47.98.10.11')
    // an address typed by hand is not the design's to take away
    fireEvent.change(field('Address'), { target: { value: '198.51.100.7' } })
    newDesign(stores)
    expect(field('Address').value).toBe('198.51.100.7')
  })
})

describe('a result follows the design', () => {
  async function traceOutbound(stores: Stores) {
    fireEvent.change(field('From'), { target: { value: 'ecs-web-1' } })
    fireEvent.change(field('Address'), { target: { value: '203.0.113.80' } })
    await traceDefault(stores)
  }
  const disposition = () => screen.getByTestId('walk-disposition')

  it('traces the packet again when the missing route is added, and relights the canvas', async () => {
    const stores = setup()
    edit(stores, withoutDefaultRoute)
    await traceOutbound(stores)
    expect(disposition().textContent).toMatch(/^Dropped: no route/)
    expect(stores.ui.getState().highlight).toMatchObject({ tone: 'drop', focusId: 'ecs-web-1' })
    fireEvent.click(screen.getByRole('button', { name: 'Last hop' }))

    edit(stores, withDefaultRoute)
    await waitFor(() => expect(disposition().getAttribute('data-disposition')).toBe('DELIVERED'))
    expect(disposition().textContent).not.toMatch(/no route/)
    expect(screen.getByTestId('walk-again').textContent).toMatch(/The design changed: traced again/)
    // the player stays on the hop it showed (the first, where it used to drop), now on the new path
    expect(screen.getByTestId('walk-position').textContent).toMatch(/^hop 1 of \d+/)
    await waitFor(() => expect(stores.ui.getState().highlight).toMatchObject({ tone: 'path', focusId: 'ecs-web-1' }))
    fireEvent.click(screen.getByRole('button', { name: 'Last hop' }))
    expect(focus(stores)).toBe('update-server')
  })

  it('clears the result and the path on the canvas when the design no longer has the packet’s source', async () => {
    const stores = setup()
    await traceDefault(stores)
    newDesign(stores)
    // the path leaves the canvas as the player unmounts, in React's passive cleanup just after the DOM is updated:
    // both are waited for (under load the DOM was seen updated before the cleanup had run)
    await waitFor(() => {
      expect(screen.queryByTestId('trace-player')).toBeNull()
      expect(stores.ui.getState().highlight).toBeNull()
    })
    expect(screen.getByTestId('walk-hint')).toBeTruthy()
  })

  it('leaves a highlight it did not put on the canvas (a lesson’s) alone', async () => {
    const stores = setup()
    await traceDefault(stores)
    const lesson = { ids: ['vpc-service'], tone: 'lesson' as const }
    act(() => stores.ui.getState().setHighlight(lesson))
    edit(stores, withoutDefaultRoute)
    await waitFor(() => expect(screen.getByTestId('walk-again')).toBeTruthy())
    expect(stores.ui.getState().highlight).toBe(lesson)
    newDesign(stores)
    await waitFor(() => expect(screen.queryByTestId('trace-player')).toBeNull())
    expect(stores.ui.getState().highlight).toBe(lesson)
  })
})

describe('rule numbers within a hop', () => {
  /** Each step of the current hop that names a rule: the number in its text and the one on its Rule line. */
  function numbers() {
    return within(screen.getByTestId('current-hop'))
      .getAllByTestId('step-rule')
      .map((rule) => {
        const text = (rule.parentElement?.textContent ?? '').split('Inner:')[0]
        return {
          text,
          rule: rule.textContent ?? '',
          inText: text.match(/rule (\d+)/)?.[1],
          inRule: rule.textContent?.match(/rule (\d+)/)?.[1],
        }
      })
      .filter((s) => s.inRule !== undefined)
  }

  it('says the same 1-based number in a step and on its Rule line, counted in the group’s one list as the inspector lists it', async () => {
    const stores = setup()
    await traceDefault(stores)
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    for (let i = 0; i < 4; i++) fireEvent.keyDown(window, { key: 'ArrowRight' })
    expect(focus(stores)).toMatch(/^fw-/)
    const atAppliance = numbers()
    expect(atAppliance.map((s) => s.text)).toEqual([
      expect.stringMatching(/sg-appliance rule 1 \(inbound, priority 1, accept: Geneve from the GWLB\) accepts it/),
      expect.stringMatching(/policy rule \d+/),
    ])
    expect(atAppliance[0].rule).toBe('Rule: Security group sg-appliance rule 1 (inbound: Geneve from the GWLB): accept')
    for (const s of atAppliance) expect(s.inText).toBe(s.inRule)
    expect(atAppliance[1].inText).not.toBe('0')
  })

  it('numbers the server’s outbound rule 3, its row in sg-web, in the step and on the Rule line', async () => {
    const stores = setup()
    fireEvent.change(field('From'), { target: { value: 'ecs-web-1' } })
    fireEvent.change(field('Address'), { target: { value: '203.0.113.80' } })
    await traceDefault(stores)
    const [sg] = numbers()
    expect(sg.text).toMatch(/sg-web rule 3 \(outbound, /)
    expect(sg.rule).toMatch(/^Rule: Security group sg-web rule 3 \(outbound\): accept$/)
  })

  it('traces a later packet of a connection: delivered after a short idle, FLOW_EXPIRED past the GWLB’s 350 s', async () => {
    const stores = setup()
    fireEvent.change(screen.getByLabelText('Packet'), { target: { value: 'established' } })
    const idle = () => screen.getByLabelText("Seconds since the connection's first packet")
    fireEvent.change(idle(), { target: { value: '60' } })
    await traceDefault(stores)
    const disposition = () => {
      fireEvent.keyDown(window, { key: 'End' })
      return screen.getByTestId('walk-disposition').getAttribute('data-disposition')
    }
    expect(disposition()).toBe('DELIVERED')
    fireEvent.change(idle(), { target: { value: '400' } })
    fireEvent.click(screen.getByTestId('walk-trace'))
    await waitFor(() => expect(disposition()).toBe('FLOW_EXPIRED'))
    expect(screen.getByTestId('walk-disposition').textContent).toMatch(/idle timeout/)
    // a new connection's first packet, whatever the idle field says, starts a flow
    fireEvent.change(screen.getByLabelText('Packet'), { target: { value: 'new' } })
    fireEvent.click(screen.getByTestId('walk-trace'))
    await waitFor(() => expect(disposition()).toBe('DELIVERED'))
  })
})
