// Whether any appliance of a GWLB's server group can take the traffic its GWLB endpoints send: one that runs and
// accepts Geneve (UDP 6081) from the GWLB node sending it, among those the GWLB picks from (the healthy ones, or
// with none healthy what the allUnhealthy assumption says). With none, every packet through the GWLBe is dropped,
// yet the inspection intents still hold, as nothing arrives uninspected (docs/verify.md). May not touch: React,
// the DOM, zustand; of the engine, only its named assumptions.
import {
  type Appliance,
  type Design,
  type Gwlb,
  parseIpv4,
  type SecurityGroup,
  type ZoneMapping,
} from '../../src/model'
import { ASSUMPTIONS, type AssumptionValues, type EngineOptions } from '../engine/assumptions'
import { GENEVE_PORT, ingressVerdict, probeSource } from './appliance'
import { problem } from './catalog'
import { updateResource } from './edit'
import { type DesignIndex, indexOf, label } from './lookup'
import type { Problem } from './problem'

interface Member {
  app: Appliance
  groups: SecurityGroup[]
  zone: string | undefined
  /** fails its health checks (stopped, or its security groups refuse them): the GWLB counts it unhealthy */
  unhealthy: boolean
}

/** Why the appliances of a GWLB drop what it sends them, with the appliances each reason holds for. */
interface Reasons {
  stopped: Set<string>
  hung: Set<string>
  /** appliance → the GWLB addresses whose Geneve its security groups refuse */
  geneve: Map<string, string[]>
  /** running, taking Geneve, but failing its health checks while no appliance is healthy */
  unhealthy: Set<string>
}

const accepts = (m: Member, protocol: 'tcp' | 'udp', port: number, from: string) =>
  ingressVerdict(m.groups, protocol, port, parseIpv4(from) ?? 0).kind === 'accepted'

/** Why an appliance drops a flow the GWLB node at `from` sends it, or null when it takes it. */
function refusal(m: Member, from: string): 'stopped' | 'hung' | 'geneve' | null {
  if (m.app.state !== 'running') return m.app.state
  return accepts(m, 'udp', GENEVE_PORT, from) ? null : 'geneve'
}

function membersOf(ix: DesignIndex, gwlb: Gwlb): Member[] {
  const hc = gwlb.serverGroup?.healthCheck
  return (gwlb.serverGroup?.servers ?? []).flatMap((id) => {
    const app = ix.get(id, 'appliance')
    if (!app) return []
    const groups = app.securityGroupIds.flatMap((g) => ix.get(g, 'securityGroup') ?? [])
    const m: Member = { app, groups, zone: ix.get(app.vswitchId, 'vswitch')?.zoneId, unhealthy: false }
    // a hung appliance still answers health checks; a GWLB with no node sends none
    const from = probeSource(gwlb, m.zone)
    m.unhealthy =
      hc?.enabled === true && (app.state === 'stopped' || (from !== undefined && !accepts(m, 'tcp', hc.port, from)))
    return [m]
  })
}

/**
 * Whether nothing a GWLB node receives gets through; if so, adds why to `reasons`. The GWLB picks among the
 * healthy appliances; with none healthy, the assumption decides: under `drop` it drops the flows, under
 * `awsRandomTarget` it sends them to any member, and a running one that takes Geneve takes them.
 */
function deadNode(
  members: Member[],
  node: ZoneMapping,
  allUnhealthy: AssumptionValues['allUnhealthy'],
  reasons: Reasons,
): boolean {
  const from = node.privateIpAddress
  const healthy = members.filter((m) => !m.unhealthy)
  const pool = healthy.length ? healthy : allUnhealthy === 'awsRandomTarget' ? members : []
  if (pool.some((m) => refusal(m, from) === null)) return false
  for (const m of members) {
    const why = refusal(m, from)
    if (why === 'geneve') reasons.geneve.set(m.app.id, [...(reasons.geneve.get(m.app.id) ?? []), from])
    else if (why) reasons[why].add(m.app.id)
    // it would take the flows, but is out of the pool: unhealthy, with no healthy appliance
    else reasons.unhealthy.add(m.app.id)
  }
  return true
}

const list = (ids: Iterable<string>) => [...ids].join(', ')
const verb = (ids: { size: number }, one: string, many: string) => (ids.size > 1 ? many : one)

