// The app's importer, handed to the panels on the stores: small, because it is in the app's first JavaScript.
// The work (reading the files, the worker, the HCL parser, the layout) loads when an import starts (run.ts).
import type { Stores } from '../../store/context'
import type { DesignImporter } from '../../store/importer'

/** Names that are an import whatever they hold: Terraform configuration, a raw state, a zip. */
const IMPORT_NAME = /\.(tf|tfvars|tfstate|zip)$/i

export function createImporter(stores: Stores): DesignImporter {
  const load = () => import('./run')
  return {
    async run(inputs, choices) {
      const { runImport } = await load()
      return runImport(stores, inputs, choices)
    },
    async isImportFile(file) {
      if (IMPORT_NAME.test(file.name)) return true
      if (!/\.json$/i.test(file.name) && file.type !== 'application/json') return false
      // the top-level keys of its head, as the CLI decides (the detector loads with the first JSON dropped)
      const { isImportHead, IMPORT_HEAD_BYTES } = await import('../../import/detect')
      return isImportHead(await file.slice(0, IMPORT_HEAD_BYTES).text())
    },
    async openPlanSide(side) {
      const { openPlanSide } = await load()
      return openPlanSide(stores, side)
    },
  }
}
