// New resources with valid defaults, placed where they were dropped: the next free CIDR, the next free
// address, the guide's settings. Illegal placements are refused with a reason in plain words.
import type { Design, Resource, ResourceOf } from '../design'
import { HEALTH_CHECK_DEFAULTS } from '../resources/gwlb'
import { addResource, findResource, freshId, updateResource } from './basic'
import { count, nextAddressIn, nextInternetAddress, nextVpcCidr, nextVswitchCidr } from './freeAddresses'
import { type Point, placeDropped } from './placeDrop'

/** Kinds a user places from the palette; route tables and security groups are made from their owners' forms. */
export const PLACEABLE_KINDS = [
  'vpc',
  'vswitch',
  'ipv4Gateway',
  'ecs',
  'appliance',
  'gwlb',
  'endpointService',
  'gwlbEndpoint',
  'internetHost',
] as const
export type PlaceableKind = (typeof PLACEABLE_KINDS)[number]

/**
 * The missing step a refusal names, which the user can take in one click and then try again: the cloud's
 * order is kept (an endpoint needs a service that admits its account), only the way there is shorter.
 */
export type Remedy =
  | { kind: 'createEndpointService'; label: string }
  | { kind: 'admitAccount'; serviceId: string; accountId: string; label: string }

export type CreateResult = { ok: true; design: Design; id: string } | { ok: false; message: string; remedy?: Remedy }

/** What a drop target is: the page, a VPC, a zone band of a VPC, or a vSwitch. */
export type DropTarget =
  | { kind: 'page' }
  | { kind: 'vpc'; vpcId: string }
  | { kind: 'zone'; vpcId: string; zoneId: string }
  | { kind: 'vswitch'; vswitchId: string }

export function dropTargetOf(design: Design, containerId: string | null): DropTarget {
  if (!containerId) return { kind: 'page' }
  const [vpcId, zoneId] = containerId.split('/')
  if (vpcId !== undefined && zoneId !== undefined) return { kind: 'zone', vpcId, zoneId }
  const r = design.resources.find((x) => x.id === containerId)
  if (r?.kind === 'vpc') return { kind: 'vpc', vpcId: r.id }
  if (r?.kind === 'vswitch') return { kind: 'vswitch', vswitchId: r.id }
  // a leaf or VPC-level node: drop into what holds it
  if (r && 'vswitchId' in r) return { kind: 'vswitch', vswitchId: r.vswitchId }
  if (r && 'vpcId' in r) return { kind: 'vpc', vpcId: r.vpcId }
  return { kind: 'page' }
}

const KIND_WORDS: Record<PlaceableKind, string> = {
  vpc: 'VPC',
  vswitch: 'vSwitch',
  ipv4Gateway: 'IPv4 gateway',
  ecs: 'ECS instance',
  appliance: 'appliance',
  gwlb: 'GWLB',
  endpointService: 'endpoint service',
  gwlbEndpoint: 'GWLB endpoint',
  internetHost: 'internet host',
}

function vpcOfTarget(design: Design, t: DropTarget): string | undefined {
  if (t.kind === 'vpc' || t.kind === 'zone') return t.vpcId
  if (t.kind === 'vswitch') return findResource(design, t.vswitchId, 'vswitch')?.vpcId
  return undefined
}

type Service = ResourceOf<'endpointService'>

/** Whether a service's whitelist admits an account: "*", the account, or the service's own account. */
export function admitsAccount(service: Service, accountId: string): boolean {
  return service.whitelist.includes('*') || service.whitelist.includes(accountId) || service.accountId === accountId
}

/** The status a new connection request gets: Connected only when the service accepts automatically, else it waits for the provider. */
export function requestedStatus(service: Service): 'Connected' | 'Disconnected' {
  return service.autoAcceptConnection ? 'Connected' : 'Disconnected'
}

/** The GWLBe that VPC `vpcId` already has for `serviceId` in `zoneId` (one per zone), other than `except`. */
export function endpointInZone(
  design: Design,
  serviceId: string,
  vpcId: string,
  zoneId: string,
  except?: string,
): ResourceOf<'gwlbEndpoint'> | undefined {
  return design.resources.find(
    (r): r is ResourceOf<'gwlbEndpoint'> =>
      r.kind === 'gwlbEndpoint' &&
      r.id !== except &&
      r.serviceId === serviceId &&
      r.vpcId === vpcId &&
      r.zoneId === zoneId,
  )
}