function reasonText(r: Reasons, port: number): string[] {
  const out: string[] = []
  if (r.stopped.size) out.push(`${list(r.stopped)} ${verb(r.stopped, 'is', 'are')} stopped`)
  if (r.hung.size)
    out.push(`${list(r.hung)} ${verb(r.hung, 'is', 'are')} hung (answering health checks, dropping traffic)`)
  const byAddresses = new Map<string, string[]>()
  for (const [id, froms] of r.geneve)
    byAddresses.set(froms.join(', '), [...(byAddresses.get(froms.join(', ')) ?? []), id])
  for (const [froms, ids] of byAddresses)
    out.push(`${list(ids)} ${ids.length > 1 ? 'do' : 'does'} not accept UDP 6081 (Geneve) from ${froms}`)
  if (r.unhealthy.size)
    out.push(
      `${list(r.unhealthy)} ${verb(r.unhealthy, 'fails', 'fail')} the health check (TCP ${port} is not accepted from the GWLB), and with no healthy appliance the GWLB drops new flows (assumption allUnhealthy = drop: Alibaba Cloud does not document it, docs/cloud.md 9.1)`,
    )
  return out
}

/** The GWLB endpoints that send to this GWLB (through the endpoint services publishing it), in the given zones. */
function endpointsOf(ix: DesignIndex, gwlb: Gwlb, zones: Set<string>): string[] {
  const services = new Set(
    ix
      .ofKind('endpointService')
      .filter((s) => s.resources.some((r) => r.resourceId === gwlb.id))
      .map((s) => s.id),
  )
  return ix
    .ofKind('gwlbEndpoint')
    .filter((e) => services.has(e.serviceId) && zones.has(e.zoneId))
    .map((e) => e.id)
}

/** GWLB-E005: a GWLB (or, forwarding within zones, a zone of it) whose appliances all drop what it sends them. */
export function serverGroupTraffic(design: Design, engine?: EngineOptions): Problem[] {
  const ix = indexOf(design)
  const allUnhealthy = engine?.assumptions?.allUnhealthy ?? ASSUMPTIONS.allUnhealthy.default
  return ix.ofKind('gwlb').flatMap((gwlb) => {
    const members = membersOf(ix, gwlb)
    const reasons: Reasons = { stopped: new Set(), hung: new Set(), geneve: new Map(), unhealthy: new Set() }
    const dead = gwlb.zoneMappings.filter((node) => {
      const candidates = gwlb.crossZoneEnabled ? members : members.filter((m) => m.zone === node.zoneId)
      return candidates.length > 0 && deadNode(candidates, node, allUnhealthy, reasons)
    })
    if (!dead.length) return []
    const why = reasonText(reasons, gwlb.serverGroup?.healthCheck.port ?? 0)
    return [noAppliance(ix, gwlb, dead, why, [...reasons.stopped, ...reasons.hung])]
  })
}

function noAppliance(ix: DesignIndex, gwlb: Gwlb, dead: ZoneMapping[], why: string[], starts: string[]): Problem {
  const zones = new Set(dead.map((m) => m.zoneId))
  const everywhere = dead.length === gwlb.zoneMappings.length
  const endpoints = endpointsOf(ix, gwlb, zones)
  const through = endpoints.length ? ` through GWLB endpoint${endpoints.length > 1 ? 's' : ''} ${list(endpoints)}` : ''
  const where = everywhere ? '' : ` in zone${zones.size > 1 ? 's' : ''} ${list(zones)}`
  return problem(
    'GWLB-E005',
    `No appliance of GWLB ${label(gwlb)} takes the traffic it receives${where}: ${why.join('; ')}. Every packet sent to it${where}${through} is dropped, so the servers behind ${endpoints.length > 1 ? 'them' : 'it'} get nothing from the internet and send nothing out.`,
    [gwlb.id, ...(gwlb.serverGroup?.servers ?? []), ...endpoints],
    {
      path: ix.path(gwlb.id, 'serverGroup.servers'),
      fix: starts.length
        ? {
            label: `Start ${list(starts)}`,
            apply: (d) =>
              starts.reduce(
                (next, id) => updateResource(next, id, 'appliance', (a) => ({ ...a, state: 'running' })),
                d,
              ),
          }
        : undefined,
    },
  )
}
