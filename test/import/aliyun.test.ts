// Alibaba Cloud API output → design: the describe/list JSON of a deployment, written field by field from the
// API references (test/import/apiOutput.ts), gives back the design it describes, up to ids and layout; what the
// output cannot place or the design does not model is reported, never dropped.
import { describe, expect, it } from 'vitest'
import { type ImportFile, importDeployment } from '../../src/import'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { toApiOutput } from './apiOutput'
import { canonical } from './canonical'

async function importApi(files: ImportFile[]) {
  const r = await importDeployment(files)
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}: ${e.message}`).join('\n'))
  return r
}

describe('Alibaba Cloud API output', () => {
  for (const zones of [1, 2] as const) {
    it(`gives back the ${zones}-zone reference design`, async () => {
      const design = buildReferenceDesign(zones)
      const { files, cloudIdOf } = toApiOutput(design)
      const r = await importApi(files)
      expect(r.report.source).toBe('aliyun')
      const importedIdOf = new Map(r.report.mapped.map((m) => [m.address, m.resourceId]))
      const rename = (id: string) => importedIdOf.get(cloudIdOf.get(id) ?? id) ?? `(not imported: ${id})`
      expect(canonical(r.design)).toEqual(canonical(design, rename))
      expect(r.report.unplaced).toEqual([])
      expect(r.report.notModelled).toEqual([])
      expect(r.report.skippedFiles).toEqual([])
    })
  }
})
