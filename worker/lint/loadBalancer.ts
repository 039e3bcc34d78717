// The GWLB's prerequisites and availability: listener, server group, appliances, zones (the guide: Prerequisites,
// Ensure high availability). May not touch: React, the DOM, zustand, worker/engine.
import { type Design, type Gwlb, HEALTH_CHECK_DEFAULTS, type ServerGroup } from '../../src/model'
import { problem } from './catalog'
import { updateResource } from './edit'
import { indexOf, label, named } from './lookup'
import type { Problem } from './problem'

/** Appliances of the GWLB's VPC that no server group uses yet. */
function freeAppliances(design: Design, gwlb: Gwlb): string[] {
  const ix = indexOf(design)
  const used = new Set(ix.ofKind('gwlb').flatMap((g) => g.serverGroup?.servers ?? []))
  return ix
    .ofKind('appliance')
    .filter((a) => !used.has(a.id) && ix.vpcOf(a) === gwlb.vpcId)
    .map((a) => a.id)
}

/** A server group as the guide recommends it: health check, draining and rebalancing on. */
function recommendedServerGroup(servers: string[]): ServerGroup {
  return {
    protocol: 'GENEVE',
    scheduler: '5TCH',
    healthCheck: { ...HEALTH_CHECK_DEFAULTS },
    connectionDrain: { enabled: true, timeout: 300 },
    serverFailoverMode: 'Rebalance',
    servers,
  }
}

function zonesOfServers(design: Design, group: ServerGroup): Set<string> {
  const ix = indexOf(design)
  const zones = new Set<string>()
  for (const id of group.servers) {
    const zone = ix.get(ix.get(id, 'appliance')?.vswitchId, 'vswitch')?.zoneId
    if (zone) zones.add(zone)
  }
  return zones
}

export function loadBalancers(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  const published = new Set(ix.ofKind('endpointService').flatMap((s) => s.resources.map((r) => r.resourceId)))
  for (const gwlb of ix.ofKind('gwlb')) {
    const name = label(gwlb)
    if (!gwlb.listener)
      out.push(
        problem(
          'GWLB-E001',
          `GWLB ${name} has no listener, so it forwards nothing. A GWLB needs its one listener, which takes every IP packet and forwards it in Geneve.`,
          [gwlb.id],
          {
            path: ix.path(gwlb.id, 'listener'),
            fix: {
              label: 'Add the listener',
              apply: (d) => updateResource(d, gwlb.id, 'gwlb', (g) => ({ ...g, listener: {} })),
            },
          },
        ),
      )
    out.push(...serverGroupProblems(design, gwlb))
    if (!published.has(gwlb.id))
      out.push(
        problem(
          'GWLB-W007',
          `GWLB ${name} is not a service resource of any endpoint service, so no GWLB endpoint can reach it and its appliances inspect nothing.`,
          [gwlb.id],
        ),
      )
  }
  out.push(...appliancesInNoGroup(design))
  return out
}

/** The GWLB's server group: present, holding appliances, and spread for availability. */
function serverGroupProblems(design: Design, gwlb: Gwlb): Problem[] {
  const ix = indexOf(design)
  const name = label(gwlb)
  const group = gwlb.serverGroup
  if (!group)
    return [
      problem(
        'GWLB-E002',
        `GWLB ${name} has no server group: its listener has no appliances to send traffic to.`,
        [gwlb.id],
        {
          path: ix.path(gwlb.id, 'serverGroup'),
          fix: {
            label: 'Add a server group with the VPC’s free appliances',
            apply: (d) =>
              updateResource(d, gwlb.id, 'gwlb', (g) => ({
                ...g,
                serverGroup: recommendedServerGroup(freeAppliances(d, g)),
              })),
          },
        },
      ),
    ]
  if (group.servers.length > 0) return availability(design, gwlb, group)
  const free = freeAppliances(design, gwlb)
  return [
    problem(
      'GWLB-E003',
      `The server group of GWLB ${name} has no appliances: every packet sent to it is dropped.`,
      [gwlb.id],
      {
        path: ix.path(gwlb.id, 'serverGroup.servers'),
        fix: free.length
          ? {
              label: `Add ${free.join(', ')} to the server group`,
              apply: (d) =>
                updateResource(d, gwlb.id, 'gwlb', (g) =>
                  g.serverGroup ? { ...g, serverGroup: { ...g.serverGroup, servers: freeAppliances(d, g) } } : g,
                ),
            }
          : undefined,
      },
    ),
  ]
}

/** Appliances no server group holds receive nothing to inspect; the fix adds one to its VPC's only GWLB. */
function appliancesInNoGroup(design: Design): Problem[] {
  const ix = indexOf(design)
  const inGroup = new Set(ix.ofKind('gwlb').flatMap((g) => g.serverGroup?.servers ?? []))
  const out: Problem[] = []
  for (const app of ix.ofKind('appliance')) {
    if (inGroup.has(app.id)) continue
    const vpcId = ix.vpcOf(app)
    const homes = ix.ofKind('gwlb').filter((g) => g.vpcId === vpcId && g.serverGroup)
    const home = homes.length === 1 ? homes[0] : undefined
    out.push(
      problem(
        'GWLB-W005',
        `${named('Appliance', app)} is in no GWLB server group, so it receives no traffic to inspect.`,
        [app.id],
        {
          fix: home && {
            label: `Add it to the server group of ${label(home)}`,
            apply: (d) =>
              updateResource(d, home.id, 'gwlb', (g) =>
                g.serverGroup
                  ? { ...g, serverGroup: { ...g.serverGroup, servers: [...g.serverGroup.servers, app.id] } }
                  : g,
              ),
          },
        },
      ),
    )
  }
  return out
}

function availability(design: Design, gwlb: Gwlb, group: ServerGroup): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  const name = label(gwlb)
  const mapped = gwlb.zoneMappings.map((m) => m.zoneId)
  const serverZones = zonesOfServers(design, group)
  if (mapped.length > 1 && serverZones.size === 1) {
    const [only] = serverZones
    out.push(
      problem(
        'GWLB-W004',
        `All appliances of GWLB ${name} are in zone ${only}, though it serves zones ${mapped.join(', ')}: if zone ${only} fails, no appliance is left to inspect traffic. Place appliances in another zone too.`,
        [gwlb.id, ...group.servers],
        { path: ix.path(gwlb.id, 'serverGroup.servers') },
      ),
    )
  }
  const [sole] = group.servers
  if (sole !== undefined && group.servers.length === 1)
    out.push(
      problem(
        'GWLB-W006',
        `The server group of GWLB ${name} has one appliance, ${sole}: when it fails or is removed, traffic is not inspected at all. Add a second appliance.`,
        [gwlb.id, sole],
        {
          path: ix.path(gwlb.id, 'serverGroup.servers'),
        },
      ),
    )
  if (!gwlb.crossZoneEnabled) {
    gwlb.zoneMappings.forEach((m, j) => {
      if (serverZones.has(m.zoneId)) return
      out.push(
        problem(
          'GWLB-E004',
          `GWLB ${name} forwards within each zone only (cross-zone forwarding off), and zone ${m.zoneId} has none of its appliances: traffic entering that zone is dropped. Alibaba Cloud's GWLB always forwards across zones.`,
          [gwlb.id],
          {
            path: ix.path(gwlb.id, `zoneMappings[${j}]`),
            fix: {
              label: 'Turn cross-zone forwarding on',
              apply: (d) => updateResource(d, gwlb.id, 'gwlb', (g) => ({ ...g, crossZoneEnabled: true })),
            },
          },
        ),
      )
    })
  }
  return out
}
