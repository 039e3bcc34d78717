// Terraform resource instances → a design document and the report of what was and was not mapped.
// Shared by the state, plan and HCL sources. Pure: imports only src/model.
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  type Design,
  formatIpv4,
  HEALTH_CHECK_DEFAULTS,
  type HealthCheck,
  NEXT_HOP_TYPES,
  nextFreeAddress,
  parseCidr,
  parseIpv4,
  type Resource,
  type ResourceOf,
  type RouteEntry,
} from '../model'
import { type TfInput, type TfInstance, Unresolved } from './instance'
import { attributesFor, IGNORED_TYPES, mappingOf } from './mapping'
import type { ImportReport } from './types'

/** The account of a provider configuration whose UID the input does not say (a named placeholder, reported). */
export const PLACEHOLDER_ACCOUNT = '100000000000'

type Vpc = ResourceOf<'vpc'>
type Vswitch = ResourceOf<'vswitch'>
type RouteTable = ResourceOf<'routeTable'>
type Ecs = ResourceOf<'ecs'>
type Appliance = ResourceOf<'appliance'>
type Gwlb = ResourceOf<'gwlb'>
type Service = ResourceOf<'endpointService'>
type Endpoint = ResourceOf<'gwlbEndpoint'>

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unresolved)
}

/** A nested block's values: the provider writes blocks as lists of objects, in state and in HCL alike. */
function blocks(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter(isRecord)
  return isRecord(v) ? [v] : []
}

function readPath(values: Record<string, unknown>, path: string): unknown {
  let v: unknown = values
  for (const seg of path.split('.')) {
    if (Array.isArray(v) && v.length === 1) v = v[0]
    if (!isRecord(v)) return v instanceof Unresolved ? v : undefined
    v = v[seg]
  }
  return v
}

