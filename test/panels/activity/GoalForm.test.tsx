// The author's goal form in jsdom: one set of fields per kind of goal, and the goal each makes.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Goal } from '../../../src/activities'
import { GoalForm } from '../../../src/panels/activity/goals/GoalForm'
import { loadExample } from '../../helpers'

function setup() {
  const design = loadExample('two-zones')
  const onAdd = vi.fn<(goal: Goal) => void>()
  render(<GoalForm design={design} onAdd={onAdd} />)
  const form = screen.getByTestId('author-goal-form')
  const add = () => fireEvent.click(within(form).getByTestId('author-goal-add'))
  const kind = (k: Goal['check']['kind']) =>
    fireEvent.change(within(form).getByTestId('author-goal-kind'), { target: { value: k } })
  return { design, onAdd, form, add, kind }
}

describe('the goal form', () => {
  it('adds a packet goal from the first sender to the first address, TCP 443, delivered through an appliance', () => {
    const { onAdd, form, add } = setup()
    const from = within(form).getByLabelText('From') as HTMLSelectElement
    const to = within(form).getByTestId('author-goal-to') as HTMLSelectElement
    add()
    expect(onAdd).toHaveBeenCalledTimes(1)
    const goal = onAdd.mock.calls[0][0]
    expect(goal).toMatchObject({ id: 'reach', points: 20, partial: false })
    expect(goal.title).toBe(`${from.value} → ${to.value}: delivered, inspected`)
    expect(goal.check).toEqual({
      kind: 'reach',
      packets: [{ source: from.value, destination: to.value, protocol: 'tcp', destinationPort: 443 }],
      expect: { outcome: 'delivered', inspected: true, symmetric: true },
    })
  })

  it('drops the port for ICMP and the appliance boxes for a dropped packet, and uses the title typed', () => {
    const { onAdd, form, add } = setup()
    fireEvent.change(within(form).getByLabelText('Protocol'), { target: { value: 'icmp' } })
    expect(within(form).queryByLabelText('Destination port')).toBeNull()
    fireEvent.change(within(form).getByLabelText('Outcome'), { target: { value: 'dropped' } })
    expect(within(form).queryByText('through an appliance')).toBeNull()
    const title = within(form).getByLabelText('Goal title') as HTMLInputElement
    fireEvent.change(title, { target: { value: '  Ping is dropped  ' } })
    add()
    const goal = onAdd.mock.calls[0][0]
    expect(goal.title).toBe('Ping is dropped')
    expect(goal.check).toMatchObject({ packets: [{ protocol: 'icmp' }], expect: { outcome: 'dropped' } })
    expect(goal.check.kind === 'reach' && goal.check.packets[0]).not.toHaveProperty('destinationPort')
    expect(title.value).toBe('')
  })

  it('keeps what was typed for a packet while another kind is shown', () => {
    const { form, kind } = setup()
    fireEvent.change(within(form).getByLabelText('Protocol'), { target: { value: 'udp' } })
    kind('lintClean')
    expect(within(form).queryByLabelText('Protocol')).toBeNull()
    kind('reach')
    expect((within(form).getByLabelText('Protocol') as HTMLSelectElement).value).toBe('udp')
  })

  it('asks for the resources to leave alone before it adds that goal', () => {
    const { design, onAdd, form, add, kind } = setup()
    kind('unchanged')
    add()
    expect(onAdd).not.toHaveBeenCalled()
    expect(within(form).getByRole('alert').textContent).toBe('Tick the resources the student must leave alone.')
    const first = design.resources[0]
    fireEvent.click(within(form).getByRole('checkbox', { name: new RegExp(`\\(${first.id}\\)`) }))
    add()
    expect(within(form).queryByRole('alert')).toBeNull()
    expect(onAdd.mock.calls[0][0]).toMatchObject({
      title: `Leave ${first.id} as they are`,
      check: { kind: 'unchanged', resources: [first.id] },
    })
  })

  it('takes an intent only as JSON', () => {
    const { onAdd, form, add, kind } = setup()
    kind('intent')
    const intent = within(form).getByLabelText('Intent')
    fireEvent.change(intent, { target: { value: '{"id": "web"' } })
    add()
    expect(onAdd).not.toHaveBeenCalled()
    expect(within(form).getByRole('alert').textContent).toMatch(/^The intent is not JSON: /)
    fireEvent.change(intent, { target: { value: '{"id": "web"}' } })
    fireEvent.change(within(form).getByRole('spinbutton'), { target: { value: '35' } })
    add()
    expect(onAdd.mock.calls[0][0]).toEqual({
      id: 'intent',
      title: 'The intent holds',
      points: 35,
      partial: false,
      check: { kind: 'intent', intent: { id: 'web' } },
    })
  })
})
