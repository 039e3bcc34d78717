// A change plan's steps, named in the cloud's API words, applied to a design one at a time; a step the cloud
// would refuse at that point is refused with its reason. May not touch: React, the DOM, zustand.
import * as z from 'zod/mini'
import {
  CLOUD_SERVICES_CIDR,
  type Design,
  isReservedInVswitch,
  parseCidr,
  parseIpv4,
  planStepShape,
  type Resource,
  type RouteEntry,
} from '../../src/model'
import { findResource, sameBlock, updateResource, withoutEntry, withRoute } from '../../src/model/edits/basic'
import { admitsAccount, endpointInZone, onePerZoneMessage, requestedStatus } from '../../src/model/edits/create'
import type { AssumptionValues } from '../engine'

export const PLAN_FORMAT = 'gwlb-studio/plan'
export const PLAN_VERSION = 1

/**
 * One step: an API call with its parameters (the design's plan holds the same fields, src/model/plan.ts); the
 * exported sequence's other fields (product, note, ...) may stay.
 */
export const stepSchema = z.looseObject(planStepShape)
export type PlanStep = z.infer<typeof stepSchema>

export const planSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(PLAN_VERSION),
  name: z.optional(z.string()),
  steps: z.array(stepSchema),
})
export type Plan = z.infer<typeof planSchema>

export type PlanParse = { ok: true; plan: Plan } | { ok: false; errors: string[] }

export function parsePlan(text: string): PlanParse {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return { ok: false, errors: [`not JSON: ${(e as Error).message}`] }
  }
  const r = z.safeParse(planSchema, data)
  if (r.success) return { ok: true, plan: r.data }
  return {
    ok: false,
    errors: r.error.issues.map((i) => {
      const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
      const step = i.path[0] === 'steps' && typeof i.path[1] === 'number' ? `step ${i.path[1] + 1}: ` : ''
      return `${step}${path.replace(/^\./, '')}: ${i.message}`
    }),
  }
}

export type StepResult = { ok: true; design: Design } | { ok: false; refused: string }

type Params = PlanStep['parameters']

/** A parameter as a design id or text: an earlier call's output stands for the design resource it created. */
function param(p: Params, key: string): string | undefined {
  const v = p[key]
  if (v === undefined) return undefined
  return typeof v === 'object' ? v.designId : String(v)
}

const refuse = (refused: string): StepResult => ({ ok: false, refused })

type Handler = (d: Design, p: Params, step: PlanStep, a: AssumptionValues) => StepResult

