// Security-group and appliance-policy matching over compiled rule lists. May not touch: anything but its arguments.
import { type CPolicyRule, type CSecurityGroupRule, PROTO_ALL, PROTO_TCP, PROTO_UDP } from './network'

const portMatters = (ruleProto: number) => ruleProto === PROTO_TCP || ruleProto === PROTO_UDP

/**
 * The first rule (in evaluation order) matching a packet: `peer` is its source for ingress rules and its
 * destination for egress rules; `port` its destination port. -1 when none matches.
 */
export function matchSecurityGroup(
  rules: readonly CSecurityGroupRule[],
  proto: number,
  peer: number,
  port: number,
): number {
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!
    if (r.proto !== PROTO_ALL && r.proto !== proto) continue
    if (portMatters(r.proto) && (port < r.from || port > r.to)) continue
    if ((peer & r.mask) !== r.base) continue
    return i
  }
  return -1
}

/** The first policy rule matching the inner packet; -1 when none does and the default action applies. */
export function matchPolicy(
  rules: readonly CPolicyRule[],
  proto: number,
  src: number,
  dst: number,
  dport: number,
): number {
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!
    if (r.proto !== PROTO_ALL && r.proto !== proto) continue
    if (portMatters(r.proto) && (dport < r.from || dport > r.to)) continue
    if ((src & r.srcMask) !== r.srcBase || (dst & r.dstMask) !== r.dstBase) continue
    return i
  }
  return -1
}
