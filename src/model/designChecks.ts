// The load rules across resources (docs/format.md, "Loading"): every reference names a resource of the right kind,
// CIDRs nest and do not overlap, addresses sit in their vSwitch and are used once, zones and accounts are listed.
// One small check per resource kind over a shared context; parse() runs them after the schema. Imports nothing
// outside src/model.
import { type Design, type Resource, type ResourceKind, type ResourceOf, zoneKey } from './design'
import {
  type Cidr,
  cidrContainsAddress,
  cidrContainsCidr,
  cidrsOverlap,
  formatCidr,
  isReservedInVswitch,
  parseCidr,
  parseIpv4,
} from './ipv4'
import { jsonText, type LoadError, type LoadErrorCode, loadError } from './loadError'
import { CLOUD_SERVICES_CIDR } from './resources/routeTable'

/** A resource field's JSON path, for the resource being checked. */
type At = (field: string) => string

/** What the checks share: the errors so far, the resources by id, the listed zones and accounts, addresses in use. */
interface Checks {
  err(code: LoadErrorCode, path: string, value: unknown, expected: string): void
  /** The resource `id` names, when it is one of `kinds`; else an error at `path`. */
  ref<K extends ResourceKind>(path: string, id: string, kinds: K[]): Extract<Resource, { kind: K }> | undefined
  zone(path: string, z: string): void
  account(path: string, id: string): void
  cidr(text: string): Cidr | null
  /** A private address in a vSwitch: inside its block, not reserved, used once in the VPC. */
  placeAddress(path: string, text: string, vswitchId: string, vswitchPath: string): void
  /** A public address, used once anywhere. */
  placePublic(path: string, text: string): void
  byId: Map<string, { r: Resource; i: number }>
  vswitchesByVpc: Map<string, { id: string; block: Cidr; path: string }[]>
}

type Err = Checks['err']

/** The resources by id, the account UIDs and the zones, each listed once (a second listing is an error). */
function listings(design: Design, err: Err) {
  const byId = new Map<string, { r: Resource; i: number }>()
  design.resources.forEach((r, i) => {
    if (byId.has(r.id))
      err('GWLB-L006', `resources[${i}].id`, r.id, `an id not already used by resources[${byId.get(r.id)?.i}]`)
    else byId.set(r.id, { r, i })
  })
  const accountIds = new Set<string>()
  design.accounts.forEach((a, i) => {
    if (accountIds.has(a.id)) err('GWLB-L006', `accounts[${i}].id`, a.id, 'an account UID listed once')
    accountIds.add(a.id)
  })
  design.zones.forEach((z, i) => {
    if (design.zones.indexOf(z) !== i) err('GWLB-L006', `zones[${i}]`, z, 'a zone listed once')
  })
  return { byId, accountIds, zoneSet: new Set(design.zones) }
}

/** Addresses in use per VPC (private) and globally (public), each placed once. */
function addressBook(err: Err, ref: Checks['ref'], cidr: Checks['cidr']) {
  const privateInVpc = new Map<string, Map<number, string>>()
  const publicAddr = new Map<number, string>()
  function placeAddress(path: string, text: string, vswitchId: string, vswitchPath: string) {
    const vsw = ref(vswitchPath, vswitchId, ['vswitch'])
    if (!vsw) return
    const addr = parseIpv4(text)
    const block = cidr(vsw.cidrBlock)
    if (addr === null || !block) return
    if (!cidrContainsAddress(block, addr)) {
      err('GWLB-L011', path, text, `an address inside vSwitch ${vsw.id} (${vsw.cidrBlock})`)
      return
    }
    if (isReservedInVswitch(block, addr)) {
      err(
        'GWLB-L012',
        path,
        text,
        `an address that vSwitch ${vsw.id} does not reserve (it keeps the first and the last three of ${vsw.cidrBlock})`,
      )
      return
    }
    const seen = privateInVpc.get(vsw.vpcId) ?? new Map<number, string>()
    privateInVpc.set(vsw.vpcId, seen)
    const other = seen.get(addr)
    if (other) err('GWLB-L013', path, text, `an address not already used by ${other}`)
    else seen.set(addr, path)
  }
  function placePublic(path: string, text: string) {
    const addr = parseIpv4(text)
    if (addr === null) return
    const other = publicAddr.get(addr)
    if (other) err('GWLB-L013', path, text, `an address not already used by ${other}`)
    else publicAddr.set(addr, path)
  }
  return { placeAddress, placePublic }
}

