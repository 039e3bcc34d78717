// ECS API output: security groups and their rules, instances, and the EIPs associated with them.
import { type ApiInstances, type Each, stringsAt, text } from './instances'
import { isRecord, type Json, listAt } from './sources'

// a group in DescribeSecurityGroups and in its DescribeSecurityGroupAttribute is one: their fields merge
const securityGroup = (values: (g: Json) => Record<string, unknown>): Each => ({
  id: 'SecurityGroupId',
  name: 'SecurityGroupName',
  type: 'alicloud_security_group',
  values: (g) => ({ security_group_name: text(g.SecurityGroupName), vpc_id: text(g.VpcId), ...values(g) }),
})

/** Security groups (DescribeSecurityGroups), and their rules (DescribeSecurityGroupAttribute). */
export function readSecurityGroups(c: ApiInstances): void {
  c.addEach(
    'DescribeSecurityGroups',
    securityGroup((g) => ({ security_group_type: text(g.SecurityGroupType) })),
  )
  c.addEach(
    'DescribeSecurityGroupAttribute',
    securityGroup((g) => ({ inner_access_policy: text(g.InnerAccessPolicy) })),
    (id, g, file) => {
      ;(listAt(g, 'Permissions.Permission') ?? []).forEach((p, i) => {
        const direction = p.Direction === 'egress' ? 'egress' : 'ingress'
        c.add(
          'alicloud_security_group_rule',
          `${id}:${direction}:${i}`,
          {
            security_group_id: id,
            type: direction,
            ip_protocol: text(p.IpProtocol)?.toLowerCase(),
            port_range: text(p.PortRange),
            cidr_ip: text(direction === 'ingress' ? p.SourceCidrIp : p.DestCidrIp),
            policy: text(p.Policy)?.toLowerCase(),
            priority: text(p.Priority),
            description: text(p.Description),
          },
          file,
          { address: `${id} ${direction} rule ${i + 1}` },
        )
      })
    },
  )
}

/** ECS instances in vSwitches (a classic-network one is reported), with their addresses and primary ENI. */
export function readInstances(c: ApiInstances): void {
  c.each('DescribeInstances', (inst, file) => {
    const id = text(inst.InstanceId)
    if (!id) return
    const vpc = isRecord(inst.VpcAttributes) ? inst.VpcAttributes : {}
    const vswitch = text(vpc.VSwitchId)
    if (!vswitch) {
      c.note(
        'unplaced',
        id,
        'a classic-network instance (no VpcAttributes.VSwitchId): the design places instances in vSwitches',
        file,
      )
      return
    }
    const privateIp = stringsAt(vpc, 'PrivateIpAddress.IpAddress')[0]
    const enis = listAt(inst, 'NetworkInterfaces.NetworkInterface') ?? []
    const primary =
      enis.find((n) => n.Type === 'Primary') ?? enis.find((n) => n.PrimaryIpAddress === privateIp) ?? enis[0]
    c.add(
      'alicloud_instance',
      id,
      {
        instance_name: text(inst.InstanceName),
        vswitch_id: vswitch,
        private_ip: privateIp,
        public_ip:
          stringsAt(inst, 'PublicIpAddress.IpAddress')[0] ??
          (isRecord(inst.EipAddress) ? text(inst.EipAddress.IpAddress) : undefined),
        security_groups: stringsAt(inst, 'SecurityGroupIds.SecurityGroupId'),
        network_interface_id: text(primary?.NetworkInterfaceId),
      },
      file,
      { label: text(inst.InstanceName) },
    )
  })
}

/** EIPs associated with ECS instances; others are reported as not modelled. */
export function readEips(c: ApiInstances): void {
  c.each('DescribeEipAddresses', (e, file) => {
    const id = text(e.AllocationId)
    if (!id) return
    const owner = text(e.InstanceId)
    if (!owner) {
      c.note(
        'notModelled',
        id,
        'an EIP associated with nothing: the design models public addresses of instances only',
        file,
      )
      return
    }
    if (e.InstanceType !== 'EcsInstance') {
      c.note(
        'notModelled',
        id,
        `an EIP on ${text(e.InstanceType) ?? 'a resource'} ${owner}: the design gives public addresses to ECS instances only`,
        file,
      )
      return
    }
    c.add('alicloud_eip_address', id, { ip_address: text(e.IpAddress) }, file, { label: text(e.Name) })
    c.add('alicloud_eip_association', `${id}:${owner}`, { allocation_id: id, instance_id: owner }, file, {
      address: `${id} → ${owner}`,
    })
  })
}