export function buildDesign(input: TfInput, report: ImportReport): Design {
  const resources: Resource[] = []
  /** the same resources by design id: looked up for every reference, so a list scan made large imports quadratic */
  const resourceById = new Map<string, Resource>()
  const keep = (r: Resource) => {
    resources.push(r)
    resourceById.set(r.id, r)
  }
  const usedIds = new Set<string>()
  const designIdOf = new Map<TfInstance, string>()
  const instanceOf = new Map<string, TfInstance>()
  /** any identifying value (id, computed id attributes) → the instance it names */
  const byValue = new Map<string, TfInstance>()
  /** system route table id → its VPC instance */
  const systemTableOf = new Map<string, TfInstance>()
  const eniOf = new Map<string, TfInstance>()
  const serviceByName = new Map<string, TfInstance>()
  const gatewayTableOf = new Map<string, TfInstance>()

  const instances = input.instances.filter((i) => i.mode === 'managed' || i.type !== 'alicloud_ecs_network_interfaces')
  for (const inst of instances) {
    if (inst.mode === 'data') continue
    const id = inst.values.id
    if (typeof id === 'string' && id) byValue.set(id, inst)
    const strAttr = (name: string) => {
      const v = inst.values[name]
      return typeof v === 'string' && v ? v : undefined
    }
    const rt = strAttr('route_table_id')
    if (inst.type === 'alicloud_vpc' && rt) systemTableOf.set(rt, inst)
    const eni = strAttr('network_interface_id')
    if (inst.type === 'alicloud_instance' && eni) eniOf.set(eni, inst)
    const serviceName = strAttr('vpc_endpoint_service_name')
    if (inst.type === 'alicloud_privatelink_vpc_endpoint_service' && serviceName) serviceByName.set(serviceName, inst)
    const gwRt = strAttr('ipv4_gateway_route_table_id')
    if (inst.type === 'alicloud_vpc_ipv4_gateway' && gwRt) gatewayTableOf.set(gwRt, inst)
  }

  // --- reading values, with what could not be worked out reported once per attribute
  const unresolvedSeen = new Set<string>()
  function raw(inst: TfInstance, field: string): unknown {
    for (const attr of attributesFor(inst.type, field)) {
      const v = readPath(inst.values, attr)
      if (v instanceof Unresolved) {
        const key = `${inst.address}\u0000${attr}`
        if (!unresolvedSeen.has(key)) {
          unresolvedSeen.add(key)
          report.unresolved.push({
            address: inst.address,
            message: `${attr}: ${v.message}`,
            where: v.where ?? inst.where,
          })
        }
        return undefined
      }
      if (v !== undefined && v !== null && v !== '') return v
    }
    return undefined
  }
  const str = (inst: TfInstance, field: string) => {
    const v = raw(inst, field)
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
  }
  const num = (inst: TfInstance, field: string) => {
    const v = raw(inst, field)
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
    return Number.isFinite(n) ? n : undefined
  }
  const bool = (inst: TfInstance, field: string) => {
    const v = raw(inst, field)
    return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined
  }
  const note = (
    list: keyof Pick<ImportReport, 'notModelled' | 'unplaced' | 'assumed'>,
    inst: TfInstance,
    message: string,
  ) => report[list].push({ address: inst.address, message, where: inst.where })

  function newId(inst: TfInstance, prefix = ''): string {
    const parts = [...inst.module, prefix ? `${inst.name}${prefix}` : inst.name]
    if (inst.index !== undefined) parts.push(String(inst.index))
    let base = parts
      .join('.')
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .slice(0, 56)
    if (!/^[A-Za-z]/.test(base)) base = `r-${base}`
    let id = base
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`
    usedIds.add(id)
    return id
  }
  /** Takes a mapped resource into the design, with its name where the mapping has one for its kind. */
  function adopt(inst: TfInstance, r: Resource, as = r.kind) {
    // kinds whose name the table has no row for (an appliance named by its instance) are named by the caller
    const nameField = `${r.kind}.name`
    const named = r.name === undefined && mappingOf(inst.type)?.fields.some((x) => x.field === nameField)
    const name = named ? str(inst, nameField) : undefined
    if (name) r.name = name
    keep(r)
    designIdOf.set(inst, r.id)
    instanceOf.set(r.id, inst)
    report.mapped.push({ address: inst.address, resourceId: r.id, as })
  }

  /** The instance a reference names, or a reason it names none. */
  function target(v: string | undefined): TfInstance | undefined {
    return v === undefined ? undefined : byValue.get(v)
  }
  const designRef = (inst: TfInstance, field: string, kinds: Resource['kind'][], what: string): string | undefined => {
    const v = str(inst, field)
    if (v === undefined) return undefined
    const t = target(v)
    const id = t && designIdOf.get(t)
    const r = id ? resourceById.get(id) : undefined
    if (r && kinds.includes(r.kind)) return id
    if (t && !mappingOf(t.type))
      note('notModelled', inst, `${what} is ${t.address}, of a kind the design does not model`)
    else if (!t) note('unplaced', inst, `${what} ${v} is not in the input`)
    return undefined
  }

  const byType = new Map<string, TfInstance[]>()
  for (const i of instances) {
    if (i.mode !== 'managed') continue
    const list = byType.get(i.type)
    if (list) list.push(i)
    else byType.set(i.type, [i])
  }
  const ofType = (...types: string[]) => types.flatMap((t) => byType.get(t) ?? [])

  // --- accounts: one per provider configuration, its UID where the alias or the input says it
  /** provider configurations whose UID the input does not say → the resources that use each */
  const unknownAccounts = new Map<string, TfInstance[]>()
  const accountOf = (inst: TfInstance): string => {
    const alias = inst.providerAlias ?? ''
    const known = input.accounts?.get(alias) ?? /\d{6,20}/.exec(alias)?.[0]
    if (known) return known
    unknownAccounts.set(alias, [...(unknownAccounts.get(alias) ?? []), inst])
    return PLACEHOLDER_ACCOUNT
  }

  // --- VPCs and what lives directly in them
  for (const inst of ofType('alicloud_vpc')) {
    const cidrBlock = str(inst, 'vpc.cidrBlock')
    if (!cidrBlock) {
      note('unplaced', inst, 'the VPC has no cidr_block the importer can read, so nothing in it can be placed')
      continue
    }
    const vpc: Vpc = { kind: 'vpc', id: newId(inst), accountId: accountOf(inst), cidrBlock }
    adopt(inst, vpc)
  }
  const vpcIdOf = (inst: TfInstance, field: string, what = 'its VPC') => designRef(inst, field, ['vpc'], what)

  for (const inst of ofType('alicloud_vswitch')) {
    const vpcId = vpcIdOf(inst, 'vswitch.vpcId')
    const cidrBlock = str(inst, 'vswitch.cidrBlock')
    const zoneId = str(inst, 'vswitch.zoneId')
    if (!vpcId || !cidrBlock || !zoneId) {
      if (vpcId) note('unplaced', inst, 'the vSwitch lacks a readable cidr_block or zone_id')
      continue
    }
    const vsw: Vswitch = { kind: 'vswitch', id: newId(inst), vpcId, zoneId, cidrBlock }
    adopt(inst, vsw)
  }

  for (const inst of ofType('alicloud_route_table')) {
    const vpcId = vpcIdOf(inst, 'routeTable.vpcId')
    if (!vpcId) continue
    const type = str(inst, 'routeTable.routeTableType')
    const rt: RouteTable = {
      kind: 'routeTable',
      id: newId(inst),
      vpcId,
      routeTableType: type === 'Gateway' ? 'Gateway' : 'VSwitch',
      entries: [],
    }
    adopt(inst, rt)
  }

  for (const inst of ofType('alicloud_vpc_ipv4_gateway')) {
    const vpcId = vpcIdOf(inst, 'ipv4Gateway.vpcId')
    if (!vpcId) continue
    const gw: ResourceOf<'ipv4Gateway'> = { kind: 'ipv4Gateway', id: newId(inst), vpcId }
    adopt(inst, gw)
  }

  for (const inst of ofType('alicloud_security_group')) {
    const vpcId = vpcIdOf(inst, 'securityGroup.vpcId')
    if (!vpcId) continue
    // the provider's default type is `normal` (basic); a basic group's policy defaults to Accept, as the cloud's
    const enterprise = str(inst, 'securityGroup.securityGroupType') === 'enterprise'
    const sg: ResourceOf<'securityGroup'> = enterprise
      ? { kind: 'securityGroup', id: newId(inst), vpcId, securityGroupType: 'enterprise', rules: [] }
      : {
          kind: 'securityGroup',
          id: newId(inst),
          vpcId,
          securityGroupType: 'basic',
          innerAccessPolicy: str(inst, 'securityGroup.innerAccessPolicy') === 'Drop' ? 'Drop' : 'Accept',
          rules: [],
        }
    adopt(inst, sg)
  }

  // --- instances: an appliance when a GWLB server group lists it
  const serverIds = new Set<string>()
  for (const sg of ofType('alicloud_gwlb_server_group'))
    for (const s of blocks(sg.values.servers)) if (typeof s.server_id === 'string') serverIds.add(s.server_id)
  for (const inst of ofType('alicloud_instance')) {
    const vswitchId = designRef(inst, 'ecs.vswitchId', ['vswitch'], 'its vSwitch')
    if (!vswitchId) continue
    const securityGroupIds: string[] = []
    const groups = raw(inst, 'ecs.securityGroupIds')
    for (const g of Array.isArray(groups) ? groups : []) {
      const t = typeof g === 'string' ? target(g) : undefined
      const id = t && designIdOf.get(t)
      if (id) securityGroupIds.push(id)
      else if (typeof g === 'string') note('unplaced', inst, `its security group ${g} is not in the input`)
    }
    const privateIpAddress = str(inst, 'ecs.privateIpAddress') ?? ''
    const name = str(inst, 'ecs.name')
    const isAppliance = typeof inst.values.id === 'string' && serverIds.has(inst.values.id)
    let r: Ecs | Appliance
    if (isAppliance) {
      r = {
        kind: 'appliance',
        id: newId(inst),
        vswitchId,
        privateIpAddress,
        applianceType: 'firewall',
        jumboFrames: true,
        securityGroupIds,
        stateful: true,
        policy: { rules: [], defaultAction: 'allow' },
        state: 'running',
      }
      note(
        'assumed',
        inst,
        'a GWLB server group lists it, so it is an appliance: a stateful firewall that allows everything, running, with jumbo frames (the input does not say what its software does; set it in the inspector)',
      )
    } else {
      r = { kind: 'ecs', id: newId(inst), vswitchId, privateIpAddress, securityGroupIds, role: 'server' }
      const pub = str(inst, 'ecs.publicIpAddress')
      if (pub && parseIpv4(pub) !== null) r.publicIpAddress = pub
    }
    if (name) r.name = name
    adopt(inst, r)
  }

  // --- GWLBs, their server groups (through the listener)
  for (const inst of ofType('alicloud_gwlb_load_balancer')) {
    const vpcId = vpcIdOf(inst, 'gwlb.vpcId')
    if (!vpcId) continue
    const zoneMappings: Gwlb['zoneMappings'] = []
    for (const m of blocks(inst.values.zone_mappings)) {
      const sub: TfInstance = { ...inst, type: 'alicloud_vswitch', values: { vswitch_id: m.vswitch_id } }
      const vsw = typeof m.vswitch_id === 'string' ? target(m.vswitch_id) : undefined
      const vswitchId = vsw ? designIdOf.get(vsw) : undefined
      if (m.vswitch_id instanceof Unresolved) {
        report.unresolved.push({
          address: inst.address,
          message: `zone_mappings.vswitch_id: ${m.vswitch_id.message}`,
          where: m.vswitch_id.where ?? inst.where,
        })
        continue
      }
      if (!vswitchId) {
        note('unplaced', sub, `a zone mapping's vSwitch ${String(m.vswitch_id)} is not in the input`)
        continue
      }
      const vswitch = resourceById.get(vswitchId) as Vswitch
      const address = blocks(m.load_balancer_addresses)
        .map((a) => a.private_ipv4_address)
        .find((a) => typeof a === 'string')
      zoneMappings.push({
        zoneId: typeof m.zone_id === 'string' ? m.zone_id : vswitch.zoneId,
        vswitchId,
        privateIpAddress: typeof address === 'string' ? address : '',
      })
    }
    if (!zoneMappings.length) {
      note('unplaced', inst, 'the GWLB has no zone mapping whose vSwitch is in the input')
      continue
    }
    const gwlb: Gwlb = { kind: 'gwlb', id: newId(inst), vpcId, zoneMappings, crossZoneEnabled: true }
    adopt(inst, gwlb)
  }

  const serverGroups = new Map<TfInstance, Gwlb['serverGroup']>()
  for (const inst of ofType('alicloud_gwlb_server_group')) {
    const hcBlock = blocks(inst.values.health_check_config)[0] ?? {}
    const hcNum = (key: string, fallback: number, min: number, max: number) => {
      const v = Number(hcBlock[key])
      return Number.isInteger(v) && v >= min && v <= max ? v : fallback
    }
    const protocol = hcBlock.health_check_protocol === 'HTTP' ? 'HTTP' : 'TCP'
    const healthCheck: HealthCheck = {
      enabled: hcBlock.health_check_enabled !== false && hcBlock.health_check_enabled !== 'false',
      protocol,
      port: hcNum('health_check_connect_port', HEALTH_CHECK_DEFAULTS.port, 1, 65535),
      interval: hcNum('health_check_interval', HEALTH_CHECK_DEFAULTS.interval, 1, 50),
      timeout: hcNum('health_check_connect_timeout', HEALTH_CHECK_DEFAULTS.timeout, 1, 300),
      healthyThreshold: hcNum('healthy_threshold', HEALTH_CHECK_DEFAULTS.healthyThreshold, 2, 10),
      unhealthyThreshold: hcNum('unhealthy_threshold', HEALTH_CHECK_DEFAULTS.unhealthyThreshold, 2, 10),
    }
    if (
      protocol === 'HTTP' &&
      typeof hcBlock.health_check_path === 'string' &&
      hcBlock.health_check_path.startsWith('/')
    )
      healthCheck.path = hcBlock.health_check_path
    if (!Number(hcBlock.health_check_connect_port))
      note('assumed', inst, `no health-check port (0 means the server's port): port ${healthCheck.port}`)
    const drain = blocks(inst.values.connection_drain_config)[0] ?? {}
    const drainTimeout = Number(drain.connection_drain_timeout)
    const servers: string[] = []
    for (const s of blocks(inst.values.servers)) {
      const t = typeof s.server_id === 'string' ? target(s.server_id) : undefined
      const id = t && designIdOf.get(t)
      if (id && resourceById.get(id)?.kind === 'appliance') servers.push(id)
      else if (s.server_id instanceof Unresolved)
        report.unresolved.push({
          address: inst.address,
          message: `servers.server_id: ${s.server_id.message}`,
          where: s.server_id.where ?? inst.where,
        })
      else
        note(
          'unplaced',
          inst,
          `its server ${String(s.server_id)} (${String(s.server_type ?? 'Ecs')}) is not an instance in the input`,
        )
    }
    const scheduler = str(inst, 'serverGroup.scheduler')
    const sg: NonNullable<Gwlb['serverGroup']> = {
      protocol: 'GENEVE',
      scheduler: scheduler === '3TCH' || scheduler === '2TCH' ? scheduler : '5TCH',
      healthCheck,
      connectionDrain: {
        enabled: drain.connection_drain_enabled === true || drain.connection_drain_enabled === 'true',
        timeout: Number.isInteger(drainTimeout) && drainTimeout >= 1 && drainTimeout <= 3600 ? drainTimeout : 300,
      },
      serverFailoverMode: 'NoRebalance',
      servers,
    }
    const name = str(inst, 'serverGroup.name')
    if (name) sg.name = name
    serverGroups.set(inst, sg)
  }
  const listenedGroups = new Set<TfInstance>()
  for (const inst of ofType('alicloud_gwlb_listener')) {
    const gwlbId = designRef(inst, 'gwlb', ['gwlb'], 'its load balancer')
    const gwlb = (gwlbId ? resourceById.get(gwlbId) : undefined) as Gwlb | undefined
    if (!gwlb) continue
    gwlb.listener = {}
    const description = str(inst, 'listener.description')
    if (description) gwlb.listener.description = description
    const sgInst = target(str(inst, 'gwlb.serverGroup'))
    const sg = sgInst && serverGroups.get(sgInst)
    if (sgInst && sg) {
      gwlb.serverGroup = sg
      listenedGroups.add(sgInst)
      report.mapped.push({ address: sgInst.address, resourceId: gwlb.id, as: 'gwlb.serverGroup' })
    }
    report.mapped.push({ address: inst.address, resourceId: gwlb.id, as: 'gwlb.listener' })
  }
  for (const inst of serverGroups.keys())
    if (!listenedGroups.has(inst))
      note(
        'unplaced',
        inst,
        'no listener forwards to this server group, and the design keeps a server group only on its GWLB',
      )

  // --- PrivateLink
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_service')) {
    const type = inst.values.service_resource_type
    if (typeof type === 'string' && type !== 'gwlb') {
      note('notModelled', inst, `an endpoint service for ${type} resources: the design models GWLB services only`)
      continue
    }
    const svc: Service = {
      kind: 'endpointService',
      id: newId(inst),
      accountId: accountOf(inst),
      serviceResourceType: 'gwlb',
      resources: [],
      autoAcceptConnection: bool(inst, 'endpointService.autoAcceptConnection') ?? false,
      whitelist: [],
      payer: str(inst, 'endpointService.payer') === 'EndpointService' ? 'EndpointService' : 'Endpoint',
      addressIpVersion: 'IPv4',
    }
    adopt(inst, svc)
  }
  const serviceOf = (inst: TfInstance, field: string) => {
    const id = designRef(inst, field, ['endpointService'], 'its endpoint service')
    return (id ? resourceById.get(id) : undefined) as Service | undefined
  }
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_service_resource')) {
    const svc = serviceOf(inst, 'endpointService')
    const resourceId = designRef(inst, 'resources[].resourceId', ['gwlb'], 'its resource')
    const zoneId = str(inst, 'resources[].zoneId')
    if (!svc || !resourceId || !zoneId) continue
    svc.resources.push({ resourceId, zoneId })
    report.mapped.push({ address: inst.address, resourceId: svc.id, as: 'endpointService.resources[]' })
  }
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_service_user')) {
    const svc = serviceOf(inst, 'endpointService')
    const user = str(inst, 'whitelist[]')
    if (!svc || !user) continue
    const uid = user === '*' ? '*' : (/\d{6,20}/.exec(user)?.[0] ?? undefined)
    if (!uid) {
      note('unplaced', inst, `user ${user} is neither "*" nor an account UID`)
      continue
    }
    if (!svc.whitelist.includes(uid)) svc.whitelist.push(uid)
    report.mapped.push({ address: inst.address, resourceId: svc.id, as: 'endpointService.whitelist[]' })
  }

  const endpointZones = new Map<string, TfInstance>()
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_zone')) {
    const ep = str(inst, 'gwlbEndpoint')
    if (ep) endpointZones.set(ep, inst)
  }
  const connected = new Set<string>()
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint_connection')) {
    const ep = str(inst, 'gwlbEndpoint')
    if (ep) connected.add(ep)
  }
  for (const inst of ofType('alicloud_privatelink_vpc_endpoint')) {
    const type = inst.values.endpoint_type
    if (typeof type === 'string' && type !== 'GatewayLoadBalancer') {
      note('notModelled', inst, `an endpoint of type ${type}: the design models GatewayLoadBalancer endpoints only`)
      continue
    }
    const vpcId = vpcIdOf(inst, 'gwlbEndpoint.vpcId')
    const serviceValue = str(inst, 'gwlbEndpoint.serviceId')
    const svcInst = target(serviceValue) ?? (serviceValue ? serviceByName.get(serviceValue) : undefined)
    const svcId = svcInst && designIdOf.get(svcInst)
    if (!vpcId) continue
    if (!svcId) {
      note('unplaced', inst, `its endpoint service ${serviceValue ?? '(none given)'} is not in the input`)
      continue
    }
    const ownId = typeof inst.values.id === 'string' ? inst.values.id : inst.address
    const zoneInst = endpointZones.get(ownId)
    if (!zoneInst) {
      note('unplaced', inst, 'no alicloud_privatelink_vpc_endpoint_zone gives it a zone and vSwitch (its ENI)')
      continue
    }
    const vswitchId = designRef(zoneInst, 'gwlbEndpoint.vswitchId', ['vswitch'], 'its vSwitch')
    if (!vswitchId) continue
    const vswitch = resourceById.get(vswitchId) as Vswitch
    const svc = resourceById.get(svcId) as Service
    const status = str(inst, 'gwlbEndpoint.connectionStatus')
    const ep: Endpoint = {
      kind: 'gwlbEndpoint',
      id: newId(inst),
      accountId: accountOf(inst),
      vpcId,
      serviceId: svcId,
      zoneId: str(zoneInst, 'gwlbEndpoint.zoneId') ?? vswitch.zoneId,
      vswitchId,
      ipAddress: str(zoneInst, 'gwlbEndpoint.ipAddress') ?? '',
      connectionStatus:
        status === 'Connected' ||
        status === 'Disconnected' ||
        status === 'Connecting' ||
        status === 'Disconnecting' ||
        status === 'Pending'
          ? status
          : svc.autoAcceptConnection || connected.has(ownId)
            ? 'Connected'
            : 'Disconnected',
    }
    adopt(inst, ep)
    report.mapped.push({ address: zoneInst.address, resourceId: ep.id, as: 'gwlbEndpoint zone' })
  }

  // --- bindings: vSwitch and gateway route tables, security group rules, EIPs
  const byDesignId = (id: string | undefined) => (id ? resourceById.get(id) : undefined)
  for (const inst of ofType('alicloud_route_table_attachment')) {
    const vsw = byDesignId(designRef(inst, 'vswitch', ['vswitch'], 'its vSwitch')) as Vswitch | undefined
    const rtId = designRef(inst, 'vswitch.routeTableId', ['routeTable'], 'its route table')
    if (!vsw || !rtId) continue
    vsw.routeTableId = rtId
    report.mapped.push({ address: inst.address, resourceId: vsw.id, as: 'vswitch.routeTableId' })
  }
  for (const inst of ofType('alicloud_vpc_gateway_route_table_attachment')) {
    const gw = byDesignId(designRef(inst, 'ipv4Gateway', ['ipv4Gateway'], 'its IPv4 gateway')) as
      | ResourceOf<'ipv4Gateway'>
      | undefined
    const rt = byDesignId(designRef(inst, 'ipv4Gateway.gatewayRouteTableId', ['routeTable'], 'its route table')) as
      | RouteTable
      | undefined
    if (!gw || !rt) continue
    gw.gatewayRouteTableId = rt.id
    // the provider's associate_type defaults to VSwitch; a table bound to a gateway is a Gateway table
    rt.routeTableType = 'Gateway'
    report.mapped.push({ address: inst.address, resourceId: gw.id, as: 'ipv4Gateway.gatewayRouteTableId' })
  }
  for (const inst of ofType('alicloud_security_group_rule')) {
    const sg = byDesignId(designRef(inst, 'securityGroup', ['securityGroup'], 'its security group')) as
      | ResourceOf<'securityGroup'>
      | undefined
    if (!sg) continue
    const direction = str(inst, 'rule.direction') === 'egress' ? 'egress' : 'ingress'
    const cidr = str(inst, 'rule.sourceCidrIp / destCidrIp')
    if (!cidr) {
      note(
        'notModelled',
        inst,
        'a rule on another security group or prefix list rather than a CIDR block: the design models CIDR rules only',
      )
      continue
    }
    const proto = str(inst, 'rule.ipProtocol')
    const ipProtocol = proto === 'tcp' || proto === 'udp' || proto === 'icmp' || proto === 'all' ? proto : undefined
    if (!ipProtocol) {
      note('notModelled', inst, `protocol ${proto ?? '(none)'}: the design models tcp, udp, icmp and all`)
      continue
    }
    const policy = str(inst, 'rule.policy') === 'drop' ? 'drop' : 'accept'
    const priority = num(inst, 'rule.priority') ?? 1
    const rule: ResourceOf<'securityGroup'>['rules'][number] = {
      direction,
      ipProtocol,
      portRange: str(inst, 'rule.portRange') ?? '-1/-1',
      ...(direction === 'ingress' ? { sourceCidrIp: cidr } : { destCidrIp: cidr }),
      policy,
      priority,
    }
    const description = str(inst, 'rule.description')
    if (description) rule.description = description
    sg.rules.push(rule)
    report.mapped.push({ address: inst.address, resourceId: sg.id, as: 'securityGroup.rules[]' })
  }
  const eipById = new Map(ofType('alicloud_eip_address').map((i) => [String(i.values.id ?? i.address), i]))
  const eipTaken = new Set<number>()
  for (const inst of ofType('alicloud_eip_association')) {
    const eip = eipById.get(str(inst, '(the EIP)') ?? '')
    const owner = target(str(inst, 'ecs'))
    const r = owner && (byDesignId(designIdOf.get(owner)) as Ecs | Appliance | undefined)
    if (!eip || !r) continue
    if (r.kind !== 'ecs') {
      note('notModelled', inst, 'an EIP on an appliance: the design gives public addresses to servers only')
      continue
    }
    const address = str(eip, 'ecs.publicIpAddress')
    if (address && parseIpv4(address) !== null) r.publicIpAddress = address
    else {
      // the cloud allocates the address; the design needs one, so take one from TEST-NET-3 and say so
      let n = parseIpv4('203.0.113.10') as number
      while (eipTaken.has(n)) n++
      eipTaken.add(n)
      r.publicIpAddress = formatIpv4(n)
      note('assumed', eip, `the cloud allocates the EIP's address; the design uses ${r.publicIpAddress} for it`)
    }
    report.mapped.push({ address: eip.address, resourceId: r.id, as: 'ecs.publicIpAddress' })
    report.mapped.push({ address: inst.address, resourceId: r.id, as: 'ecs.publicIpAddress' })
  }

  // --- route entries (custom entries, and the gateway table's edited system routes)
  const systemTables = new Map<string, RouteTable>()
  function tableFor(inst: TfInstance, value: string | undefined): RouteTable | undefined {
    const t = target(value)
    const rt = t && byDesignId(designIdOf.get(t))
    if (rt?.kind === 'routeTable') return rt
    const vpcInst = value ? systemTableOf.get(value) : undefined
    const vpcId = vpcInst && designIdOf.get(vpcInst)
    if (vpcInst && vpcId) {
      // a custom entry in the VPC's system table: the design draws that table as a VSwitch table bound to every
      // vSwitch that has no table of its own, which routes exactly as the system table does
      let sys = systemTables.get(vpcId)
      if (!sys) {
        sys = {
          kind: 'routeTable',
          id: newId(vpcInst, '-system'),
          name: 'System route table',
          vpcId,
          routeTableType: 'VSwitch',
          entries: [],
        }
        systemTables.set(vpcId, sys)
        keep(sys)
        note(
          'assumed',
          vpcInst,
          `custom entries in its system route table: drawn as route table ${sys.id}, bound to the vSwitches without one`,
        )
      }
      return sys
    }
    const gw = value ? gatewayTableOf.get(value) : undefined
    if (gw)
      note(
        'unplaced',
        inst,
        `its route table is the gateway route table of ${gw.address}, which the input does not declare`,
      )
    else if (t && !mappingOf(t.type))
      note('notModelled', inst, `its route table belongs to ${t.address}, which the design does not model`)
    else if (value) note('unplaced', inst, `its route table ${value} is not in the input`)
    return undefined
  }
  const hopKinds: Record<RouteEntry['nextHopType'], Resource['kind'][]> = {
    Ipv4Gateway: ['ipv4Gateway'],
    GatewayLoadBalancerEndpoint: ['gwlbEndpoint'],
    Instance: ['ecs', 'appliance'],
    NetworkInterface: ['ecs', 'appliance'],
    RouteTargetGroup: ['routeTargetGroup'],
  }
  function addEntry(
    inst: TfInstance,
    rt: RouteTable,
    destination: string | undefined,
    type: string | undefined,
    hop: string | undefined,
  ) {
    if (!destination || !type) return
    if (!(NEXT_HOP_TYPES as readonly string[]).includes(type) || type === 'Local') {
      note(
        'notModelled',
        inst,
        `route ${destination}: next hop type ${type} is not modelled (the design models ${NEXT_HOP_TYPES.filter((t) => t !== 'Local').join(', ')})`,
      )
      return
    }
    const nextHopType = type as RouteEntry['nextHopType']
    let t = target(hop)
    if (!t && hop && nextHopType === 'NetworkInterface') t = eniOf.get(hop)
    const id = t && designIdOf.get(t)
    const r = byDesignId(id)
    if (!t) {
      note('unplaced', inst, `route ${destination}: its next hop ${hop ?? '(none)'} is not in the input`)
      return
    }
    if (!r || !hopKinds[nextHopType].includes(r.kind)) {
      note('notModelled', inst, `route ${destination}: its next hop ${t.address} is not a modelled ${nextHopType}`)
      return
    }
    const entry: RouteEntry = { destinationCidrBlock: normaliseCidr(destination), nextHopType, nextHopId: r.id }
    const name = inst.type !== 'terraform_data' ? str(inst, 'entry.name') : undefined
    if (name) entry.name = name
    if (rt.entries.some((e) => e.destinationCidrBlock === entry.destinationCidrBlock)) {
      note('unplaced', inst, `route ${destination}: ${rt.id} already has an entry for it`)
      return
    }
    rt.entries.push(entry)
    report.mapped.push({ address: inst.address, resourceId: rt.id, as: `routeTable.entries ${destination}` })
  }
  /** A route entry from an instance whose attributes map to `entry.*`: a route entry, or a gateway route edit. */
  const addMappedEntry = (inst: TfInstance) => {
    const rt = tableFor(inst, str(inst, 'routeTable'))
    if (rt)
      addEntry(
        inst,
        rt,
        str(inst, 'entry.destinationCidrBlock'),
        str(inst, 'entry.nextHopType'),
        str(inst, 'entry.nextHopId'),
      )
  }
  for (const inst of ofType('alicloud_vpc_route_entry', 'alicloud_route_entry')) {
    addMappedEntry(inst)
  }
  for (const inst of ofType('terraform_data')) {
    const command = JSON.stringify(inst.values.provisioner ?? '')
    const t = inst.values.triggers_replace
    if (
      !isRecord(t) ||
      !('next_hop_type' in t) ||
      (command !== '""' && !command.includes('UpdateGatewayRouteTableEntryAttribute'))
    ) {
      note('notModelled', inst, 'a terraform_data resource that is not a gateway route edit')
      continue
    }
    addMappedEntry(inst)
  }
  for (const [vpcId, sys] of systemTables)
    for (const r of resources)
      if (r.kind === 'vswitch' && r.vpcId === vpcId && r.routeTableId === undefined) r.routeTableId = sys.id

  // --- what the design does not model
  const handled = new Set(designIdOf.keys())
  for (const inst of instances) {
    if (inst.mode === 'data' || handled.has(inst) || IGNORED_TYPES.has(inst.type)) continue
    if (!mappingOf(inst.type) && inst.type !== 'terraform_data')
      note('notModelled', inst, `${inst.type} is not modelled`)
  }

  fillAddresses(resources, report, instanceOf)
  const zones: string[] = []
  for (const r of resources) if (r.kind === 'vswitch' && !zones.includes(r.zoneId)) zones.push(r.zoneId)
  for (const r of resources) {
    if (r.kind === 'gwlbEndpoint' && !zones.includes(r.zoneId)) zones.push(r.zoneId)
    if (r.kind === 'gwlb') for (const m of r.zoneMappings) if (!zones.includes(m.zoneId)) zones.push(m.zoneId)
    if (r.kind === 'endpointService') for (const m of r.resources) if (!zones.includes(m.zoneId)) zones.push(m.zoneId)
  }
  let regionId = input.regionId
  if (!regionId && zones.length) {
    regionId = zones[0].replace(/-[a-z0-9]+$/, '')
    report.assumed.push({
      address: '(region)',
      message: `the input names no region; ${regionId}, from zone ${zones[0]}`,
    })
  }
  if (!regionId) {
    regionId = 'cn-hangzhou'
    report.assumed.push({ address: '(region)', message: 'the input names no region and no zone: cn-hangzhou' })
  }
  const accountIds: string[] = []
  for (const r of resources)
    if (
      (r.kind === 'vpc' || r.kind === 'endpointService' || r.kind === 'gwlbEndpoint') &&
      !accountIds.includes(r.accountId)
    )
      accountIds.push(r.accountId)
  if (accountIds.includes(PLACEHOLDER_ACCOUNT))
    for (const [alias, [first, ...more]] of unknownAccounts) {
      const provider = alias ? `provider alicloud.${alias}` : 'the default alicloud provider'
      const users = more.length ? `${first.address} and ${more.length} more` : first.address
      report.assumed.push({
        address: '(account)',
        message: `the input does not say the account UID of ${provider}, which ${users} use${more.length ? '' : 's'}; the design uses ${PLACEHOLDER_ACCOUNT} (an alias such as account_<UID>, or an assume_role role_arn, names it)`,
        where: first.where,
      })
    }
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'Imported deployment',
    regionId,
    zones: zones.length ? zones : [`${regionId}-a`],
    accounts: accountIds.map((id) => ({
      id,
      name: id === PLACEHOLDER_ACCOUNT ? 'Account (UID not in the input)' : `Account ${id}`,
    })),
    resources,
    layout: {},
    scenarios: [],
  }
}

