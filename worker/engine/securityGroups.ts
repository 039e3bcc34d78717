// Security groups as Alibaba Cloud applies them: a basic group's internal access policy first, then the rules of
// all the instance's groups together, then the default of the groups' type. May not touch: React, the DOM,
// zustand, the design document (it reads the compiled groups it is given).
import type { Design, InnerAccessPolicy, SecurityGroupType } from '../../src/model'
import { innerAccessOf, parseIpv4 } from '../../src/model'
import type { CInstanceSecurity } from './network'
import { checked } from './numbered'
import { matchSecurityGroup } from './rules'
import type { Rule } from './types'

export interface CSecurityGroup {
  id: string
  index: number
  type: SecurityGroupType
  /** an enterprise group isolates its members, as Drop does */
  innerAccess: InnerAccessPolicy
  /** private addresses of the ECS instances and appliances in the group (a group lives in one VPC) */
  members: Set<number>
}

/** Numbers each group and collects its members' addresses. */
export function compileSecurityGroups(design: Design): { list: CSecurityGroup[]; index: Map<string, number> } {
  const index = new Map<string, number>()
  const list: CSecurityGroup[] = []
  for (const r of design.resources) {
    if (r.kind !== 'securityGroup') continue
    index.set(r.id, list.length)
    list.push({
      id: r.id,
      index: list.length,
      type: r.securityGroupType,
      innerAccess: innerAccessOf(r),
      members: new Set(),
    })
  }
  for (const r of design.resources) {
    if (r.kind !== 'ecs' && r.kind !== 'appliance') continue
    const addr = parseIpv4(r.privateIpAddress)
    if (addr === null) continue
    for (const id of r.securityGroupIds) list[index.get(id) ?? -1]?.members.add(addr | 0)
  }
  return { list, index }
}

/** What decided: a custom rule, a group's Accept policy, a group isolating its members, or the type's default. */
export const BY_RULE = 0
export const BY_INNER_ACCEPT = 1
export const BY_ISOLATION = 2
export const BY_DEFAULT = 3

export interface SgDecision {
  accept: boolean
  by: number
  /** BY_RULE: the rule's index in the merged list; BY_INNER_ACCEPT, BY_ISOLATION: the group's index */
  index: number
}

// one object reused by every call, so the fast path allocates nothing; read it before the next call
const decision: SgDecision = { accept: false, by: BY_DEFAULT, index: -1 }

function decided(accept: boolean, by: number, index: number): SgDecision {
  decision.accept = accept
  decision.by = by
  decision.index = index
  return decision
}

/**
 * Whether an instance's groups let a packet in (`ingress`, `peer` its source) or out (`peer` its destination).
 * Replies are the caller's: groups are stateful.
 */
export function decideSecurityGroup(
  groups: readonly CSecurityGroup[],
  sg: CInstanceSecurity,
  ingress: boolean,
  proto: number,
  peer: number,
  port: number,
): SgDecision {
  const mine = sg.groups
  // Accept takes precedence over every rule, and isolation loses to any group that connects the two
  for (let k = 0; k < mine.length; k++) {
    const g = groups[mine[k]!]!
    if (g.innerAccess === 'Accept' && g.members.has(peer)) return decided(true, BY_INNER_ACCEPT, g.index)
  }
  const rules = ingress ? sg.ingress : sg.egress
  const i = matchSecurityGroup(rules, proto, peer, port)
  if (i >= 0) return decided(rules[i]!.accept, BY_RULE, i)
  // no rule: inbound is denied; outbound is allowed by basic groups and denied by enterprise ones
  const accept = !ingress && sg.type !== 'enterprise'
  if (!accept)
    for (let k = 0; k < mine.length; k++) {
      const g = groups[mine[k]!]!
      if (g.members.has(peer)) return decided(false, BY_ISOLATION, g.index)
    }
  return decided(accept, BY_DEFAULT, -1)
}

/** The decision in words, for the walk's step. `peer` is the other end's address as text. */
export function securityGroupText(
  groups: readonly CSecurityGroup[],
  sg: CInstanceSecurity,
  ingress: boolean,
  d: SgDecision,
  peer: string,
): string {
  const side = ingress ? 'inbound' : 'outbound'
  const named = sg.ids.join(', ') || 'its security groups'
  switch (d.by) {
    case BY_INNER_ACCEPT: {
      const g = checked(groups, d.index, 'security group')
      return `intra-group policy Accept of ${g.id}: ${peer} is a member of ${g.id} too, and members reach each other whatever the rules say`
    }
    case BY_RULE: {
      const r = checked(ingress ? sg.ingress : sg.egress, d.index, 'security group rule').ref
      // numbered from 1 in the group's one list of inbound and outbound rules, as the inspector lists them
      return `${r.securityGroupId} rule ${r.ruleIndex + 1} (${side}, priority ${r.priority}, ${r.policy}${r.description ? `: ${r.description}` : ''}) ${d.accept ? 'accepts' : 'drops'} it`
    }
    case BY_ISOLATION: {
      const g = checked(groups, d.index, 'security group')
      const why =
        g.type === 'enterprise'
          ? `enterprise security group ${g.id} isolates its members`
          : `intra-group policy Drop of ${g.id}: members reach each other only through a rule`
      return `${why}, and no ${side} rule of ${named} accepts traffic ${ingress ? 'from' : 'to'} ${peer}`
    }
    default:
      if (ingress) return `no inbound rule of ${named} accepts it: denied by default`
      return d.accept
        ? 'no outbound rule matches: outbound traffic is accepted by default'
        : `no outbound rule of ${named} accepts it: an enterprise security group denies outbound traffic by default`
  }
}

/** The rule or policy that decided, for the step's `rule`. */
export function securityGroupRule(
  groups: readonly CSecurityGroup[],
  sg: CInstanceSecurity,
  ingress: boolean,
  d: SgDecision,
): Rule {
  const direction = ingress ? 'ingress' : 'egress'
  if (d.by === BY_RULE) return checked(ingress ? sg.ingress : sg.egress, d.index, 'security group rule').ref
  if (d.by === BY_INNER_ACCEPT || d.by === BY_ISOLATION) {
    const g = checked(groups, d.index, 'security group')
    return {
      type: 'securityGroupPolicy',
      direction,
      securityGroupId: g.id,
      securityGroupType: g.type,
      innerAccessPolicy: g.innerAccess,
      policy: d.accept ? 'accept' : 'drop',
    }
  }
  return {
    type: 'securityGroup',
    direction,
    securityGroupId: null,
    ruleIndex: -1,
    policy: d.accept ? 'accept' : 'drop',
  }
}