/** The cloud's refusal of a second GWLBe for one service in one zone of a VPC. */
export function onePerZoneMessage(design: Design, vpcId: string, zoneId: string): string {
  const vpc = findResource(design, vpcId, 'vpc')
  return `VPC ${vpc?.name ?? vpcId} already has a GWLB endpoint in zone ${zoneId}: one per zone.`
}

export type EndpointRequest =
  | { ok: true; serviceId: string; status: 'Connected' | 'Disconnected'; accountId: string }
  | { ok: false; message: string; remedy?: Remedy }

/**
 * Whether a GWLBe placed in this vSwitch may connect, and to which service (docs/cloud.md 5.2): to `serviceId`
 * when given (a copy keeps its service), else to the first service that offers the zone and has no
 * endpoint of this VPC there yet. A new request is Connected only when the service auto-accepts.
 */
export function endpointRequest(design: Design, vswitchId: string, serviceId?: string): EndpointRequest {
  const v = findResource(design, vswitchId, 'vswitch')
  const vpc = v && findResource(design, v.vpcId, 'vpc')
  if (!v || !vpc) return { ok: false, message: 'A GWLB endpoint goes into a vSwitch.' }
  const services = design.resources.filter(
    (r): r is Service => r.kind === 'endpointService' && (serviceId === undefined || r.id === serviceId),
  )
  if (!services.length)
    return {
      ok: false,
      message:
        serviceId === undefined
          ? 'Create the endpoint service first: a GWLB endpoint connects to one.'
          : `Endpoint service ${serviceId} is not in the design: a GWLB endpoint connects to one.`,
      ...(serviceId === undefined && {
        remedy: { kind: 'createEndpointService', label: 'Create the endpoint service' },
      }),
    }
  const inZone = services.filter((s) => s.resources.some((x) => x.zoneId === v.zoneId))
  if (!inZone.length)
    return {
      ok: false,
      message: `No endpoint service offers zone ${v.zoneId}: a GWLB endpoint must be in a zone of its service's resources.`,
    }
  const free = inZone.find((s) => !endpointInZone(design, s.id, v.vpcId, v.zoneId))
  if (!free) return { ok: false, message: onePerZoneMessage(design, v.vpcId, v.zoneId) }
  if (!admitsAccount(free, vpc.accountId))
    return {
      ok: false,
      message: `The whitelist of ${free.name ?? free.id} does not admit account ${vpc.accountId}: add it before requesting a connection.`,
      remedy: {
        kind: 'admitAccount',
        serviceId: free.id,
        accountId: vpc.accountId,
        label: `Add account ${design.accounts.find((a) => a.id === vpc.accountId)?.name ?? vpc.accountId} to the whitelist`,
      },
    }
  return { ok: true, serviceId: free.id, status: requestedStatus(free), accountId: vpc.accountId }
}

/** Takes the step a refusal offered; the result is the design with it taken, or why it cannot be. */
export function applyRemedy(design: Design, remedy: Remedy): CreateResult {
  switch (remedy.kind) {
    case 'createEndpointService':
      return createResource(design, 'endpointService', { kind: 'page' })
    case 'admitAccount': {
      const s = findResource(design, remedy.serviceId, 'endpointService')
      if (!s) return { ok: false, message: `Endpoint service ${remedy.serviceId} is not in the design.` }
      const whitelist = admitsAccount(s, remedy.accountId) ? s.whitelist : [...s.whitelist, remedy.accountId]
      return {
        ok: true,
        id: s.id,
        design: updateResource(design, s.id, 'endpointService', (x) => ({ ...x, whitelist })),
      }
    }
  }
}

/** What every creator is given: the drop, and the two ways out (a resource added where it was dropped, a refusal). */
interface Drop {
  design: Design
  target: DropTarget
  /** The VPC the drop is in, if any. */
  vpcId: string | undefined
  /** The number in the new resource's name and id: one more than the design has of its kind. */
  n: number
  add: (r: Resource, extra?: Resource[]) => CreateResult
  refuse: (message: string, remedy?: Remedy) => CreateResult
}

function createVpc({ design, target, n, add, refuse }: Drop): CreateResult {
  if (target.kind !== 'page') return refuse('A VPC goes on the page, not inside another container.')
  const accountId = design.accounts[0]?.id
  if (!accountId) return refuse('Add an account to the design first (Design settings): every VPC belongs to one.')
  return add({
    kind: 'vpc',
    id: freshId(design, `vpc-${n}`),
    name: `VPC ${n}`,
    accountId,
    cidrBlock: nextVpcCidr(design),
  })
}

