// Loads a design from outside (file, link, storage): checks everything, repairs nothing silently,
// and never throws. Imports nothing outside src/model.
import type * as z from 'zod/mini'
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  type Design,
  designSchema,
  RESOURCE_KINDS,
  type Resource,
  type ResourceKind,
  zoneKey,
} from './design'
import { boundJsonText, boundJsonValue, type InputBound, MAX_DESIGN_BYTES, MAX_NESTING_DEPTH } from './inputBounds'
import {
  type Cidr,
  cidrContainsAddress,
  cidrContainsCidr,
  cidrsOverlap,
  formatCidr as formatCidrOf,
  isReservedInVswitch,
  parseCidr,
  parseIpv4,
} from './ipv4'
import { formatPath, type LoadError, type LoadErrorCode, loadError } from './loadError'
import { MIGRATIONS, type Migration, migrate } from './migrations'
import { CLOUD_SERVICES_CIDR } from './resources/routeTable'

export type ParseResult =
  | { ok: true; design: Design; repairs: string[] }
  | { ok: false; reason: 'not-ours' | 'too-new' | 'invalid' | 'migration-failed'; errors: LoadError[] }

export interface ParseOptions {
  migrations?: readonly Migration[]
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[p]
  }
  return v
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `a value of type ${issue.expected}`
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    default:
      return issue.message
  }
}

function schemaErrors(input: unknown, issues: z.core.$ZodIssue[]): LoadError[] {
  const errors: LoadError[] = []
  const unknownKind = new Set<number>()
  const resources = isRecord(input) && Array.isArray(input.resources) ? input.resources : []
  resources.forEach((r, i) => {
    if (isRecord(r) && !RESOURCE_KINDS.includes(r.kind as ResourceKind)) {
      unknownKind.add(i)
      errors.push(loadError('GWLB-L005', `resources[${i}].kind`, r.kind, `one of ${RESOURCE_KINDS.join(', ')}`))
    }
  })
  for (const issue of issues) {
    if (issue.path[0] === 'resources' && unknownKind.has(issue.path[1] as number)) continue
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = formatPath([...issue.path, key])
        errors.push(loadError('GWLB-L004', path, valueAt(input, [...issue.path, key]), `no field "${key}" here`))
      }
      continue
    }
    const params = issue.code === 'custom' ? (issue.params as { loadCode?: LoadErrorCode } | undefined) : undefined
    const code = params?.loadCode ?? 'GWLB-L004'
    errors.push(loadError(code, formatPath(issue.path), valueAt(input, issue.path), expectedOf(issue)))
  }
  return errors
}

