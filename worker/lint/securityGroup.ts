// Security groups as the cloud applies them: what a group's type and internal access policy make easy to get
// wrong. May not touch: React, the DOM, zustand, worker/engine.
import {
  cidrContainsAddress,
  cidrContainsCidr,
  type Design,
  type Ecs,
  isPrivateAddress,
  lastAddress,
  parseCidr,
  parseIpv4,
  type SecurityGroup,
  type SecurityGroupRule,
} from '../../src/model'
import { problem } from './catalog'
import { updateResource } from './edit'
import { type DesignIndex, indexOf, label, named } from './lookup'
import type { Problem } from './problem'

/** The instances (ECS and appliances) in a group, with their addresses. */
function membersOf(ix: DesignIndex, group: SecurityGroup): { id: string; addr: number }[] {
  return [...ix.ofKind('ecs'), ...ix.ofKind('appliance')].flatMap((i) => {
    const addr = parseIpv4(i.privateIpAddress)
    return i.securityGroupIds.includes(group.id) && addr !== null ? [{ id: i.id, addr }] : []
  })
}

const peerOf = (rule: SecurityGroupRule) => (rule.direction === 'ingress' ? rule.sourceCidrIp : rule.destCidrIp)

/**
 * W010: a drop rule of a basic group with Accept aimed inside the group's VPC at the group's own members. Accept
 * takes precedence over every rule, so the rule never drops traffic between members, whatever its author meant.
 * A broader rule (0.0.0.0/0) is aimed at the outside, and members being let through is no surprise.
 */
function shadowedDropRules(ix: DesignIndex, group: SecurityGroup): Problem[] {
  if (group.securityGroupType !== 'basic' || (group.innerAccessPolicy ?? 'Accept') !== 'Accept') return []
  const members = membersOf(ix, group)
  const vpc = parseCidr(ix.get(group.vpcId, 'vpc')?.cidrBlock ?? '')
  if (members.length < 2 || !vpc.ok) return []
  const out: Problem[] = []
  group.rules.forEach((rule, i) => {
    if (rule.policy !== 'drop') return
    const block = parseCidr(peerOf(rule) ?? '')
    if (!block.ok || !cidrContainsCidr(vpc.cidr, block.cidr)) return
    const hit = members.filter((m) => cidrContainsAddress(block.cidr, m.addr))
    if (!hit.length) return
    const side = rule.direction === 'ingress' ? 'inbound' : 'outbound'
    out.push(
      problem(
        'GWLB-W010',
        `Rule ${i + 1} of security group ${label(group)} (${side}, drop ${peerOf(rule)}) matches its own members ${hit.map((m) => m.id).join(', ')}, but the group's internal access policy is Accept, which lets members reach each other whatever the rules say: the rule drops none of their traffic. Set the policy to Drop if members must be kept apart.`,
        [group.id, ...hit.map((m) => m.id)],
        {
          path: ix.path(group.id, `rules[${i}]`),
          fix: {
            label: `Set the internal access policy of ${label(group)} to Drop, so its rules decide between members`,
            apply: (d) => updateResource(d, group.id, 'securityGroup', (g) => ({ ...g, innerAccessPolicy: 'Drop' })),
          },
        },
      ),
    )
  })
  return out
}

const ACCEPT_ALL_OUT: SecurityGroupRule = {
  direction: 'egress',
  ipProtocol: 'all',
  portRange: '-1/-1',
  destCidrIp: '0.0.0.0/0',
  policy: 'accept',
  priority: 100,
  description: 'all outbound, as a basic group allows by default',
}

/** W011: an ECS whose groups are enterprise and accept no outbound traffic: it can open no connection. */
function silentEnterpriseInstance(ix: DesignIndex, ecs: Ecs): Problem[] {
  const groups = ecs.securityGroupIds.flatMap((id) => ix.get(id, 'securityGroup') ?? [])
  const [first] = groups
  if (!first || groups.some((g) => g.securityGroupType !== 'enterprise')) return []
  if (groups.some((g) => g.rules.some((r) => r.direction === 'egress' && r.policy === 'accept'))) return []
  return [
    problem(
      'GWLB-W011',
      `${named('ECS', ecs)} is only in enterprise security groups (${groups.map((g) => g.id).join(', ')}) and none accepts outbound traffic: an enterprise group denies outbound by default, so it can open no connection (answers to connections made to it still pass).`,
      [ecs.id, ...groups.map((g) => g.id)],
      {
        path: ix.path(first.id, 'rules'),
        fix: {
          label: `Add an outbound rule to ${label(first)} accepting all traffic (lowest priority)`,
          apply: (d) =>
            updateResource(d, first.id, 'securityGroup', (g) => ({ ...g, rules: [...g.rules, ACCEPT_ALL_OUT] })),
        },
      },
    ),
  ]
}

/** A rule source the internet can be in: a block not wholly inside the private and shared ranges. */
function admitsTheInternet(rule: SecurityGroupRule): boolean {
  if (rule.direction !== 'ingress' || rule.policy !== 'accept' || !rule.sourceCidrIp) return false
  const c = parseCidr(rule.sourceCidrIp)
  return c.ok && !(isPrivateAddress(c.cidr.base) && isPrivateAddress(lastAddress(c.cidr)))
}

const HTTPS_FROM_THE_INTERNET: SecurityGroupRule = {
  direction: 'ingress',
  ipProtocol: 'tcp',
  portRange: '443/443',
  sourceCidrIp: '0.0.0.0/0',
  policy: 'accept',
  priority: 1,
  description: 'HTTPS from the internet',
}

/**
 * W012: a server with an EIP, reached from the internet through the IPv4 gateway, whose security groups accept no
 * inbound traffic from outside the private ranges: every connection made to it from the internet is dropped at
 * the server, after inspection. (A group made by a fix for E013 starts so: inbound stays denied until a rule.)
 */
function unreachableInternetServer(ix: DesignIndex, ecs: Ecs): Problem[] {
  if (!ecs.publicIpAddress) return []
  const groups = ecs.securityGroupIds.flatMap((id) => ix.get(id, 'securityGroup') ?? [])
  const [first] = groups
  if (!first || groups.some((g) => g.rules.some(admitsTheInternet))) return []
  return [
    problem(
      'GWLB-W012',
      `${named('Server', ecs)} has the EIP ${ecs.publicIpAddress}, but none of its security groups (${groups.map((g) => g.id).join(', ')}) accepts inbound traffic from the internet: every connection to it from the internet is dropped at the server. Add an inbound rule for the ports it serves.`,
      [ecs.id, ...groups.map((g) => g.id)],
      {
        path: ix.path(first.id, 'rules'),
        fix: {
          label: `Add an inbound rule to ${label(first)} accepting HTTPS (TCP 443) from the internet`,
          apply: (d) =>
            updateResource(d, first.id, 'securityGroup', (g) => ({
              ...g,
              rules: [...g.rules, HTTPS_FROM_THE_INTERNET],
            })),
        },
      },
    ),
  ]
}

export function securityGroups(design: Design): Problem[] {
  const ix = indexOf(design)
  return [
    ...ix.ofKind('securityGroup').flatMap((g) => shadowedDropRules(ix, g)),
    ...ix.ofKind('ecs').flatMap((e) => silentEnterpriseInstance(ix, e)),
    ...ix.ofKind('ecs').flatMap((e) => unreachableInternetServer(ix, e)),
  ]
}