function need(p: Params, keys: string[]): string | null {
  const missing = keys.filter((k) => param(p, k) === undefined)
  return missing.length ? `missing parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : null
}

function vswitchCidrs(d: Design, vpcId: string): string[] {
  return d.resources.flatMap((r) => (r.kind === 'vswitch' && r.vpcId === vpcId ? [r.cidrBlock] : []))
}

function inside(inner: string, outer: string): boolean {
  const a = parseCidr(inner)
  const b = parseCidr(outer)
  if (!a.ok || !b.ok || a.cidr.prefix < b.cidr.prefix) return false
  const mask = b.cidr.prefix === 0 ? 0 : (0xffffffff << (32 - b.cidr.prefix)) >>> 0
  return (a.cidr.base & mask) >>> 0 === b.cidr.base
}

/** Whether a next hop of that type exists in the table's VPC; the reason when not. */
function nextHopProblem(d: Design, vpcId: string, type: string, id: string): string | null {
  const r = d.resources.find((x) => x.id === id)
  if (!r) return `next hop ${id} does not exist`
  const kind: Record<string, Resource['kind'][]> = {
    Ipv4Gateway: ['ipv4Gateway'],
    GatewayLoadBalancerEndpoint: ['gwlbEndpoint'],
    Instance: ['ecs', 'appliance'],
    NetworkInterface: ['ecs', 'appliance'],
  }
  if (!kind[type]) return `NextHopType ${type} is not one of ${Object.keys(kind).join(', ')}`
  if (!kind[type].includes(r.kind)) return `next hop ${id} is a ${r.kind}, not a ${type}`
  const vpcOf = (x: Resource): string | undefined =>
    'vpcId' in x ? x.vpcId : 'vswitchId' in x ? findResource(d, x.vswitchId, 'vswitch')?.vpcId : undefined
  if (vpcOf(r) !== vpcId) return `next hop ${id} is in another VPC`
  return null
}

const createRouteEntry: Handler = (d, p) => {
  const missing = need(p, ['RouteTableId', 'DestinationCidrBlock', 'NextHopType', 'NextHopId'])
  if (missing) return refuse(missing)
  const tableId = param(p, 'RouteTableId') as string
  const dest = param(p, 'DestinationCidrBlock') as string
  const type = param(p, 'NextHopType') as RouteEntry['nextHopType']
  const hop = param(p, 'NextHopId') as string
  const t = findResource(d, tableId, 'routeTable')
  if (!t) return refuse(`route table ${tableId} does not exist`)
  const c = parseCidr(dest)
  if (!c.ok) return refuse(`DestinationCidrBlock ${dest}: ${c.problem}`)
  if (t.entries.some((e) => sameBlock(e.destinationCidrBlock, dest)))
    return refuse(`route table ${tableId} already has an entry for ${dest}`)
  if (inside(dest, CLOUD_SERVICES_CIDR))
    return refuse(`${dest} is inside ${CLOUD_SERVICES_CIDR}, the cloud services' block`)
  const vsw = vswitchCidrs(d, t.vpcId).find((v) => inside(dest, v))
  if (vsw)
    return refuse(
      t.routeTableType === 'Gateway'
        ? `${dest} is a vSwitch CIDR: a gateway route table's entry for it is changed with UpdateGatewayRouteTableEntryAttribute`
        : `${dest} is equal to or inside vSwitch CIDR ${vsw}, which a custom entry may not be`,
    )
  const problem = nextHopProblem(d, t.vpcId, type, hop)
  if (problem) return refuse(problem)
  return {
    ok: true,
    design: updateResource(d, tableId, 'routeTable', (x) => ({ ...x, entries: withRoute(x.entries, dest, type, hop) })),
  }
}

const deleteRouteEntry: Handler = (d, p) => {
  const missing = need(p, ['RouteTableId', 'DestinationCidrBlock'])
  if (missing) return refuse(missing)
  const tableId = param(p, 'RouteTableId') as string
  const dest = param(p, 'DestinationCidrBlock') as string
  const t = findResource(d, tableId, 'routeTable')
  if (!t) return refuse(`route table ${tableId} does not exist`)
  const e = t.entries.find((x) => sameBlock(x.destinationCidrBlock, dest))
  if (!e) return refuse(`route table ${tableId} has no custom entry for ${dest}`)
  const hop = param(p, 'NextHopId')
  if (hop !== undefined && hop !== e.nextHopId)
    return refuse(`the entry for ${dest} in ${tableId} goes to ${e.nextHopId}, not ${hop}`)
  return { ok: true, design: withoutEntry(d, tableId, dest) }
}

