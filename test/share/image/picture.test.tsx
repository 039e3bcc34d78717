// The browser's PNG export holds to the same pixel cap as the command line, and says so before drawing.
import { describe, expect, it } from 'vitest'
import { pictureAsPng } from '../../../src/share/image/picture'
import { checkPictureSize, MAX_PICTURE_PIXELS, MAX_PICTURE_SIDE } from '../../../src/share/pictureSize'
import { loadExample } from '../../helpers'

describe('the PNG pixel cap', () => {
  it('allows up to 64 megapixels and 32,767 pixels a side, and names both when refusing', () => {
    expect(checkPictureSize(8192, 8192)).toEqual({ ok: true })
    expect(checkPictureSize(MAX_PICTURE_SIDE, Math.floor(MAX_PICTURE_PIXELS / MAX_PICTURE_SIDE))).toEqual({ ok: true })
    expect(checkPictureSize(MAX_PICTURE_SIDE + 1, 10)).toEqual({
      ok: false,
      problem:
        'the PNG would be 32,768 × 10 pixels (0 megapixels); PNG export stops at 64 megapixels and 32,767 pixels a side',
    })
    expect(checkPictureSize(8193, 8192).ok).toBe(false)
    expect(checkPictureSize(Number.NaN, 1).ok).toBe(false)
  })

  it('refuses a picture of a container 200,000 units wide before any canvas is made, offering SVG or a selection', async () => {
    const viewport = document.createElement('div')
    const request = {
      viewport,
      bounds: { x: 0, y: 0, width: 200_000, height: 600 },
      title: 'wide',
      subtitle: 'the whole design',
    }
    const made: string[] = []
    const create = document.createElement.bind(document)
    document.createElement = ((name: string) => {
      made.push(name)
      return create(name)
    }) as typeof document.createElement
    try {
      await expect(pictureAsPng(request, loadExample('single-zone'))).rejects.toThrow(
        /^the PNG would be 400,160 × 1,456 pixels \(556 megapixels\); PNG export stops at 64 megapixels and 32,767 pixels a side\. Export SVG instead, or select a part of the design and export the selection\.$/,
      )
    } finally {
      document.createElement = create
    }
    expect(made).not.toContain('canvas')
  })
})
