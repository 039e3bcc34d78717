// An export that fails says what failed: html-to-image rejects with the image's error Event when the browser cannot
// load its copy of the canvas, which used to reach the notice bar as "[object Event]".
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { failureReason } from '../../../src/share/image/failure'

describe('the reason an export failed', () => {
  it('says the browser could not load its picture of the canvas for an image’s error Event, and offers SVG', () => {
    const image = document.createElement('img')
    let rejected: unknown
    image.addEventListener('error', (e) => {
      rejected = e
    })
    image.dispatchEvent(new Event('error'))
    const reason = failureReason(rejected)
    expect(reason).not.toContain('[object')
    expect(reason).toBe(
      'the browser could not load the picture it made of the canvas (an error event from its <img>): the copy of the canvas is not an image it can draw. Export SVG instead, which is drawn another way.',
    )
  })

  it('keeps an Error’s own message', () => {
    expect(failureReason(new Error('nothing is selected'))).toBe('nothing is selected')
  })
})