/** Rules across resources: references, CIDRs, addresses, zones (docs/format.md, "Loading"). */
function designErrors(design: Design): { errors: LoadError[]; repairs: string[]; layout: Design['layout'] } {
  const errors: LoadError[] = []
  const err = (code: LoadErrorCode, path: string, value: unknown, expected: string) =>
    errors.push(loadError(code, path, value, expected))
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
  const zoneSet = new Set(design.zones)
  design.zones.forEach((z, i) => {
    if (design.zones.indexOf(z) !== i) err('GWLB-L006', `zones[${i}]`, z, 'a zone listed once')
  })

  function ref<K extends ResourceKind>(
    path: string,
    id: string,
    kinds: K[],
  ): Extract<Resource, { kind: K }> | undefined {
    const hit = byId.get(id)
    if (!hit || !kinds.includes(hit.r.kind as K)) {
      const article = /^[aeiou]/i.test(kinds[0]) ? 'an' : 'a'
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

  // addresses in use per VPC (private) and globally (public), for duplicates
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

  const vswitchesByVpc = new Map<string, { id: string; block: Cidr; path: string }[]>()
  const customRoutes: { r: Extract<Resource, { kind: 'routeTable' }>; i: number }[] = []
  design.resources.forEach((r, i) => {
    const at = (field: string) => `resources[${i}].${field}`
    switch (r.kind) {
      case 'vpc':
        account(at('accountId'), r.accountId)
        break
      case 'vswitch': {
        zone(at('zoneId'), r.zoneId)
        const vpc = ref(at('vpcId'), r.vpcId, ['vpc'])
        const block = cidr(r.cidrBlock)
        if (vpc && block) {
          const vpcBlock = cidr(vpc.cidrBlock)
          if (vpcBlock && !cidrContainsCidr(vpcBlock, block))
            err('GWLB-L010', at('cidrBlock'), r.cidrBlock, `a block inside VPC ${vpc.id} (${vpc.cidrBlock})`)
          const siblings = vswitchesByVpc.get(vpc.id) ?? []
          for (const s of siblings)
            if (cidrsOverlap(s.block, block))
              err(
                'GWLB-L009',
                at('cidrBlock'),
                r.cidrBlock,
                `a block that does not overlap vSwitch ${s.id} (${s.path})`,
              )
          siblings.push({ id: r.id, block, path: at('cidrBlock') })
          vswitchesByVpc.set(vpc.id, siblings)
        }
        if (r.routeTableId !== undefined) {
          const rt = ref(at('routeTableId'), r.routeTableId, ['routeTable'])
          if (rt && rt.routeTableType !== 'VSwitch')
            err(
              'GWLB-L015',
              at('routeTableId'),
              r.routeTableId,
              'a route table of type VSwitch (a Gateway table binds to the IPv4 gateway only)',
            )
          if (rt && rt.vpcId !== r.vpcId)
            err('GWLB-L015', at('routeTableId'), r.routeTableId, `a route table of VPC ${r.vpcId}`)
        }
        break
      }
      case 'routeTable': {
        ref(at('vpcId'), r.vpcId, ['vpc'])
        customRoutes.push({ r, i })
        const seen = new Set<string>()
        r.entries.forEach((e, j) => {
          const key = cidr(e.destinationCidrBlock)
          const k = key ? `${key.base}/${key.prefix}` : e.destinationCidrBlock
          if (seen.has(k))
            err(
              'GWLB-L016',
              at(`entries[${j}].destinationCidrBlock`),
              e.destinationCidrBlock,
              'a destination listed once per route table',
            )
          seen.add(k)
        })
        break
      }
      case 'ipv4Gateway': {
        ref(at('vpcId'), r.vpcId, ['vpc'])
        if (r.gatewayRouteTableId !== undefined) {
          const rt = ref(at('gatewayRouteTableId'), r.gatewayRouteTableId, ['routeTable'])
          if (rt && rt.routeTableType !== 'Gateway')
            err('GWLB-L015', at('gatewayRouteTableId'), r.gatewayRouteTableId, 'a route table of type Gateway')
          if (rt && rt.vpcId !== r.vpcId)
            err('GWLB-L015', at('gatewayRouteTableId'), r.gatewayRouteTableId, `a route table of VPC ${r.vpcId}`)
        }
        break
      }
      case 'ecs':
      case 'appliance': {
        placeAddress(at('privateIpAddress'), r.privateIpAddress, r.vswitchId, at('vswitchId'))
        if (r.kind === 'ecs' && r.publicIpAddress) placePublic(at('publicIpAddress'), r.publicIpAddress)
        const vsw = byId.get(r.vswitchId)?.r
        let first: { id: string; type: string } | undefined
        r.securityGroupIds.forEach((sg, j) => {
          const group = ref(at(`securityGroupIds[${j}]`), sg, ['securityGroup'])
          if (group && vsw?.kind === 'vswitch' && group.vpcId !== vsw.vpcId)
            err('GWLB-L015', at(`securityGroupIds[${j}]`), sg, `a security group of VPC ${vsw.vpcId}`)
          if (!group) return
          if (!first) first = { id: group.id, type: group.securityGroupType }
          else if (group.securityGroupType !== first.type)
            err(
              'GWLB-L018',
              at(`securityGroupIds[${j}]`),
              sg,
              `a ${first.type} security group like ${first.id}: an instance's groups are all basic or all enterprise`,
            )
        })
        break
      }
      case 'securityGroup':
        ref(at('vpcId'), r.vpcId, ['vpc'])
        if (r.securityGroupType === 'enterprise' && r.innerAccessPolicy !== undefined)
          err(
            'GWLB-L015',
            at('innerAccessPolicy'),
            r.innerAccessPolicy,
            'no innerAccessPolicy on an enterprise security group: it always isolates its members (ModifySecurityGroupPolicy refuses it)',
          )
        r.rules.forEach((rule, j) => {
          if (rule.direction === 'ingress' && !rule.sourceCidrIp)
            err('GWLB-L015', at(`rules[${j}].sourceCidrIp`), undefined, 'a source CIDR block for an ingress rule')
          if (rule.direction === 'egress' && !rule.destCidrIp)
            err('GWLB-L015', at(`rules[${j}].destCidrIp`), undefined, 'a destination CIDR block for an egress rule')
        })
        break
      case 'gwlb': {
        ref(at('vpcId'), r.vpcId, ['vpc'])
        r.zoneMappings.forEach((m, j) => {
          zone(at(`zoneMappings[${j}].zoneId`), m.zoneId)
          if (r.zoneMappings.findIndex((o) => o.zoneId === m.zoneId) !== j)
            err('GWLB-L015', at(`zoneMappings[${j}].zoneId`), m.zoneId, 'one mapping per zone')
          const vsw = byId.get(m.vswitchId)?.r
          placeAddress(
            at(`zoneMappings[${j}].privateIpAddress`),
            m.privateIpAddress,
            m.vswitchId,
            at(`zoneMappings[${j}].vswitchId`),
          )
          if (vsw?.kind === 'vswitch') {
            if (vsw.vpcId !== r.vpcId)
              err('GWLB-L015', at(`zoneMappings[${j}].vswitchId`), m.vswitchId, `a vSwitch of VPC ${r.vpcId}`)
            if (vsw.zoneId !== m.zoneId)
              err('GWLB-L015', at(`zoneMappings[${j}].vswitchId`), m.vswitchId, `a vSwitch in zone ${m.zoneId}`)
          }
        })
        r.serverGroup?.servers.forEach((s, j) => {
          const path = at(`serverGroup.servers[${j}]`)
          const app = ref(path, s, ['appliance'])
          const vsw = app && byId.get(app.vswitchId)?.r
          if (vsw?.kind === 'vswitch' && vsw.vpcId !== r.vpcId)
            err('GWLB-L015', path, s, `an appliance in VPC ${r.vpcId}, the server group's VPC`)
          if (r.serverGroup?.servers.indexOf(s) !== j) err('GWLB-L006', path, s, 'an appliance listed once')
        })
        break
      }
      case 'endpointService':
        account(at('accountId'), r.accountId)
        r.resources.forEach((sr, j) => {
          ref(at(`resources[${j}].resourceId`), sr.resourceId, ['gwlb'])
          zone(at(`resources[${j}].zoneId`), sr.zoneId)
        })
        break
      case 'gwlbEndpoint': {
        account(at('accountId'), r.accountId)
        zone(at('zoneId'), r.zoneId)
        ref(at('vpcId'), r.vpcId, ['vpc'])
        ref(at('serviceId'), r.serviceId, ['endpointService'])
        placeAddress(at('ipAddress'), r.ipAddress, r.vswitchId, at('vswitchId'))
        const vsw = byId.get(r.vswitchId)?.r
        if (vsw?.kind === 'vswitch') {
          if (vsw.vpcId !== r.vpcId) err('GWLB-L015', at('vswitchId'), r.vswitchId, `a vSwitch of VPC ${r.vpcId}`)
          if (vsw.zoneId !== r.zoneId)
            err('GWLB-L015', at('vswitchId'), r.vswitchId, `a vSwitch in zone ${r.zoneId}, the endpoint's zone`)
        }
        break
      }
      case 'internetHost':
        placePublic(at('ipAddress'), r.ipAddress)
        break
    }
  })

  // after the loop: a route table may be listed before its VPC's vSwitches
  for (const { r, i } of customRoutes) refusedDestinations(r, i)
  function refusedDestinations(r: Extract<Resource, { kind: 'routeTable' }>, i: number) {
    const cloud = cidr(CLOUD_SERVICES_CIDR)
    r.entries.forEach((e, j) => {
      const path = `resources[${i}].entries[${j}].destinationCidrBlock`
      const dest = cidr(e.destinationCidrBlock)
      if (!dest || !cloud) return
      if (cidrContainsCidr(cloud, dest)) {
        err(
          'GWLB-L019',
          path,
          e.destinationCidrBlock,
          `a destination outside ${CLOUD_SERVICES_CIDR}, the system route to cloud services that every VPC has`,
        )
        return
      }
      // only a gateway route table keys its entries by vSwitch CIDR (its system routes, edited)
      if (r.routeTableType !== 'VSwitch') return
      const inside = (vswitchesByVpc.get(r.vpcId) ?? []).find((s) => cidrContainsCidr(s.block, dest))
      if (inside)
        err(
          'GWLB-L019',
          path,
          e.destinationCidrBlock,
          `a destination that is not vSwitch ${inside.id}'s CIDR (${formatCidrOf(inside.block)}) nor inside it: a vSwitch route table's system route delivers it locally`,
        )
    })
  }

  design.scenarios.forEach((s, i) => {
    const at = (field: string) => `scenarios[${i}].${field}`
    if (design.scenarios.findIndex((o) => o.name === s.name) !== i)
      err('GWLB-L006', at('name'), s.name, 'a scenario name used once')
    s.flows.forEach((f, j) => {
      ref(at(`flows[${j}].sourceId`), f.sourceId, ['ecs', 'internetHost'])
    })
    s.faults.forEach((step, j) => {
      const f = step.fault
      const p = (field: string) => at(`faults[${j}].fault.${field}`)
      if (step.untilSeconds !== undefined && step.untilSeconds <= step.atSeconds)
        err(
          'GWLB-L015',
          at(`faults[${j}].untilSeconds`),
          step.untilSeconds,
          `a time after atSeconds (${step.atSeconds})`,
        )
      switch (f.kind) {
        case 'applianceStopped':
        case 'applianceHung':
        case 'serverRemoved':
          ref(p('applianceId'), f.applianceId, ['appliance'])
          break
        case 'zoneDown':
          zone(p('zoneId'), f.zoneId)
          break
        case 'securityGroupRuleRemoved': {
          const sg = ref(p('securityGroupId'), f.securityGroupId, ['securityGroup'])
          if (sg && f.ruleIndex >= sg.rules.length)
            err('GWLB-L007', p('ruleIndex'), f.ruleIndex, `a rule index below ${sg.rules.length}`)
          break
        }
        case 'endpointConnection':
          ref(p('endpointId'), f.endpointId, ['gwlbEndpoint'])
          break
        case 'routeEntryDeleted':
          ref(p('routeTableId'), f.routeTableId, ['routeTable'])
          break
      }
    })
  })

  // Layout entries that name nothing are the one thing repaired: they cannot change the design.
  const repairs: string[] = []
  const layout: Design['layout'] = {}
  const zoneKeys = new Set<string>()
  for (const r of design.resources) if (r.kind === 'vpc') for (const z of design.zones) zoneKeys.add(zoneKey(r.id, z))
  for (const [key, entry] of Object.entries(design.layout)) {
    if (byId.has(key) || zoneKeys.has(key)) layout[key] = entry
    else repairs.push(`layout["${key}"] names nothing in the design; dropped`)
  }
  return { errors, repairs, layout }
}

/**
 * Defaults the schema cannot write because they depend on another field: a basic group that omits its
 * internal access policy has the API's, Accept (an enterprise group has none).
 */
function withApiDefaults(r: Resource): Resource {
  if (r.kind !== 'securityGroup' || r.securityGroupType !== 'basic' || r.innerAccessPolicy !== undefined) return r
  const { rules, ...head } = r
  return { ...head, innerAccessPolicy: 'Accept', rules }
}

/** The loader's refusal of an input past a bound, before any recursive work has touched it. */
function outOfBounds(bound: Exclude<InputBound, { ok: true }>): ParseResult {
  const error =
    bound.problem === 'too-deep'
      ? loadError(
          'GWLB-L020',
          '',
          `more than ${MAX_NESTING_DEPTH} levels of nested arrays and objects`,
          `at most ${MAX_NESTING_DEPTH} levels (a design needs fewer than ten)`,
        )
      : loadError('GWLB-L021', '', `${bound.size} bytes or more`, `a design of at most ${MAX_DESIGN_BYTES} bytes`)
  return { ok: false, reason: 'invalid', errors: [error] }
}

/**
 * Parses a design from JSON text or an already-parsed value. Never throws: sizes and nesting are bounded
 * before JSON.parse, the migrations' copies and the schema run, and anything still thrown becomes an error.
 */
export function parse(input: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parseBounded(input, options)
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
    return {
      ok: false,
      reason: 'invalid',
      errors: [loadError('GWLB-L022', '', detail, 'input the loader can read; please report this design')],
    }
  }
}

function parseBounded(input: unknown, options: ParseOptions): ParseResult {
  let value = input
  if (typeof input === 'string') {
    const bound = boundJsonText(input)
    if (!bound.ok) return outOfBounds(bound)
    try {
      value = JSON.parse(input)
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e)
      return {
        ok: false,
        reason: 'not-ours',
        errors: [loadError('GWLB-L001', '', input.slice(0, 40), `JSON text (${detail})`)],
      }
    }
  } else {
    const bound = boundJsonValue(input)
    if (!bound.ok) return outOfBounds(bound)
  }
  if (!isRecord(value))
    return { ok: false, reason: 'not-ours', errors: [loadError('GWLB-L001', '', value, 'a JSON object')] }
  if (value.format !== DESIGN_FORMAT)
    return {
      ok: false,
      reason: 'not-ours',
      errors: [loadError('GWLB-L002', 'format', value.format, `"${DESIGN_FORMAT}"`)],
    }
  const version = value.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return { ok: false, reason: 'invalid', errors: [loadError('GWLB-L004', 'version', version, 'a whole number')] }
  if (version > DESIGN_VERSION)
    return {
      ok: false,
      reason: 'too-new',
      errors: [
        loadError(
          'GWLB-L003',
          'version',
          version,
          `version ${DESIGN_VERSION} or older: this design was made by a newer GWLB Studio`,
        ),
      ],
    }
  const repairs: string[] = []
  let doc: Record<string, unknown> = value
  if (version < DESIGN_VERSION) {
    const m = migrate(value, version, options.migrations ?? MIGRATIONS)
    if (!m.ok)
      return {
        ok: false,
        reason: 'migration-failed',
        errors: [loadError('GWLB-L017', 'version', version, `a migration to succeed (${m.step}: ${m.error})`)],
      }
    doc = m.doc
    repairs.push(...m.applied.map((name) => `migrated: ${name}`))
  }
  const checked = designSchema.safeParse(doc)
  if (!checked.success) return { ok: false, reason: 'invalid', errors: schemaErrors(doc, checked.error.issues) }
  const { errors, repairs: layoutRepairs, layout } = designErrors(checked.data)
  if (errors.length) return { ok: false, reason: 'invalid', errors }
  return {
    ok: true,
    design: { ...checked.data, resources: checked.data.resources.map(withApiDefaults), layout },
    repairs: [...repairs, ...layoutRepairs],
  }
}

/** The document as JSON text, fields in schema order, two-space indented. */
export function serialise(design: Design): string {
  return `${JSON.stringify(design, null, 2)}\n`
}
