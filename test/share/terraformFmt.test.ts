// The Terraform export is what `terraform fmt` writes: HashiCorp's own formatter (hclwrite, run offline from
// WASM by @cdktf/hcl-tools) leaves the export of every reference design unchanged.
import { format } from '@cdktf/hcl-tools'
import { describe, expect, it } from 'vitest'
import { toTerraform } from '../../src/share/terraform'
import { EXAMPLE_NAMES, example } from './fixtures'

describe('terraform fmt', () => {
  for (const name of EXAMPLE_NAMES)
    it(`leaves the export of ${name} unchanged`, async () => {
      const text = toTerraform(example(name))
      const formatted = await format(text)
      // line by line, so a failure names the lines fmt would change
      const lines = text.split('\n')
      const changed = formatted
        .split('\n')
        .flatMap((line, i) => (line === lines[i] ? [] : [`${i + 1}: ${lines[i]}\n   fmt: ${line}`]))
      expect(changed).toEqual([])
      expect(formatted).toBe(text)
    })

  it('aligns one-line attributes around an object attribute as fmt does', async () => {
    const design = example('single-zone')
    const text = toTerraform(design)
    // the gateway route edit: depends_on follows a multi-line object, command a one-line when
    expect(text).toMatch(/\n {2}depends_on = \[/)
    expect(text).toMatch(/\n {4}when {4}= destroy\n {4}command = /)
    expect(await format(text)).toBe(text)
  })
})
