// The ? overlay lists every key the app answers to, the walk's and the lessons' included.
import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { HelpOverlay } from '../../../src/panels/dialogs/HelpOverlay'
import { commandOf } from '../../../src/panels/shortcuts'
import { createStores, StoresProvider } from '../../../src/store/context'
import { loadExample } from '../../helpers'

describe('the keyboard shortcuts overlay', () => {
  it('names the editing keys and the keys that step through a packet walk and a lesson', () => {
    render(
      <StoresProvider stores={createStores(loadExample('two-zones'))}>
        <HelpOverlay />
      </StoresProvider>,
    )
    const rows = within(screen.getByTestId('help-overlay'))
      .getAllByRole('row')
      .map((r) => r.textContent)
    for (const expected of [
      /^Ctrl\+ZUndo$/,
      /Ctrl\+YRedo/,
      /Home \/ End.*Walk a packet/,
      /PageUp \/ PageDown.*lesson/,
      /^FFit the whole design into the window$/,
    ])
      expect(
        rows.some((r) => expected.test(r ?? '')),
        String(expected),
      ).toBe(true)
  })
})

describe('the F key', () => {
  it('asks the canvas to fit the design, and not while typing in a field', () => {
    const stores = createStores(loadExample('two-zones'))
    expect(commandOf({ key: 'f', ctrlKey: false, metaKey: false, shiftKey: false }, false)).toBe('fit')
    expect(commandOf({ key: 'f', ctrlKey: false, metaKey: false, shiftKey: false }, true)).toBeNull()
    const before = stores.ui.getState().fitRequests
    stores.ui.getState().requestFit()
    expect(stores.ui.getState().fitRequests).toBe(before + 1)
  })
})
