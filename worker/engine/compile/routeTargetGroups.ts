// Route target groups: each group's two member endpoints, the active one (weight 100) first.
import { activeStandbyOf } from '../../../src/model'
import type { CGwlbEndpoint, CRouteTargetGroup } from '../network'
import type { CompileContext } from './context'

export function compileRouteTargetGroups(cx: CompileContext, endpoints: CGwlbEndpoint[]): CRouteTargetGroup[] {
  return cx.of('routeTargetGroup').map((r, index) => {
    cx.byId.set(r.id, { kind: 'routeTargetGroup', index })
    const vpc = cx.vpcIdx(r.vpcId)
    const { active, standby } = activeStandbyOf(r)
    const member = (at: number): number => {
      const hit = cx.byId.get(r.routeTargetMemberList[at]?.memberId ?? '')
      // the loader lets only GWLBes of the group's VPC through; -1 keeps a bad index out of the walk all the same
      return hit?.kind === 'gwlbEndpoint' && endpoints[hit.index]?.vpc === vpc ? hit.index : -1
    }
    return { id: r.id, name: cx.name(r), index, vpc, members: [member(active), member(standby)] }
  })
}