const updateGatewayRoute: Handler = (d, p, _s, assumptions) => {
  const missing = need(p, ['IPv4GatewayRouteTableId', 'DestinationCidrBlock', 'NextHopType'])
  if (missing) return refuse(missing)
  const tableId = param(p, 'IPv4GatewayRouteTableId') as string
  const dest = param(p, 'DestinationCidrBlock') as string
  const type = param(p, 'NextHopType') as string
  const t = findResource(d, tableId, 'routeTable')
  if (t?.routeTableType !== 'Gateway') return refuse(`${tableId} is no gateway route table`)
  if (!vswitchCidrs(d, t.vpcId).some((v) => sameBlock(v, dest)))
    return refuse(`${dest} is no vSwitch CIDR of ${t.vpcId}: a gateway route table's entries are keyed by vSwitch CIDR`)
  const current = t.entries.find((e) => sameBlock(e.destinationCidrBlock, dest))
  if (type === 'Local') return { ok: true, design: current ? withoutEntry(d, tableId, dest) : d }
  const hop = param(p, 'NextHopId')
  if (hop === undefined) return refuse('missing parameter NextHopId')
  const problem = nextHopProblem(d, t.vpcId, type, hop)
  if (problem) return refuse(problem)
  if (current && current.nextHopId !== hop && assumptions.viaLocal === 'required')
    return refuse(
      `the entry for ${dest} goes to ${current.nextHopId}; it must go back to Local before another next hop (assumption viaLocal = required)`,
    )
  return {
    ok: true,
    design: updateResource(d, tableId, 'routeTable', (x) => ({
      ...x,
      entries: withRoute(x.entries, dest, type as RouteEntry['nextHopType'], hop),
    })),
  }
}

function newId(step: PlanStep, p: Params, key: string): string | undefined {
  return step.creates?.designId ?? param(p, key)
}

const createVpcEndpoint: Handler = (d, p, step) => {
  const missing = need(p, ['VpcId', 'ServiceId', 'Zone.1.ZoneId', 'Zone.1.VSwitchId'])
  if (missing) return refuse(missing)
  const id = newId(step, p, 'EndpointId')
  if (!id) return refuse('name the new endpoint: a `creates` with its design id, or an EndpointId parameter')
  if (d.resources.some((r) => r.id === id)) return refuse(`${id} already exists`)
  const vpcId = param(p, 'VpcId') as string
  const serviceId = param(p, 'ServiceId') as string
  const zoneId = param(p, 'Zone.1.ZoneId') as string
  const vswitchId = param(p, 'Zone.1.VSwitchId') as string
  const vpc = findResource(d, vpcId, 'vpc')
  const service = findResource(d, serviceId, 'endpointService')
  const vsw = findResource(d, vswitchId, 'vswitch')
  if (!vpc) return refuse(`VPC ${vpcId} does not exist`)
  if (!service) return refuse(`endpoint service ${serviceId} does not exist`)
  if (!vsw || vsw.vpcId !== vpcId || vsw.zoneId !== zoneId)
    return refuse(`vSwitch ${vswitchId} is not a vSwitch of ${vpcId} in zone ${zoneId}`)
  if (!service.resources.some((r) => r.zoneId === zoneId))
    return refuse(`${serviceId} has no GWLB in zone ${zoneId}: an endpoint must be in a zone of its service`)
  if (endpointInZone(d, serviceId, vpcId, zoneId)) return refuse(onePerZoneMessage(d, vpcId, zoneId))
  if (!admitsAccount(service, vpc.accountId))
    return refuse(`the whitelist of ${serviceId} does not admit account ${vpc.accountId}`)
  const ip = param(p, 'Zone.1.Ip')
  if (ip === undefined) return refuse('missing parameter Zone.1.Ip (the ENI address the design shows)')
  const a = parseIpv4(ip)
  const block = parseCidr(vsw.cidrBlock)
  if (a === null || !block.ok || !inside(`${ip}/32`, vsw.cidrBlock) || isReservedInVswitch(block.cidr, a))
    return refuse(`${ip} is not a free address of ${vswitchId} (${vsw.cidrBlock})`)
  const taken = d.resources.some(
    (r) =>
      ('privateIpAddress' in r && r.privateIpAddress === ip && 'vswitchId' in r && r.vswitchId === vswitchId) ||
      (r.kind === 'gwlbEndpoint' && r.ipAddress === ip && r.vpcId === vpcId),
  )
  if (taken) return refuse(`${ip} is already taken in ${vswitchId}`)
  const name = param(p, 'EndpointName')
  const endpoint: Resource = {
    kind: 'gwlbEndpoint',
    id,
    ...(name ? { name } : {}),
    accountId: vpc.accountId,
    vpcId,
    serviceId,
    zoneId,
    vswitchId,
    ipAddress: ip,
    connectionStatus: requestedStatus(service),
  }
  return { ok: true, design: { ...d, resources: [...d.resources, endpoint] } }
}

