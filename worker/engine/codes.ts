// The walk's codes, in one copy for the three that read them: walk.ts (the hop-by-hop walk), classPath.ts (a
// class's walk, compiled) and fastPath.ts (the compiled program, run). Places say where a packet is; disposition
// codes say how its walk ended. May not touch: anything but DISPOSITIONS.
import { DISPOSITIONS, type Disposition } from './types'

/** Where a packet is: what it arrived at, and from which side. */
export const AT_HOST_SEND = 0
export const AT_ECS_SEND = 1
export const AT_APPLIANCE_SEND = 2
export const AT_IPV4_GATEWAY_IN = 3
export const AT_IPV4_GATEWAY_OUT = 4
export const AT_HOST_RECV = 5
export const AT_ECS_RECV = 6
export const AT_APPLIANCE_RECV = 7
export const AT_GWLBE_IN = 8
export const AT_SERVICE_IN = 9
export const AT_GWLB_IN = 10
export const AT_APPLIANCE = 11
export const AT_GWLB_BACK = 12
export const AT_SERVICE_OUT = 13
export const AT_GWLBE_OUT = 14

/** A step's answer packs the next place and its index: next = at * POS + index (both fit in 32 bits). */
export const POS_BITS = 24
export const POS = 1 << POS_BITS
export const next = (at: number, idx: number) => at * POS + idx

/** A disposition's code: its index in DISPOSITIONS, so that the list is the one place that numbers them. */
function code(d: Disposition): number {
  const i = DISPOSITIONS.indexOf(d)
  if (i < 0) throw new Error(`no disposition ${d}`)
  return i
}

export const D_DELIVERED = code('DELIVERED')
export const D_EXITS = code('EXITS_TO_INTERNET')
export const D_NO_ROUTE = code('NO_ROUTE')
export const D_BLACKHOLE = code('BLACKHOLE_ROUTE')
export const D_LOOP = code('LOOP')
export const D_SG = code('SECURITY_GROUP_DENIED')
export const D_APPLIANCE_DENIED = code('APPLIANCE_DENIED')
export const D_MTU = code('MTU_EXCEEDED')
export const D_NO_HEALTHY = code('NO_HEALTHY_APPLIANCE')
export const D_APPLIANCE_DOWN = code('APPLIANCE_DOWN')
export const D_ENDPOINT = code('ENDPOINT_NOT_CONNECTED')
export const D_STATEFUL = code('STATEFUL_NO_SESSION')
export const D_NO_LISTENER = code('NO_LISTENER')
export const D_NO_SERVICE = code('NO_SERVICE_RESOURCE')
export const D_NO_PUBLIC = code('NO_PUBLIC_ADDRESS')
export const D_HOST_UNREACHABLE = code('HOST_UNREACHABLE')
export const D_NOT_FORWARDING = code('INSTANCE_DOES_NOT_FORWARD')
export const D_ZONE_DOWN = code('ZONE_DOWN')
export const D_APPLIANCE_HUNG = code('APPLIANCE_HUNG')
export const D_CLOUD_SERVICES = code('EXITS_TO_CLOUD_SERVICES')
export const D_FLOW_EXPIRED = code('FLOW_EXPIRED')
