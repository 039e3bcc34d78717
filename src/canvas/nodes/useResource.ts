// Each node selects its own record, so an edit to one resource re-renders one node.
import type { Resource, ResourceKind, ResourceOf } from '../../model'
import { useDesign } from '../../store/context'

export function useResource<K extends ResourceKind>(id: string, kind: K): ResourceOf<K> | undefined {
  return useDesign((s) => {
    const r = s.design.resources.find((x: Resource) => x.id === id)
    return r?.kind === kind ? (r as ResourceOf<K>) : undefined
  })
}
