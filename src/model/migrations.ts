// Versioned migrations of the design document: append-only, each named, each over unknown input.
import { DESIGN_VERSION } from './design'
import { formatPath } from './loadError'

export interface Migration {
  /** the version this step reads; it writes from + 1 */
  from: number
  name: string
  /** `note` tells the user what the step changed where, beside its name (the paths it repaired) */
  up(doc: Record<string, unknown>, note: (what: string) => void): Record<string, unknown>
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
  {
    from: 4,
    // version 5 refuses control characters and bidirectional controls in text (docs/format.md, "Shared field
    // types"), which versions 3 and 4 let names hold: each becomes U+FFFD, and the paths are told, so a design kept in the
    // browser or a file still opens. The character classes are written here, not shared: a published step never
    // changes.
    name: 'control characters in names and other text become U+FFFD',
    up(doc, note) {
      const paths: string[] = []
      const out = withoutControls(doc, [], paths) as Record<string, unknown>
      if (paths.length)
        note(`at ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`)
      return out
    },
  },
]

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this step is for
const TEXT_CONTROLS_V5 = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above; a description keeps tab and line breaks
const LINES_CONTROLS_V5 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Every string value with those characters replaced (object keys stay: a layout key is checked by the loader). */
function withoutControls(v: unknown, at: (string | number)[], paths: string[]): unknown {
  if (typeof v === 'string') {
    const controls = at[at.length - 1] === 'description' ? LINES_CONTROLS_V5 : TEXT_CONTROLS_V5
    const plain = v.replace(controls, '\ufffd')
    if (plain !== v) paths.push(formatPath(at))
    return plain
  }
  if (Array.isArray(v)) return v.map((x, i) => withoutControls(x, [...at, i], paths))
  if (isRecord(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutControls(x, [...at, k], paths)]))
  return v
}

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
    const notes: string[] = []
    try {
      doc = { ...step.up(structuredClone(doc), (what) => notes.push(what)), version: v + 1 }
    } catch (e) {
      return { ok: false, step: step.name, error: e instanceof Error ? e.message : String(e) }
    }
    applied.push(notes.length ? `${step.name} (${notes.join('; ')})` : step.name)
  }
  return { ok: true, doc, applied }
}
