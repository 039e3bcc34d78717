// Gateway Load Balancers with their server group and listener.
import type { Resource } from '../../model'
import { attr, blank, comment, Expr, nested } from '../hcl'
import type { Emitter } from './context'

type Gwlb = Extract<Resource, { kind: 'gwlb' }>

export function writeLoadBalancers(em: Emitter) {
  const { namer, resource, own, ref, refById, label, of, out } = em
  for (const r of of('gwlb')) {
    resource(
      'alicloud_gwlb_load_balancer',
      namer.name('alicloud_gwlb_load_balancer', r.id),
      own(r),
      [
        attr('load_balancer_name', label(r)),
        attr('vpc_id', refById(r.vpcId) ?? r.vpcId),
        attr('address_ip_version', 'Ipv4'),
        ...r.zoneMappings.map((m) =>
          nested('zone_mappings', [attr('zone_id', m.zoneId), attr('vswitch_id', refById(m.vswitchId) ?? m.vswitchId)]),
        ),
      ],
      [
        "The GWLB takes its address in each zone from its vSwitch; the design's addresses stand for them.",
        ...(r.crossZoneEnabled
          ? []
          : [
              "The design turns cross-zone forwarding off (the AWS behaviour); Alibaba's GWLB always forwards across zones.",
            ]),
      ],
    )
    const serverGroupRef = writeServerGroup(em, r)
    if (r.listener && serverGroupRef)
      resource('alicloud_gwlb_listener', namer.name('alicloud_gwlb_listener', r.id), own(r), [
        attr('load_balancer_id', ref(r)),
        attr('server_group_id', serverGroupRef),
        ...(r.listener.description ? [attr('listener_description', r.listener.description)] : []),
      ])
    else if (r.listener)
      out.push(
        blank,
        comment(
          `${r.id}: the design gives the listener no server group, and a GWLB listener needs one; no listener is written.`,
        ),
      )
  }
}

/** Writes the GWLB's server group, if it has one; returns the reference its listener takes. */
function writeServerGroup({ namer, resource, own, refById }: Emitter, r: Gwlb): Expr | undefined {
  const sg = r.serverGroup
  if (!sg) return undefined
  const name = namer.name('alicloud_gwlb_server_group', r.id, `${r.id}_servers`)
  const hc = sg.healthCheck
  resource(
    'alicloud_gwlb_server_group',
    name,
    own(r),
    [
      attr('server_group_name', sg.name ?? `${r.id}-servers`),
      attr('vpc_id', refById(r.vpcId) ?? r.vpcId),
      attr('server_group_type', 'Instance'),
      attr('protocol', 'GENEVE'),
      attr('scheduler', sg.scheduler),
      ...sg.servers.map((id) =>
        nested('servers', [
          attr('server_id', refById(id) ?? id),
          attr('server_type', 'Ecs'),
          attr('server_ip', refById(id, 'private_ip') ?? id),
        ]),
      ),
      nested('health_check_config', [
        attr('health_check_enabled', hc.enabled),
        attr('health_check_protocol', hc.protocol),
        attr('health_check_connect_port', hc.port),
        attr('health_check_connect_timeout', hc.timeout),
        attr('health_check_interval', hc.interval),
        attr('healthy_threshold', hc.healthyThreshold),
        attr('unhealthy_threshold', hc.unhealthyThreshold),
        ...(hc.protocol === 'HTTP' && hc.path ? [attr('health_check_path', hc.path)] : []),
      ]),
      nested('connection_drain_config', [
        attr('connection_drain_enabled', sg.connectionDrain.enabled),
        attr('connection_drain_timeout', sg.connectionDrain.timeout),
      ]),
    ],
    [
      `Server failover mode ${sg.serverFailoverMode}: the provider documents no argument for it (ServerFailoverMode in the API); set it in the console or with UpdateServerGroupAttribute.`,
    ],
  )
  return new Expr(`alicloud_gwlb_server_group.${name}.id`)
}
