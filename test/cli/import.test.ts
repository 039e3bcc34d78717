// The import command and the commands that take an import's inputs: a folder and a .zip of aliyun CLI output,
// and the clear message for a folder past the limits.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run as importCommand } from '../../cli/import'
import { readImportFiles } from '../../cli/importInput'
import { run as lint } from '../../cli/lint'
import { IMPORT_LIMITS } from '../../src/import'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { toApiOutput } from '../import/apiOutput'

const root = mkdtempSync(join(tmpdir(), 'gwlb-import-'))
const { files } = toApiOutput(buildReferenceDesign(2))
const folder = join(root, 'aliyun')
for (const f of files) {
  mkdirSync(dirname(join(folder, f.path)), { recursive: true })
  writeFileSync(join(folder, f.path), f.text)
}
const zip = join(root, 'aliyun.zip')
writeFileSync(zip, zipSync(Object.fromEntries(files.map((f) => [`out/${f.path}`, strToU8(f.text)]))))

describe('npm run cli -- import', () => {
  afterEach(() => vi.restoreAllMocks())

  function capture() {
    const out: string[] = []
    const err: string[] = []
    vi.spyOn(console, 'log').mockImplementation((s) => out.push(String(s)))
    vi.spyOn(console, 'error').mockImplementation((s) => err.push(String(s)))
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out.push(String(s))
      return true
    })
    return { out, err }
  }

  for (const [what, path] of [
    ['a folder', folder],
    ['a zip', zip],
  ] as const)
    it(`imports ${what} of aliyun CLI output, with its report`, async () => {
      const { out } = capture()
      expect(await importCommand([path, '--json'])).toBe(0)
      const { design, report } = JSON.parse(out.join(''))
      expect(report.source).toBe('aliyun')
      expect(design.resources.filter((r: { kind: string }) => r.kind === 'gwlbEndpoint')).toHaveLength(2)
      expect(design.accounts.map((a: { id: string }) => a.id).sort()).toEqual(['1234567890123456', '6543210987654321'])
    })

  it('lints a folder of aliyun CLI output directly', async () => {
    const { out, err } = capture()
    const code = await lint([folder])
    expect(err.join('\n')).toMatch(/imported \d+ resources from aliyun/)
    expect([0, 1]).toContain(code)
    expect(out.join('\n')).not.toMatch(/cannot read/)
  })

  it('--from aliyun reads the folder as API output', async () => {
    const { out } = capture()
    expect(await importCommand([folder, '--from', 'aliyun', '--json'])).toBe(0)
    expect(JSON.parse(out.join('')).report.source).toBe('aliyun')
  })

  it('refuses a folder of 10,000 files with the limit, before reading them', () => {
    const big = join(root, 'big')
    mkdirSync(big)
    for (let i = 0; i < 10_000; i++) writeFileSync(join(big, `f${i}.json`), '{}')
    expect(readImportFiles(big)).toBe(
      `${big}: more than ${IMPORT_LIMITS.files} files; expected the folder of one Terraform root module, or of one deployment's aliyun CLI output`,
    )
  })

  it('refuses a .tf that maps nothing: exit 2, the message on stderr, no design on stdout', async () => {
    const { out, err } = capture()
    const file = join(root, 'provider.tf')
    writeFileSync(
      file,
      'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\nresource "alicloud_nat_gateway" "nat" {\n  vpc_id = "vpc-1"\n}\n',
    )
    expect(await importCommand([file])).toBe(2)
    expect(out).toEqual([])
    expect(err.join('\n')).toMatch(
      /^provider\.tf: Terraform configuration with 1 resource, none of which the design models; not modelled: alicloud_nat_gateway\.nat \(provider\.tf:5\); expected at least one resource/,
    )
  })

  it('names a zip that is not one', async () => {
    const { err } = capture()
    const bad = join(root, 'bad.zip')
    writeFileSync(bad, 'PK\u0003\u0004 not really')
    expect(await importCommand([bad])).toBe(2)
    expect(err.join('\n')).toMatch(/bad\.zip: not a readable zip archive/)
  })
})