function createChecks(design: Design, errors: LoadError[]): Checks {
  const err: Err = (code, path, value, expected) => errors.push(loadError(code, path, value, expected))
  const { byId, accountIds, zoneSet } = listings(design, err)
  function ref<K extends ResourceKind>(
    path: string,
    id: string,
    kinds: K[],
  ): Extract<Resource, { kind: K }> | undefined {
    const hit = byId.get(id)
    if (!hit || !kinds.includes(hit.r.kind as K)) {
      const article = /^[aeiou]/i.test(kinds[0] ?? '') ? 'an' : 'a'
      err('GWLB-L007', path, id, `the id of ${article} ${kinds.join(' or ')} in this design`)
      return undefined
    }
    return hit.r as Extract<Resource, { kind: K }>
  }
  const zone = (path: string, z: string) => {
    if (!zoneSet.has(z)) err('GWLB-L014', path, z, `one of the design's zones (${design.zones.join(', ')})`)
  }
  const account = (path: string, id: string) => {
    if (!accountIds.has(id)) err('GWLB-L007', path, id, 'the UID of an account listed in accounts')
  }
  const cidr = (text: string): Cidr | null => {
    const p = parseCidr(text)
    return p.ok ? p.cidr : null
  }
  return { err, ref, zone, account, cidr, ...addressBook(err, ref, cidr), byId, vswitchesByVpc: new Map() }
}

/** A vSwitch: its zone, inside its VPC's block, overlapping no sibling, bound to a VSwitch table of its VPC. */
function checkVswitch(c: Checks, r: ResourceOf<'vswitch'>, at: At) {
  c.zone(at('zoneId'), r.zoneId)
  const vpc = c.ref(at('vpcId'), r.vpcId, ['vpc'])
  const block = c.cidr(r.cidrBlock)
  if (vpc && block) {
    const vpcBlock = c.cidr(vpc.cidrBlock)
    if (vpcBlock && !cidrContainsCidr(vpcBlock, block))
      c.err('GWLB-L010', at('cidrBlock'), r.cidrBlock, `a block inside VPC ${vpc.id} (${vpc.cidrBlock})`)
    const siblings = c.vswitchesByVpc.get(vpc.id) ?? []
    for (const s of siblings)
      if (cidrsOverlap(s.block, block))
        c.err('GWLB-L009', at('cidrBlock'), r.cidrBlock, `a block that does not overlap vSwitch ${s.id} (${s.path})`)
    siblings.push({ id: r.id, block, path: at('cidrBlock') })
    c.vswitchesByVpc.set(vpc.id, siblings)
  }
  if (r.routeTableId !== undefined) {
    const rt = c.ref(at('routeTableId'), r.routeTableId, ['routeTable'])
    if (rt && rt.routeTableType !== 'VSwitch')
      c.err(
        'GWLB-L015',
        at('routeTableId'),
        r.routeTableId,
        'a route table of type VSwitch (a Gateway table binds to the IPv4 gateway only)',
      )
    if (rt && rt.vpcId !== r.vpcId)
      c.err('GWLB-L015', at('routeTableId'), r.routeTableId, `a route table of VPC ${r.vpcId}`)
  }
}

/** A route table: its VPC, each destination once. */
function checkRouteTable(c: Checks, r: ResourceOf<'routeTable'>, at: At) {
  c.ref(at('vpcId'), r.vpcId, ['vpc'])
  const seen = new Set<string>()
  r.entries.forEach((e, j) => {
    const key = c.cidr(e.destinationCidrBlock)
    const k = key ? `${key.base}/${key.prefix}` : e.destinationCidrBlock
    if (seen.has(k))
      c.err(
        'GWLB-L016',
        at(`entries[${j}].destinationCidrBlock`),
        e.destinationCidrBlock,
        'a destination listed once per route table',
      )
    seen.add(k)
  })
}

/** An IPv4 gateway: its VPC and its Gateway route table. */
function checkIpv4Gateway(c: Checks, r: ResourceOf<'ipv4Gateway'>, at: At) {
  c.ref(at('vpcId'), r.vpcId, ['vpc'])
  if (r.gatewayRouteTableId !== undefined) {
    const rt = c.ref(at('gatewayRouteTableId'), r.gatewayRouteTableId, ['routeTable'])
    if (rt && rt.routeTableType !== 'Gateway')
      c.err('GWLB-L015', at('gatewayRouteTableId'), r.gatewayRouteTableId, 'a route table of type Gateway')
    if (rt && rt.vpcId !== r.vpcId)
      c.err('GWLB-L015', at('gatewayRouteTableId'), r.gatewayRouteTableId, `a route table of VPC ${r.vpcId}`)
  }
}

