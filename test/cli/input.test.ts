// One reader for every command: the app's caps, a byte-order mark, an exported PNG, and a clear sentence for
// a missing file, a folder, an endless device and a file past the cap.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readDesignInput, readInputBytes } from '../../cli/input'
import { run as lint } from '../../cli/lint'
import { run as simulate } from '../../cli/simulate'
import { run as trace } from '../../cli/trace'
import { embedDesignInPng } from '../../src/share/pngText'
import { exampleText, loadExample } from '../helpers'

const dir = mkdtempSync(join(tmpdir(), 'gwlb-input-'))
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const lines = (r: ReturnType<typeof readDesignInput>) => (r.ok ? [] : r.lines)

describe('the command line’s design reader', () => {
  afterEach(() => vi.restoreAllMocks())

  it('accepts a byte-order mark in lint, trace and simulate, as export always did', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const bom = file('bom.json', `\ufeff${exampleText('two-zones')}`)
    expect(readDesignInput(bom)).toMatchObject({ ok: true, design: loadExample('two-zones') })
    expect(lint([bom])).toBe(0)
    expect(trace([bom, '--from', 'internet-client', '--to', '47.98.10.11', '--dport', '443'])).toBe(0)
    expect(simulate([bom, '--scenario', 'appliance-failure', '--duration', '1s'])).toBe(0)
    expect(errors).not.toHaveBeenCalled()
  })

  it('reads a PNG that GWLB Studio exported, for every command', () => {
    const png = embedDesignInPng(
      Uint8Array.from(
        Buffer.from(
          '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c489' + '0000000049454e44ae426082',
          'hex',
        ),
      ),
      loadExample('single-zone'),
    )
    if (!png.ok) throw new Error(png.problem)
    expect(readDesignInput(file('design.png', png.png))).toMatchObject({ ok: true, design: loadExample('single-zone') })
  })

  it('says what is wrong with a missing file, a folder and a path through a file', () => {
    expect(lines(readDesignInput(join(dir, 'missing.json')))).toEqual([`cannot read ${dir}/missing.json: no such file`])
    expect(lines(readDesignInput(dir))).toEqual([`cannot read ${dir}: it is a folder, not a design file`])
    const plain = file('plain.json', '{}')
    expect(lines(readDesignInput(join(plain, 'x')))).toEqual([
      `cannot read ${plain}/x: a part of the path is not a folder`,
    ])
  })

  it('refuses /dev/zero once it passes the cap, instead of reading for ever', () => {
    const r = readInputBytes('/dev/zero')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.lines[0]).toBe(
      'cannot read /dev/zero: it did not end within 5000003 bytes, the most a design file may hold (a device such as /dev/zero, or a stream that never ends?)',
    )
  })

  it('refuses a file past 5 MB from its size, with the loader’s code and the cap', () => {
    const big = file('big.json', Buffer.alloc(5_000_001, 32))
    expect(lines(readDesignInput(big))).toEqual([
      `${big}:`,
      'The design has 1 problem, so it was not opened.',
      'GWLB-L021 document: found "5000001 bytes"; expected a design file of at most 5000000 bytes',
    ])
  })

  it('prints the loader’s errors with the file name, and exits 2', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const deep = file(
      'deep.json',
      `{"format":"gwlb-studio/design","version":1,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    )
    expect(lint([deep])).toBe(2)
    expect(String(errors.mock.calls[0][0])).toBe(
      `${deep}:\nThe design has 1 problem, so it was not opened.\nGWLB-L020 document: found "more than 64 levels of nested arrays and objects"; expected at most 64 levels (a design needs fewer than ten)`,
    )
  })
})
