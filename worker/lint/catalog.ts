// Every lint code with its severity and a short title, so codes stay stable and docs/problems.md can be checked
// against them. May not touch: React, the DOM, zustand, worker/engine.
import type { Fix, Problem, Severity } from './problem'

interface Entry {
  severity: Severity
  title: string
}

export const CATALOG = {
  // GWLB and its server group (the guide: prerequisites, deployment recommendations)
  'GWLB-E001': { severity: 'error', title: 'GWLB has no listener' },
  'GWLB-E002': { severity: 'error', title: 'GWLB has no server group' },
  'GWLB-E003': { severity: 'error', title: 'Server group has no appliances' },
  'GWLB-E004': { severity: 'error', title: 'GWLB zone without an appliance while cross-zone forwarding is off' },
  'GWLB-E005': { severity: 'error', title: 'No appliance of the server group can take traffic' },
  'GWLB-W001': { severity: 'warning', title: 'Health check turned off' },
  'GWLB-W002': { severity: 'warning', title: 'Connection draining turned off' },
  'GWLB-W003': { severity: 'warning', title: 'Flow rebalancing turned off' },
  'GWLB-W004': { severity: 'warning', title: 'Appliances in one zone only (no high availability)' },
  'GWLB-W005': { severity: 'warning', title: 'Appliance in no server group' },
  'GWLB-W006': { severity: 'warning', title: 'Only one appliance in the server group' },
  'GWLB-W007': { severity: 'warning', title: 'GWLB published by no endpoint service' },
  // appliances
  'GWLB-E010': { severity: 'error', title: 'Appliance security group does not accept Geneve (UDP 6081)' },
  'GWLB-E011': { severity: 'error', title: 'Appliance security group does not accept health checks' },
  'GWLB-E012': { severity: 'error', title: 'Appliance without jumbo frames' },
  // workload servers
  'GWLB-E013': { severity: 'error', title: 'ECS server without a security group' },
  // security groups (their type and internal access policy)
  'GWLB-W010': { severity: 'warning', title: 'Drop rule that the internal access policy Accept overrides for members' },
  'GWLB-W011': { severity: 'warning', title: 'ECS in enterprise security groups that accept no outbound traffic' },
  'GWLB-W012': {
    severity: 'warning',
    title: 'Server with an EIP whose security groups admit nothing from the internet',
  },
  // endpoint service and GWLB endpoints
  'GWLB-E020': { severity: 'error', title: 'Service resource in a zone its GWLB does not serve' },
  'GWLB-E021': { severity: 'error', title: 'Endpoint service and its GWLB belong to different accounts' },
  'GWLB-E022': { severity: 'error', title: "GWLBe zone not among the service's zones" },
  'GWLB-E023': { severity: 'error', title: 'Service whitelist does not admit the consumer' },
  'GWLB-E024': { severity: 'error', title: 'Endpoint connection not accepted' },
  'GWLB-E025': { severity: 'error', title: 'More than one GWLBe per zone for a service in a VPC' },
  'GWLB-E026': { severity: 'error', title: "GWLBe account is not its VPC's owner" },
  // routing
  'GWLB-E030': { severity: 'error', title: 'IPv4 gateway without a gateway route table' },
  'GWLB-E031': { severity: 'error', title: 'Gateway route table does not send a service vSwitch to a GWLBe' },
  'GWLB-E032': { severity: 'error', title: 'Service vSwitch does not send 0.0.0.0/0 to a GWLBe' },
  'GWLB-E033': { severity: 'error', title: 'GWLBe vSwitch does not send 0.0.0.0/0 to the IPv4 gateway' },
  'GWLB-E034': { severity: 'error', title: 'Route to a missing next hop (black hole)' },
  'GWLB-E035': { severity: 'error', title: 'Route next hop of the wrong type' },
  'GWLB-E036': { severity: 'error', title: 'Routing loop' },
  'GWLB-E037': { severity: 'error', title: 'Service vSwitch in a zone without a GWLBe' },
  'GWLB-W030': { severity: 'warning', title: 'Route to a GWLBe in another zone (zone-asymmetric)' },
  'GWLB-W031': { severity: 'warning', title: 'Workload traffic bypasses inspection' },
  'GWLB-W032': { severity: 'warning', title: 'Service vSwitch route to the IPv4 gateway more specific than 0.0.0.0/0' },
  // route target groups (zone failover between two GWLBes)
  'GWLB-W033': { severity: 'warning', title: 'Route target group member whose endpoint is not Connected' },
  'GWLB-W034': { severity: 'warning', title: 'Route to a route target group member, past the group (no failover)' },
  'GWLB-W035': { severity: 'warning', title: 'Route target group that no route entry names' },
} as const satisfies Record<string, Entry>

export type Code = keyof typeof CATALOG

export function problem(
  code: Code,
  message: string,
  resourceIds: string[],
  extra: { path?: string; fix?: Fix } = {},
): Problem {
  return { code, severity: CATALOG[code].severity, message, resourceIds, ...extra }
}
