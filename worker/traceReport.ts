// A packet's trace as the worker answers the page: plain data, safe to post. Apart from report.ts, so the tracer
// loads with the first trace, not with the worker. May not touch: React, the DOM, zustand.
import { parse } from '../src/model'
import {
  compile,
  createRuntimeState,
  type EngineOptions,
  type Network,
  type PacketSpec,
  type RoundTrip,
  trace,
  traceRoundTrip,
} from './engine'

export type TraceAnswer = { ok: true; roundTrip: RoundTrip } | { ok: false; message: string }

/**
 * The last design compiled, by its text and options. The page sends the whole design with every trace (a walk
 * asks one after another, a lesson one per step), and loading and compiling it is most of a trace's time on a
 * large design (~60–130 ms of a 2,001-resource one, where writing its text takes 1–6 ms). A trace never changes the
 * network it reads (its runtime state is its own), so the same network answers the next trace of the same design.
 */
let compiled: { key: string; net: Network } | null = null

function networkOf(
  document: unknown,
  options: EngineOptions,
): { ok: true; net: Network } | { ok: false; message: string } {
  const key = JSON.stringify([document, options])
  if (compiled?.key === key) return { ok: true, net: compiled.net }
  const result = parse(document)
  if (!result.ok) return { ok: false, message: `The design does not load: ${result.errors[0]?.message}` }
  compiled = { key, net: compile(result.design, options) }
  return { ok: true, net: compiled.net }
}

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
  const loaded = networkOf(document, options)
  if (!loaded.ok) return loaded
  const { net } = loaded
  if (packet.connection !== 'established') return { ok: true, roundTrip: traceRoundTrip(net, packet) }
  const state = createRuntimeState(net)
  trace(net, { ...packet, connection: 'new' }, state)
  state.now += Math.max(0, idleSeconds)
  return { ok: true, roundTrip: traceRoundTrip(net, packet, state) }
}
