// The design as a file: reading a file's text or bytes (JSON, or a PNG this app exported) through
// parse(), and writing the document as JSON text. Pure: the browser and the command line share it.
import { type Design, parse, serialise } from '../model'
import { fromUtf8 } from './bytes'
import { type DesignLoad, MAX_DESIGN_TEXT_BYTES, notOurs, withMessages } from './load'
import { isPng, readDesignFromPng } from './pngText'

/**
 * Reads a dropped or chosen file. Bytes may be UTF-8 JSON (a byte-order mark is allowed) or a PNG
 * exported by GWLB Studio. Never throws; on failure the caller keeps its current design.
 */
export function readDesignFile(input: string | Uint8Array): DesignLoad {
  if (typeof input !== 'string') {
    if (input.length > MAX_DESIGN_TEXT_BYTES && !isPng(input))
      return notOurs(
        'file',
        'GWLB-L001',
        `${input.length} bytes`,
        `a design file of at most ${MAX_DESIGN_TEXT_BYTES} bytes`,
      )
    if (isPng(input)) return readDesignFromPng(input)
    const text = fromUtf8(input)
    if (text === null) return notOurs('file', 'GWLB-L001', `${input.length} bytes`, 'UTF-8 text (JSON)')
    input = text
  }
  if (input.length > MAX_DESIGN_TEXT_BYTES)
    return notOurs(
      'file',
      'GWLB-L001',
      `${input.length} characters`,
      `a design file of at most ${MAX_DESIGN_TEXT_BYTES} bytes`,
    )
  return withMessages(parse(input.replace(/^\uFEFF/, '')), 'file')
}

/** The file's text: the document exactly as serialise() writes it (two-space JSON, schema order). */
export function writeDesignFile(design: Design): string {
  return serialise(design)
}

/** A file name from the design's name: lower case, words joined by "-", ending ".gwlb.json". */
export function designFileName(design: Design): string {
  const slug = design.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'design'}.gwlb.json`
}
