// Byte helpers shared by the share link, the PNG chunk and the design file: UTF-8, base64url,
// CRC-32 and bounded decompression. Pure: runs the same in the browser, the worker and Node.
import { Inflate, Unzlib } from 'fflate'

const encoder = new TextEncoder()
// fatal: a byte sequence that is not UTF-8 is an error to report, not text to repair silently
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/** UTF-8 bytes to text, or null when they are not UTF-8. A leading byte-order mark is dropped. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes)
  } catch {
    return null
  }
}

/** Latin-1, as PNG keywords and tEXt use: one byte per character. */
export function fromLatin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return out
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const B64URL_INDEX = new Int16Array(128).fill(-1)
for (let i = 0; i < B64URL.length; i++) B64URL_INDEX[B64URL.charCodeAt(i)] = i

/** RFC 4648 section 5, without padding: safe in a URL fragment as it is. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out += B64URL[n >> 18] + B64URL[(n >> 12) & 63] + B64URL[(n >> 6) & 63] + B64URL[n & 63]
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] << 16
    out += B64URL[n >> 18] + B64URL[(n >> 12) & 63]
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
    out += B64URL[n >> 18] + B64URL[(n >> 12) & 63] + B64URL[(n >> 6) & 63]
  }
  return out
}

/** Strict decoding: any character outside the alphabet, or an impossible length, gives null. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let o = 0
  let acc = 0
  let bits = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const v = c < 128 ? B64URL_INDEX[c] : -1
    if (v < 0) return null
    acc = ((acc << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 255
    }
  }
  return out.subarray(0, o)
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC-32 as PNG (ISO 3309) computes it, over several byte ranges in order. */
export function crc32(...parts: Uint8Array[]): number {
  let c = 0xffffffff
  for (const bytes of parts) for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'corrupt' | 'too-large' }

/**
 * Decompresses raw DEFLATE or zlib data, giving up as soon as the output passes maxBytes. The input
 * is fed in small slices so that a crafted stream (DEFLATE expands up to about 1,000 times) never
 * holds much more than maxBytes in memory.
 */
export function inflateBounded(data: Uint8Array, format: 'deflate' | 'zlib', maxBytes: number): InflateResult {
  if (data.length === 0) return { ok: false, problem: 'corrupt' }
  const chunks: Uint8Array[] = []
  let total = 0
  let ended = false
  let overflow = false
  const onData = (chunk: Uint8Array, final: boolean) => {
    total += chunk.length
    if (total > maxBytes) overflow = true
    else chunks.push(chunk)
    if (final) ended = true
  }
  const stream = format === 'zlib' ? new Unzlib(onData) : new Inflate(onData)
  const SLICE = 1024
  try {
    for (let i = 0; i < data.length && !overflow; i += SLICE) {
      const end = Math.min(i + SLICE, data.length)
      stream.push(data.subarray(i, end), end === data.length)
    }
  } catch {
    return { ok: false, problem: 'corrupt' }
  }
  if (overflow) return { ok: false, problem: 'too-large' }
  if (!ended) return { ok: false, problem: 'corrupt' }
  const out = new Uint8Array(total)
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.length
  }
  return { ok: true, bytes: out }
}
