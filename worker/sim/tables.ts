// The GWLB flow table and the appliances' sessions over time: idle entries swept out, a stopped appliance's
// sessions lost. May not touch: React, the DOM, zustand, Math.random, wall time.
import type { RuntimeState } from '../engine'
import { OTHER_IDLE_SECONDS, TCP_IDLE_SECONDS } from '../engine/state'
import { P_SWEEP, type World } from './world'

/** How often idle GWLB flows and appliance sessions are swept out. */
export const SWEEP_MS = 10_000

/** Entries idle past the GWLB's timeout (TCP 350 s, others 120 s) go; the next sweep is queued. */
export function sweep(w: World): void {
  const now = w.nowMs / 1000
  const expire = (table: RuntimeState['flows']) => {
    const gone: number[] = []
    table.forEach((k0, k1, k2, k3, _v, seen) => {
      const idle = (k3 & 0xff) === 6 ? TCP_IDLE_SECONDS : OTHER_IDLE_SECONDS
      if (now - seen > idle) gone.push(k0, k1, k2, k3)
    })
    deleteAll(table, gone)
  }
  // appliance sessions are given the GWLB's idle timeouts: an appliance's own session timeout is not in the design
  expire(w.state.flows)
  expire(w.state.sessions)
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
