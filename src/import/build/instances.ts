// ECS instances: an appliance when a GWLB server group lists it, a server otherwise.
import { parseIpv4 } from '../../model'
import { type Appliance, type Build, blocks, type Ecs } from './context'

/** alicloud_instance → ecs or appliance, in its vSwitch, with its security groups. */
export function buildInstances(b: Build): void {
  const { designIdOf, ofType, raw, str, note, newId, adopt, target, designRef } = b
  const serverIds = new Set<string>()
  for (const sg of ofType('alicloud_gwlb_server_group'))
    for (const s of blocks(sg.values.servers)) if (typeof s.server_id === 'string') serverIds.add(s.server_id)
  for (const inst of ofType('alicloud_instance')) {
    const vswitchId = designRef(inst, 'ecs.vswitchId', ['vswitch'], 'its vSwitch')
    if (!vswitchId) continue
    const securityGroupIds: string[] = []
    const groups = raw(inst, 'ecs.securityGroupIds')
    for (const g of Array.isArray(groups) ? groups : []) {
      const t = typeof g === 'string' ? target(g) : undefined
      const id = t && designIdOf.get(t)
      if (id) securityGroupIds.push(id)
      else if (typeof g === 'string') note('unplaced', inst, `its security group ${g} is not in the input`)
    }
    const privateIpAddress = str(inst, 'ecs.privateIpAddress') ?? ''
    const name = str(inst, 'ecs.name')
    const isAppliance = typeof inst.values.id === 'string' && serverIds.has(inst.values.id)
    let r: Ecs | Appliance
    if (isAppliance) {
      r = {
        kind: 'appliance',
        id: newId(inst),
        vswitchId,
        privateIpAddress,
        applianceType: 'firewall',
        jumboFrames: true,
        securityGroupIds,
        stateful: true,
        policy: { rules: [], defaultAction: 'allow' },
        state: 'running',
      }
      note(
        'assumed',
        inst,
        'a GWLB server group lists it, so it is an appliance: a stateful firewall that allows everything, running, with jumbo frames (the input does not say what its software does; set it in the inspector)',
      )
    } else {
      r = { kind: 'ecs', id: newId(inst), vswitchId, privateIpAddress, securityGroupIds, role: 'server' }
      const pub = str(inst, 'ecs.publicIpAddress')
      if (pub && parseIpv4(pub) !== null) r.publicIpAddress = pub
    }
    if (name) r.name = name
    adopt(inst, r)
  }
}
