// Export → import gives back the same design up to ids and layout, compared on a canonical form: the
// resources by kind and key fields, the routes, the memberships. What Terraform cannot say (an appliance's
// rules and simulated state, a server's role, internet hosts, scenarios, addresses the cloud allocates) is left out.
import { describe, expect, it } from 'vitest'
import { importDeployment } from '../../src/import'
import { nodeHclParser } from '../../src/import/hcl/nodeParser'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { toTerraform } from '../../src/share/terraform'
import { canonical } from './canonical'

/** The exporter's Terraform names, which the importer takes as ids. */
const tfName = (id: string) => id.toLowerCase().replace(/[^a-z0-9_]/g, '_')

describe('export → import round trip', () => {
  for (const zones of [1, 2] as const) {
    it(`gives back the ${zones}-zone reference design`, async () => {
      const design = buildReferenceDesign(zones)
      const tf = toTerraform(design)
      const result = await importDeployment([{ path: 'main.tf', text: tf }], {}, { hclParser: nodeHclParser })
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
      expect(canonical(result.design)).toEqual(canonical(design, tfName))
      // nothing the export writes is lost or unresolved
      expect(result.report.unresolved).toEqual([])
      expect(result.report.unplaced).toEqual([])
      expect(result.report.notModelled).toEqual([])
    }, 60_000)
  }
})
