// The toolbar's Live button before and after the live session's code loads (src/app/LiveEntry.tsx): a press that
// begins on the stand-in and is released on the menu's own button, because the code arrived in between, still
// opens the menu — the browser fires no click for it.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LiveEntry } from '../../src/app/LiveEntry'
import { createStores, StoresProvider } from '../../src/store/context'
import { TEST_ENGINE } from '../engine'
import { loadExample } from '../helpers'

function studio() {
  const stores = createStores(loadExample('two-zones'), {}, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <LiveEntry />
    </StoresProvider>,
  )
  return stores
}

describe('the Live button while its code loads', () => {
  it('opens the menu for a press that began on the stand-in and ended on the loaded button', async () => {
    studio()
    const standIn = screen.getByTestId('live-menu')
    fireEvent.pointerDown(standIn)
    fireEvent.focus(standIn) // starts the load, as pointing at it does
    await waitFor(() => expect(standIn.isConnected).toBe(false), { timeout: 10_000 })
    const loaded = screen.getByTestId('live-menu')
    expect(screen.queryByRole('dialog', { name: 'Live session' })).toBeNull()
    act(() => {
      fireEvent.pointerUp(loaded)
    })
    expect(await screen.findByRole('dialog', { name: 'Live session' })).toBeTruthy()
  })

  it('stays closed when the press was released elsewhere', async () => {
    studio()
    const standIn = screen.getByTestId('live-menu')
    fireEvent.pointerDown(standIn)
    fireEvent.focus(standIn)
    await waitFor(() => expect(standIn.isConnected).toBe(false), { timeout: 10_000 })
    act(() => {
      fireEvent.pointerUp(document.body)
    })
    fireEvent.click(screen.getByTestId('live-menu'))
    // the one click opens it: the release elsewhere did not already (a second toggle would close it)
    expect(await screen.findByRole('dialog', { name: 'Live session' })).toBeTruthy()
  })

  it('opens the menu for a click on the stand-in, once loaded', async () => {
    studio()
    fireEvent.click(screen.getByTestId('live-menu'))
    expect(await screen.findByRole('dialog', { name: 'Live session' }, { timeout: 10_000 })).toBeTruthy()
  })
})
