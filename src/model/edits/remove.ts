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

/** What deleting `id` involves. Options are offered in the order the guide recommends. */
export function planDeletion(design: Design, id: string): DeletionPlan {
  const r = design.resources.find((x) => x.id === id)
  if (!r) return { ok: false, refused: `No resource ${id}.`, dependents: [] }
  const routes = routesTo(design, id)
  const routeDeps: Dependent[] = routes.map((x) => ({
    id: x.table.id,
    description: `${name(x.table)}: ${x.destination} → ${name(r)}`,
  }))
  const children = design.resources.filter(
    (c) => ('vpcId' in c && c.vpcId === id && c.kind !== 'gwlbEndpoint') || ('vswitchId' in c && c.vswitchId === id),
  )
  const inUse: Dependent[] = []

  switch (r.kind) {
    case 'vpc':
    case 'vswitch': {
      const mapped =
        r.kind === 'vswitch'
          ? design.resources.filter((g) => g.kind === 'gwlb' && g.zoneMappings.some((m) => m.vswitchId === id))
          : []
      const endpoints = design.resources.filter(
        (e) => e.kind === 'gwlbEndpoint' && (e.vpcId === id || e.vswitchId === id),
      )
      const holds = [...children, ...mapped, ...endpoints.filter((e) => !children.includes(e))]
      if (holds.length)
        return {
          ok: false,
          refused: `${name(r)} still holds resources; the cloud deletes a ${r.kind === 'vpc' ? 'VPC' : 'vSwitch'} only when it is empty. Delete them first.`,
          dependents: holds.map((c) => ({ id: c.id, description: `${name(c)} (${c.kind})` })),
        }
      break
    }
    case 'endpointService': {
      const endpoints = design.resources.filter((e) => e.kind === 'gwlbEndpoint' && e.serviceId === id)
      if (endpoints.length)
        return {
          ok: false,
          refused: `Delete the endpoints of ${name(r)} first (the order in Alibaba Cloud's GWLB guide: route entries, then GWLB endpoints, then the endpoint service).`,
          dependents: endpoints.map((e) => ({
            id: e.id,
            description: `${name(e)} (${e.kind === 'gwlbEndpoint' ? e.connectionStatus : ''})`,
          })),
        }
      break
    }
    case 'gwlb': {
      const services = design.resources.filter(
        (s) => s.kind === 'endpointService' && s.resources.some((x) => x.resourceId === id),
      )
      if (services.length)
        return {
          ok: false,
          refused: `${name(r)} is a resource of an endpoint service: remove it from the service first.`,
          dependents: services.map((s) => ({ id: s.id, description: name(s) })),
        }
      break
    }
    case 'routeTable': {
      const bound = design.resources.filter(
        (x) =>
          (x.kind === 'vswitch' && x.routeTableId === id) || (x.kind === 'ipv4Gateway' && x.gatewayRouteTableId === id),
      )
      if (bound.length)
        return {
          ok: false,
          refused: `${name(r)} is bound; unbind it first.`,
          dependents: bound.map((b) => ({ id: b.id, description: name(b) })),
        }
      break
    }
    case 'securityGroup': {
      const users = design.resources.filter(
        (x) => (x.kind === 'ecs' || x.kind === 'appliance') && x.securityGroupIds.includes(id),
      )
      if (users.length)
        return {
          ok: false,
          refused: `${name(r)} is used by instances; take it off them first.`,
          dependents: users.map((u) => ({ id: u.id, description: name(u) })),
        }
      break
    }
    case 'appliance':
      for (const g of design.resources)
        if (g.kind === 'gwlb' && g.serverGroup?.servers.includes(id))
          inUse.push({ id: g.id, description: `server group of ${name(g)}: the appliance is removed from it` })
      break
    case 'gwlbEndpoint': {
      // a group's members are fixed at creation (route_target_member_list is immutable): the group goes first
      const groups = design.resources.filter(
        (g) => g.kind === 'routeTargetGroup' && g.routeTargetMemberList.some((m) => m.memberId === id),
      )
      if (groups.length)
        return {
          ok: false,
          refused: `${name(r)} is a member of a route target group, whose members cannot change: delete the group first (after the route entries that name it).`,
          dependents: groups.map((g) => ({ id: g.id, description: `${name(g)} (route target group)` })),
        }
      break
    }
    case 'ipv4Gateway':
      break
    default:
      break
  }

  const ids = new Set([id])
  let plain = without(design, ids)
  if (r.kind === 'appliance')
    plain = {
      ...plain,
      resources: plain.resources.map((g) =>
        g.kind === 'gwlb' && g.serverGroup
          ? { ...g, serverGroup: { ...g.serverGroup, servers: g.serverGroup.servers.filter((s) => s !== id) } }
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
  const options: DeletionOption[] = []
  if (routes.length) {
    options.push({
      label: `Delete the ${routes.length} route entr${routes.length === 1 ? 'y' : 'ies'} to it, then ${name(r)} (the order in Alibaba Cloud's GWLB guide)`,
      design: withoutRoutesTo(plain, id),
    })
    options.push({
      label: `Delete only ${name(r)}: ${routes.length === 1 ? 'its route entry is' : `${routes.length} route entries are`} left pointing nowhere (a black hole)`,
      design: plain,
    })
  } else {
    options.push({ label: `Delete ${name(r)}`, design: plain })
  }
  return { ok: true, dependents: [...routeDeps, ...inUse, ...scenarioUses(design, id)], options }
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
