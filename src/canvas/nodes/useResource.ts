// Each node selects its own record, so an edit to one resource re-renders one node. The lookup goes
// through an id index built once per resources array: a 2,000-node canvas runs every node's selector
// on each edit, and a linear find in each would make that quadratic.
import type { Resource, ResourceKind, ResourceOf } from '../../model'
import { useDesign } from '../../store/context'

const indexes = new WeakMap<readonly Resource[], Map<string, Resource>>()

function indexOf(resources: readonly Resource[]): Map<string, Resource> {
  let index = indexes.get(resources)
  if (!index) {
    index = new Map(resources.map((r) => [r.id, r]))
    indexes.set(resources, index)
  }
  return index
}

export function useResource<K extends ResourceKind>(id: string, kind: K): ResourceOf<K> | undefined {
  return useDesign((s) => {
    const r = indexOf(s.design.resources).get(id)
    return r?.kind === kind ? (r as ResourceOf<K>) : undefined
  })
}
