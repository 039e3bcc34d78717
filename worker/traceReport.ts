// A packet's trace as the worker answers the page: plain data, safe to post. Apart from report.ts, so the tracer
// loads with the first trace, not with the worker. May not touch: React, the DOM, zustand.
import { parse } from '../src/model'
import {
  compile,
  createRuntimeState,
  type EngineOptions,
  type PacketSpec,
  type RoundTrip,
  trace,
  traceRoundTrip,
} from './engine'

export type TraceAnswer = { ok: true; roundTrip: RoundTrip } | { ok: false; message: string }

/** A packet's request and reply through the design, as the engine explains them. */
/**
 * A packet's round trip through a design. A later packet of a connection (connection: 'established') follows its
 * first packet, sent idleSeconds before (default 0), as the command line's --established --idle does: only then
 * has the GWLB a flow that can sit idle past its timeout.
 */
export function traceOn(
  document: unknown,
  packet: PacketSpec,
  options: EngineOptions = {},
  idleSeconds = 0,
): TraceAnswer {
  const result = parse(document)
  if (!result.ok) return { ok: false, message: `The design does not load: ${result.errors[0]?.message}` }
  const net = compile(result.design, options)
  if (packet.connection !== 'established') return { ok: true, roundTrip: traceRoundTrip(net, packet) }
  const state = createRuntimeState(net)
  trace(net, { ...packet, connection: 'new' }, state)
  state.now += Math.max(0, idleSeconds)
  return { ok: true, roundTrip: traceRoundTrip(net, packet, state) }
}
