// The one way every command reads its design file: bounded before it is read whole, a byte-order mark
// allowed, a PNG exported by GWLB Studio accepted, and each failure a sentence naming the file.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { Design } from '../src/model'
import { readDesignFile, refuseBySize } from '../src/share/designFile'
import { MAX_DESIGN_TEXT_BYTES, MAX_IMAGE_FILE_BYTES } from '../src/share/load'
import { isPng } from '../src/share/pngText'

export type InputBytes = { ok: true; bytes: Uint8Array } | { ok: false; lines: string[] }

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a design file',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
}

function cannotRead(path: string, e: unknown): InputBytes {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  const reason = (code && REASONS[code]) ?? (e instanceof Error ? e.message : String(e))
  return { ok: false, lines: [`cannot read ${path}: ${reason}`] }
}

/** Reads from fd into a buffer that grows as needed, stopping once more than `limit` bytes have come. */
function readUpTo(fd: number, limit: number, sizeHint: number): Uint8Array {
  let buf = new Uint8Array(Math.min(limit + 1, Math.max(sizeHint + 1, 64 * 1024)))
  let total = 0
  while (total <= limit) {
    if (total === buf.length) {
      const bigger = new Uint8Array(Math.min(limit + 1, buf.length * 2))
      bigger.set(buf)
      buf = bigger
    }
    const n = readSync(fd, buf, total, buf.length - total, null)
    if (n === 0) break
    total += n
  }
  return buf.subarray(0, total)
}

/**
 * A design file's bytes, read with the same caps as the app: a JSON design of at most 5 MB (a byte-order
 * mark aside), a PNG of at most 64 MB. A regular file is refused from its size; a device or a pipe that
 * keeps giving bytes (/dev/zero) is refused once it passes the cap.
 */
export function readInputBytes(path: string): InputBytes {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (e) {
    return cannotRead(path, e)
  }
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) return { ok: false, lines: [`cannot read ${path}: it is a folder, not a design file`] }
    const head = readUpTo(fd, 7, 8)
    const limit = isPng(head) ? MAX_IMAGE_FILE_BYTES : MAX_DESIGN_TEXT_BYTES + 3
    if (stat.isFile()) {
      const refused = refuseBySize(stat.size, head)
      if (refused) return { ok: false, lines: [`${path}:`, ...refused.messages.slice(0, -1)] }
    }
    const rest = readUpTo(fd, limit - head.length, stat.isFile() ? stat.size - head.length : 0)
    if (head.length + rest.length > limit)
      return {
        ok: false,
        lines: [
          `cannot read ${path}: it did not end within ${limit} bytes, the most ${isPng(head) ? 'an image' : 'a design file'} may hold (a device such as /dev/zero, or a stream that never ends?)`,
        ],
      }
    const bytes = new Uint8Array(head.length + rest.length)
    bytes.set(head)
    bytes.set(rest, head.length)
    return { ok: true, bytes }
  } catch (e) {
    return cannotRead(path, e)
  } finally {
    closeSync(fd)
  }
}

/** The first bytes of a file as text (at most `bytes`), to tell what it is without reading it whole. */
export function readHead(path: string, bytes: number): string {
  const fd = openSync(path, 'r')
  try {
    return new TextDecoder().decode(readUpTo(fd, bytes - 1, bytes))
  } finally {
    closeSync(fd)
  }
}

export type DesignInput = { ok: true; design: Design; notes: string[] } | { ok: false; lines: string[] }

/**
 * Reads and loads a design file through the app's loader. notes: what the loader repaired. On failure, the
 * lines to print: the file, the loader's headline and errors (without the app's closing "your current design
 * is unchanged", which means nothing here).
 */
export function readDesignInput(path: string): DesignInput {
  const read = readInputBytes(path)
  if (!read.ok) return read
  const loaded = readDesignFile(read.bytes)
  if (!loaded.ok) return { ok: false, lines: [`${path}:`, ...loaded.messages.slice(0, -1)] }
  return { ok: true, design: loaded.design, notes: loaded.messages.slice(1) }
}
