// trace(), traceRoundTrip() and the fast path forward(): packets in, traces or dispositions out.
// May not touch: React, the DOM, zustand; it reads the network and writes only the runtime state's tables.
import { parseIpv4 } from '../../src/model'
import { type AssumptionId, assumptionText } from './assumptions'
import { AT_APPLIANCE_SEND, AT_ECS_SEND, AT_HOST_SEND } from './codes'
import { forwardByClass } from './fastPath'
import { type Network, protocolNumber, T_APPLIANCE, T_ECS, T_HOST } from './network'
import { checked } from './numbered'
import { createRuntimeState, type RuntimeState } from './state'
import {
  DEFAULT_DESTINATION_PORT,
  DEFAULT_PACKET_SIZE,
  DEFAULT_SOURCE_PORT,
  type PacketSpec,
  type RoundTrip,
  type Trace,
} from './types'
import { type ForwardResult, newForwardResult, type PreparedPacket, Recorder, walk } from './walk'

export type PrepareResult = { ok: true; packet: PreparedPacket } | { ok: false; message: string }

function port(value: number | undefined, fallback: number, what: string): number | string {
  const p = value ?? fallback
  return Number.isInteger(p) && p >= 1 && p <= 65535 ? p : `${what} ${value} is not a port from 1 to 65535`
}

/** Where a packet starts: the place, the resource's number (-1 for an internet address no resource holds), the source address and id. */
interface PacketSource {
  startAt: number
  startIdx: number
  src: number
  sourceId: string | null
}

/** Resolves a packet's source, a resource id or an address, against the network; a string says why it cannot. */
function resolveSource(net: Network, source: string): PacketSource | string {
  let startAt = AT_HOST_SEND
  let startIdx = -1
  let src = 0
  let sourceId: string | null = null
  const hit = net.byId.get(source)
  if (hit) {
    sourceId = source
    if (hit.kind === 'internetHost') {
      startIdx = hit.index
      src = checked(net.hosts, hit.index, 'internet host').addr
    } else if (hit.kind === 'ecs') {
      startAt = AT_ECS_SEND
      startIdx = hit.index
      src = checked(net.ecs, hit.index, 'ECS instance').addr
    } else if (hit.kind === 'appliance') {
      startAt = AT_APPLIANCE_SEND
      startIdx = hit.index
      src = checked(net.appliances, hit.index, 'appliance').addr
    } else return `${source} is a ${hit.kind}; a packet starts at an internet host, an ECS instance or an appliance`
  } else {
    const a = parseIpv4(source)
    if (a === null) return `source ${source} is neither a resource id of this design nor an IPv4 address`
    const pub = net.publicAddrs.get(a | 0)
    if (pub !== undefined && (pub & 7) === T_HOST) {
      startIdx = pub >> 3
      sourceId = checked(net.hosts, startIdx, 'internet host').id
      src = a | 0
    } else if (pub !== undefined) {
      startAt = AT_ECS_SEND
      startIdx = pub >> 3
      const ecs = checked(net.ecs, startIdx, 'ECS instance')
      sourceId = ecs.id
      src = ecs.addr
    } else {
      const holders = net.vpcs.flatMap((v) => {
        const code = v.addrs.get(a | 0)
        return code === undefined ? [] : [code]
      })
      if (holders.length > 1) return `${source} is a private address in several VPCs; name the source by its id`
      const [code] = holders
      if (code !== undefined) {
        const kind = code & 7
        if (kind !== T_ECS && kind !== T_APPLIANCE)
          return `${source} belongs to a GWLB or an endpoint, which start no traffic`
        startAt = kind === T_ECS ? AT_ECS_SEND : AT_APPLIANCE_SEND
        startIdx = code >> 3
        sourceId = (
          kind === T_ECS ? checked(net.ecs, startIdx, 'ECS instance') : checked(net.appliances, startIdx, 'appliance')
        ).id
      }
      // otherwise an internet address that no resource holds
      src = a | 0
    }
  }
  return { startAt, startIdx, src, sourceId }
}