/** An instance: its addresses, and security groups of its vSwitch's VPC. */
function checkInstance(c: Checks, r: ResourceOf<'ecs' | 'appliance'>, at: At) {
  c.placeAddress(at('privateIpAddress'), r.privateIpAddress, r.vswitchId, at('vswitchId'))
  if (r.kind === 'ecs' && r.publicIpAddress) c.placePublic(at('publicIpAddress'), r.publicIpAddress)
  const vsw = c.byId.get(r.vswitchId)?.r
  let first: { id: string; type: string } | undefined
  r.securityGroupIds.forEach((sg, j) => {
    const group = c.ref(at(`securityGroupIds[${j}]`), sg, ['securityGroup'])
    if (group && vsw?.kind === 'vswitch' && group.vpcId !== vsw.vpcId)
      c.err('GWLB-L015', at(`securityGroupIds[${j}]`), sg, `a security group of VPC ${vsw.vpcId}`)
    if (!group) return
    if (!first) first = { id: group.id, type: group.securityGroupType }
    else if (group.securityGroupType !== first.type)
      c.err(
        'GWLB-L018',
        at(`securityGroupIds[${j}]`),
        sg,
        `a ${first.type} security group like ${first.id}: an instance's groups are all basic or all enterprise`,
      )
  })
}

/** A security group: its VPC, and the peer block each rule needs. */
function checkSecurityGroup(c: Checks, r: ResourceOf<'securityGroup'>, at: At) {
  c.ref(at('vpcId'), r.vpcId, ['vpc'])
  if (r.securityGroupType === 'enterprise' && r.innerAccessPolicy !== undefined)
    c.err(
      'GWLB-L015',
      at('innerAccessPolicy'),
      r.innerAccessPolicy,
      'no innerAccessPolicy on an enterprise security group: it always isolates its members (ModifySecurityGroupPolicy refuses it)',
    )
  r.rules.forEach((rule, j) => {
    if (rule.direction === 'ingress' && !rule.sourceCidrIp)
      c.err('GWLB-L015', at(`rules[${j}].sourceCidrIp`), undefined, 'a source CIDR block for an ingress rule')
    if (rule.direction === 'egress' && !rule.destCidrIp)
      c.err('GWLB-L015', at(`rules[${j}].destCidrIp`), undefined, 'a destination CIDR block for an egress rule')
  })
}

/** A GWLB: one mapping per zone, each in a vSwitch of its VPC and zone; its server group's appliances. */
function checkGwlb(c: Checks, r: ResourceOf<'gwlb'>, at: At) {
  c.ref(at('vpcId'), r.vpcId, ['vpc'])
  r.zoneMappings.forEach((m, j) => {
    c.zone(at(`zoneMappings[${j}].zoneId`), m.zoneId)
    if (r.zoneMappings.findIndex((o) => o.zoneId === m.zoneId) !== j)
      c.err('GWLB-L015', at(`zoneMappings[${j}].zoneId`), m.zoneId, 'one mapping per zone')
    const vsw = c.byId.get(m.vswitchId)?.r
    c.placeAddress(
      at(`zoneMappings[${j}].privateIpAddress`),
      m.privateIpAddress,
      m.vswitchId,
      at(`zoneMappings[${j}].vswitchId`),
    )
    if (vsw?.kind === 'vswitch') {
      if (vsw.vpcId !== r.vpcId)
        c.err('GWLB-L015', at(`zoneMappings[${j}].vswitchId`), m.vswitchId, `a vSwitch of VPC ${r.vpcId}`)
      if (vsw.zoneId !== m.zoneId)
        c.err('GWLB-L015', at(`zoneMappings[${j}].vswitchId`), m.vswitchId, `a vSwitch in zone ${m.zoneId}`)
    }
  })
  r.serverGroup?.servers.forEach((s, j) => {
    const path = at(`serverGroup.servers[${j}]`)
    const app = c.ref(path, s, ['appliance'])
    const vsw = app && c.byId.get(app.vswitchId)?.r
    if (vsw?.kind === 'vswitch' && vsw.vpcId !== r.vpcId)
      c.err('GWLB-L015', path, s, `an appliance in VPC ${r.vpcId}, the server group's VPC`)
    if (r.serverGroup?.servers.indexOf(s) !== j) c.err('GWLB-L006', path, s, 'an appliance listed once')
  })
}

/** An endpoint service: its account, and a GWLB and a zone for each service resource. */
function checkEndpointService(c: Checks, r: ResourceOf<'endpointService'>, at: At) {
  c.account(at('accountId'), r.accountId)
  r.resources.forEach((sr, j) => {
    c.ref(at(`resources[${j}].resourceId`), sr.resourceId, ['gwlb'])
    c.zone(at(`resources[${j}].zoneId`), sr.zoneId)
  })
}

