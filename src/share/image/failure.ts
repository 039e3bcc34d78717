// What an export's failure says. html-to-image copies the canvas into an SVG image and draws that; when the
// browser cannot load the image, it rejects with the image's error Event, which prints as "[object Event]".

/** The reason an export failed, in words: an Error's message, or what a rejected Event means. */
export function failureReason(e: unknown): string {
  if (e instanceof Error) return e.message
  if (typeof Event !== 'undefined' && e instanceof Event)
    return `the browser could not load the picture it made of the canvas (an ${e.type} event from ${targetName(e)}): the copy of the canvas is not an image it can draw. Export SVG instead, which is drawn another way.`
  return String(e)
}

function targetName(e: Event): string {
  const t = e.target as { tagName?: unknown } | null
  return typeof t?.tagName === 'string' ? `its <${t.tagName.toLowerCase()}>` : 'the page'
}
