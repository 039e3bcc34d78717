// Which source a set of files is, from their content (a flag may override it). Pure.
import { ALIYUN_KEYS, recogniseApiOutput } from './aliyun/sources'
import type { ImportFile, SourceKind } from './types'

export { IMPORT_HEAD_BYTES } from './types'

/** What Terraform's JSON has at its top level: terraform show -json of a state or plan, or a raw tfstate. */
const TERRAFORM_KEYS: readonly string[] = ['format_version', 'terraform_version', 'planned_values', 'resource_changes']

/**
 * The keys at the top level of a JSON object's text, as far as the text goes: the head of a large file is
 * enough, since a cut-off value only hides the keys after it. Strings are skipped whole, so a key inside a
 * value (or a key-like text in a string) is never taken for one.
 */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = []
  if (!text.trimStart().startsWith('{')) return keys
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') depth--
    else if (c === '"') {
      let end = i + 1
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      if (end >= text.length) break
      let next = end + 1
      while (/\s/.test(text[next] ?? '')) next++
      if (depth === 1 && text[next] === ':') keys.push(text.slice(i + 1, end))
      i = end
    }
  }
  return keys
}

/**
 * Whether a JSON file is an input to import rather than a design, from the keys at the top level of its head:
 * Terraform's (format_version, terraform_version, …) or an aliyun CLI output's (Vpcs, LoadBalancers, …, the
 * keys API_SOURCES recognises). The CLI and the browser both decide with this, before reading a file whole.
 */
export function isImportHead(head: string): boolean {
  const keys = topLevelKeys(head)
  if (keys.includes('format') && head.includes('"gwlb-studio/design"')) return false
  return keys.some((k) => TERRAFORM_KEYS.includes(k) || ALIYUN_KEYS.includes(k))
}

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