/** Resolves a packet's source and addresses against the network once, so a simulator can forward it many times. */
export function preparePacket(net: Network, spec: PacketSpec): PrepareResult {
  const fail = (message: string): PrepareResult => ({ ok: false, message })
  if (spec.protocol !== 'tcp' && spec.protocol !== 'udp' && spec.protocol !== 'icmp')
    return fail(`protocol ${String(spec.protocol)} is not tcp, udp or icmp`)
  const dst = parseIpv4(spec.destination)
  if (dst === null) return fail(`destination ${spec.destination} is not an IPv4 address`)
  const icmp = spec.protocol === 'icmp'
  const sport = icmp ? 0 : port(spec.sourcePort, DEFAULT_SOURCE_PORT, 'source port')
  const dport = icmp ? 0 : port(spec.destinationPort, DEFAULT_DESTINATION_PORT, 'destination port')
  if (typeof sport === 'string') return fail(sport)
  if (typeof dport === 'string') return fail(dport)
  const size = spec.size ?? DEFAULT_PACKET_SIZE
  if (!Number.isInteger(size) || size < 20 || size > 65535)
    return fail(`size ${size} is not a whole number of bytes from 20 to 65535`)

  const source = resolveSource(net, spec.source)
  if (typeof source === 'string') return fail(source)
  const { startAt, startIdx, src, sourceId } = source
  return {
    ok: true,
    packet: {
      startAt,
      startIdx,
      sourceId,
      src,
      dst: dst | 0,
      proto: protocolNumber(spec.protocol),
      protocol: spec.protocol,
      sport,
      dport,
      size,
      reply: spec.reply ?? false,
      established: spec.connection === 'established',
    },
  }
}

/**
 * The fast path: the same decisions as trace(), no explanation. Reuse `out` to avoid allocating. A packet goes by
 * its class's compiled program (fastPath.ts); what that leaves (verification's forced choices) walks.
 */
export function forward(
  net: Network,
  packet: PreparedPacket,
  state: RuntimeState,
  out: ForwardResult = newForwardResult(),
): ForwardResult {
  if (!forwardByClass(net, packet, state, out)) walk(net, packet, state, null, out)
  return out
}

/**
 * Traces a packet hop by hop. The state's flow and session tables are updated as the packet passes (give a
 * clone to leave yours untouched); without a state, a fresh one from the design is used.
 */
export function trace(net: Network, spec: PacketSpec, state: RuntimeState = createRuntimeState(net)): Trace {
  const prepared = preparePacket(net, spec)
  const icmp = spec.protocol === 'icmp'
  if (!prepared.ok) {
    return {
      packet: {
        source: spec.source,
        destination: spec.destination,
        protocol: spec.protocol,
        size: spec.size ?? DEFAULT_PACKET_SIZE,
        reply: spec.reply ?? false,
        connection: spec.connection ?? 'new',
        sourceId: null,
      },
      hops: [],
      disposition: 'INVALID_PACKET',
      text: prepared.message,
      applianceId: null,
      applianceIds: [],
      assumptions: [],
    }
  }
  const p = prepared.packet
  const rec = new Recorder(p.protocol, !icmp)
  const out = newForwardResult()
  walk(net, p, state, rec, out)
  const first = rec.hops[0]?.steps[0]?.packet
  return {
    packet: {
      ...(first ?? { source: spec.source, destination: spec.destination, protocol: p.protocol, size: p.size }),
      reply: p.reply,
      connection: p.established ? 'established' : 'new',
      sourceId: p.sourceId,
    },
    hops: rec.hops,
    disposition: out.disposition,
    text: rec.text,
    applianceId: out.appliance >= 0 ? checked(net.appliances, out.appliance, 'appliance').id : null,
    applianceIds: rec.hops.filter((h) => h.kind === 'appliance' && h.steps[0]?.outer).map((h) => h.resourceId ?? ''),
    assumptions: [...rec.used].map((id: AssumptionId) => ({
      id,
      value: net.assumptions[id],
      text: assumptionText(id, net.assumptions[id]),
    })),
  }
}

/** The answer to a delivered request: from where it arrived, to the source it arrived with, ports swapped. */
export function replySpec(request: Trace): PacketSpec | null {
  if (request.disposition !== 'DELIVERED' && request.disposition !== 'EXITS_TO_INTERNET') return null
  const lastHop = request.hops.at(-1)
  const seen = lastHop?.steps.at(-1)?.packet
  // the walk opens a hop before anything happens and ends every hop with a step: a trace without one is a bug
  if (!lastHop || !seen) throw new Error(`a ${request.disposition} trace with no hop or step to answer from`)
  const source =
    request.disposition === 'DELIVERED' && lastHop.resourceId !== null ? lastHop.resourceId : seen.destination
  return {
    source,
    destination: seen.source,
    protocol: seen.protocol,
    ...(seen.destinationPort !== undefined ? { sourcePort: seen.destinationPort } : {}),
    ...(seen.sourcePort !== undefined ? { destinationPort: seen.sourcePort } : {}),
    size: seen.size,
    reply: true,
  }
}

/** A request and its reply through one state, so the GWLB's flow table and the appliance's session carry over. */
export function traceRoundTrip(
  net: Network,
  spec: PacketSpec,
  state: RuntimeState = createRuntimeState(net),
): RoundTrip {
  const request = trace(net, { ...spec, reply: false }, state)
  const r = replySpec(request)
  return { request, reply: r ? trace(net, r, state) : null }
}
