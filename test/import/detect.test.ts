// Telling an input to import from a design file by the top-level keys of its head: the CLI (isImportInput, a
// path on disk) and the browser (the app's importer, a dropped File) decide with the one detector, so every
// file gets the same answer from both — each aliyun CLI output file of a deployment among them.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isImportInput } from '../../cli/importInput'
import { createImporter } from '../../src/app/import/importer'
import { isImportHead, topLevelKeys } from '../../src/import/detect'
import { serialise } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { createStores } from '../../src/store/context'
import { loadExample } from '../helpers'
import { toApiOutput } from './apiOutput'
import { toStateJson } from './stateJson'

describe('the top-level keys of a JSON head', () => {
  it('takes only the keys of the outer object, never keys inside values or text that looks like one', () => {
    const text =
      '{ "RequestId" : "a\\"Vpcs\\": x", "Vpcs": {"Vpc": [{"VpcId": "vpc-1", "Zones": []}]}, "TotalCount": 1}'
    expect(topLevelKeys(text)).toEqual(['RequestId', 'Vpcs', 'TotalCount'])
    expect(topLevelKeys('[{"Vpcs": {}}]')).toEqual([])
  })

  it('reads as far as a cut-off head goes', () => {
    const text = JSON.stringify({ RequestId: 'r', Instances: { Instance: [{ InstanceId: 'i-1' }] }, Later: 1 })
    expect(topLevelKeys(text.slice(0, text.indexOf('i-1')))).toEqual(['RequestId', 'Instances'])
    expect(isImportHead(text.slice(0, 30))).toBe(true)
  })
})

describe('an input to import, or a design: the CLI and the browser agree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwlb-detect-'))
  const importer = createImporter(createStores(loadExample('single-zone')))
  const design = buildReferenceDesign(2)
  const api = toApiOutput(design).files.map((f) => ({ name: f.path.replace(/\//g, '-'), text: f.text, want: true }))
  const files = [
    ...api,
    { name: 'state.json', text: toStateJson(design).text, want: true },
    { name: 'plan.json', text: '{"planned_values": {"root_module": {}}, "resource_changes": []}', want: true },
    { name: 'raw.json', text: '{"version": 4, "terraform_version": "1.9.8", "resources": []}', want: true },
    { name: 'design.json', text: serialise(design), want: false },
    { name: 'notes.json', text: '{"todo": ["ask about the Vpcs", {"Instances": 2}]}', want: false },
  ]

  it.each(files)('$name', async ({ name, text, want }) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    expect(isImportInput(path)).toBe(want)
    expect(await importer.isImportFile(new File([text], name, { type: 'application/json' }))).toBe(want)
  })

  it('covers every kind of aliyun output file the deployment has', () => {
    expect(api.length).toBeGreaterThanOrEqual(20)
  })
})
