// PrivateLink: the endpoint service's resources, zones and accounts, and each GWLB endpoint's zone, whitelist
// admission, connection and account (the guide: Create endpoint service, Create GWLBe). May not touch: React, the DOM,
// zustand, worker/engine.
import type { Design, EndpointService, GwlbEndpoint } from '../../src/model'
import { formatIpv4, nextFreeAddress, parseCidr, parseIpv4, vswitchOf } from '../../src/model'
import { problem } from './catalog'
import { updateResource } from './edit'
import { indexOf, label, named } from './lookup'
import type { Fix, Problem } from './problem'

/** The zones a service offers: those of its service resources. */
export function serviceZones(service: EndpointService): string[] {
  return [...new Set(service.resources.map((r) => r.zoneId))]
}

/** Maps a GWLB to a zone through a vSwitch of its VPC in that zone, at the vSwitch's first free address. */
function mapZoneFix(design: Design, gwlbId: string, zoneId: string): Fix | undefined {
  const ix = indexOf(design)
  const gwlb = ix.get(gwlbId, 'gwlb')
  const vsw = gwlb && ix.vswitchesOf(gwlb.vpcId).find((v) => v.zoneId === zoneId)
  if (!gwlb || !vsw) return undefined
  return {
    label: `Map GWLB ${gwlb.id} to zone ${zoneId} through ${vsw.id}`,
    apply: (d) => {
      const dx = indexOf(d)
      const block = parseCidr(vsw.cidrBlock)
      if (!block.ok) return d
      const taken = new Set<number>()
      for (const r of d.resources) {
        if (vswitchOf(r) === vsw.id) {
          const addr = parseIpv4(
            r.kind === 'gwlbEndpoint'
              ? r.ipAddress
              : r.kind === 'ecs' || r.kind === 'appliance'
                ? r.privateIpAddress
                : '',
          )
          if (addr !== null) taken.add(addr)
        }
      }
      for (const g of dx.ofKind('gwlb'))
        for (const m of g.zoneMappings) {
          const addr = m.vswitchId === vsw.id ? parseIpv4(m.privateIpAddress) : null
          if (addr !== null) taken.add(addr)
        }
      const free = nextFreeAddress(block.cidr, taken)
      if (free === null) return d
      const address = formatIpv4(free)
      return updateResource(d, gwlbId, 'gwlb', (g) => ({
        ...g,
        zoneMappings: [...g.zoneMappings, { zoneId, vswitchId: vsw.id, privateIpAddress: address }],
      }))
    },
  }
}

export function endpointServices(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  for (const service of ix.ofKind('endpointService')) {
    service.resources.forEach((res, j) => {
      const gwlb = ix.get(res.resourceId, 'gwlb')
      if (!gwlb) return
      if (!gwlb.zoneMappings.some((m) => m.zoneId === res.zoneId))
        out.push(
          problem(
            'GWLB-E020',
            `${named('Endpoint service', service)} offers GWLB ${label(gwlb)} in zone ${res.zoneId}, but the GWLB serves only ${gwlb.zoneMappings.map((m) => m.zoneId).join(', ')}: endpoints in ${res.zoneId} reach no GWLB.`,
            [service.id, gwlb.id],
            { path: ix.path(service.id, `resources[${j}].zoneId`), fix: mapZoneFix(design, gwlb.id, res.zoneId) },
          ),
        )
      const owner = ix.get(gwlb.vpcId, 'vpc')?.accountId
      if (
        owner &&
        owner !== service.accountId &&
        service.resources.findIndex((r) => r.resourceId === res.resourceId) === j
      )
        out.push(
          problem(
            'GWLB-E021',
            `${named('Endpoint service', service)} belongs to account ${service.accountId}, but its GWLB ${label(gwlb)} is in VPC ${gwlb.vpcId} of account ${owner}: a service can publish only its own account's GWLB.`,
            [service.id, gwlb.id],
            {
              path: ix.path(service.id, 'accountId'),
              fix: {
                label: `Make account ${owner} the provider`,
                apply: (d) => updateResource(d, service.id, 'endpointService', (s) => ({ ...s, accountId: owner })),
              },
            },
          ),
        )
    })
  }
  return out
}

function connectionMessage(e: GwlbEndpoint, service: EndpointService): string {
  const who = `${named('GWLBe', e)}`
  const after = 'Until it is Connected, traffic routed to the endpoint is dropped.'
  switch (e.connectionStatus) {
    case 'Disconnected':
      return service.autoAcceptConnection
        ? `The connection of ${who} to ${label(service)} is Disconnected: the provider rejected or disconnected it. ${after}`
        : // the cloud has no Rejected status: a connection the provider rejected and one it has not accepted yet are
          // both Disconnected, so the message names both (a rejected one stays so until the provider accepts it)
          `The connection of ${who} to ${label(service)} is Disconnected: the provider rejected it, or has not accepted it yet (endpoint service ${label(service)} does not accept connections automatically). ${after}`
    case 'Connecting':
      return `The connection of ${who} to ${label(service)} is still Connecting. ${after}`
    case 'Disconnecting':
      return `The connection of ${who} to ${label(service)} is being disconnected. ${after}`
    default:
      return `The connection of ${who} to ${label(service)} is ${e.connectionStatus} (being modified). ${after}`
  }
}

