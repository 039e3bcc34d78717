// The design inside a PNG: an iTXt chunk keyed "gwlb-studio/design" carrying the document, so that
// dropping an exported image back on the app reopens the design. Pure byte work, no DOM.
import { zlibSync } from 'fflate'
import { type Design, parse, serialise } from '../model'
import { crc32, fromLatin1, fromUtf8, inflateBounded, utf8 } from './bytes'
import { type DesignLoad, MAX_DESIGN_TEXT_BYTES, notOurs, tooLarge, withMessages } from './load'

/** The chunk keyword: Latin-1, 1 to 79 characters (PNG spec 11.3.4.2). */
export const PNG_DESIGN_KEYWORD = 'gwlb-studio/design'

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10)
const KEYWORD_BYTES = utf8(PNG_DESIGN_KEYWORD)

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b)
}

interface Chunk {
  type: string
  /** offset of the length field */
  start: number
  /** offset just past the CRC */
  end: number
  data: Uint8Array
}

/**
 * The chunks up to and including IEND, or null when the bytes are not a whole PNG. Reads the length and
 * type fields only, so a large image costs one step per chunk; CRCs are checked where a chunk is read.
 */
function chunksOf(png: Uint8Array): Chunk[] | null {
  if (!isPng(png)) return null
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const out: Chunk[] = []
  let at = SIGNATURE.length
  while (at + 12 <= png.length) {
    const length = view.getUint32(at)
    if (length > png.length - at - 12) return null
    const type = fromLatin1(png.subarray(at + 4, at + 8))
    out.push({ type, start: at, end: at + 12 + length, data: png.subarray(at + 8, at + 8 + length) })
    at += 12 + length
    if (type === 'IEND') return out[0].type === 'IHDR' ? out : null
  }
  return null
}

function chunkBytes(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  const typeBytes = utf8(type)
  view.setUint32(0, data.length)
  out.set(typeBytes, 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(typeBytes, data))
  return out
}

function startsWithKeyword(data: Uint8Array): boolean {
  return (
    data.length > KEYWORD_BYTES.length &&
    KEYWORD_BYTES.every((b, i) => data[i] === b) &&
    data[KEYWORD_BYTES.length] === 0
  )
}

function crcOk(png: Uint8Array, c: Chunk): boolean {
  const stored = new DataView(png.buffer, png.byteOffset, png.byteLength).getUint32(c.end - 4)
  return stored === crc32(png.subarray(c.start + 4, c.start + 8), c.data)
}

const isDesignChunk = (c: Chunk) =>
  (c.type === 'iTXt' || c.type === 'tEXt' || c.type === 'zTXt') && startsWithKeyword(c.data)

export type EmbedResult = { ok: true; png: Uint8Array } | { ok: false; problem: string }

/**
 * A copy of the PNG with the design in a compressed iTXt chunk (UTF-8, so any label survives) just
 * before IEND. A design chunk already there is replaced, so exporting an opened image again works.
 */
export function embedDesignInPng(png: Uint8Array, design: Design): EmbedResult {
  const chunks = chunksOf(png)
  if (!chunks) return { ok: false, problem: 'the image is not a complete PNG' }
  // iTXt: keyword, 0, compression flag 1, method 0 (zlib), empty language tag, 0, empty translated keyword, 0, text
  const header = Uint8Array.of(...KEYWORD_BYTES, 0, 1, 0, 0, 0)
  const text = zlibSync(utf8(serialise(design)), { level: 9 })
  const data = new Uint8Array(header.length + text.length)
  data.set(header)
  data.set(text, header.length)
  const parts: Uint8Array[] = [SIGNATURE]
  for (const c of chunks) {
    if (isDesignChunk(c)) continue
    if (c.type === 'IEND') parts.push(chunkBytes('iTXt', data))
    parts.push(png.subarray(c.start, c.end))
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return { ok: true, png: out }
}

export type PngTextResult =
  | { ok: true; text: string }
  | { ok: false; problem: 'not-png' | 'damaged' | 'no-design' | 'too-large' }

/** The design text carried by the PNG (iTXt as written above; tEXt and zTXt are read too). */
export function readDesignTextFromPng(png: Uint8Array): PngTextResult {
  if (!isPng(png)) return { ok: false, problem: 'not-png' }
  const chunks = chunksOf(png)
  if (!chunks) return { ok: false, problem: 'damaged' }
  const chunk = chunks.find(isDesignChunk)
  if (!chunk) return { ok: false, problem: 'no-design' }
  const rest = chunk.data.subarray(KEYWORD_BYTES.length + 1)
  // the chunk's own length says it is too large, before its CRC is computed or a byte inflated: a design
  // of at most the cap compresses to less than the cap
  if (rest.length > MAX_DESIGN_TEXT_BYTES) return { ok: false, problem: 'too-large' }
  if (!crcOk(png, chunk)) return { ok: false, problem: 'damaged' }
  if (chunk.type === 'tEXt') return { ok: true, text: fromLatin1(rest) }
  if (chunk.type === 'zTXt') {
    if (rest[0] !== 0) return { ok: false, problem: 'damaged' }
    const r = inflateBounded(rest.subarray(1), 'zlib', MAX_DESIGN_TEXT_BYTES)
    return r.ok
      ? { ok: true, text: fromLatin1(r.bytes) }
      : { ok: false, problem: r.problem === 'corrupt' ? 'damaged' : r.problem }
  }
  // iTXt: flag, method, language tag\0, translated keyword\0, text
  const [flag, method] = rest
  const langEnd = rest.indexOf(0, 2)
  const transEnd = langEnd < 0 ? -1 : rest.indexOf(0, langEnd + 1)
  if (transEnd < 0 || flag > 1 || method !== 0) return { ok: false, problem: 'damaged' }
  let body = rest.subarray(transEnd + 1)
  if (flag === 1) {
    const r = inflateBounded(body, 'zlib', MAX_DESIGN_TEXT_BYTES)
    if (!r.ok) return { ok: false, problem: r.problem === 'corrupt' ? 'damaged' : r.problem }
    body = r.bytes
  }
  const text = fromUtf8(body)
  return text === null ? { ok: false, problem: 'damaged' } : { ok: true, text }
}

const PROBLEMS: Record<Exclude<PngTextResult, { ok: true }>['problem'], string> = {
  'not-png': 'a PNG image',
  damaged: 'a complete, undamaged PNG (this one is cut short or its design chunk is corrupt)',
  'no-design': `a PNG exported by GWLB Studio; this image carries no design (no "${PNG_DESIGN_KEYWORD}" text chunk)`,
  'too-large': `an image whose design chunk holds at most ${MAX_DESIGN_TEXT_BYTES} bytes`,
}

/** Opens the design that an exported PNG carries, through parse(). Never throws. */
export function readDesignFromPng(png: Uint8Array): DesignLoad {
  const r = readDesignTextFromPng(png)
  if (!r.ok)
    return r.problem === 'too-large'
      ? tooLarge('image', `${png.length} bytes`, PROBLEMS[r.problem])
      : notOurs('image', 'GWLB-L001', `${png.length} bytes`, PROBLEMS[r.problem])
  return withMessages(parse(r.text), 'image')
}
