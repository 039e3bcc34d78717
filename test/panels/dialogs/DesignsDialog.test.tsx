// Designs…: the stored designs newest first, the one on the canvas marked and kept from deletion; delete asks
// first and Undo brings the design back; a design that does not open offers Recover…; Escape closes.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createDesignRepo } from '../../../src/app/storage/designRepo'
import { createLocalSession } from '../../../src/app/storage/session'
import { serialise } from '../../../src/model'
import { Dialogs } from '../../../src/panels/dialogs/Dialogs'
import { createStores, StoresProvider } from '../../../src/store/context'
import { memoryKv } from '../../app/storage/memoryKv'
import { loadExample } from '../../helpers'

async function setup() {
  let clock = Date.parse('2026-12-01T10:00:00Z')
  const repo = createDesignRepo(memoryKv(), { now: () => (clock += 60_000) })
  const older = await repo.create({
    name: 'Older work',
    text: serialise({ ...loadExample('single-zone'), name: 'Older work' }),
  })
  // as boot leaves a design it could not open
  await repo.create({ name: 'Damaged', text: '{"name": "Damaged", "format": ', problem: 'not JSON' })
  const mine = { ...loadExample('two-zones'), name: 'On the canvas' }
  const current = await repo.create({ name: mine.name, text: serialise(mine) })
  const stores = createStores(mine)
  stores.library = createLocalSession(
    stores,
    { repo, tab: null, now: () => clock, tabId: 't' },
    { id: current.id, rev: current.rev, text: current.text },
  )
  stores.ui.getState().openDialog({ kind: 'designs' })
  render(
    <StoresProvider stores={stores}>
      <Dialogs />
    </StoresProvider>,
  )
  const dialog = await screen.findByRole('dialog', { name: 'Designs in this browser' })
  await within(dialog).findAllByTestId('design-entry')
  return { stores, repo, dialog, older }
}

describe('the Designs dialog', () => {
  it('lists the stored designs newest first and marks the one on the canvas, which it will not delete', async () => {
    const { dialog } = await setup()
    const rows = within(dialog).getAllByTestId('design-entry')
    expect(rows.map((r) => r.querySelector('p')?.textContent)).toEqual([
      'On the canvason the canvas',
      'Damageddoes not open',
      'Older work',
    ])
    expect(within(dialog).getByRole('button', { name: 'Open On the canvas' })).toHaveProperty('disabled', true)
    expect(within(dialog).getByRole('button', { name: 'Delete On the canvas' })).toHaveProperty('disabled', true)
    expect(within(dialog).getByRole('button', { name: 'Recover Damaged' })).toBeTruthy()
  })

  it('deletes only after a confirmation, and Undo puts the design back', async () => {
    const { dialog, repo, older } = await setup()
    const user = userEvent.setup()
    await user.click(within(dialog).getByRole('button', { name: 'Delete Older work' }))
    expect(await repo.get(older.id)).toBeDefined()
    const confirm = within(dialog).getByRole('button', { name: 'Delete' })
    // the confirmation takes the focus: Enter confirms
    expect(document.activeElement).toBe(confirm)
    await user.keyboard('{Enter}')
    await within(dialog).findByText('Deleted "Older work" from this browser.')
    expect(await repo.get(older.id)).toBeUndefined()
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }))
    await waitFor(async () => expect((await repo.get(older.id))?.text).toBe(older.text))
    await within(dialog).findByRole('button', { name: 'Open Older work' })
  })

  it('opens another design in place of the one on the canvas, and closes', async () => {
    const { dialog, stores } = await setup()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open Older work' }))
    await waitFor(() => expect(stores.design.getState().design.name).toBe('Older work'))
    expect(stores.ui.getState().dialog).toBeNull()
  })

  it('closes with Escape', async () => {
    const { stores } = await setup()
    await userEvent.setup().keyboard('{Escape}')
    expect(stores.ui.getState().dialog).toBeNull()
  })
})