function normaliseCidr(text: string): string {
  // the API takes an address without a mask as /32
  return text.includes('/') ? text : parseIpv4(text) !== null ? `${text}/32` : text
}

/** Addresses the cloud allocates (a GWLB's, an ENI's, an instance's without private_ip): the next free one, reported. */
function fillAddresses(resources: Resource[], report: ImportReport, instanceOf: Map<string, TfInstance>) {
  const taken = new Map<string, Set<number>>()
  const vswitches = new Map(resources.filter((r): r is Vswitch => r.kind === 'vswitch').map((r) => [r.id, r]))
  const takenIn = (vswitchId: string) => {
    const vsw = vswitches.get(vswitchId)
    const key = vsw?.vpcId ?? vswitchId
    const set = taken.get(key) ?? new Set<number>()
    taken.set(key, set)
    return set
  }
  const existing: [string, string][] = []
  for (const r of resources) {
    if ((r.kind === 'ecs' || r.kind === 'appliance') && r.privateIpAddress)
      existing.push([r.vswitchId, r.privateIpAddress])
    if (r.kind === 'gwlbEndpoint' && r.ipAddress) existing.push([r.vswitchId, r.ipAddress])
    if (r.kind === 'gwlb')
      for (const m of r.zoneMappings) if (m.privateIpAddress) existing.push([m.vswitchId, m.privateIpAddress])
  }
  for (const [vsw, addr] of existing) {
    const n = parseIpv4(addr)
    if (n !== null) takenIn(vsw).add(n)
  }
  const pick = (r: Resource, vswitchId: string, what: string): string => {
    const vsw = vswitches.get(vswitchId)
    const cidr = vsw && parseCidr(vsw.cidrBlock)
    const n = cidr?.ok ? nextFreeAddress(cidr.cidr, takenIn(vswitchId)) : null
    const address = n === null ? '0.0.0.0' : formatIpv4(n)
    if (n !== null) takenIn(vswitchId).add(n)
    report.assumed.push({
      address: instanceOf.get(r.id)?.address ?? r.id,
      message: `the cloud allocates ${what}; the design uses ${address}, the next free address in ${vswitchId}`,
      where: instanceOf.get(r.id)?.where,
    })
    return address
  }
  for (const r of resources) {
    if ((r.kind === 'ecs' || r.kind === 'appliance') && !r.privateIpAddress)
      r.privateIpAddress = pick(r, r.vswitchId, 'its private address')
    if (r.kind === 'gwlbEndpoint' && !r.ipAddress) r.ipAddress = pick(r, r.vswitchId, "the endpoint ENI's address")
    if (r.kind === 'gwlb')
      for (const m of r.zoneMappings)
        if (!m.privateIpAddress) m.privateIpAddress = pick(r, m.vswitchId, `the GWLB's address in ${m.zoneId}`)
  }
}