/** A GWLB endpoint: its account, zone, VPC, service, and an address in a vSwitch of its VPC and zone. */
function checkGwlbEndpoint(c: Checks, r: ResourceOf<'gwlbEndpoint'>, at: At) {
  c.account(at('accountId'), r.accountId)
  c.zone(at('zoneId'), r.zoneId)
  c.ref(at('vpcId'), r.vpcId, ['vpc'])
  c.ref(at('serviceId'), r.serviceId, ['endpointService'])
  c.placeAddress(at('ipAddress'), r.ipAddress, r.vswitchId, at('vswitchId'))
  const vsw = c.byId.get(r.vswitchId)?.r
  if (vsw?.kind === 'vswitch') {
    if (vsw.vpcId !== r.vpcId) c.err('GWLB-L015', at('vswitchId'), r.vswitchId, `a vSwitch of VPC ${r.vpcId}`)
    if (vsw.zoneId !== r.zoneId)
      c.err('GWLB-L015', at('vswitchId'), r.vswitchId, `a vSwitch in zone ${r.zoneId}, the endpoint's zone`)
  }
}

/**
 * A route target group (CreateRouteTargetGroup, Active-Standby): exactly two members, each an existing GWLBe of the
 * group's VPC, in two different zones, one of weight 100 (active) and one of weight 0 (standby).
 */
function checkRouteTargetGroup(c: Checks, r: ResourceOf<'routeTargetGroup'>, at: At) {
  c.ref(at('vpcId'), r.vpcId, ['vpc'])
  const list = r.routeTargetMemberList
  if (list.length !== 2) {
    c.err(
      'GWLB-L015',
      at('routeTargetMemberList'),
      `${list.length} member${list.length === 1 ? '' : 's'}`,
      'exactly two members in Active-Standby mode: an active one (weight 100) and a standby (weight 0)',
    )
    return
  }
  const members = list.map((m, j) => {
    const path = at(`routeTargetMemberList[${j}].memberId`)
    const ep = c.ref(path, m.memberId, ['gwlbEndpoint'])
    if (ep && ep.vpcId !== r.vpcId)
      c.err('GWLB-L015', path, m.memberId, `a GWLBe of VPC ${r.vpcId}, the route target group's VPC`)
    return ep
  })
  const [a, b] = members
  if (a && b && a.zoneId === b.zoneId)
    c.err(
      'GWLB-L015',
      at('routeTargetMemberList[1].memberId'),
      list[1]?.memberId,
      `a GWLBe in a zone other than ${a.zoneId}, the zone of ${a.id}: the two members must be in different zones`,
    )
  const weights = list.map((m) => m.weight)
  if (!weights.includes(100) || !weights.includes(0))
    list.forEach((m, j) => {
      if (m.weight !== 100 && m.weight !== 0)
        c.err('GWLB-L015', at(`routeTargetMemberList[${j}].weight`), m.weight, '100 (active) or 0 (standby)')
      else if (weights.indexOf(m.weight) !== j)
        c.err(
          'GWLB-L015',
          at(`routeTargetMemberList[${j}].weight`),
          m.weight,
          `${m.weight === 100 ? 0 : 100}: one member is active (weight 100) and the other standby (weight 0)`,
        )
    })
}

/**
 * A route table's destinations the cloud refuses: inside the cloud services block (every VPC's system route), or,
 * in a vSwitch table, inside a vSwitch's CIDR (its system route delivers it locally). Run after every vSwitch is
 * known: a route table may be listed before its VPC's vSwitches.
 */
function checkRefusedDestinations(c: Checks, r: ResourceOf<'routeTable'>, at: At) {
  const cloud = c.cidr(CLOUD_SERVICES_CIDR)
  r.entries.forEach((e, j) => {
    const path = at(`entries[${j}].destinationCidrBlock`)
    const dest = c.cidr(e.destinationCidrBlock)
    if (!dest || !cloud) return
    if (cidrContainsCidr(cloud, dest)) {
      c.err(
        'GWLB-L019',
        path,
        e.destinationCidrBlock,
        `a destination outside ${CLOUD_SERVICES_CIDR}, the system route to cloud services that every VPC has`,
      )
      return
    }
    // only a gateway route table keys its entries by vSwitch CIDR (its system routes, edited)
    if (r.routeTableType !== 'VSwitch') return
    const inside = (c.vswitchesByVpc.get(r.vpcId) ?? []).find((s) => cidrContainsCidr(s.block, dest))
    if (inside)
      c.err(
        'GWLB-L019',
        path,
        e.destinationCidrBlock,
        `a destination that is not vSwitch ${inside.id}'s CIDR (${formatCidr(inside.block)}) nor inside it: a vSwitch route table's system route delivers it locally`,
      )
  })
}

