// Traffic from scenario flows: packet templates, connection timing, and counters. May not touch: the event queue,
// the clock, the sim's runtime state (its one trace, for reply addresses, runs on a scratch state).
import type { Flow } from '../../src/model'
import {
  createRuntimeState,
  DISPOSITIONS,
  type Disposition,
  type DropReason,
  type Network,
  type PacketSpec,
  type PreparedPacket,
  preparePacket,
  replySpec,
  trace,
} from '../engine'
import type { Counts } from './types'

/** Disposition → the fast path's numeric code; codes 0 and 1 are successes, and so is leaving for cloud services. */
export const CODE: ReadonlyMap<Disposition, number> = new Map(DISPOSITIONS.map((d, i) => [d, i]))
const CLOUD_SERVICES = DISPOSITIONS.indexOf('EXITS_TO_CLOUD_SERVICES')
export const isSuccess = (code: number) => code <= 1 || code === CLOUD_SERVICES

/** Counters of one flow, resource or fault: typed by disposition code so a packet costs two increments. */
export class Tally {
  sent = 0
  delivered = 0
  dropped = 0
  readonly byCode = new Float64Array(DISPOSITIONS.length)

  add(code: number, n = 1): void {
    this.sent += n
    if (isSuccess(code)) this.delivered += n
    else {
      this.dropped += n
      this.byCode[code] += n
    }
  }

  counts(): Counts {
    return { sent: this.sent, delivered: this.delivered, dropped: this.dropped, byReason: byReason(this.byCode) }
  }
}

export function byReason(byCode: Float64Array): Partial<Record<DropReason, number>> {
  const out: Partial<Record<DropReason, number>> = {}
  for (let i = 2; i < byCode.length; i++) if (byCode[i] > 0) out[DISPOSITIONS[i] as DropReason] = byCode[i]
  return out
}

export type FlowTemplate =
  | { kind: 'invalid'; why: string }
  /** reply null: even with nothing failed the request is not delivered, so nothing answers */
  | { kind: 'ok'; request: PacketSpec; reply: PacketSpec | null; noReplyWhy: string }

/**
 * The request and reply of a flow's connections, with the flow's own ports (a fresh source port is set per
 * connection). The reply's addresses come from tracing one request through the unfaulted design.
 */
export function flowTemplate(base: Network, f: Flow): FlowTemplate {
  const request: PacketSpec = {
    source: f.sourceId,
    destination: f.destinationAddress,
    protocol: f.protocol,
    size: f.packetSize,
    ...(f.sourcePort !== undefined ? { sourcePort: f.sourcePort } : {}),
    ...(f.destinationPort !== undefined ? { destinationPort: f.destinationPort } : {}),
  }
  const p = preparePacket(base, request)
  if (!p.ok) return { kind: 'invalid', why: p.message }
  const t = trace(base, request, createRuntimeState(base))
  const reply = replySpec(t)
  return { kind: 'ok', request, reply, noReplyWhy: reply ? '' : `${t.disposition}: ${t.text}` }
}

export function prepared(net: Network, spec: PacketSpec): PreparedPacket {
  const p = preparePacket(net, spec)
  // the template prepared once against the same resources; a failure here is a programming error
  if (!p.ok) throw new Error(`sim: ${p.message}`)
  return p.packet
}

/** Packets a connection sends in one direction in [fromMs, toMs): one every 1000/pps ms from its start. */
export function packetsIn(startMs: number, endMs: number, pps: number, fromMs: number, toMs: number): number {
  const a = Math.max(fromMs, startMs)
  const b = Math.min(toMs, endMs)
  if (b <= a) return 0
  return sentBefore(b, startMs, pps) - sentBefore(a, startMs, pps)
}

function sentBefore(t: number, startMs: number, pps: number): number {
  // the epsilon keeps a packet due exactly at t out of [.., t) despite floating-point rounding
  return t <= startMs ? 0 : Math.ceil(((t - startMs) * pps) / 1000 - 1e-9)
}
