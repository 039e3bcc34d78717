// A modal keeps the keyboard: Tab cycles through its own controls and never reaches the page behind it, Escape
// closes it wherever the focus is, and with two open only the topmost hears the keys.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Modal } from '../../../src/panels/dialogs/Modal'
import { Dialog } from '../../../src/panels/share/Dialog'

function Page({ onClose, onBehind }: { onClose(): void; onBehind(): void }) {
  return (
    <>
      <button type="button" onClick={onBehind}>
        Reject behind
      </button>
      <Modal title="Connect" onClose={onClose} testId="modal">
        <button type="button">Connect</button>
        <button type="button">Cancel</button>
      </Modal>
    </>
  )
}

function TwoDialogs() {
  const [inner, setInner] = useState(true)
  const [outer, setOuter] = useState(true)
  return outer ? (
    <Dialog title="Share link" onClose={() => setOuter(false)}>
      <button type="button">Copy</button>
      {inner && (
        <Modal title="Confirm" onClose={() => setInner(false)} testId="inner">
          <button type="button">Yes</button>
        </Modal>
      )}
    </Dialog>
  ) : null
}

describe('a modal dialog', () => {
  it('takes the focus, and Tab and Shift+Tab cycle inside it: Enter never reaches the page behind', async () => {
    const user = userEvent.setup()
    const behind = vi.fn()
    render(<Page onClose={() => {}} onBehind={behind} />)
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Connect' }))
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }))
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Connect' }))
    await user.tab({ shift: true })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }))
    await user.keyboard('{Enter}')
    expect(behind).not.toHaveBeenCalled()
    expect(screen.getByTestId('modal').getAttribute('aria-modal')).toBe('true')
  })

  it('Escape closes it even when the focus was moved out (by a click behind the dimmed page)', async () => {
    const user = userEvent.setup()
    const close = vi.fn()
    render(<Page onClose={close} onBehind={() => {}} />)
    screen.getByRole('button', { name: 'Reject behind' }).focus()
    // a Tab from outside comes back in
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Connect' }))
    screen.getByRole('button', { name: 'Reject behind' }).focus()
    await user.keyboard('{Escape}')
    expect(close).toHaveBeenCalledTimes(1)
  })

  it('with a dialog over another, Escape closes the topmost only', async () => {
    const user = userEvent.setup()
    render(<TwoDialogs />)
    await user.keyboard('{Escape}')
    expect(screen.queryByTestId('inner')).toBeNull()
    expect(screen.getByRole('dialog', { name: 'Share link' })).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Share link' })).toBeNull()
  })
})
