// Deleting a resource: what depends on it, what the cloud refuses, and the guide's teardown order
// (route entries first, then the GWLBe, then the endpoint service) so no route is left pointing nowhere.
import type { Design, Resource } from '../design'
import { zoneKey } from '../design'

export interface Dependent {
  id: string
  /** plain words: how it depends on the resource */
  description: string
}

export interface DeletionOption {
  label: string
  design: Design
}

export type DeletionPlan =
  | { ok: false; refused: string; dependents: Dependent[] }
  | { ok: true; dependents: Dependent[]; options: DeletionOption[] }

const name = (r: Resource) => r.name ?? r.id

function routesTo(design: Design, id: string): { table: Resource & { kind: 'routeTable' }; destination: string }[] {
  return design.resources.flatMap((t) =>
    t.kind === 'routeTable'
      ? t.entries.filter((e) => e.nextHopId === id).map((e) => ({ table: t, destination: e.destinationCidrBlock }))
      : [],
  )
}

/** Fault steps and flows of saved scenarios that name a resource. */
function scenarioUses(design: Design, id: string): Dependent[] {
  return design.scenarios.flatMap((s) => [
    ...s.flows
      .filter((f) => f.sourceId === id)
      .map((f) => ({ id: s.name, description: `scenario ${s.name}: flow ${f.name ?? f.id} (removed with it)` })),
    ...s.faults
      .filter((f) => Object.values(f.fault).includes(id))
      .map((f) => ({
        id: s.name,
        description: `scenario ${s.name}: the ${f.fault.kind} step at ${f.atSeconds} s (removed with it)`,
      })),
  ])
}

function without(design: Design, ids: ReadonlySet<string>): Design {
  const layout = Object.fromEntries(Object.entries(design.layout).filter(([k]) => !ids.has(k)))
  const named = (values: unknown[]) => values.some((v) => typeof v === 'string' && ids.has(v))
  const scenarios = design.scenarios.map((s) => ({
    ...s,
    flows: s.flows.filter((f) => !ids.has(f.sourceId)),
    faults: s.faults.filter((f) => !named(Object.values(f.fault))),
  }))
  return { ...design, resources: design.resources.filter((r) => !ids.has(r.id)), layout, scenarios }
}

function withoutRoutesTo(design: Design, id: string): Design {
  return {
    ...design,
    resources: design.resources.map((r) =>
      r.kind === 'routeTable' && r.entries.some((e) => e.nextHopId === id)
        ? { ...r, entries: r.entries.filter((e) => e.nextHopId !== id) }
        : r,
    ),
  }
}

type Refusal = { refused: string; dependents: Dependent[] }
type Refuser = (design: Design, r: Resource) => Refusal | null

/** A refusal when `holds` is not empty, its dependents described by `describe`. */
function refuseWhile<T extends Resource>(holds: T[], refused: string, describe: (x: T) => string): Refusal | null {
  return holds.length ? { refused, dependents: holds.map((x) => ({ id: x.id, description: describe(x) })) } : null
}

/** A VPC or a vSwitch: the cloud deletes one only when nothing is left in it. */
const refuseUnlessEmpty: Refuser = (design, r) => {
  const id = r.id
  const children = design.resources.filter(
    (c) => ('vpcId' in c && c.vpcId === id && c.kind !== 'gwlbEndpoint') || ('vswitchId' in c && c.vswitchId === id),
  )
  const mapped =
    r.kind === 'vswitch'
      ? design.resources.filter((g) => g.kind === 'gwlb' && g.zoneMappings.some((m) => m.vswitchId === id))
      : []
  const endpoints = design.resources.filter((e) => e.kind === 'gwlbEndpoint' && (e.vpcId === id || e.vswitchId === id))
  return refuseWhile(
    [...children, ...mapped, ...endpoints.filter((e) => !children.includes(e))],
    `${name(r)} still holds resources; the cloud deletes a ${r.kind === 'vpc' ? 'VPC' : 'vSwitch'} only when it is empty. Delete them first.`,
    (c) => `${name(c)} (${c.kind})`,
  )
}

/** What the cloud refuses to delete while something still needs it, one rule per kind. */
const REFUSERS: Partial<Record<Resource['kind'], Refuser>> = {
  vpc: refuseUnlessEmpty,
  vswitch: refuseUnlessEmpty,
  endpointService: (design, r) =>
    refuseWhile(
      design.resources.filter((e) => e.kind === 'gwlbEndpoint' && e.serviceId === r.id),
      `Delete the endpoints of ${name(r)} first (the order in Alibaba Cloud's GWLB guide: route entries, then GWLB endpoints, then the endpoint service).`,
      (e) => `${name(e)} (${e.kind === 'gwlbEndpoint' ? e.connectionStatus : ''})`,
    ),
  gwlb: (design, r) =>
    refuseWhile(
      design.resources.filter((s) => s.kind === 'endpointService' && s.resources.some((x) => x.resourceId === r.id)),
      `${name(r)} is a resource of an endpoint service: remove it from the service first.`,
      name,
    ),
  routeTable: (design, r) =>
    refuseWhile(
      design.resources.filter(
        (x) =>
          (x.kind === 'vswitch' && x.routeTableId === r.id) ||
          (x.kind === 'ipv4Gateway' && x.gatewayRouteTableId === r.id),
      ),
      `${name(r)} is bound; unbind it first.`,
      name,
    ),
  securityGroup: (design, r) =>
    refuseWhile(
      design.resources.filter((x) => (x.kind === 'ecs' || x.kind === 'appliance') && x.securityGroupIds.includes(r.id)),
      `${name(r)} is used by instances; take it off them first.`,
      name,
    ),
  // a group's members are fixed at creation (route_target_member_list is immutable): the group goes first
  gwlbEndpoint: (design, r) =>
    refuseWhile(
      design.resources.filter(
        (g) => g.kind === 'routeTargetGroup' && g.routeTargetMemberList.some((m) => m.memberId === r.id),
      ),
      `${name(r)} is a member of a route target group, whose members cannot change: delete the group first (after the route entries that name it).`,
      (g) => `${name(g)} (route target group)`,
    ),
}

