// The legend on the canvas is folded; the pictures' header takes the unfolded key beside it.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Legend } from '../../src/canvas/Legend'

describe('the legend', () => {
  it('is folded on the canvas, while the key the picture exports copy holds every line and packet', () => {
    render(<Legend />)
    const folded = screen.getByTestId('legend')
    expect(within(folded).queryByText('PrivateLink connection')).toBeNull()
    const key = screen.getByTestId('legend-key')
    for (const label of [
      'Route entry (destination → next hop)',
      'PrivateLink connection',
      'Server group member (Geneve)',
      'Packet inside Geneve (GWLB ↔ appliance)',
    ])
      expect(within(key).getByText(label)).toBeTruthy()
    fireEvent.click(within(folded).getByRole('button', { name: 'Legend ▸' }))
    expect(within(folded).getByText('PrivateLink connection')).toBeTruthy()
  })
})
