// Why an import's result is refused, in the words of the other import errors (file:line: what; expected what):
// an input that maps to nothing, and a value the design cannot hold, at the file and line it came from rather
// than at the design's path, which the user never wrote. Pure.
import type { Design, LoadError } from '../model'
import type { TfInput } from './instance'
import { attributesFor, MAPPING } from './mapping'
import type { ImportError, ImportReport, SourceKind, SourcePlace } from './types'

const SOURCE_WORDS: Record<SourceKind, string> = {
  hcl: 'Terraform configuration',
  tfstate: 'a Terraform state',
  tfplan: 'a Terraform plan',
  aliyun: 'aliyun CLI output',
}

/** The not-modelled list names this many resources, then how many more there are. */
const LISTED = 8

const at = (w?: SourcePlace) => (w ? ` (${w.file}${w.line ? `:${w.line}` : ''})` : '')
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/** The resources a list of report items names, each once, with where the first item of it came from. */
function listed(items: ImportReport['notModelled']): string {
  const first = new Map<string, SourcePlace | undefined>()
  for (const i of items) if (!first.has(i.address)) first.set(i.address, i.where)
  const names = [...first].slice(0, LISTED).map(([address, where]) => `${address}${at(where)}`)
  return first.size > LISTED ? `${names.join(', ')} and ${first.size - LISTED} more` : names.join(', ')
}

/**
 * An input of which nothing became a resource of the design (a provider block alone, resources of kinds the design
 * does not model): refused, so that an empty design does not take the place of the one on the canvas.
 */
export function nothingModelled(input: TfInput, report: ImportReport, file: string): ImportError {
  const count = input.instances.filter((i) => i.mode === 'managed').length
  const read = `${SOURCE_WORDS[report.source]} with ${count ? plural(count, 'resource') : 'no resource'}`
  const parts = [count ? `${read}, none of which the design models` : read]
  if (report.notModelled.length) parts.push(`not modelled: ${listed(report.notModelled)}`)
  if (report.unplaced.length) parts.push(`could not be placed: ${listed(report.unplaced)}`)
  if (report.unresolved.length) parts.push(`could not be worked out: ${listed(report.unresolved)}`)
  return {
    file,
    message: parts.join('; '),
    expected: `at least one resource of a type the design models, such as alicloud_vpc, alicloud_vswitch, alicloud_instance or alicloud_gwlb_load_balancer (docs/import.md lists all ${MAPPING.length})`,
  }
}

/** The attribute of a Terraform type that fills a design field, for messages; the field itself where none does. */
function attributeOf(tfType: string, kind: string, field: string): string {
  try {
    return attributesFor(tfType, `${kind}.${field}`)[0] ?? field
  } catch {
    return field
  }
}

/**
 * A load error of the imported design, placed where its value came from: the file and line of the resource that
 * made resources[i], named by its address and attribute. A path outside the resources stays the design's.
 */
export function placedLoadError(
  e: LoadError,
  design: Design,
  report: ImportReport,
  input: TfInput,
  fallback: string,
): ImportError {
  const m = /^resources\[(\d+)\]\.?(.*)$/.exec(e.path)
  const resource = m ? design.resources[Number(m[1])] : undefined
  const address = resource && report.mapped.find((x) => x.resourceId === resource.id)?.address
  const instance = address ? input.instances.find((i) => i.address === address) : undefined
  if (!m || !resource || !address)
    return { file: fallback, message: `the design's ${e.path || 'document'}: found ${e.value}`, expected: e.expected }
  const field = m[2] && instance ? attributeOf(instance.type, resource.kind, m[2]) : m[2] || resource.kind
  return {
    file: instance?.where?.file ?? fallback,
    line: instance?.where?.line,
    message: `${address}: ${field}: found ${e.value}`,
    expected: e.expected,
  }
}
