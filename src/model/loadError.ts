// Load errors: a stable code, the JSON path, the value found and what was expected.

export const LOAD_ERROR_CODES = {
  'GWLB-L001': 'not JSON, or not an object',
  'GWLB-L002': 'not a GWLB Studio design',
  'GWLB-L003': 'made by a newer version',
  'GWLB-L004': 'a field has the wrong type, is missing or is unknown',
  'GWLB-L005': 'unknown resource kind',
  'GWLB-L006': 'duplicate id',
  'GWLB-L007': 'reference to a missing resource, or to one of the wrong kind',
  'GWLB-L008': 'malformed CIDR block',
  'GWLB-L009': 'overlapping CIDR blocks',
  'GWLB-L010': 'vSwitch outside its VPC',
  'GWLB-L011': 'address outside its vSwitch',
  'GWLB-L012': 'address reserved by the vSwitch',
  'GWLB-L013': 'duplicate address',
  'GWLB-L014': "zone not in the design's zones",
  'GWLB-L015': 'fields that contradict each other',
  'GWLB-L016': 'duplicate route destination',
  'GWLB-L017': 'migration failed',
  'GWLB-L018': 'security groups of both types on one instance',
  'GWLB-L019': 'a route destination the cloud refuses',
  'GWLB-L020': 'nested too deeply',
  'GWLB-L021': 'too large',
  'GWLB-L022': 'the loader failed on this input',
} as const
export type LoadErrorCode = keyof typeof LOAD_ERROR_CODES

export interface LoadError {
  code: LoadErrorCode
  /** JSON path such as resources[3].cidrBlock; "" for the whole document */
  path: string
  /** the value found, as short JSON text */
  value: string
  expected: string
  message: string
}

const LEFT_BY_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * JSON text with the characters JSON.stringify leaves as they are written as \uXXXX escapes: DEL, C1 controls, the
 * bidirectional marks and controls, the line and paragraph separators. A message quotes a value the loader refused
 * for holding one; quoted raw, it would reorder or break the message around it.
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.replace(LEFT_BY_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  let text: string
  try {
    text = jsonText(value)
  } catch {
    text = jsonText(String(value))
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(String(p))) out += out ? `.${String(p)}` : String(p)
    else out += `[${jsonText(String(p))}]`
  }
  return out
}

export function loadError(code: LoadErrorCode, path: string, value: unknown, expected: string): LoadError {
  const found = showValue(value)
  return { code, path, value: found, expected, message: `${path || 'document'}: found ${found}; expected ${expected}` }
}
