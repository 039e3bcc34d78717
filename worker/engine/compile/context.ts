// What the compile steps share: the design, its zones, and the index every compiled resource is given.
import {
  type Design,
  maskOf,
  parseCidr,
  parseIpv4,
  type Resource,
  type ResourceKind,
  type ResourceOf,
} from '../../../src/model'

export interface CompileContext {
  design: Design
  zones: string[]
  zoneIndex: Map<string, number>
  /** Each resource's kind and its index among the compiled resources of that kind (route tables: in `tables`). */
  byId: Map<string, { kind: ResourceKind; index: number }>
  of<K extends ResourceKind>(kind: K): ResourceOf<K>[]
  name(r: Resource): string
  /** The index of a VPC, -1 for none. */
  vpcIdx(id: string): number
  /**
   * The compiled resource of `kind` that a reference names, from the list of that kind. The loader has checked
   * every reference, so a dangling one here is a programming error: it throws, naming the reference.
   */
  compiled<T>(list: readonly T[], id: string, kind: ResourceKind): T
}

export function compileContext(design: Design): CompileContext {
  const zones = [...design.zones]
  const byId = new Map<string, { kind: ResourceKind; index: number }>()
  return {
    design,
    zones,
    zoneIndex: new Map(zones.map((z, i) => [z, i])),
    byId,
    of: <K extends ResourceKind>(kind: K) => design.resources.filter((r): r is ResourceOf<K> => r.kind === kind),
    name: (r) => r.name ?? r.id,
    vpcIdx: (id) => byId.get(id)?.index ?? -1,
    compiled: (list, id, kind) => {
      const hit = byId.get(id)
      const item = hit?.kind === kind ? list[hit.index] : undefined
      if (item === undefined) throw new Error(`engine: unchecked reference ${id}, compiled as no ${kind}`)
      return item
    },
  }
}

export function cidrOf(text: string): { base: number; mask: number; prefix: number } {
  const p = parseCidr(text)
  // the loader has checked every CIDR; a bad one here is a programming error
  if (!p.ok) throw new Error(`engine: unchecked CIDR ${text}`)
  const mask = maskOf(p.cidr.prefix)
  return { base: p.cidr.base | 0, mask: mask | 0, prefix: p.cidr.prefix }
}

export function addrOf(text: string): number {
  const a = parseIpv4(text)
  if (a === null) throw new Error(`engine: unchecked address ${text}`)
  return a | 0
}
