// The guide's prerequisites for each appliance: jumbo frames, and security groups that accept Geneve (UDP 6081)
// and the health checks from the GWLB. May not touch: React, the DOM, zustand, worker/engine.
import {
  type Appliance,
  cidrContainsAddress,
  type Design,
  type Gwlb,
  parseCidr,
  parseIpv4,
  parsePortRange,
  type SecurityGroup,
  type SecurityGroupRule,
} from '../../src/model'
import { type Code, problem } from './catalog'
import { updateResource, withNewSecurityGroup } from './edit'
import { type DesignIndex, indexOf, label, named } from './lookup'
import type { Fix, Problem } from './problem'

export const GENEVE_PORT = 6081

/** How an instance's security groups treat one inbound packet (Alibaba: lowest priority number first, drop wins a tie). */
export type IngressVerdict =
  | { kind: 'accepted'; securityGroupId: string; ruleIndex: number }
  | { kind: 'dropped'; securityGroupId: string; ruleIndex: number; priority: number }
  | { kind: 'noRule' }

/** What refusing some or all of the GWLB's zone addresses costs: all of it, or the traffic from those zones. */
function consequence(code: string, refused: number, sources: number): string {
  const partial = refused < sources
  if (code === 'GWLB-E010')
    return partial
      ? `Traffic the GWLB forwards from ${refused === 1 ? 'that address' : 'those addresses'} (a zone's node, forwarding across zones) is lost; what comes from its other addresses still arrives.`
      : 'The appliance receives no traffic to inspect.'
  return partial
    ? `Health checks from ${refused === 1 ? 'that address' : 'those addresses'} fail.`
    : 'It fails every health check and is taken out of service.'
}

export function ingressVerdict(
  groups: readonly SecurityGroup[],
  protocol: 'tcp' | 'udp',
  port: number,
  source: number,
): IngressVerdict {
  const matches: { sg: string; index: number; rule: SecurityGroupRule }[] = []
  for (const sg of groups)
    sg.rules.forEach((rule, index) => {
      if (rule.direction !== 'ingress' || !rule.sourceCidrIp) return
      if (rule.ipProtocol !== 'all' && rule.ipProtocol !== protocol) return
      // ports count only for a TCP or UDP rule; an "all" rule covers every port whatever its range says
      const ports = parsePortRange(rule.portRange)
      if (rule.ipProtocol !== 'all' && (port < ports.from || port > ports.to)) return
      const from = parseCidr(rule.sourceCidrIp)
      if (from.ok && cidrContainsAddress(from.cidr, source)) matches.push({ sg: sg.id, index, rule })
    })
  const top = Math.min(...matches.map((m) => m.rule.priority))
  const first = matches.filter((m) => m.rule.priority === top)
  const [winner] = first
  if (!winner) return { kind: 'noRule' }
  const drop = first.find((m) => m.rule.policy === 'drop')
  if (drop) return { kind: 'dropped', securityGroupId: drop.sg, ruleIndex: drop.index, priority: top }
  return { kind: 'accepted', securityGroupId: winner.sg, ruleIndex: winner.index }
}

/** The GWLB addresses that send to an appliance: every zone's with cross-zone forwarding, else its own zone's. */
function sourcesFor(ix: DesignIndex, gwlb: Gwlb, app: Appliance): string[] {
  const zone = ix.get(app.vswitchId, 'vswitch')?.zoneId
  const own = gwlb.zoneMappings.filter((m) => m.zoneId === zone)
  return (gwlb.crossZoneEnabled || !own.length ? gwlb.zoneMappings : own).map((m) => m.privateIpAddress)
}

/**
 * The GWLB address an appliance in `zone` is health-checked from, as the engine has it (worker/engine/
 * healthChecks.ts): the GWLB's node in that zone, else its first node. Alibaba does not document it (docs/cloud.md
 * 9.3). Undefined for a GWLB with no node, which sends no probe.
 */
export function probeSource(gwlb: Gwlb, zone: string | undefined): string | undefined {
  return (gwlb.zoneMappings.find((m) => m.zoneId === zone) ?? gwlb.zoneMappings[0])?.privateIpAddress
}

interface Need {
  code: Code
  protocol: 'tcp' | 'udp'
  port: number
  what: string
  description: string
}

