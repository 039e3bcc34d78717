// The GWLB flow table and the appliances' sessions over time: idle entries swept out, a stopped appliance's
// sessions lost. May not touch: React, the DOM, zustand, Math.random, wall time.
import type { RuntimeState } from '../engine'
import { OTHER_IDLE_SECONDS, TCP_IDLE_SECONDS } from '../engine/state'
import { P_SWEEP, type World } from './world'

/** How often idle GWLB flows and appliance sessions are swept out. */
export const SWEEP_MS = 10_000

/**
 * Appliance sessions idle past the GWLB's timeout (TCP 350 s, others 120 s) go; GWLB flows idle past twice that: a
 * flow idle past one timeout is closed, and its entry stays one timeout more so that a leftover packet of the old
 * connection is told from a new one (FLOW_EXPIRED). The next sweep is queued.
 */
export function sweep(w: World): void {
  const now = w.nowMs / 1000
  const expire = (table: RuntimeState['flows'], timeouts: number) => {
    const gone: number[] = []
    table.forEach((k0, k1, k2, k3, _v, seen) => {
      const idle = (k3 & 0xff) === 6 ? TCP_IDLE_SECONDS : OTHER_IDLE_SECONDS
      if (now - seen > idle * timeouts) gone.push(k0, k1, k2, k3)
    })
    deleteAll(table, gone)
  }
  expire(w.state.flows, 2)
  // appliance sessions are given the GWLB's idle timeouts: an appliance's own session timeout is not in the design
  expire(w.state.sessions, 1)
  w.queue.push(w.nowMs + SWEEP_MS, P_SWEEP, { kind: 'sweep' })
}

/** A stopped appliance loses its sessions, as a rebooted firewall does. */
export function clearSessions(w: World, a: number): void {
  const gone: number[] = []
  w.state.sessions.forEach((k0, k1, k2, k3) => {
    if (k3 >> 8 === a + 1) gone.push(k0, k1, k2, k3)
  })
  deleteAll(w.state.sessions, gone)
}

/** Deletes keys collected four words at a time (a table must not change while forEach visits it). */
function deleteAll(table: RuntimeState['flows'], keys: number[]): void {
  for (let i = 0; i + 3 < keys.length; i += 4)
    table.delete(keys[i] ?? 0, keys[i + 1] ?? 0, keys[i + 2] ?? 0, keys[i + 3] ?? 0)
}
