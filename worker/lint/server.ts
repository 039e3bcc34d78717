// Workload servers (ECS): every instance needs at least one security group; the cloud and the alicloud provider
// refuse one without. May not touch: React, the DOM, zustand, worker/engine.
import type { Design, Ecs, SecurityGroup } from '../../src/model'
import { problem } from './catalog'
import { updateResource, withNewSecurityGroup } from './edit'
import { type DesignIndex, indexOf, label, named } from './lookup'
import type { Fix, Problem } from './problem'

/** The group the other servers of the VPC use, so a new server is treated as its neighbours are. */
function neighboursGroup(ix: DesignIndex, server: Ecs, vpcId: string): SecurityGroup | undefined {
  for (const other of ix.ofKind('ecs')) {
    if (other.id === server.id || ix.vpcOf(other) !== vpcId) continue
    for (const id of other.securityGroupIds) {
      const sg = ix.get(id, 'securityGroup')
      if (sg && sg.vpcId === vpcId) return sg
    }
  }
  return undefined
}

function fixFor(ix: DesignIndex, server: Ecs): Fix | undefined {
  const vpcId = ix.vpcOf(server)
  if (!vpcId) return undefined
  const shared = neighboursGroup(ix, server, vpcId)
  if (shared)
    return {
      label: `Put ${label(server)} in security group ${label(shared)}, as the other servers of its VPC are`,
      apply: (d) => updateResource(d, server.id, 'ecs', (e) => ({ ...e, securityGroupIds: [shared.id] })),
    }
  return {
    label: `Give ${label(server)} a new security group (inbound traffic stays denied until you add a rule)`,
    apply: (d) => withNewSecurityGroup(d, server, vpcId).design,
  }
}

export function servers(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  for (const server of ix.ofKind('ecs')) {
    if (server.securityGroupIds.length) continue
    out.push(
      problem(
        'GWLB-E013',
        `${named('ECS server', server)} has no security group: the cloud does not create an instance without one, and the Terraform export cannot be applied. Put it in a security group.`,
        [server.id],
        { path: ix.path(server.id, 'securityGroupIds'), fix: fixFor(ix, server) },
      ),
    )
  }
  return out
}
