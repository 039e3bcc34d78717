import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import hcl from 'hcl2-parser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run } from '../../cli/export'
import { readDesignFromPng } from '../../src/share/pngText'
import { example as loadExample } from './fixtures'

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

  it('draws the design as SVG, without a browser', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const out = join(dir, 'design.svg')
    expect(run([example, '--to', 'svg', '--out', out])).toBe(0)
    const svg = readFileSync(out, 'utf8')
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain('<title id="design-title">GWLB inspection, two zones</title>')
    expect(svg).toContain('>Inspection GWLB</text>')
  })

  it('writes a PNG at twice the SVG size that carries the design, so the app reopens it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const out = join(dir, 'design.png')
    const svgOut = join(dir, 'beside.svg')
    expect(run([example, '--to', 'png', '--out', out])).toBe(0)
    expect(run([example, '--to', 'svg', '--out', svgOut])).toBe(0)
    const png = new Uint8Array(readFileSync(out))
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
    const view = new DataView(png.buffer, png.byteOffset)
    const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(readFileSync(svgOut, 'utf8'))?.[1])
    expect(view.getUint32(16)).toBe(2 * svgWidth)
    const reopened = readDesignFromPng(png)
    expect(reopened.ok && reopened.design).toEqual(loadExample('two-zones'))
    // and back through the command line: a PNG is a design file too
    const json = join(dir, 'from-png.json')
    expect(run([out, '--to', 'json', '--out', json])).toBe(0)
    expect(readFileSync(json, 'utf8')).toBe(readFileSync(example, 'utf8'))
  })

  it('refuses a PNG past the pixel cap before drawing it, says the cap and offers SVG', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    // the reported case: one container 200,000 units wide in a 13 kB design took 3 GB
    const doc = loadExample('single-zone')
    const vpc = doc.resources.find((r) => r.kind === 'vpc')
    if (!vpc) throw new Error('no VPC')
    doc.layout[vpc.id] = { ...doc.layout[vpc.id], width: 200_000 }
    const wide = join(dir, 'wide.json')
    writeFileSync(wide, JSON.stringify(doc))
    const out = join(dir, 'wide.png')
    expect(run([wide, '--to', 'png', '--out', out])).toBe(2)
    expect(existsSync(out)).toBe(false)
    const message = String(errors.mock.calls.at(-1)?.[0])
    expect(message).toMatch(
      /^cannot draw .*wide\.json: the PNG would be 400,\d{3} × [\d,]+ pixels \([\d,]+ megapixels\); PNG export stops at 64 megapixels and 32,767 pixels a side\. Export --to svg instead, which has no such limit, or a smaller design\.$/,
    )
    expect(run([wide, '--to', 'svg', '--out', join(dir, 'wide.svg')])).toBe(0)
  })

  it('draws coordinates at the layout bound as finite numbers', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const doc = loadExample('single-zone')
    const vpc = doc.resources.find((r) => r.kind === 'vpc')
    if (!vpc) throw new Error('no VPC')
    doc.layout[vpc.id] = { ...doc.layout[vpc.id], x: -1_000_000, y: 1_000_000, width: 1_000_000 }
    const far = join(dir, 'far.json')
    writeFileSync(far, JSON.stringify(doc))
    const svgOut = join(dir, 'far.svg')
    expect(run([far, '--to', 'svg', '--out', svgOut])).toBe(0)
    expect(readFileSync(svgOut, 'utf8')).not.toMatch(/Infinity|NaN/)
    // one step past it is refused by the loader, with the range
    doc.layout[vpc.id] = { ...doc.layout[vpc.id], x: 1e308 }
    writeFileSync(far, JSON.stringify(doc))
    expect(run([far, '--to', 'svg'])).toBe(2)
    expect(String(vi.mocked(console.error).mock.calls.at(-1)?.[0])).toContain(
      `layout["${vpc.id}"].x: found 1e+308; expected a position from -1000000 to 1000000`,
    )
  })

  it("exits 2 with the loader's messages on a bad design, and on bad arguments", () => {
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
