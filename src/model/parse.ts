// Loads a design from outside (file, link, storage): checks everything, repairs nothing silently,
// and never throws. Imports nothing outside src/model.
import type * as z from 'zod/mini'
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  type Design,
  designSchema,
  RESOURCE_KINDS,
  type Resource,
  type ResourceKind,
} from './design'
import { designErrors } from './designChecks'
import { boundJsonText, boundJsonValue, type InputBound, MAX_DESIGN_BYTES, MAX_NESTING_DEPTH } from './inputBounds'
import { formatPath, type LoadError, type LoadErrorCode, loadError } from './loadError'
import { MIGRATIONS, type Migration, migrate } from './migrations'

export type ParseResult =
  | { ok: true; design: Design; repairs: string[] }
  | { ok: false; reason: 'not-ours' | 'too-new' | 'invalid' | 'migration-failed'; errors: LoadError[] }

export interface ParseOptions {
  migrations?: readonly Migration[]
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[p]
  }
  return v
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `a value of type ${issue.expected}`
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    default:
      return issue.message
  }
}

function schemaErrors(input: unknown, issues: z.core.$ZodIssue[]): LoadError[] {
  const errors: LoadError[] = []
  const unknownKind = new Set<number>()
  const resources = isRecord(input) && Array.isArray(input.resources) ? input.resources : []
  resources.forEach((r, i) => {
    if (isRecord(r) && !RESOURCE_KINDS.includes(r.kind as ResourceKind)) {
      unknownKind.add(i)
      errors.push(loadError('GWLB-L005', `resources[${i}].kind`, r.kind, `one of ${RESOURCE_KINDS.join(', ')}`))
    }
  })
  for (const issue of issues) {
    if (issue.path[0] === 'resources' && unknownKind.has(issue.path[1] as number)) continue
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = formatPath([...issue.path, key])
        errors.push(loadError('GWLB-L004', path, valueAt(input, [...issue.path, key]), `no field "${key}" here`))
      }
      continue
    }
    const params = issue.code === 'custom' ? (issue.params as { loadCode?: LoadErrorCode } | undefined) : undefined
    const code = params?.loadCode ?? 'GWLB-L004'
    errors.push(loadError(code, formatPath(issue.path), valueAt(input, issue.path), expectedOf(issue)))
  }
  return errors
}

/**
 * Defaults the schema cannot write because they depend on another field: a basic group that omits its
 * internal access policy has the API's, Accept (an enterprise group has none).
 */
function withApiDefaults(r: Resource): Resource {
  if (r.kind !== 'securityGroup' || r.securityGroupType !== 'basic' || r.innerAccessPolicy !== undefined) return r
  const { rules, ...head } = r
  return { ...head, innerAccessPolicy: 'Accept', rules }
}

/** The loader's refusal of an input past a bound, before any recursive work has touched it. */
function outOfBounds(bound: Exclude<InputBound, { ok: true }>): ParseResult {
  const error =
    bound.problem === 'too-deep'
      ? loadError(
          'GWLB-L020',
          '',
          `more than ${MAX_NESTING_DEPTH} levels of nested arrays and objects`,
          `at most ${MAX_NESTING_DEPTH} levels (a design needs fewer than ten)`,
        )
      : loadError('GWLB-L021', '', `${bound.size} bytes or more`, `a design of at most ${MAX_DESIGN_BYTES} bytes`)
  return { ok: false, reason: 'invalid', errors: [error] }
}

/**
 * Parses a design from JSON text or an already-parsed value. Never throws: sizes and nesting are bounded
 * before JSON.parse, the migrations' copies and the schema run, and anything still thrown becomes an error.
 */
export function parse(input: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parseBounded(input, options)
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
    return {
      ok: false,
      reason: 'invalid',
      errors: [loadError('GWLB-L022', '', detail, 'input the loader can read; please report this design')],
    }
  }
}

function parseBounded(input: unknown, options: ParseOptions): ParseResult {
  let value = input
  if (typeof input === 'string') {
    const bound = boundJsonText(input)
    if (!bound.ok) return outOfBounds(bound)
    try {
      value = JSON.parse(input)
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e)
      return {
        ok: false,
        reason: 'not-ours',
        errors: [loadError('GWLB-L001', '', input.slice(0, 40), `JSON text (${detail})`)],
      }
    }
  } else {
    const bound = boundJsonValue(input)
    if (!bound.ok) return outOfBounds(bound)
  }
  if (!isRecord(value))
    return { ok: false, reason: 'not-ours', errors: [loadError('GWLB-L001', '', value, 'a JSON object')] }
  if (value.format !== DESIGN_FORMAT)
    return {
      ok: false,
      reason: 'not-ours',
      errors: [loadError('GWLB-L002', 'format', value.format, `"${DESIGN_FORMAT}"`)],
    }
  const version = value.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return { ok: false, reason: 'invalid', errors: [loadError('GWLB-L004', 'version', version, 'a whole number')] }
  if (version > DESIGN_VERSION)
    return {
      ok: false,
      reason: 'too-new',
      errors: [
        loadError(
          'GWLB-L003',
          'version',
          version,
          `version ${DESIGN_VERSION} or older: this design was made by a newer GWLB Studio`,
        ),
      ],
    }
  const repairs: string[] = []
  let doc: Record<string, unknown> = value
  if (version < DESIGN_VERSION) {
    const m = migrate(value, version, options.migrations ?? MIGRATIONS)
    if (!m.ok)
      return {
        ok: false,
        reason: 'migration-failed',
        errors: [loadError('GWLB-L017', 'version', version, `a migration to succeed (${m.step}: ${m.error})`)],
      }
    doc = m.doc
    repairs.push(...m.applied.map((name) => `migrated: ${name}`))
  }
  const checked = designSchema.safeParse(doc)
  if (!checked.success) return { ok: false, reason: 'invalid', errors: schemaErrors(doc, checked.error.issues) }
  const { errors, repairs: layoutRepairs, layout } = designErrors(checked.data)
  if (errors.length) return { ok: false, reason: 'invalid', errors }
  return {
    ok: true,
    design: { ...checked.data, resources: checked.data.resources.map(withApiDefaults), layout },
    repairs: [...repairs, ...layoutRepairs],
  }
}

/** The document as JSON text, fields in schema order, two-space indented. */
export function serialise(design: Design): string {
  return `${JSON.stringify(design, null, 2)}\n`
}
