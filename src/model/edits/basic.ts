// Pure document edits every other edit is built from: each returns a new design, its input untouched.
import type { Design, Resource, ResourceKind, ResourceOf } from '../design'
import { parseCidr } from '../ipv4'
import type { RouteEntry } from '../resources/routeTable'
import type { SecurityGroupRule } from '../resources/securityGroup'

export function findResource<K extends ResourceKind>(design: Design, id: string, kind: K): ResourceOf<K> | undefined {
  const r = design.resources.find((x) => x.id === id)
  return r?.kind === kind ? (r as ResourceOf<K>) : undefined
}

export function updateResource<K extends ResourceKind>(
  design: Design,
  id: string,
  kind: K,
  change: (r: ResourceOf<K>) => ResourceOf<K>,
): Design {
  return {
    ...design,
    resources: design.resources.map((r) => (r.id === id && r.kind === kind ? change(r as ResourceOf<K>) : r)),
  }
}

export function addResource(design: Design, r: Resource): Design {
  return { ...design, resources: [...design.resources, r] }
}

/** An id not yet used in the design, built from a base (ids are at most 64 characters). */
export function freshId(design: Design, base: string): string {
  const used = new Set(design.resources.map((r) => r.id))
  const stem = base.slice(0, 60)
  if (!used.has(stem)) return stem
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`
}

/**
 * A new security group in the instance's VPC, named for the instance and holding `rules`, added to the
 * instance's groups: the inspector's "+ New security group" and the linter's fixes for an instance without one.
 */
export function withNewSecurityGroup(
  design: Design,
  instance: ResourceOf<'ecs'> | ResourceOf<'appliance'>,
  vpcId: string,
  rules: SecurityGroupRule[] = [],
): { design: Design; id: string } {
  const id = freshId(design, `sg-${instance.id}`)
  const group: Resource = {
    kind: 'securityGroup',
    id,
    name: `${instance.name ?? instance.id} security group`.slice(0, 128),
    vpcId,
    // what CreateSecurityGroup makes when not told otherwise
    securityGroupType: 'basic',
    innerAccessPolicy: 'Accept',
    rules,
  }
  const added = addResource(design, group)
  const joined =
    instance.kind === 'ecs'
      ? updateResource(added, instance.id, 'ecs', (i) => ({ ...i, securityGroupIds: [...i.securityGroupIds, id] }))
      : updateResource(added, instance.id, 'appliance', (i) => ({
          ...i,
          securityGroupIds: [...i.securityGroupIds, id],
        }))
  return { design: joined, id }
}

export function sameBlock(a: string, b: string): boolean {
  const x = parseCidr(a)
  const y = parseCidr(b)
  return x.ok && y.ok && x.cidr.base === y.cidr.base && x.cidr.prefix === y.cidr.prefix
}

/** Entries with the route for `destination` set to the next hop: the existing entry changed, or a new one added. */
export function withRoute(
  entries: readonly RouteEntry[],
  destination: string,
  nextHopType: RouteEntry['nextHopType'],
  nextHopId: string,
): RouteEntry[] {
  const at = entries.findIndex((e) => sameBlock(e.destinationCidrBlock, destination))
  if (at < 0) return [...entries, { destinationCidrBlock: destination, nextHopType, nextHopId }]
  return entries.map((e, i) => (i === at ? { ...e, nextHopType, nextHopId } : e))
}

/** The table without its entry for `destination` (matched by block, so it stays right if entries were reordered). */
export function withoutEntry(design: Design, tableId: string, destination: string): Design {
  return updateResource(design, tableId, 'routeTable', (t) => ({
    ...t,
    entries: t.entries.filter((e) => !sameBlock(e.destinationCidrBlock, destination)),
  }))
}
