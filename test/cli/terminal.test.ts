// Names reach the terminal as text: a design cannot clear the screen, move the cursor or print a line of
// its own through trace, simulate or lint. The loader refuses control characters in names (docs/format.md), and
// its message quotes them escaped; whatever text still reaches the terminal goes through one escaping helper.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run as lint } from '../../cli/lint'
import { run as simulate } from '../../cli/simulate'
import { escapeControls, forDisplay } from '../../cli/terminal'
import { run as trace } from '../../cli/trace'
import { exampleJson, loadExample } from '../helpers'

// ESC [2J clears the screen; 0x9b is a one-byte CSI; U+202E reverses what follows
const EVIL = 'fw\u001b[2J\u009b31m\n0 errors, 0 warnings, 0 notes\u202e'
const SHOWN = 'fw\\x1b[2J\\x9b31m\\x0a0 errors, 0 warnings, 0 notes\\u202e'
/** Any control character our own output does not lay out with. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

function evilDesign(): string {
  const doc = exampleJson('two-zones')
  for (const r of doc.resources) if (r.kind === 'appliance' || r.id === 'internet-client') r.name = EVIL
  const scenarios = doc.scenarios as { name: string; description?: string }[]
  for (const s of scenarios) if (s.name === 'appliance-failure') s.description = EVIL
  const path = join(mkdtempSync(join(tmpdir(), 'gwlb-terminal-')), 'evil.json')
  writeFileSync(path, JSON.stringify(doc))
  return path
}

/** A command's output; a design file is read synchronously, so the exit code comes back at once. */
function capture(fn: () => number | Promise<number>): { code: number; out: string; err: string } {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
  const code = fn()
  if (typeof code !== 'number') throw new Error('a design file should load synchronously')
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('control characters in names', () => {
  afterEach(() => vi.restoreAllMocks())

  it('escapes them one way: visible \\x and \\u escapes; lines keep our own newlines and tabs', () => {
    expect(escapeControls(EVIL)).toBe(SHOWN)
    expect(escapeControls('a\tb\nc\r\u0007', { lines: true })).toBe('a\tb\nc\\x0d\\x07')
    expect(escapeControls('Web server 1 · 界 → é')).toBe('Web server 1 · 界 → é')
  })

  it('trace, simulate and lint refuse a design whose names hold them, naming each path, the value escaped', () => {
    const file = evilDesign()
    const commands = [
      () => trace([file, '--from', 'internet-client', '--to', '47.98.10.11', '--dport', '443']),
      () => simulate([file, '--scenario', 'appliance-failure', '--duration', '1s']),
      () => lint([file]),
      () => lint([file, '--json']),
    ]
    for (const command of commands) {
      const { code, out, err } = capture(command)
      vi.restoreAllMocks()
      expect(code).toBe(2)
      const printed = `${out}\n${err}`
      expect(printed).not.toMatch(RAW_CONTROL)
      // the loader's message quotes the name as JSON, with the C1 control and the override escaped too
      expect(printed).toMatch(
        /resources\[\d+\]\.name: found "fw\\u001b\[2J\\u009b31m\\n0 errors, 0 warnings, 0 notes\\u202e"/,
      )
      expect(printed).toMatch(/scenarios\[\d+\]\.description: found "fw\\u001b/)
      expect(printed.split('\n').filter((l) => l.startsWith('0 errors'))).toEqual([])
    }
  })

  it('the display copy traces like the design: only strings change', () => {
    const design = loadExample('two-zones')
    expect(forDisplay(design)).toEqual(design)
    const named = { ...design, name: EVIL }
    expect(forDisplay(named).name).toBe(SHOWN)
  })
})
