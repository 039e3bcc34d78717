// How finely the overview bitmap is drawn: at the zoom's power of two (so zooming within a step scales the
// one bitmap, and only crossing a step draws it again), never coarser than the screen, and never more than a
// pixel budget, which bounds its memory on a design of any size.

/** 16 million pixels: 64 MB of bitmap, about what the DOM of a 2,000-resource design costs the browser. */
export const PIXEL_BUDGET = 16e6

/** Bitmap pixels per flow unit for a view at `zoom` on a screen of `pixelRatio`, for an area of `area` flow units². */
export function overviewScale(zoom: number, pixelRatio: number, area: number): number {
  const wanted = 2 ** Math.ceil(Math.log2(Math.max(zoom * pixelRatio, 1 / 256)))
  return area > 0 ? Math.min(wanted, Math.sqrt(PIXEL_BUDGET / area)) : wanted
}

/**
 * One screen pixel in flow units, for thin strokes and the smallest text, on a bitmap of `scale`: the bitmap
 * serves zooms from half its scale to its scale, so this is the pixel in the middle of that range (a hairline
 * drawn one bitmap pixel wide would fade to half a pixel at the far end, and vanish in the downscale).
 */
export function screenPixel(scale: number, pixelRatio: number): number {
  return (1.5 * pixelRatio) / scale
}
