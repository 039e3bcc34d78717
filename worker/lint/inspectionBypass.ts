// Workloads whose internet traffic no GWLBe sees: an ECS beside a GWLBe, or a server with an EIP in a VPC the
// guide's routes do not cover. May not touch: React, the DOM, zustand, worker/engine.
import type { Design } from '../../src/model'
import { problem } from './catalog'
import { indexOf, label, named } from './lookup'
import type { Problem } from './problem'

export function inspectionBypass(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  for (const ecs of ix.ofKind('ecs')) {
    const vsw = ix.get(ecs.vswitchId, 'vswitch')
    if (!vsw) continue
    const endpoint = ix.inVswitch(vsw.id).find((r) => r.kind === 'gwlbEndpoint')
    if (endpoint) {
      out.push(
        problem(
          'GWLB-W031',
          `${named('ECS', ecs)} sits in vSwitch ${label(vsw)} beside GWLBe ${endpoint.id}: it follows the GWLBe vSwitch's routes, straight to the IPv4 gateway, so its traffic is not inspected. Move it to a service vSwitch.`,
          [ecs.id, vsw.id, endpoint.id],
          { path: ix.path(ecs.id, 'vswitchId') },
        ),
      )
      continue
    }
    if (ecs.role !== 'server' || !ecs.publicIpAddress) continue
    const inspected = ix.isInspectedVpc(vsw.vpcId)
    if (inspected) continue
    const why = ix.endpointsOf(vsw.vpcId).length
      ? 'has GWLB endpoints but no IPv4 gateway, so no gateway route table steers its EIP traffic'
      : 'has no GWLB endpoint'
    out.push(
      problem(
        'GWLB-W031',
        `${named('Server', ecs)} has the public address ${ecs.publicIpAddress}, but its VPC ${vsw.vpcId} ${why}: its internet traffic is not inspected.`,
        [ecs.id, vsw.vpcId],
        {
          path: ix.path(ecs.id, 'publicIpAddress'),
        },
      ),
    )
  }
  return out
}
