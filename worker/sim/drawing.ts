// Packets drawn for the animation: one packet of an open connection traced through a copy of the runtime, so
// drawing never pins a flow or opens a session in the simulation. May not touch: the world's runtime state (it
// reads it and traces on a copy), React, the DOM, zustand.
import { cloneRuntimeState, type RuntimeState, type Trace, trace } from '../engine'
import type { World } from './world'

export interface Pick {
  connectionId: number
  reply: boolean
}

/**
 * The copy holds every flow entry and session of the last idle timeout, so it is not cheap: one is kept while no log
 * entry has been written since (nothing but traffic changed: no fault, no health change) and it is at most maxAgeMs
 * of simulated time old.
 */
export function createDrawing() {
  let copy: { state: RuntimeState; atMs: number; logLength: number; world: World } | null = null

  function runtimeCopy(w: World, maxAgeMs: number): RuntimeState {
    const fresh = copy?.world === w && copy.logLength === w.log.length && w.nowMs - copy.atMs <= maxAgeMs
    if (!copy || !fresh) copy = { state: cloneRuntimeState(w.state), atMs: w.nowMs, logLength: w.log.length, world: w }
    return copy.state
  }

  return {
    traces(w: World, picks: readonly Pick[], maxAgeMs: number): (Trace | null)[] {
      let state: RuntimeState | null = null
      return picks.map(({ connectionId, reply }) => {
        const c = w.conns.find((x) => x.id === connectionId)
        const template = c && w.flows[c.flow]?.template
        if (!c || template?.kind !== 'ok') return null
        const spec = reply ? template.reply : template.request
        if (!spec) return null
        const ports =
          template.request.protocol === 'icmp' ? {} : reply ? { destinationPort: c.sport } : { sourcePort: c.sport }
        state ??= runtimeCopy(w, maxAgeMs)
        return trace(w.net, { ...spec, ...ports, reply }, state)
      })
    },
    forget(): void {
      copy = null
    },
  }
}
