// Small designs for engine tests: the reference designs, edited in code and loaded through parse().
import { type Design, parse, type Resource } from '../../../src/model'
import { buildReferenceDesign } from '../../../src/model/reference/build'
import { compile, type EngineOptions, type Network } from '../../../worker/engine'

/** The reference design (a: one zone, b: two zones) after `edit`, loaded as a user's file would be. */
export function design(zones: 1 | 2, edit: (d: Design) => void = () => {}): Design {
  const d = structuredClone(buildReferenceDesign(zones))
  edit(d)
  const loaded = parse(JSON.parse(JSON.stringify(d)))
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
  return loaded.design
}

export function network(zones: 1 | 2, edit?: (d: Design) => void, options?: EngineOptions): Network {
  return compile(design(zones, edit), options)
}

/** The resource with this id, narrowed to its kind; throws when absent so tests fail loudly. */
export function res<K extends Resource['kind']>(d: Design, id: string, kind: K): Extract<Resource, { kind: K }> {
  const r = d.resources.find((x) => x.id === id)
  if (!r || r.kind !== kind) throw new Error(`no ${kind} ${id}`)
  return r as Extract<Resource, { kind: K }>
}