export function gwlbEndpoints(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  const seen = new Map<string, GwlbEndpoint[]>()
  for (const e of ix.ofKind('gwlbEndpoint')) {
    const key = JSON.stringify([e.vpcId, e.serviceId, e.zoneId])
    seen.set(key, [...(seen.get(key) ?? []), e])
    const owner = ix.get(e.vpcId, 'vpc')?.accountId
    if (owner && owner !== e.accountId)
      out.push(
        problem(
          'GWLB-E026',
          `${named('GWLBe', e)} names account ${e.accountId} as its owner, but its VPC ${e.vpcId} belongs to account ${owner}: an endpoint is created by the owner of its VPC.`,
          [e.id, e.vpcId],
          {
            path: ix.path(e.id, 'accountId'),
            fix: {
              label: `Make account ${owner} the endpoint's owner`,
              apply: (d) => updateResource(d, e.id, 'gwlbEndpoint', (x) => ({ ...x, accountId: owner })),
            },
          },
        ),
      )
    const service = ix.get(e.serviceId, 'endpointService')
    if (service) out.push(...endpointOfService(design, e, service))
  }
  out.push(...oneEndpointPerZone(seen))
  return out
}

/** The endpoint against its service: a zone the service offers, an account its whitelist admits, Connected. */
function endpointOfService(design: Design, e: GwlbEndpoint, service: EndpointService): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  const zones = serviceZones(service)
  if (!zones.includes(e.zoneId)) {
    const gwlb = service.resources
      .map((r) => ix.get(r.resourceId, 'gwlb'))
      .find((g) => g?.zoneMappings.some((m) => m.zoneId === e.zoneId))
    out.push(
      problem(
        'GWLB-E022',
        `${named('GWLBe', e)} is in zone ${e.zoneId}, but endpoint service ${label(service)} offers ${zones.length ? `only ${zones.join(', ')}` : 'no zone (it has no service resource)'}: the endpoint has no GWLB to send traffic to.`,
        [e.id, service.id],
        {
          path: ix.path(e.id, 'zoneId'),
          fix: gwlb && {
            label: `Add GWLB ${gwlb.id} in ${e.zoneId} as a service resource`,
            apply: (d) =>
              updateResource(d, service.id, 'endpointService', (s) => ({
                ...s,
                resources: [...s.resources, { resourceId: gwlb.id, zoneId: e.zoneId }],
              })),
          },
        },
      ),
    )
  }
  const admitted =
    e.accountId === service.accountId || service.whitelist.includes('*') || service.whitelist.includes(e.accountId)
  if (!admitted)
    out.push(
      problem(
        'GWLB-E023',
        `The whitelist of endpoint service ${label(service)} does not admit account ${e.accountId}, the owner of ${named('GWLBe', e)}: that account may not request a connection.`,
        [e.id, service.id],
        {
          path: ix.path(service.id, 'whitelist'),
          fix: {
            label: `Add account ${e.accountId} to the whitelist`,
            apply: (d) =>
              updateResource(d, service.id, 'endpointService', (s) => ({
                ...s,
                whitelist: [...s.whitelist, e.accountId],
              })),
          },
        },
      ),
    )
  if (e.connectionStatus !== 'Connected')
    out.push(
      problem('GWLB-E024', connectionMessage(e, service), [e.id, service.id], {
        path: ix.path(e.id, 'connectionStatus'),
        fix: {
          label: 'Accept the connection',
          apply: (d) => updateResource(d, e.id, 'gwlbEndpoint', (x) => ({ ...x, connectionStatus: 'Connected' })),
        },
      }),
    )
  return out
}

/** One GWLBe per VPC, service and zone: `seen` groups the endpoints by the three. */
function oneEndpointPerZone(seen: Map<string, GwlbEndpoint[]>): Problem[] {
  const out: Problem[] = []
  for (const group of seen.values()) {
    const [first] = group
    if (!first || group.length < 2) continue
    out.push(
      problem(
        'GWLB-E025',
        `VPC ${first.vpcId} has ${group.length} GWLBes for endpoint service ${first.serviceId} in zone ${first.zoneId} (${group.map((g) => g.id).join(', ')}): Alibaba Cloud's GWLB guide allows one per zone. Keep one and route the zone's vSwitches to it.`,
        group.map((g) => g.id),
      ),
    )
  }
  return out
}
