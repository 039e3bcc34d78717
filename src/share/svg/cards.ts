// What each leaf card says, as plain data: the same name, kind label, facts and pills as the canvas's
// node components (src/canvas/nodes/leafNodes.tsx), which are React and read the stores, so they cannot
// run here. The picture shows the design at rest: no simulated appliance state, no packet rates.

import type { Design, Resource } from '../../model'
import { CONNECTION_STATUS_TONE, type KIND_STYLE } from '../drawing/look'

export type CardKind = keyof typeof KIND_STYLE
export type Tone = 'ok' | 'warn' | 'bad' | 'info'

export interface Card {
  kind: CardKind
  name: string
  /** overrides the kind's label, e.g. "Firewall" for an appliance */
  kindLabel?: string
  /** the facts line, or the route-table badge the IPv4 gateway shows there */
  facts: { text: string } | { badge: string }
  pills: { tone: Tone; text: string }[]
}

const APPLIANCE_LABEL = { firewall: 'Firewall', ids: 'IDS', dpi: 'DPI', mirror: 'Traffic mirror' } as const
const STATE_TONE = { running: 'ok', stopped: 'bad', hung: 'warn' } as const

/** The route-table badge's words, as RouteTableBadge shows them; undefined when it shows nothing. */
export function routeBadge(design: Design, routeTableId: string | undefined, system: boolean): string | undefined {
  if (!routeTableId) return system ? 'system routes' : undefined
  const table = design.resources.find((r) => r.id === routeTableId)
  const entries = table?.kind === 'routeTable' ? table.entries.length : 0
  return `${table?.kind === 'routeTable' && table.routeTableType === 'Gateway' ? 'gateway routes' : 'routes'} (${entries})`
}

export function cardOf(design: Design, r: Resource): Card | undefined {
  const name = r.name ?? r.id
  switch (r.kind) {
    case 'internetHost':
      return { kind: r.kind, name, facts: { text: r.ipAddress }, pills: [] }
    case 'ipv4Gateway': {
      const badge = routeBadge(design, r.gatewayRouteTableId, false)
      return { kind: r.kind, name, facts: badge ? { badge } : { text: '' }, pills: [] }
    }
    case 'gwlbEndpoint':
      return {
        kind: r.kind,
        name,
        facts: { text: `${r.ipAddress} · ${r.zoneId}` },
        pills: [{ tone: CONNECTION_STATUS_TONE[r.connectionStatus], text: r.connectionStatus }],
      }
    case 'endpointService': {
      const zones = new Set(r.resources.map((x) => x.zoneId)).size
      return {
        kind: r.kind,
        name,
        facts: {
          text: `${zones} zone${zones === 1 ? '' : 's'} · ${r.autoAcceptConnection ? 'auto-accept' : 'manual accept'}`,
        },
        pills: [],
      }
    }
    case 'gwlb': {
      const g = r.serverGroup
      const facts = g
        ? `${g.scheduler} · ${g.servers.length} appliances · HC ${g.healthCheck.enabled ? `${g.healthCheck.protocol}:${g.healthCheck.port}` : 'off'}`
        : 'no server group'
      return {
        kind: r.kind,
        name,
        facts: { text: facts },
        pills: [r.listener ? { tone: 'info', text: 'GENEVE 6081' } : { tone: 'bad', text: 'no listener' }],
      }
    }
    case 'appliance':
      return {
        kind: r.kind,
        name,
        kindLabel: APPLIANCE_LABEL[r.applianceType],
        facts: {
          text: `${r.privateIpAddress} · ${r.jumboFrames ? 'jumbo' : 'MTU 1500'}${r.stateful ? ' · stateful' : ''}`,
        },
        pills: [{ tone: STATE_TONE[r.state], text: r.state }],
      }
    case 'ecs': {
      const sgCount = r.securityGroupIds.length
      return {
        kind: r.kind,
        name,
        kindLabel: `ECS ${r.role}${sgCount ? ` · ${sgCount} SG` : ''}`,
        facts: { text: r.publicIpAddress ? `${r.privateIpAddress} · EIP ${r.publicIpAddress}` : r.privateIpAddress },
        pills: [],
      }
    }
    case 'routeTargetGroup': {
      const member = (w: number) => r.routeTargetMemberList.find((m) => m.weight === w)?.memberId ?? '?'
      return {
        kind: r.kind,
        name,
        facts: { text: `active ${member(100)} · standby ${member(0)}` },
        pills: [{ tone: 'info', text: r.configMode }],
      }
    }
    default:
      return undefined
  }
}