function endpointOf(d: Design, p: Params): { ep?: Resource & { kind: 'gwlbEndpoint' }; problem?: string } {
  const id = param(p, 'EndpointId')
  if (id === undefined) return { problem: 'missing parameter EndpointId' }
  const ep = findResource(d, id, 'gwlbEndpoint')
  return ep ? { ep } : { problem: `endpoint ${id} does not exist` }
}

const deleteVpcEndpoint: Handler = (d, p) => {
  const { ep, problem } = endpointOf(d, p)
  if (!ep) return refuse(problem as string)
  // the cloud deletes it even while routes point at it: those routes become black holes (the guide's warning)
  return { ok: true, design: { ...d, resources: d.resources.filter((r) => r.id !== ep.id) } }
}

function setConnection(status: 'Connected' | 'Disconnected'): Handler {
  return (d, p) => {
    const { ep, problem } = endpointOf(d, p)
    if (!ep) return refuse(problem as string)
    const serviceId = param(p, 'ServiceId')
    if (serviceId !== undefined && serviceId !== ep.serviceId)
      return refuse(`endpoint ${ep.id} connects to ${ep.serviceId}, not ${serviceId}`)
    return { ok: true, design: updateResource(d, ep.id, 'gwlbEndpoint', (e) => ({ ...e, connectionStatus: status })) }
  }
}

const createVpcEndpointService: Handler = (d, p, step) => {
  const id = newId(step, p, 'ServiceId')
  if (!id) return refuse('name the new service: a `creates` with its design id, or a ServiceId parameter')
  if (d.resources.some((r) => r.id === id)) return refuse(`${id} already exists`)
  const resources: { resourceId: string; zoneId: string }[] = []
  for (let i = 1; param(p, `Resource.${i}.ResourceId`) !== undefined; i++) {
    const resourceId = param(p, `Resource.${i}.ResourceId`) as string
    const zoneId = param(p, `Resource.${i}.ZoneId`)
    const g = findResource(d, resourceId, 'gwlb')
    if (!g) return refuse(`Resource.${i}.ResourceId: GWLB ${resourceId} does not exist`)
    if (!zoneId || !g.zoneMappings.some((m) => m.zoneId === zoneId))
      return refuse(`Resource.${i}.ZoneId: ${resourceId} has no zone ${zoneId ?? '(none given)'}`)
    resources.push({ resourceId, zoneId })
  }
  const owner = resources.length
    ? findResource(d, findResource(d, resources[0].resourceId, 'gwlb')?.vpcId ?? '', 'vpc')
    : undefined
  const accountId = step.accountId ?? owner?.accountId
  if (!accountId) return refuse('the provider account is unknown: give accountId or a Resource.1.ResourceId')
  const service: Resource = {
    kind: 'endpointService',
    id,
    ...(param(p, 'ServiceDescription') ? { name: param(p, 'ServiceDescription') } : {}),
    accountId,
    serviceResourceType: 'gwlb',
    resources,
    autoAcceptConnection: p.AutoAcceptEnabled === true || p.AutoAcceptEnabled === 'true',
    whitelist: [],
    payer: param(p, 'Payer') === 'EndpointService' ? 'EndpointService' : 'Endpoint',
    addressIpVersion: 'IPv4',
  }
  return { ok: true, design: { ...d, resources: [...d.resources, service] } }
}

const addUserToService: Handler = (d, p) => {
  const serviceId = param(p, 'ServiceId')
  const s = serviceId ? findResource(d, serviceId, 'endpointService') : undefined
  if (!s) return refuse(`endpoint service ${serviceId ?? '(none given)'} does not exist`)
  const user = param(p, 'UserId') ?? param(p, 'UserARN')
  if (!user) return refuse('missing parameter UserId or UserARN')
  return {
    ok: true,
    design: updateResource(d, s.id, 'endpointService', (x) =>
      x.whitelist.includes(user) ? x : { ...x, whitelist: [...x.whitelist, user] },
    ),
  }
}

