// The reference designs shipped under public/examples, loaded through the same parse() as any file.
import { parse } from '../model'
import type { ExampleName, ExampleResult } from '../store/engine'

export type { ExampleName }
export const EXAMPLES: Record<ExampleName, string> = {
  'two-zones': "Two zones: the GWLB guide's multi-zone deployment",
  'single-zone': "One zone: the GWLB guide's deployment",
  'zone-failover': 'Zone failover: two GWLBes in a route target group, active and standby',
}
export const DEFAULT_EXAMPLE: ExampleName = 'two-zones'

export function isExampleName(name: string | null): name is ExampleName {
  return name !== null && name in EXAMPLES
}

export async function loadExample(name: ExampleName): Promise<ExampleResult> {
  let text: string
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}examples/${name}.json`)
    if (!response.ok) return { ok: false, errors: `examples/${name}.json: HTTP ${response.status}` }
    text = await response.text()
  } catch (e) {
    return { ok: false, errors: `examples/${name}.json: ${e instanceof Error ? e.message : String(e)}` }
  }
  const result = parse(text)
  return result.ok ? { ok: true, design: result.design } : { ok: false, errors: result.errors }
}
