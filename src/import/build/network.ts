// VPCs and what lives directly in them: vSwitches, route tables, IPv4 gateways, security groups.

import type { ResourceOf } from '../../model'
import type { Build, RouteTable, Vpc, Vswitch } from './context'

/** alicloud_vpc → vpc, in the account of its provider configuration. */
export function buildVpcs(b: Build): void {
  const { ofType, str, note, newId, adopt, accountOf } = b
  for (const inst of ofType('alicloud_vpc')) {
    const cidrBlock = str(inst, 'vpc.cidrBlock')
    if (!cidrBlock) {
      note('unplaced', inst, 'the VPC has no cidr_block the importer can read, so nothing in it can be placed')
      continue
    }
    const vpc: Vpc = { kind: 'vpc', id: newId(inst), accountId: accountOf(inst), cidrBlock }
    adopt(inst, vpc)
  }
}

/** alicloud_vswitch → vswitch, in its VPC. */
export function buildVswitches(b: Build): void {
  const { ofType, str, note, newId, adopt, vpcIdOf } = b
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
}

/** alicloud_route_table → routeTable, empty until its entries and bindings are read. */
export function buildRouteTables(b: Build): void {
  const { ofType, str, newId, adopt, vpcIdOf } = b
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
}

/** alicloud_vpc_ipv4_gateway → ipv4Gateway. */
export function buildIpv4Gateways(b: Build): void {
  const { ofType, newId, adopt, vpcIdOf } = b
  for (const inst of ofType('alicloud_vpc_ipv4_gateway')) {
    const vpcId = vpcIdOf(inst, 'ipv4Gateway.vpcId')
    if (!vpcId) continue
    const gw: ResourceOf<'ipv4Gateway'> = { kind: 'ipv4Gateway', id: newId(inst), vpcId }
    adopt(inst, gw)
  }
}

/** alicloud_security_group → securityGroup, its rules read with the bindings. */
export function buildSecurityGroups(b: Build): void {
  const { ofType, str, newId, adopt, vpcIdOf } = b
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
}
