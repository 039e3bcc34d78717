// The difference between two designs: resources added, removed and changed field by field, and the flow
// classes whose outcome changed. May not touch: React, the DOM, zustand.
import type { Design, Resource } from '../../src/model'
import { compile, type EngineOptions, type PacketSpec } from '../engine'
import { FlowSpace, representative, representativeOf } from './classes'
import { type Outcome, Prober } from './explore'
import { describeClass } from './verify'

export interface FieldChange {
  /** the field's path inside the resource, such as entries[0].nextHopId */
  path: string
  /** undefined: the field is absent on that side */
  before: unknown
  after: unknown
}

export interface ResourceDiff {
  added: { id: string; kind: string }[]
  removed: { id: string; kind: string }[]
  changed: { id: string; kind: string; changes: FieldChange[] }[]
}

export interface ChangedFlow {
  flowClass: string
  packet: PacketSpec
  /** the outcomes over every appliance choice, in words */
  before: string
  after: string
}

export interface DesignDiff {
  resources: ResourceDiff
  /** classes of the space cut by both designs */
  classCount: number
  flows: ChangedFlow[]
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/**
 * The field that names the elements of two lists, when every element of both has it and it is unique in each: a
 * route entry by its destination, a service resource by its GWLB, a zone mapping by its zone.
 */
const ELEMENT_KEYS = ['destinationCidrBlock', 'resourceId', 'zoneId', 'id'] as const
function elementKey(a: unknown[], b: unknown[]): string | null {
  return (
    ELEMENT_KEYS.find((k) =>
      [a, b].every((list) => {
        const seen = new Set<unknown>()
        for (const e of list) {
          if (!isObj(e) || typeof e[k] !== 'string' || seen.has(e[k])) return false
          seen.add(e[k])
        }
        return true
      }),
    ) ?? null
  )
}

/**
 * Field-by-field changes between two JSON values: objects by key; lists of named elements (route entries, ...) by
 * name, so removing one entry reads as that entry gone, not as every later one changed; other lists by position.
 */
function fieldChanges(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (a === b) return
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = a.length && b.length ? elementKey(a, b) : null
    if (key === null) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) fieldChanges(a[i], b[i], `${path}[${i}]`, out)
      return
    }
    const byKey = (list: unknown[]) => new Map(list.map((e) => [(e as Record<string, string>)[key], e]))
    const before = byKey(a)
    const after = byKey(b)
    for (const k of new Set([...before.keys(), ...after.keys()]))
      fieldChanges(before.get(k), after.get(k), `${path}[${k}]`, out)
    return
  }
  if (isObj(a) && isObj(b) && !Array.isArray(a) && !Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      fieldChanges(a[k], b[k], path ? `${path}.${k}` : k, out)
    return
  }
  out.push({ path, before: a, after: b })
}

export function resourceDiff(a: Design, b: Design): ResourceDiff {
  const before = new Map(a.resources.map((r) => [r.id, r]))
  const after = new Map(b.resources.map((r) => [r.id, r]))
  const brief = (r: Resource) => ({ id: r.id, kind: r.kind })
  const changed: ResourceDiff['changed'] = []
  for (const [id, r] of before) {
    const s = after.get(id)
    if (!s) continue
    const changes: FieldChange[] = []
    fieldChanges(r, s, '', changes)
    if (changes.length) changed.push({ id, kind: s.kind, changes })
  }
  return {
    added: b.resources.filter((r) => !before.has(r.id)).map(brief),
    removed: a.resources.filter((r) => !after.has(r.id)).map(brief),
    changed,
  }
}

/** A class's outcomes, exactly: each distinct one with its appliances, for telling two apart. */
function outcomeKey(os: readonly Outcome[]): string {
  return [...new Set(os.map((o) => `${o.request}/${o.appliance}/${o.reply}/${o.replyAppliance}`))].join(' ')
}

/**
 * A class's outcomes in words, grouped over the appliance choices: "EXITS_TO_INTERNET through an appliance,
 * answer STATEFUL_NO_SESSION at another appliance (12 of 16 choices)".
 */
export function describeOutcomes(os: readonly Outcome[]): string {
  const groups = new Map<string, number>()
  for (const o of os) {
    let k: string
    if (o.request === 'INVALID_PACKET') k = 'no such sender in this design'
    else {
      k = `${o.request}${o.appliance ? ' through an appliance' : ''}`
      if (o.reply !== null) {
        const where =
          o.replyAppliance === null
            ? o.appliance
              ? ' uninspected'
              : ''
            : o.replyAppliance === o.appliance
              ? ' through the same appliance'
              : o.appliance
                ? ' at another appliance'
                : ' through an appliance'
        k += `, answer ${o.reply}${where}`
      }
    }
    groups.set(k, (groups.get(k) ?? 0) + 1)
  }
  return [...groups].map(([k, n]) => (groups.size > 1 ? `${k} (${n} of ${os.length} appliance choices)` : k)).join('; ')
}

/** Both designs' resources compared, and every flow class of both walked in each. */
export function diffDesigns(a: Design, b: Design, engine?: EngineOptions): DesignDiff {
  const na = compile(a, engine)
  const nb = compile(b, engine)
  const space = new FlowSpace([na, nb])
  const pa = new Prober(na)
  const pb = new Prober(nb)
  const flows: ChangedFlow[] = []
  for (let i = 0; i < space.size; i++) {
    const c = space.classAt(i)
    const r = representativeOf(c)
    const before = pa.run(r.source, r.destination, r.protocol, r.sourcePort, r.destinationPort)
    const after = pb.run(r.source, r.destination, r.protocol, r.sourcePort, r.destinationPort)
    if (outcomeKey(before) !== outcomeKey(after))
      flows.push({
        flowClass: describeClass(c),
        packet: representative(c),
        before: describeOutcomes(before),
        after: describeOutcomes(after),
      })
  }
  return { resources: resourceDiff(a, b), classCount: space.size, flows }
}
