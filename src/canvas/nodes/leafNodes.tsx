// One component per drawn resource kind that is not a container.
import type { NodeProps } from '@xyflow/react'
import { CONNECTION_STATUS_TONE } from '../../share/drawing/look'
import { useSim } from '../../store/context'
import type { ResourceNodeData } from '../toFlow'
import { Pill, ResourceCard } from './ResourceCard'
import { RouteTableBadge } from './RouteTableBadge'
import { useResource } from './useResource'

type Props = NodeProps & { data: ResourceNodeData }

export function InternetHostNode({ data, selected }: Props) {
  const r = useResource(data.resourceId, 'internetHost')
  if (!r) return null
  return (
    <ResourceCard
      kind="internetHost"
      id={r.id}
      handles={data.handles}
      name={r.name ?? r.id}
      facts={r.ipAddress}
      selected={selected}
    />
  )
}

export function Ipv4GatewayNode({ data, selected }: Props) {
  const r = useResource(data.resourceId, 'ipv4Gateway')
  if (!r) return null
  return (
    <ResourceCard
      kind="ipv4Gateway"
      id={r.id}
      handles={data.handles}
      name={r.name ?? r.id}
      selected={selected}
      facts={<RouteTableBadge routeTableId={r.gatewayRouteTableId} />}
    />
  )
}

export function GwlbEndpointNode({ data, selected }: Props) {
  const r = useResource(data.resourceId, 'gwlbEndpoint')
  if (!r) return null
  return (
    <ResourceCard
      kind="gwlbEndpoint"
      id={r.id}
      handles={data.handles}
      name={r.name ?? r.id}
      selected={selected}
      facts={`${r.ipAddress} · ${r.zoneId}`}
      badge={<Pill tone={CONNECTION_STATUS_TONE[r.connectionStatus]}>{r.connectionStatus}</Pill>}
    />
  )
}

export function EndpointServiceNode({ data, selected }: Props) {
  const r = useResource(data.resourceId, 'endpointService')
  if (!r) return null
  const zones = new Set(r.resources.map((x) => x.zoneId)).size
  return (
    <ResourceCard
      kind="endpointService"
      id={r.id}
      handles={data.handles}
      name={r.name ?? r.id}
      selected={selected}
      facts={`${zones} zone${zones === 1 ? '' : 's'} · ${r.autoAcceptConnection ? 'auto-accept' : 'manual accept'}`}
    />
  )
}

export function GwlbNode({ data, selected }: Props) {
  const r = useResource(data.resourceId, 'gwlb')
  if (!r) return null
  const g = r.serverGroup
  const facts = g
    ? `${g.scheduler} · ${g.servers.length} appliances · HC ${g.healthCheck.enabled ? `${g.healthCheck.protocol}:${g.healthCheck.port}` : 'off'}`
    : 'no server group'
  return (
    <ResourceCard
      kind="gwlb"
      id={r.id}
      handles={data.handles}
      name={r.name ?? r.id}
      selected={selected}
      facts={facts}
      badge={r.listener ? <Pill tone="info">GENEVE 6081</Pill> : <Pill tone="bad">no listener</Pill>}
    />
  )
}

const APPLIANCE_LABEL = { firewall: 'Firewall', ids: 'IDS', dpi: 'DPI', mirror: 'Traffic mirror' } as const
const STATE_TONE = { running: 'ok', stopped: 'bad', hung: 'warn' } as const

export function ApplianceNode({ data, selected }: Props) {
  const r = useResource(data.resourceId, 'appliance')
  // while a scenario plays, the node shows the simulated appliance: its run state and what the GWLB thinks of it
  const simulated = useSim((s) => (s.status === 'ready' ? s.appliances[data.resourceId] : undefined))
  if (!r) return null
  const state = simulated?.run ?? r.state
  const health = simulated
    ? simulated.membership !== 'member'
      ? simulated.membership
      : simulated.healthy
        ? 'healthy'
        : 'unhealthy'
    : null
  const facts = `${r.privateIpAddress} · ${r.jumboFrames ? 'jumbo' : 'MTU 1500'}${r.stateful ? ' · stateful' : ''}`
  const pills = (
    <span className="inline-flex gap-0.5 align-middle" data-testid={`appliance-state-${r.id}`}>
      <Pill tone={STATE_TONE[state]}>{state}</Pill>
      {health && <Pill tone={health === 'healthy' ? 'ok' : 'bad'}>{health}</Pill>}
    </span>
  )
  return (
    <ResourceCard
      kind="appliance"
      id={r.id}
      handles={data.handles}
      name={r.name ?? r.id}
      kindLabel={APPLIANCE_LABEL[r.applianceType]}
      selected={selected}
      // while simulated, two pills (run state and health) beside the kind would cut it ("FIRE…"): they lead the
      // facts line instead, which wraps
      facts={
        health ? (
          <>
            {pills} {facts}
          </>
        ) : (
          facts
        )
      }
      badge={health ? undefined : pills}
    />
  )
}

export function EcsNode({ data, selected }: Props) {
  const r = useResource(data.resourceId, 'ecs')
  if (!r) return null
  const sgCount = r.securityGroupIds.length
  return (
    <ResourceCard
      kind="ecs"
      id={r.id}
      handles={data.handles}
      name={r.name ?? r.id}
      kindLabel={`ECS ${r.role}${sgCount ? ` · ${sgCount} SG` : ''}`}
      selected={selected}
      facts={r.publicIpAddress ? `${r.privateIpAddress} · EIP ${r.publicIpAddress}` : r.privateIpAddress}
    />
  )
}

/**
 * A route target group: its members and which one carries the traffic. From the design, the active member (weight
 * 100); while a scenario plays, the member the simulation has carrying it (the standby after a failover, until
 * switched back) and each member's health.
 */
export function RouteTargetGroupNode({ data, selected }: Props) {
  const r = useResource(data.resourceId, 'routeTargetGroup')
  const simulated = useSim((s) => (s.status === 'ready' ? s.routeTargets[data.resourceId] : undefined))
  if (!r) return null
  const active = r.routeTargetMemberList.find((m) => m.weight === 100)?.memberId ?? '?'
  const carrying = simulated?.carryingMemberId ?? active
  const failedOver = simulated?.failedOver ?? false
  const unhealthy = simulated?.members.filter((m) => !m.healthy).map((m) => m.memberId) ?? []
  return (
    <ResourceCard
      kind="routeTargetGroup"
      id={r.id}
      handles={data.handles}
      name={r.name ?? r.id}
      selected={selected}
      facts={
        <span data-testid={`route-target-carrying-${r.id}`}>
          {failedOver ? `standby ${carrying} carries traffic` : `active ${carrying} carries traffic`}
          {unhealthy.length ? ` · ${unhealthy.join(', ')} Unhealthy` : ''}
        </span>
      }
      badge={
        failedOver ? (
          <Pill tone="warn">failed over</Pill>
        ) : (
          <Pill tone={unhealthy.includes(carrying) ? 'bad' : 'info'}>Active-Standby</Pill>
        )
      }
    />
  )
}
