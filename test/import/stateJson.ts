// `terraform show -json` of a design's deployment (format_version 1.0: values.root_module.resources[] with
// address, mode, type, name, provider_name and values), written from the provider attributes the API output
// of the design maps to. For the bench and the fuzz tests, which need large and varied states.

import { readAliyun } from '../../src/import/aliyun/read'
import { emptyReport } from '../../src/import/types'
import type { Design } from '../../src/model'
import { toApiOutput } from './apiOutput'

export function toStateJson(design: Design): { text: string; resources: number } {
  const { files } = toApiOutput(design)
  const input = readAliyun(
    files.map((f) => ({ file: f, doc: JSON.parse(f.text) })),
    emptyReport('aliyun', []),
  )
  const resources = input.instances.map((i, n) => ({
    address: `${i.type}.r${n}`,
    mode: 'managed',
    type: i.type,
    name: `r${n}`,
    provider_name: 'registry.terraform.io/aliyun/alicloud',
    schema_version: 0,
    values: i.values,
    sensitive_values: {},
  }))
  const state = { format_version: '1.0', terraform_version: '1.9.8', values: { root_module: { resources } } }
  return { text: JSON.stringify(state), resources: resources.length }
}
