// Which source a set of files is, from their content (a flag may override it). Pure.
import { recogniseApiOutput } from './aliyun/sources'
import type { ImportFile, SourceKind } from './types'

export { ALIYUN_KEYS } from './aliyun/sources'

export type Detected = { kind: SourceKind } | { kind: 'unknown'; why: string }

/** What one file is. JSON is parsed by the caller once and passed in. */
export function detectFile(file: ImportFile, json: unknown): Detected {
  if (/\.(tf|tfvars)$/i.test(file.path)) return { kind: 'hcl' }
  if (json === undefined) {
    if (/\bresource\s+"[^"]+"\s+"[^"]+"\s*\{|\bvariable\s+"[^"]+"\s*\{|\bmodule\s+"[^"]+"\s*\{/.test(file.text))
      return { kind: 'hcl' }
    return { kind: 'unknown', why: 'neither JSON nor Terraform configuration' }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { kind: 'unknown', why: 'JSON, but not an object' }
  const doc = json as Record<string, unknown>
  if ('planned_values' in doc || 'resource_changes' in doc) return { kind: 'tfplan' }
  if ('format_version' in doc && ('values' in doc || 'terraform_version' in doc)) return { kind: 'tfstate' }
  if ('version' in doc && 'resources' in doc && 'terraform_version' in doc) return { kind: 'tfstate' }
  if (doc.format === 'gwlb-studio/design')
    return { kind: 'unknown', why: 'a GWLB Studio design: open it, no import needed' }
  if (recogniseApiOutput(doc)) return { kind: 'aliyun' }
  // what the aliyun CLI prints when a call fails
  if (typeof doc.Code === 'string' && typeof doc.Message === 'string' && 'RequestId' in doc)
    return { kind: 'unknown', why: `an API error response (${doc.Code}: ${doc.Message.slice(0, 120)})` }
  return { kind: 'unknown', why: `JSON with keys ${Object.keys(doc).slice(0, 5).join(', ') || '(none)'}` }
}