function createInternetHost({ design, target, n, add, refuse }: Drop): CreateResult {
  if (target.kind !== 'page') return refuse('An internet host sits outside every VPC: drop it on the page.')
  return add({
    kind: 'internetHost',
    id: freshId(design, `internet-${n}`),
    name: `Internet host ${n}`,
    ipAddress: nextInternetAddress(design),
  })
}

function createVswitch({ design, target, vpcId, n, add, refuse }: Drop): CreateResult {
  if (!vpcId || target.kind === 'vswitch') return refuse('A vSwitch goes into a VPC (or one of its zone bands).')
  const zoneId = target.kind === 'zone' ? target.zoneId : design.zones[0]
  if (zoneId === undefined) return refuse('Add a zone to the design first (Design settings): a vSwitch is in one.')
  const cidrBlock = nextVswitchCidr(design, vpcId)
  if (!cidrBlock) return refuse(`VPC ${vpcId} has no free /24 left for another vSwitch.`)
  return add({ kind: 'vswitch', id: freshId(design, `vsw-${n}`), name: `vSwitch ${n}`, vpcId, zoneId, cidrBlock })
}

function createIpv4Gateway({ design, vpcId, add, refuse }: Drop): CreateResult {
  if (!vpcId) return refuse('An IPv4 gateway belongs to a VPC: drop it on one.')
  if (design.resources.some((r) => r.kind === 'ipv4Gateway' && r.vpcId === vpcId))
    return refuse(`VPC ${vpcId} already has its one IPv4 gateway.`)
  const tableId = freshId(design, `rtb-gateway-${vpcId}`)
  const table: Resource = {
    kind: 'routeTable',
    id: tableId,
    name: 'Gateway route table',
    vpcId,
    routeTableType: 'Gateway',
    entries: [],
  }
  // the guide: create the gateway and bind a gateway route table to it
  return add(
    {
      kind: 'ipv4Gateway',
      id: freshId(design, `igw-${vpcId}`),
      name: 'IPv4 gateway',
      vpcId,
      gatewayRouteTableId: tableId,
    },
    [table],
  )
}

/** An ECS instance or an appliance: the vSwitch it was dropped in, and that vSwitch's next free address. */
function createInstance(kind: 'ecs' | 'appliance') {
  return ({ design, target, n, add, refuse }: Drop): CreateResult => {
    const vswitchId = target.kind === 'vswitch' ? target.vswitchId : null
    if (!vswitchId) return refuse(`An ${KIND_WORDS[kind]} goes into a vSwitch.`)
    const privateIpAddress = nextAddressIn(design, vswitchId)
    if (!privateIpAddress) return refuse(`vSwitch ${vswitchId} has no free address left.`)
    if (kind === 'ecs')
      return add({
        kind: 'ecs',
        id: freshId(design, `ecs-${n}`),
        name: `Server ${n}`,
        vswitchId,
        privateIpAddress,
        securityGroupIds: [],
        role: 'server',
      })
    return add({
      kind: 'appliance',
      id: freshId(design, `fw-${n}`),
      name: `Firewall ${n}`,
      vswitchId,
      privateIpAddress,
      applianceType: 'firewall',
      jumboFrames: true,
      securityGroupIds: [],
      stateful: true,
      policy: { rules: [], defaultAction: 'allow' },
      state: 'running',
    })
  }
}

function createGwlbEndpoint({ design, target, n, add, refuse }: Drop): CreateResult {
  const vswitchId = target.kind === 'vswitch' ? target.vswitchId : null
  if (!vswitchId) return refuse('A GWLB endpoint goes into a vSwitch of the consumer VPC.')
  const link = endpointRequest(design, vswitchId)
  if (!link.ok) return refuse(link.message, link.remedy)
  const address = nextAddressIn(design, vswitchId)
  const v = findResource(design, vswitchId, 'vswitch') as ResourceOf<'vswitch'>
  if (!address) return refuse(`vSwitch ${vswitchId} has no free address left.`)
  return add({
    kind: 'gwlbEndpoint',
    id: freshId(design, `gwlbe-${n}`),
    name: `GWLBe ${n}`,
    accountId: link.accountId,
    vpcId: v.vpcId,
    serviceId: link.serviceId,
    zoneId: v.zoneId,
    vswitchId,
    ipAddress: address,
    connectionStatus: link.status,
  })
}

