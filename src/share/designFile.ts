// The design as a file: reading a file's text or bytes (JSON, or a PNG this app exported) through
// parse(), and writing the document as JSON text. Pure: the browser and the command line share it.
import { parse } from '../model'
import { fromUtf8 } from './bytes'
import {
  type DesignLoad,
  type DesignRefusal,
  MAX_DESIGN_TEXT_BYTES,
  MAX_IMAGE_FILE_BYTES,
  notOurs,
  tooLarge,
  withMessages,
} from './load'
import { isPng, readDesignFromPng } from './pngText'

// the writing side lives apart (saving needs none of the reader's code); callers may take it from here too
export { designFileName, writeDesignFile } from './designFileWrite'

/**
 * Whether a file of `size` bytes may be read at all, from its first bytes (at least 8, to tell a PNG):
 * the one size check for every file, done before the file is read whole. A PNG may be larger than a design,
 * since the picture is most of it; its design chunk is held to the design cap when it is read. Null: go on.
 */
export function refuseBySize(size: number, head: Uint8Array): DesignRefusal | null {
  if (isPng(head))
    return size > MAX_IMAGE_FILE_BYTES
      ? tooLarge(
          'image',
          `${size} bytes`,
          `a PNG of at most ${MAX_IMAGE_FILE_BYTES} bytes; open the design's JSON file instead`,
        )
      : null
  // a byte-order mark is not part of the design
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0
  return size - bom > MAX_DESIGN_TEXT_BYTES
    ? tooLarge('file', `${size} bytes`, `a design file of at most ${MAX_DESIGN_TEXT_BYTES} bytes`)
    : null
}

/**
 * Reads a dropped or chosen file. Bytes may be UTF-8 JSON (a byte-order mark is allowed) or a PNG
 * exported by GWLB Studio. Never throws; on failure the caller keeps its current design.
 */
export function readDesignFile(input: string | Uint8Array): DesignLoad {
  if (typeof input !== 'string') {
    const refused = refuseBySize(input.length, input)
    if (refused) return refused
    if (isPng(input)) return readDesignFromPng(input)
    const text = fromUtf8(input)
    if (text === null) return notOurs('file', 'GWLB-L001', `${input.length} bytes`, 'UTF-8 text (JSON)')
    input = text
  }
  // parse() counts the bytes too; this refuses a huge string before the byte-order mark is stripped
  if (input.length > MAX_DESIGN_TEXT_BYTES + 1)
    return tooLarge('file', `${input.length} characters`, `a design file of at most ${MAX_DESIGN_TEXT_BYTES} bytes`)
  return withMessages(parse(input.replace(/^\uFEFF/, '')), 'file')
}
