// Where a new resource's numbers come from: the next free address of a vSwitch, the next free /24 of a VPC, the next
// VPC block and internet address no other resource of the design uses. Pure: the design in, a value out.
import type { Design, ResourceKind } from '../design'
import {
  cidrContainsCidr,
  cidrOrThrow,
  cidrsOverlap,
  formatCidr,
  formatIpv4,
  nextFreeAddress,
  parseIpv4,
} from '../ipv4'
import { findResource } from './basic'

/** How many resources of a kind the design has: new names count on from it. */
export function count(design: Design, kind: ResourceKind): number {
  return design.resources.filter((r) => r.kind === kind).length
}

/** The addresses taken in a VPC: instances, appliances, endpoints and GWLB zone addresses. */
function takenIn(design: Design, vpcId: string): Set<number> {
  const vswitchIds = new Set(design.resources.filter((r) => r.kind === 'vswitch' && r.vpcId === vpcId).map((r) => r.id))
  const out = new Set<number>()
  for (const r of design.resources) {
    const addrs =
      r.kind === 'ecs' || r.kind === 'appliance'
        ? vswitchIds.has(r.vswitchId)
          ? [r.privateIpAddress]
          : []
        : r.kind === 'gwlbEndpoint' && vswitchIds.has(r.vswitchId)
          ? [r.ipAddress]
          : r.kind === 'gwlb' && r.vpcId === vpcId
            ? r.zoneMappings.map((m) => m.privateIpAddress)
            : []
    for (const a of addrs) {
      const n = parseIpv4(a)
      if (n !== null) out.add(n)
    }
  }
  return out
}

/** The next free address of a vSwitch, or null when it is full. */
export function nextAddressIn(design: Design, vswitchId: string): string | null {
  const v = findResource(design, vswitchId, 'vswitch')
  if (!v) return null
  const n = nextFreeAddress(cidrOrThrow(v.cidrBlock), takenIn(design, v.vpcId))
  return n === null ? null : formatIpv4(n)
}

/** The next /24 inside the VPC that overlaps no vSwitch of it. */
export function nextVswitchCidr(design: Design, vpcId: string): string | null {
  const vpc = findResource(design, vpcId, 'vpc')
  if (!vpc) return null
  const outer = cidrOrThrow(vpc.cidrBlock)
  const prefix = Math.max(24, outer.prefix)
  const used = design.resources.flatMap((r) =>
    r.kind === 'vswitch' && r.vpcId === vpcId ? [cidrOrThrow(r.cidrBlock)] : [],
  )
  const step = 2 ** (32 - prefix)
  // start at the second block: x.x.0.0/24 is often kept free, as the reference designs do
  for (let i = 1; i < 2 ** (prefix - outer.prefix); i++) {
    const c = { base: (outer.base + i * step) >>> 0, prefix }
    if (cidrContainsCidr(outer, c) && !used.some((u) => cidrsOverlap(u, c))) return formatCidr(c)
  }
  return null
}

const VPC_BLOCKS = ['10.0.0.0/16', '192.168.0.0/16', '172.16.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '172.17.0.0/16']

/** The first of the usual VPC blocks no VPC of the design has, else a fresh 10.x.0.0/16. */
export function nextVpcCidr(design: Design): string {
  const used = design.resources.flatMap((r) => (r.kind === 'vpc' ? [r.cidrBlock] : []))
  return VPC_BLOCKS.find((b) => !used.includes(b)) ?? `10.${10 + count(design, 'vpc')}.0.0/16`
}

/** The next internet address no host or EIP of the design uses. */
export function nextInternetAddress(design: Design): string {
  const used = new Set(
    design.resources.flatMap((r) =>
      r.kind === 'internetHost' ? [r.ipAddress] : r.kind === 'ecs' && r.publicIpAddress ? [r.publicIpAddress] : [],
    ),
  )
  for (const net of ['203.0.113.', '198.51.100.'])
    for (let h = 10; h < 250; h++) if (!used.has(`${net}${h}`)) return `${net}${h}`
  return '192.0.2.10'
}
