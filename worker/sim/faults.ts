// Scenario faults: labels, targets, checks, and the configuration that the active configuration faults imply.
// May not touch: the runtime state, the event queue, the clock.
import { type Design, type Fault, type FaultStep, formatCidr, parseCidr } from '../../src/model'

/** The resource (or zone) a fault acts on. */
export function faultTarget(f: Fault): string {
  switch (f.kind) {
    case 'applianceStopped':
    case 'applianceHung':
    case 'serverRemoved':
      return f.applianceId
    case 'zoneDown':
      return f.zoneId
    case 'securityGroupRuleRemoved':
      return f.securityGroupId
    case 'endpointConnection':
      return f.endpointId
    case 'routeEntryDeleted':
      return f.routeTableId
  }
}

const secs = (s: number) => `${Number.isInteger(s) ? s : s.toFixed(1)} s`

function what(f: Fault): string {
  switch (f.kind) {
    case 'applianceStopped':
      return `${f.applianceId} stopped`
    case 'applianceHung':
      return `${f.applianceId} hung`
    case 'serverRemoved':
      return `${f.applianceId} removed from its server group`
    case 'zoneDown':
      return `zone ${f.zoneId} down`
    case 'securityGroupRuleRemoved':
      return `${f.securityGroupId} rule ${f.ruleIndex + 1} removed`
    case 'endpointConnection':
      return `${f.endpointId} connection ${f.connectionStatus}`
    case 'routeEntryDeleted':
      return `${f.destinationCidrBlock} deleted from ${f.routeTableId}`
  }
}

/** "fault 1: fw-h1 stopped (30 s–90 s)": numbered from 1 as a trainer counts. */
export function faultLabel(step: FaultStep, index: number): string {
  const when =
    step.untilSeconds === undefined
      ? `from ${secs(step.atSeconds)}`
      : `${secs(step.atSeconds)}–${secs(step.untilSeconds)}`
  return `fault ${index + 1}: ${what(step.fault)} (${when})`
}

function sameCidr(a: string, b: string): boolean {
  const x = parseCidr(a)
  const y = parseCidr(b)
  return x.ok && y.ok && x.cidr.base === y.cidr.base && x.cidr.prefix === y.cidr.prefix
}

/** Why a configuration fault cannot apply to this design, or null when it can. */
export function configFaultProblem(base: Design, f: Fault): string | null {
  if (f.kind === 'securityGroupRuleRemoved') {
    const sg = base.resources.find((r) => r.id === f.securityGroupId)
    if (sg?.kind !== 'securityGroup') return `there is no security group ${f.securityGroupId}`
    if (f.ruleIndex >= sg.rules.length)
      return `${f.securityGroupId} has ${sg.rules.length} rules; there is no rule ${f.ruleIndex + 1}`
    return null
  }
  if (f.kind === 'routeEntryDeleted') {
    const rt = base.resources.find((r) => r.id === f.routeTableId)
    if (rt?.kind !== 'routeTable') return `there is no route table ${f.routeTableId}`
    if (!rt.entries.some((e) => sameCidr(e.destinationCidrBlock, f.destinationCidrBlock)))
      return `${f.routeTableId} has no custom entry for ${f.destinationCidrBlock}`
    return null
  }
  return null
}

/** A rule or entry in words, for the log. */
export function describeConfigFault(base: Design, f: Fault): string {
  if (f.kind === 'securityGroupRuleRemoved') {
    const sg = base.resources.find((r) => r.id === f.securityGroupId)
    const r = sg?.kind === 'securityGroup' ? sg.rules[f.ruleIndex] : undefined
    if (!r) return `${f.securityGroupId} rule ${f.ruleIndex + 1}`
    const peer =
      r.direction === 'ingress' ? `from ${r.sourceCidrIp ?? '0.0.0.0/0'}` : `to ${r.destCidrIp ?? '0.0.0.0/0'}`
    return `${f.securityGroupId} rule ${f.ruleIndex + 1} (${r.direction === 'ingress' ? 'inbound' : 'outbound'} ${r.ipProtocol} ${r.portRange} ${peer}, ${r.policy}${r.description ? `: ${r.description}` : ''})`
  }
  if (f.kind === 'routeEntryDeleted') {
    const rt = base.resources.find((r) => r.id === f.routeTableId)
    const e =
      rt?.kind === 'routeTable'
        ? rt.entries.find((x) => sameCidr(x.destinationCidrBlock, f.destinationCidrBlock))
        : undefined
    const p = parseCidr(f.destinationCidrBlock)
    const cidr = p.ok ? formatCidr(p.cidr) : f.destinationCidrBlock
    return e
      ? `route entry ${cidr} → ${e.nextHopType} ${e.nextHopId} of ${f.routeTableId}`
      : `route entry ${cidr} of ${f.routeTableId}`
  }
  return what(f)
}

/**
 * The base design with the rules and route entries of the active configuration faults taken out. Only rules and
 * entries go, never resources, so every index of the compiled network (appliances, zones, endpoints, GWLB nodes)
 * stays the same and the runtime state carries over a recompile unchanged.
 */
export function configuredDesign(base: Design, active: readonly Fault[]): Design {
  if (active.length === 0) return base
  return {
    ...base,
    resources: base.resources.map((r) => {
      if (r.kind === 'securityGroup') {
        const drop = new Set(
          active.flatMap((f) =>
            f.kind === 'securityGroupRuleRemoved' && f.securityGroupId === r.id ? [f.ruleIndex] : [],
          ),
        )
        return drop.size ? { ...r, rules: r.rules.filter((_, i) => !drop.has(i)) } : r
      }
      if (r.kind === 'routeTable') {
        const gone = active.flatMap((f) =>
          f.kind === 'routeEntryDeleted' && f.routeTableId === r.id ? [f.destinationCidrBlock] : [],
        )
        return gone.length
          ? { ...r, entries: r.entries.filter((e) => !gone.some((c) => sameCidr(c, e.destinationCidrBlock))) }
          : r
      }
      return r
    }),
  }
}
