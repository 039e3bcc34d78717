// What the canvas draws of a playing scenario: a few sampled packets per frame, never one per packet sent, each
// traced on the runtime as it is and turned into the resources it passes. Sampling never changes the simulation.
import { isPrivateAddress, parseIpv4 } from '../src/model'
import { isDropped, type Trace } from './engine'
import type { Sim } from './sim'

/** A packet drawn on the canvas: the resources it passes, and where and why it was dropped. */
export interface VisualPacket {
  path: string[]
  /** per segment of the path: whether it travels Geneve-encapsulated */
  geneve: boolean[]
  /** inbound: from the internet toward a workload; outbound: the other way; internal otherwise */
  direction: 'inbound' | 'outbound' | 'internal'
  drop: { at: string; reason: string; text: string } | null
}

/** Packets drawn per second per flow and direction: enough to show the traffic, few enough to follow by eye. */
const SAMPLES_PER_SECOND = 6
/** Connections drawn per frame over all flows, however many flows a scenario has: each costs two traces. */
export const MAX_DRAWN_PER_FRAME = 4
/**
 * Connections in the picture of a paused moment: about as many as are seen in flight at once while playing
 * (a packet crosses the diagram in two to three seconds of wall time), each drawn both ways.
 */
export const STILL_CONNECTIONS = 24
/** Wall time a copy of the runtime to draw packets on is kept while nothing but traffic changes. */
const DRAWING_COPY_MS = 500

export function visualOf(t: Trace): VisualPacket {
  const path: string[] = []
  const kinds: string[] = []
  const geneve: boolean[] = []
  for (const hop of t.hops) {
    // an internet address no resource holds has no place on the canvas
    if (hop.resourceId === null || path.at(-1) === hop.resourceId) continue
    const prev = kinds.at(-1)
    // the GWLB and its appliances talk Geneve: UDP 6081, 68 bytes more
    if (prev)
      geneve.push((prev === 'gwlb' && hop.kind === 'appliance') || (prev === 'appliance' && hop.kind === 'gwlb'))
    path.push(hop.resourceId)
    kinds.push(hop.kind)
  }
  const first = t.hops[0]?.kind
  // from the internet: inbound; from a workload to a public address: outbound; between private addresses: internal
  const toPrivate = isPrivateAddress(parseIpv4(t.packet.destination) ?? 0)
  const direction = first === 'internetHost' ? 'inbound' : toPrivate ? 'internal' : 'outbound'
  const dropped = isDropped(t.disposition)
  return {
    path,
    geneve,
    direction,
    drop: dropped ? { at: path.at(-1) ?? '', reason: t.disposition, text: t.text } : null,
  }
}

/** Connection ids by flow: each flow gets its share of the drawing, whatever its rate. */
export function connectionsByFlow(connections: readonly { id: number; flowId: string }[]): number[][] {
  const byFlow = new Map<string, number[]>()
  for (const c of connections) {
    const ids = byFlow.get(c.flowId)
    if (ids) ids.push(c.id)
    else byFlow.set(c.flowId, [c.id])
  }
  return [...byFlow.values()]
}

/** The connections drawn in one frame of `frameMs` of play: each flow's share, at most MAX_DRAWN_PER_FRAME. */
export function framePicks(flows: readonly number[][], frameMs: number, random: () => number): number[] {
  const perFrame = (SAMPLES_PER_SECOND * frameMs) / 1000
  const picks: number[] = []
  for (const ids of flows) {
    // a fraction of a packet per frame: draw one on that share of frames
    const n = Math.floor(perFrame) + (random() < perFrame % 1 ? 1 : 0)
    for (let i = 0; i < n && ids.length; i++) picks.push(ids[Math.floor(random() * ids.length)] ?? 0)
  }
  // many flows: a random few of them this frame, others on later frames
  while (picks.length > MAX_DRAWN_PER_FRAME) picks.splice(Math.floor(random() * picks.length), 1)
  return picks
}

/** The connections in the picture of a paused moment: one of every flow in turn, none twice (takes from `flows`). */
export function stillPicks(flows: number[][], random: () => number): number[] {
  const picks: number[] = []
  while (picks.length < STILL_CONNECTIONS && flows.some((ids) => ids.length))
    for (const ids of flows) {
      if (!ids.length || picks.length >= STILL_CONNECTIONS) continue
      picks.push(...ids.splice(Math.floor(random() * ids.length), 1))
    }
  return picks
}

/** Traces the picked connections, each both ways, on the runtime as it is (a copy kept for up to maxAgeMs). */
function draw(s: Sim, connectionIds: number[], maxAgeMs: number): VisualPacket[] {
  const picks = connectionIds.flatMap((connectionId) => [
    { connectionId, reply: false },
    { connectionId, reply: true },
  ])
  const out: VisualPacket[] = []
  for (const t of s.sampleTraces(picks, maxAgeMs)) if (t?.hops.length) out.push(visualOf(t))
  return out
}

/** The packets leaving during one frame of play at `speed`. */
export function framePackets(s: Sim, frameMs: number, speed: number): VisualPacket[] {
  const picks = framePicks(connectionsByFlow(s.connections()), frameMs, Math.random)
  // the copy of the runtime they are drawn on is kept for up to half a second of wall time, or until the next
  // log entry (a fault, a health change: what would change a packet's path)
  return draw(s, picks, speed * DRAWING_COPY_MS)
}

/** The packets in flight at a paused moment: connections of every flow in turn, drawn on the runtime of now. */
export function stillPackets(s: Sim): VisualPacket[] {
  return draw(s, stillPicks(connectionsByFlow(s.connections()), Math.random), 0)
}
