import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import hcl from 'hcl2-parser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run } from '../../cli/export'

const example = fileURLToPath(new URL('../../public/examples/two-zones.json', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'gwlb-export-'))

describe('npm run cli -- export', () => {
  afterEach(() => vi.restoreAllMocks())

  it('writes Terraform, API calls and JSON to --out', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const tf = join(dir, 'main.tf')
    expect(run([example, '--to', 'terraform', '--out', tf])).toBe(0)
    expect(hcl.parseToObject(readFileSync(tf, 'utf8'))[1]).toBeNull()
    const calls = join(dir, 'calls.txt')
    expect(run([example, '--to=api-calls', `--out=${calls}`])).toBe(0)
    expect(readFileSync(calls, 'utf8')).toContain('CreateVpcEndpointService')
    const json = join(dir, 'design.json')
    expect(run([example, '--to', 'json', '--out', json])).toBe(0)
    expect(readFileSync(json, 'utf8')).toBe(readFileSync(example, 'utf8'))
    expect(errors).toHaveBeenCalledWith(`wrote ${json}`)
  })

  it('exits 2 for images, which need the browser', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(run([example, '--to', 'png'])).toBe(2)
    expect(run([example, '--to', 'svg'])).toBe(2)
    expect(String(errors.mock.calls[0][0])).toMatch(/needs the browser/)
  })

  it('exits 2 with the loader\'s messages on a bad design, and on bad arguments', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{"format":"gwlb-studio/design","version":1,"name":"x"}')
    expect(run([bad, '--to', 'terraform'])).toBe(2)
    expect(String(errors.mock.calls[0][0])).toMatch(/GWLB-L004 regionId/)
    expect(run([join(dir, 'missing.json'), '--to', 'terraform'])).toBe(2)
    expect(run([example])).toBe(2)
    expect(run([example, '--to', 'yaml'])).toBe(2)
  })
})
