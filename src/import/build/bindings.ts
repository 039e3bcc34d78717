// Bindings: route tables to vSwitches and gateways, security group rules, EIPs to instances.
import { formatIpv4, parseIpv4, type ResourceOf } from '../../model'
import type { Appliance, Build, Ecs, RouteTable, Vswitch } from './context'

/** Route table attachments → vswitch.routeTableId and ipv4Gateway.gatewayRouteTableId. */
export function bindRouteTables(b: Build): void {
  const { report, ofType, designRef, byDesignId } = b
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
}

/** alicloud_security_group_rule → securityGroup.rules[] (CIDR rules of modelled protocols). */
export function buildSecurityGroupRules(b: Build): void {
  const { report, ofType, str, num, note, designRef, byDesignId } = b
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
}

/** EIP associations → ecs.publicIpAddress; an address the cloud allocates is taken from TEST-NET-3, said. */
export function bindEips(b: Build): void {
  const { report, designIdOf, ofType, str, note, target, byDesignId } = b
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
}