function checkResource(c: Checks, r: Resource, at: At) {
  switch (r.kind) {
    case 'vpc':
      return c.account(at('accountId'), r.accountId)
    case 'vswitch':
      return checkVswitch(c, r, at)
    case 'routeTable':
      return checkRouteTable(c, r, at)
    case 'ipv4Gateway':
      return checkIpv4Gateway(c, r, at)
    case 'ecs':
    case 'appliance':
      return checkInstance(c, r, at)
    case 'securityGroup':
      return checkSecurityGroup(c, r, at)
    case 'gwlb':
      return checkGwlb(c, r, at)
    case 'endpointService':
      return checkEndpointService(c, r, at)
    case 'gwlbEndpoint':
      return checkGwlbEndpoint(c, r, at)
    case 'internetHost':
      return c.placePublic(at('ipAddress'), r.ipAddress)
    case 'routeTargetGroup':
      return checkRouteTargetGroup(c, r, at)
  }
}

/** A scenario: its name once, flows from a source that sends, faults naming what they break, ending after they start. */
function checkScenario(c: Checks, scenarios: Design['scenarios'], i: number) {
  const s = scenarios[i]
  if (!s) return
  const at = (field: string) => `scenarios[${i}].${field}`
  if (scenarios.findIndex((o) => o.name === s.name) !== i)
    c.err('GWLB-L006', at('name'), s.name, 'a scenario name used once')
  s.flows.forEach((f, j) => {
    c.ref(at(`flows[${j}].sourceId`), f.sourceId, ['ecs', 'internetHost'])
  })
  s.faults.forEach((step, j) => {
    const f = step.fault
    const p = (field: string) => at(`faults[${j}].fault.${field}`)
    if (step.untilSeconds !== undefined && step.untilSeconds <= step.atSeconds)
      c.err(
        'GWLB-L015',
        at(`faults[${j}].untilSeconds`),
        step.untilSeconds,
        `a time after atSeconds (${step.atSeconds})`,
      )
    switch (f.kind) {
      case 'applianceStopped':
      case 'applianceHung':
      case 'serverRemoved':
        c.ref(p('applianceId'), f.applianceId, ['appliance'])
        break
      case 'zoneDown':
        c.zone(p('zoneId'), f.zoneId)
        break
      case 'securityGroupRuleRemoved': {
        const sg = c.ref(p('securityGroupId'), f.securityGroupId, ['securityGroup'])
        if (sg && f.ruleIndex >= sg.rules.length)
          c.err('GWLB-L007', p('ruleIndex'), f.ruleIndex, `a rule index below ${sg.rules.length}`)
        break
      }
      case 'endpointConnection':
        c.ref(p('endpointId'), f.endpointId, ['gwlbEndpoint'])
        break
      case 'routeEntryDeleted':
        c.ref(p('routeTableId'), f.routeTableId, ['routeTable'])
        break
    }
  })
}

/** Rules across resources: references, CIDRs, addresses, zones; and the layout with entries naming nothing dropped. */
export function designErrors(design: Design): { errors: LoadError[]; repairs: string[]; layout: Design['layout'] } {
  const errors: LoadError[] = []
  const c = createChecks(design, errors)
  const at = (i: number) => (field: string) => `resources[${i}].${field}`
  design.resources.forEach((r, i) => {
    checkResource(c, r, at(i))
  })
  design.resources.forEach((r, i) => {
    if (r.kind === 'routeTable') checkRefusedDestinations(c, r, at(i))
  })
  design.scenarios.forEach((_, i) => {
    checkScenario(c, design.scenarios, i)
  })
  // Layout entries that name nothing are the one thing repaired: they cannot change the design.
  const repairs: string[] = []
  const layout: Design['layout'] = {}
  const zoneKeys = new Set<string>()
  for (const r of design.resources) if (r.kind === 'vpc') for (const z of design.zones) zoneKeys.add(zoneKey(r.id, z))
  for (const [key, entry] of Object.entries(design.layout)) {
    if (c.byId.has(key) || zoneKeys.has(key)) layout[key] = entry
    else repairs.push(`layout[${jsonText(key)}] names nothing in the design; dropped`)
  }
  return { errors, repairs, layout }
}
