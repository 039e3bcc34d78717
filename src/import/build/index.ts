// Terraform resource instances → a design document and the report of what was and was not mapped.
// Shared by the state, plan and HCL sources. Pure: imports only src/model. One builder per family of resource
// kinds, in the order their references need: what a resource refers to is built before it.
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  type Design,
  formatIpv4,
  nextFreeAddress,
  parseCidr,
  parseIpv4,
  type Resource,
} from '../../model'
import type { TfInput, TfInstance } from '../instance'
import { IGNORED_TYPES, mappingOf } from '../mapping'
import type { ImportReport } from '../types'
import { bindEips, bindRouteTables, buildSecurityGroupRules } from './bindings'
import { type Build, createBuild, PLACEHOLDER_ACCOUNT, type Vswitch } from './context'
import { buildGwlbs, buildListeners, readServerGroups } from './gwlb'
import { buildInstances } from './instances'
import { buildIpv4Gateways, buildRouteTables, buildSecurityGroups, buildVpcs, buildVswitches } from './network'
import { buildEndpoints, buildServiceMembers, buildServices } from './privatelink'
import { buildRouteEntries } from './routes'

export { PLACEHOLDER_ACCOUNT } from './context'

export function buildDesign(input: TfInput, report: ImportReport): Design {
  const b = createBuild(input, report)
  buildVpcs(b)
  buildVswitches(b)
  buildRouteTables(b)
  buildIpv4Gateways(b)
  buildSecurityGroups(b)
  buildInstances(b)
  buildGwlbs(b)
  buildListeners(b, readServerGroups(b))
  buildServices(b)
  buildServiceMembers(b)
  buildEndpoints(b)
  bindRouteTables(b)
  buildSecurityGroupRules(b)
  bindEips(b)
  buildRouteEntries(b)
  listNotModelled(b)
  fillAddresses(b.resources, report, b.instanceOf)
  return envelope(b)
}

/** Instances of kinds the design does not model, each listed by address. */
function listNotModelled({ instances, designIdOf, note }: Build) {
  const handled = new Set(designIdOf.keys())
  for (const inst of instances) {
    if (inst.mode === 'data' || handled.has(inst) || IGNORED_TYPES.has(inst.type)) continue
    if (!mappingOf(inst.type) && inst.type !== 'terraform_data')
      note('notModelled', inst, `${inst.type} is not modelled`)
  }
}

/** The document around the resources: its zones, region and accounts, with what was assumed for them. */
function envelope({ input, report, resources, unknownAccounts }: Build): Design {
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