const deleteVpcEndpointService: Handler = (d, p) => {
  const serviceId = param(p, 'ServiceId')
  const s = serviceId ? findResource(d, serviceId, 'endpointService') : undefined
  if (!s) return refuse(`endpoint service ${serviceId ?? '(none given)'} does not exist`)
  const left = d.resources.filter((r) => r.kind === 'gwlbEndpoint' && r.serviceId === s.id).map((r) => r.id)
  if (left.length)
    return refuse(`${s.id} still has endpoint connections (${left.join(', ')}): delete the endpoints first`)
  return { ok: true, design: { ...d, resources: d.resources.filter((r) => r.id !== s.id) } }
}

const deleteVSwitch: Handler = (d, p) => {
  const id = param(p, 'VSwitchId')
  const v = id ? findResource(d, id, 'vswitch') : undefined
  if (!v) return refuse(`vSwitch ${id ?? '(none given)'} does not exist`)
  const users = d.resources
    .filter(
      (r) =>
        ('vswitchId' in r && r.vswitchId === v.id) ||
        (r.kind === 'gwlb' && r.zoneMappings.some((m) => m.vswitchId === v.id)),
    )
    .map((r) => r.id)
  if (users.length) return refuse(`vSwitch ${v.id} still holds ${users.join(', ')}`)
  return { ok: true, design: { ...d, resources: d.resources.filter((r) => r.id !== v.id) } }
}

const deleteVpc: Handler = (d, p) => {
  const id = param(p, 'VpcId')
  const v = id ? findResource(d, id, 'vpc') : undefined
  if (!v) return refuse(`VPC ${id ?? '(none given)'} does not exist`)
  const held = d.resources.filter((r) => 'vpcId' in r && r.vpcId === v.id && r.kind !== 'routeTable').map((r) => r.id)
  if (held.length) return refuse(`VPC ${v.id} still holds ${held.join(', ')}`)
  return {
    ok: true,
    design: { ...d, resources: d.resources.filter((r) => r.id !== v.id && !('vpcId' in r && r.vpcId === v.id)) },
  }
}

/** The API calls a plan may hold, each the edit the cloud would make, or its refusal. */
export const STEP_APIS: Record<string, Handler> = {
  CreateRouteEntry: createRouteEntry,
  DeleteRouteEntry: deleteRouteEntry,
  UpdateGatewayRouteTableEntryAttribute: updateGatewayRoute,
  CreateVpcEndpointService: createVpcEndpointService,
  AddUserToVpcEndpointService: addUserToService,
  DeleteVpcEndpointService: deleteVpcEndpointService,
  CreateVpcEndpoint: createVpcEndpoint,
  DeleteVpcEndpoint: deleteVpcEndpoint,
  EnableVpcEndpointConnection: setConnection('Connected'),
  DisableVpcEndpointConnection: setConnection('Disconnected'),
  DeleteVSwitch: deleteVSwitch,
  DeleteVpc: deleteVpc,
}

/** Applies one step to a design (never changing it): the design after, or why the cloud would refuse. */
export function applyStep(d: Design, step: PlanStep, assumptions: AssumptionValues): StepResult {
  const handler = STEP_APIS[step.api]
  if (!handler) return refuse(`${step.api} is not an API a plan can hold; one of ${Object.keys(STEP_APIS).join(', ')}`)
  return handler(d, step.parameters, step, assumptions)
}

/** A step in one line: "DeleteRouteEntry rtb-app-h 0.0.0.0/0". */
export function describeStep(step: PlanStep): string {
  const shown = Object.entries(step.parameters)
    .filter(([k]) => k !== 'RegionId')
    .map(([k, v]) => `${k}=${typeof v === 'object' ? v.designId : String(v)}`)
  return `${step.api}${shown.length ? ` ${shown.join(' ')}` : ''}`
}
