// The largest picture GWLB Studio rasterises, for the browser's PNG export and the command line's alike.
// Pure: no DOM, so both import it. Beyond it a browser's canvas fails silently (Chromium refuses canvases past
// 32,767 pixels a side or about 268 million pixels) and a rasteriser holds 4 bytes a pixel in memory.

/** The longest side, in pixels: the largest canvas side Chromium and Firefox draw. */
export const MAX_PICTURE_SIDE = 32_767

/** At most 64 megapixels, 256 MB of RGBA: an 8,000 × 8,000 PNG, far more than a screen or a page shows. */
export const MAX_PICTURE_PIXELS = 64 * 1024 * 1024

export type PictureSizeCheck = { ok: true } | { ok: false; problem: string }

const grouped = (n: number) => Math.round(n).toLocaleString('en-US')

/** Whether a picture of width × height pixels may be drawn, and if not, a sentence with the size and the cap. */
export function checkPictureSize(width: number, height: number): PictureSizeCheck {
  const pixels = width * height
  if (
    Number.isFinite(pixels) &&
    width <= MAX_PICTURE_SIDE &&
    height <= MAX_PICTURE_SIDE &&
    pixels <= MAX_PICTURE_PIXELS
  )
    return { ok: true }
  const mp = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en-US')} megapixels`
  return {
    ok: false,
    problem: `the PNG would be ${grouped(width)} × ${grouped(height)} pixels (${mp(pixels)}); PNG export stops at ${mp(MAX_PICTURE_PIXELS)} and ${grouped(MAX_PICTURE_SIDE)} pixels a side`,
  }
}