/** One zone mapping per zone that has a vSwitch in the VPC: the first vSwitch of each zone, its next free address. */
function gwlbZoneMappings(design: Design, vpcId: string): ResourceOf<'gwlb'>['zoneMappings'] {
  const mappings: ResourceOf<'gwlb'>['zoneMappings'] = []
  for (const zoneId of design.zones) {
    const v = design.resources.find((r) => r.kind === 'vswitch' && r.vpcId === vpcId && r.zoneId === zoneId)
    if (v?.kind !== 'vswitch') continue
    const address = nextAddressIn(design, v.id)
    if (address) mappings.push({ zoneId, vswitchId: v.id, privateIpAddress: address })
  }
  return mappings
}

function createGwlb({ design, vpcId, n, add, refuse }: Drop): CreateResult {
  if (!vpcId) return refuse('A GWLB belongs to a VPC: drop it on one.')
  const mappings = gwlbZoneMappings(design, vpcId)
  if (!mappings.length)
    return refuse('Add a vSwitch to the VPC first: a GWLB takes an address in a vSwitch of each zone it serves.')
  const vswitchIds = new Set(design.resources.filter((r) => r.kind === 'vswitch' && r.vpcId === vpcId).map((r) => r.id))
  // the appliances already in the VPC are its servers
  const servers = design.resources.filter((r) => r.kind === 'appliance' && vswitchIds.has(r.vswitchId)).map((r) => r.id)
  return add({
    kind: 'gwlb',
    id: freshId(design, `gwlb-${n}`),
    name: `GWLB ${n}`,
    vpcId,
    zoneMappings: mappings,
    crossZoneEnabled: true,
    listener: {},
    serverGroup: {
      protocol: 'GENEVE',
      scheduler: '5TCH',
      healthCheck: HEALTH_CHECK_DEFAULTS,
      connectionDrain: { enabled: true, timeout: 300 },
      serverFailoverMode: 'Rebalance',
      servers,
    },
  })
}

function createEndpointService({ design, target, n, add, refuse }: Drop): CreateResult {
  if (target.kind !== 'page') return refuse('An endpoint service is not inside a VPC: drop it on the page.')
  const published = new Set(
    design.resources.flatMap((r) => (r.kind === 'endpointService' ? r.resources.map((x) => x.resourceId) : [])),
  )
  // it publishes the first GWLB no service publishes yet, else the first GWLB
  const gwlb =
    design.resources.find((r) => r.kind === 'gwlb' && !published.has(r.id)) ??
    design.resources.find((r) => r.kind === 'gwlb')
  if (gwlb?.kind !== 'gwlb') return refuse('Create the GWLB first: an endpoint service publishes one.')
  const vpc = findResource(design, gwlb.vpcId, 'vpc')
  return add({
    kind: 'endpointService',
    id: freshId(design, `epsrv-${n}`),
    name: `Endpoint service ${n}`,
    accountId: vpc?.accountId ?? design.accounts[0]?.id ?? '',
    serviceResourceType: 'gwlb',
    resources: gwlb.zoneMappings.map((m) => ({ resourceId: gwlb.id, zoneId: m.zoneId })),
    autoAcceptConnection: false,
    whitelist: [],
    payer: 'Endpoint',
    addressIpVersion: 'IPv4',
  })
}

const CREATORS: Record<PlaceableKind, (drop: Drop) => CreateResult> = {
  vpc: createVpc,
  vswitch: createVswitch,
  ipv4Gateway: createIpv4Gateway,
  ecs: createInstance('ecs'),
  appliance: createInstance('appliance'),
  gwlb: createGwlb,
  endpointService: createEndpointService,
  gwlbEndpoint: createGwlbEndpoint,
  internetHost: createInternetHost,
}

/**
 * Creates a resource of `kind` dropped on `target`, or says why it cannot go there. `at` is the point it was
 * dropped on (canvas units): it is drawn there, and nothing drawn before moves.
 */
export function createResource(design: Design, kind: PlaceableKind, target: DropTarget, at?: Point): CreateResult {
  return CREATORS[kind]({
    design,
    target,
    vpcId: vpcOfTarget(design, target),
    n: count(design, kind) + 1,
    refuse: (message, remedy) => ({ ok: false, message, ...(remedy && { remedy }) }),
    add: (r, extra = []) => {
      let d = addResource(design, r)
      for (const e of extra) d = addResource(d, e)
      return { ok: true, design: { ...d, layout: placeDropped(design, d, r.id, at) }, id: r.id }
    },
  })
}