function reason(v: IngressVerdict): string {
  if (v.kind === 'dropped') return `rule ${v.ruleIndex + 1} of ${v.securityGroupId} drops it`
  return 'no rule accepts it'
}

function ruleFix(ix: DesignIndex, app: Appliance, gwlb: Gwlb, need: Need, verdicts: IngressVerdict[]): Fix | undefined {
  const vpc = ix.get(gwlb.vpcId, 'vpc')
  if (!vpc) return undefined
  // an accept only wins over a matching drop with a strictly lower priority number
  const dropPriorities = verdicts.flatMap((v) => (v.kind === 'dropped' ? [v.priority] : []))
  const priority = dropPriorities.length ? Math.min(...dropPriorities) - 1 : 1
  if (priority < 1) return undefined
  const rule: SecurityGroupRule = {
    direction: 'ingress',
    ipProtocol: need.protocol,
    portRange: `${need.port}/${need.port}`,
    sourceCidrIp: vpc.cidrBlock,
    policy: 'accept',
    priority,
    description: need.description,
  }
  const target = app.securityGroupIds[0]
  if (target)
    return {
      label: `Allow ${need.what} from ${vpc.cidrBlock} in ${target}`,
      apply: (d) => updateResource(d, target, 'securityGroup', (sg) => ({ ...sg, rules: [...sg.rules, rule] })),
    }
  return {
    label: `Give ${app.id} a security group allowing ${need.what} from ${vpc.cidrBlock}`,
    apply: (d) => {
      const vpcId = indexOf(d).vpcOf(app)
      return vpcId ? withNewSecurityGroup(d, app, vpcId, [rule]).design : d
    },
  }
}

export function appliances(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  const gwlbs = ix.ofKind('gwlb')
  for (const app of ix.ofKind('appliance')) {
    if (!app.jumboFrames)
      out.push(
        problem(
          'GWLB-E012',
          `${named('Appliance', app)} runs on an instance type without jumbo frames: Geneve adds 68 bytes, so packets near 1,500 bytes no longer fit its MTU and are dropped. Choose an instance type that supports jumbo frames.`,
          [app.id],
          {
            path: ix.path(app.id, 'jumboFrames'),
            fix: {
              label: 'Use an instance type with jumbo frames',
              apply: (d) => updateResource(d, app.id, 'appliance', (a) => ({ ...a, jumboFrames: true })),
            },
          },
        ),
      )
    const groups = app.securityGroupIds.flatMap((id) => ix.get(id, 'securityGroup') ?? [])
    for (const gwlb of gwlbs) {
      if (!gwlb.serverGroup?.servers.includes(app.id)) continue
      const hc = gwlb.serverGroup.healthCheck
      const needs: Need[] = [
        {
          code: 'GWLB-E010',
          protocol: 'udp',
          port: GENEVE_PORT,
          what: 'UDP 6081 (Geneve)',
          description: 'Geneve from the GWLB',
        },
      ]
      if (hc.enabled)
        needs.push({
          code: 'GWLB-E011',
          protocol: 'tcp',
          port: hc.port,
          what: `TCP ${hc.port} (${hc.protocol} health check)`,
          description: 'GWLB health checks',
        })
      const probe = probeSource(gwlb, ix.get(app.vswitchId, 'vswitch')?.zoneId)
      for (const need of needs) {
        // Geneve comes from every node that forwards to it; a health check from one
        const sources = need.code === 'GWLB-E011' ? (probe ? [probe] : []) : sourcesFor(ix, gwlb, app)
        const verdicts = sources.map((s) => ingressVerdict(groups, need.protocol, need.port, parseIpv4(s) ?? 0))
        const refused = sources.filter((_, i) => verdicts[i]?.kind !== 'accepted')
        if (!refused.length) continue
        const why = groups.length
          ? reason(verdicts.find((v) => v.kind !== 'accepted') ?? { kind: 'noRule' })
          : 'the appliance has no security group'
        out.push(
          problem(
            need.code,
            `The security groups of appliance ${label(app)} do not accept ${need.what} from GWLB ${label(gwlb)} (${refused.join(', ')}): ${why}. ${consequence(need.code, refused.length, sources.length)}`,
            [app.id, ...app.securityGroupIds, gwlb.id],
            { path: ix.path(app.id, 'securityGroupIds'), fix: ruleFix(ix, app, gwlb, need, verdicts) },
          ),
        )
      }
    }
  }
  return out
}
