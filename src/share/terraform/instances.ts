// Workload servers and appliances (both ECS instances), and a server's EIP with its association.
import type { Resource } from '../../model'
import { attr, Expr } from '../hcl'
import type { Emitter } from './context'

type Instance = Extract<Resource, { kind: 'ecs' | 'appliance' }>

export function writeInstances(em: Emitter) {
  const { namer, resource, own, refById, label, of } = em
  for (const r of [...of('ecs'), ...of('appliance')]) {
    const appliance = r.kind === 'appliance'
    resource(
      'alicloud_instance',
      namer.name('alicloud_instance', r.id),
      own(r),
      [
        attr('instance_name', label(r)),
        attr('instance_type', new Expr(appliance ? 'var.appliance_instance_type' : 'var.instance_type')),
        attr('image_id', new Expr(appliance ? 'var.appliance_image_id' : 'var.image_id')),
        attr('vswitch_id', refById(r.vswitchId) ?? r.vswitchId),
        attr('private_ip', r.privateIpAddress),
        attr(
          'security_groups',
          r.securityGroupIds.map((id) => refById(id) ?? id),
        ),
      ],
      instanceNotes(r),
    )
    if (r.kind === 'ecs' && r.publicIpAddress) writeEip(em, r, r.publicIpAddress)
  }
}

/** What the instance block cannot say: an appliance's software and state, a missing security group. */
function instanceNotes(r: Instance): string[] {
  const appliance = r.kind === 'appliance'
  const notes = appliance
    ? [
        `Appliance (${r.applianceType}${r.stateful ? ', stateful' : ''}): its inspection policy and its simulated state (${r.state}) belong to the appliance software, not to Terraform.`,
        ...(r.jumboFrames
          ? []
          : ['The design gives this appliance no jumbo frames: packets of 1,500 bytes plus Geneve will not fit.']),
      ]
    : []
  // the provider refuses an instance without a security group; the linter reports it (GWLB-E013, E010)
  if (!r.securityGroupIds.length)
    notes.push(
      `The design gives this ${appliance ? 'appliance' : 'server'} no security group: the cloud refuses an instance without one, so this block fails until the design puts it in one (see Problems).`,
    )
  return notes
}

function writeEip({ namer, resource, own, ref, label }: Emitter, r: Instance, publicIpAddress: string) {
  const eip = namer.name('alicloud_eip_address', r.id)
  resource(
    'alicloud_eip_address',
    eip,
    own(r),
    [
      attr('address_name', `${label(r)} EIP`),
      attr('payment_type', 'PayAsYouGo'),
      attr('internet_charge_type', 'PayByTraffic'),
    ],
    [`The cloud allocates the address; the design's ${publicIpAddress} stands for it.`],
  )
  resource('alicloud_eip_association', namer.name('alicloud_eip_association', r.id), own(r), [
    attr('allocation_id', new Expr(`alicloud_eip_address.${eip}.id`)),
    attr('instance_id', ref(r)),
    attr('instance_type', 'EcsInstance'),
  ])
}
