// The app's importer, handed to the panels on the stores: small, because it is in the app's first JavaScript.
// The work (reading the files, the worker, the HCL parser, the layout) loads when an import starts (run.ts).
import type { Stores } from '../../store/context'
import type { DesignImporter } from '../../store/importer'

/** What a dropped file's first bytes say: Terraform's JSON names its version near the top, aliyun's its keys. */
const IMPORT_NAME = /\.(tf|tfvars|tfstate|zip)$/i
const IMPORT_HEAD =
  /"(format_version|terraform_version|planned_values|resource_changes|Vpcs|VSwitches|LoadBalancers|RouteTables|RouterTableList|Instances|SecurityGroups)"/

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
      const head = await file.slice(0, 4096).text()
      return !head.includes('"gwlb-studio/design"') && IMPORT_HEAD.test(head)
    },
    async openPlanSide(side) {
      const { openPlanSide } = await load()
      return openPlanSide(stores, side)
    },
  }
}
