// Versioned migrations of the design document: append-only, each named, each over unknown input.
import { DESIGN_VERSION } from './design'

export interface Migration {
  /** the version this step reads; it writes from + 1 */
  from: number
  name: string
  up(doc: Record<string, unknown>): Record<string, unknown>
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Version 1 is the first published format. Append; never edit a published step. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    // version 1 could not say which kind a group was; the cloud makes a basic group with InnerAccessPolicy
    // Accept unless told otherwise, so that is what every version-1 group was
    name: 'security groups become basic groups with internal access policy Accept',
    up(doc) {
      if (!Array.isArray(doc.resources)) return doc
      doc.resources = doc.resources.map((r: unknown) => {
        if (!isRecord(r) || r.kind !== 'securityGroup' || 'securityGroupType' in r) return r
        const { rules, ...head } = r
        return {
          ...head,
          securityGroupType: 'basic',
          innerAccessPolicy: 'Accept',
          ...(rules !== undefined ? { rules } : {}),
        }
      })
      return doc
    },
  },
  {
    from: 2,
    // version 3 adds a resource kind (routeTargetGroup) and a next hop type (RouteTargetGroup); a version-2
    // document has neither, so it is version 3 as it stands
    name: 'route target groups: a new resource kind and next hop type, which version-2 documents do not use',
    up(doc) {
      return doc
    },
  },
  {
    from: 3,
    // version 4 lets a design carry its change plan (an optional field): a version-3 document has none, so it is
    // version 4 as it stands; the number says to an older GWLB Studio that a plan may be there
    name: 'change plans: an optional field, which version-3 documents do not have',
    up(doc) {
      return doc
    },
  },
]

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown>; applied: string[] }
  | { ok: false; step: string; error: string }

/**
 * Runs the steps from the document's version up to target. Each step gets a deep copy, so a step
 * that mutates its input cannot change the caller's data.
 */
export function migrate(
  input: Record<string, unknown>,
  fromVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = DESIGN_VERSION,
): MigrateResult {
  let doc: Record<string, unknown>
  try {
    doc = structuredClone(input)
  } catch (e) {
    // a value structuredClone cannot copy (a function, or nesting past the stack) fails the migration, never the caller
    return { ok: false, step: `${fromVersion}→${fromVersion + 1}`, error: e instanceof Error ? e.message : String(e) }
  }
  const applied: string[] = []
  for (let v = fromVersion; v < target; v++) {
    const step = migrations.find((m) => m.from === v)
    if (!step) return { ok: false, step: `${v}→${v + 1}`, error: `no migration from version ${v}` }
    try {
      doc = { ...step.up(structuredClone(doc)), version: v + 1 }
    } catch (e) {
      return { ok: false, step: step.name, error: e instanceof Error ? e.message : String(e) }
    }
    applied.push(step.name)
  }
  return { ok: true, doc, applied }
}