/** The design without `r` and what goes with it: an appliance leaves its server groups, a gateway takes its own route table, a zone band its last vSwitch. */
function withoutResource(design: Design, r: Resource): Design {
  let plain = without(design, new Set([r.id]))
  if (r.kind === 'appliance')
    plain = {
      ...plain,
      resources: plain.resources.map((g) =>
        g.kind === 'gwlb' && g.serverGroup
          ? { ...g, serverGroup: { ...g.serverGroup, servers: g.serverGroup.servers.filter((s) => s !== r.id) } }
          : g,
      ),
    }
  if (r.kind === 'ipv4Gateway' && r.gatewayRouteTableId) {
    // the gateway's own route table goes with it when nothing else is bound to it
    plain = without(plain, new Set([r.gatewayRouteTableId]))
  }
  if (r.kind === 'vswitch') {
    // the zone band disappears with its last vSwitch; its layout entry goes too
    const key = zoneKey(r.vpcId, r.zoneId)
    if (!plain.resources.some((v) => v.kind === 'vswitch' && v.vpcId === r.vpcId && v.zoneId === r.zoneId))
      plain = { ...plain, layout: Object.fromEntries(Object.entries(plain.layout).filter(([k]) => k !== key)) }
  }
  return plain
}

/** With routes to it: the guide's way (the routes first) or the resource alone, leaving them a black hole. */
function deletionOptions(plain: Design, r: Resource, routeCount: number): DeletionOption[] {
  if (!routeCount) return [{ label: `Delete ${name(r)}`, design: plain }]
  return [
    {
      label: `Delete the ${routeCount} route entr${routeCount === 1 ? 'y' : 'ies'} to it, then ${name(r)} (the order in Alibaba Cloud's GWLB guide)`,
      design: withoutRoutesTo(plain, r.id),
    },
    {
      label: `Delete only ${name(r)}: ${routeCount === 1 ? 'its route entry is' : `${routeCount} route entries are`} left pointing nowhere (a black hole)`,
      design: plain,
    },
  ]
}

/** What deleting `id` involves. Options are offered in the order the guide recommends. */
export function planDeletion(design: Design, id: string): DeletionPlan {
  const r = design.resources.find((x) => x.id === id)
  if (!r) return { ok: false, refused: `No resource ${id}.`, dependents: [] }
  const refusal = REFUSERS[r.kind]?.(design, r)
  if (refusal) return { ok: false, ...refusal }
  const routes = routesTo(design, id).map((x) => ({
    id: x.table.id,
    description: `${name(x.table)}: ${x.destination} → ${name(r)}`,
  }))
  const inServerGroups: Dependent[] =
    r.kind === 'appliance'
      ? design.resources.flatMap((g) =>
          g.kind === 'gwlb' && g.serverGroup?.servers.includes(id)
            ? [{ id: g.id, description: `server group of ${name(g)}: the appliance is removed from it` }]
            : [],
        )
      : []
  return {
    ok: true,
    dependents: [...routes, ...inServerGroups, ...scenarioUses(design, id)],
    options: deletionOptions(withoutResource(design, r), r, routes.length),
  }
}

export type ServiceResourceRemoval = { ok: true; design: Design } | { ok: false; refused: string }

/**
 * Removes one zone's resource from an endpoint service. The cloud refuses while an endpoint of that zone is
 * connected (the guide: disconnect the endpoint connection first); the GWLB itself is kept.
 */
export function removeServiceResource(design: Design, serviceId: string, index: number): ServiceResourceRemoval {
  const service = design.resources.find((r) => r.id === serviceId)
  if (service?.kind !== 'endpointService' || !service.resources[index])
    return { ok: false, refused: `No service resource ${index} in ${serviceId}.` }
  const { zoneId } = service.resources[index]
  const stillServed = service.resources.some((x, i) => i !== index && x.zoneId === zoneId)
  const users = design.resources.filter(
    (e) =>
      e.kind === 'gwlbEndpoint' &&
      e.serviceId === serviceId &&
      e.zoneId === zoneId &&
      e.connectionStatus !== 'Disconnected',
  )
  if (!stillServed && users.length)
    return {
      ok: false,
      refused: `Endpoint ${users.map((u) => u.name ?? u.id).join(', ')} uses zone ${zoneId} of ${service.name ?? service.id}: disconnect ${users.length === 1 ? 'its connection' : 'their connections'} first.`,
    }
  return {
    ok: true,
    design: {
      ...design,
      resources: design.resources.map((r) =>
        r.id === serviceId && r.kind === 'endpointService'
          ? { ...r, resources: r.resources.filter((_, i) => i !== index) }
          : r,
      ),
    },
  }
}
