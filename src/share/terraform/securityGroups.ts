// Security groups and their rules, one alicloud_security_group_rule per rule.
import { attr } from '../hcl'
import type { Emitter } from './context'

export function writeSecurityGroups({ namer, resource, own, ref, refById, label, of }: Emitter) {
  for (const r of of('securityGroup')) {
    resource('alicloud_security_group', namer.name('alicloud_security_group', r.id), own(r), [
      attr('security_group_name', label(r)),
      attr('vpc_id', refById(r.vpcId) ?? r.vpcId),
      // the provider calls a basic group "normal"; an enterprise group takes no inner_access_policy
      attr('security_group_type', r.securityGroupType === 'enterprise' ? 'enterprise' : 'normal'),
      ...(r.securityGroupType === 'basic' ? [attr('inner_access_policy', r.innerAccessPolicy ?? 'Accept')] : []),
    ])
    r.rules.forEach((rule, i) => {
      const cidr = rule.direction === 'ingress' ? rule.sourceCidrIp : rule.destCidrIp
      resource(
        'alicloud_security_group_rule',
        namer.name('alicloud_security_group_rule', `${r.id}#${i}`, `${r.id}_${i + 1}`),
        own(r),
        [
          attr('security_group_id', ref(r)),
          attr('type', rule.direction),
          attr('ip_protocol', rule.ipProtocol),
          attr('port_range', rule.portRange),
          // for egress the provider's cidr_ip is the destination
          ...(cidr ? [attr('cidr_ip', cidr)] : []),
          attr('policy', rule.policy),
          attr('priority', rule.priority),
          attr('nic_type', 'intranet'),
          ...(rule.description ? [attr('description', rule.description)] : []),
        ],
      )
    })
  }
}
