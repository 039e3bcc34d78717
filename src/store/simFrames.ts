// What a frame batch from the simulator changes in the sim store, as pure steps: the log, the drops the canvas
// marks (fading after a while), whether an appliance or a route target group changed, and each appliance's rate.
// The store sets React state a few times a second at most; these say when a batch must show at once.
import type { FrameBatch } from '../../worker/playback'
import type { ApplianceView, RouteTargetView, SimEvent } from '../../worker/sim'

export interface DropSeen {
  at: string
  reason: string
  text: string
  /** wall time it was last seen, for fading */
  seenAt: number
  count: number
}

/** How long a drop stays marked on the canvas after it was last seen (wall ms). */
export const DROP_FADE_MS = 2500

/** The log after a batch: its events appended, or the whole log when the batch starts it over (a load, a seek). */
export function logAfter(log: SimEvent[], b: Pick<FrameBatch, 'events' | 'logSize'>): SimEvent[] {
  if (log.length + b.events.length !== b.logSize) return b.events
  return b.events.length ? [...log, ...b.events] : log
}

/** The drops marked after a batch seen at `wallNow`: each counted where it happened, the old ones faded out. */
export function dropsAfter(
  drops: Record<string, DropSeen>,
  packets: FrameBatch['packets'],
  wallNow: number,
): Record<string, DropSeen> {
  const next = { ...drops }
  for (const p of packets) {
    if (!p.drop) continue
    const seen = next[p.drop.at]
    next[p.drop.at] = {
      ...p.drop,
      seenAt: wallNow,
      count: (seen && seen.reason === p.drop.reason ? seen.count : 0) + 1,
    }
  }
  for (const [id, d] of Object.entries(next)) if (wallNow - d.seenAt > DROP_FADE_MS) delete next[id]
  return next
}

/** Whether an appliance runs, is healthy or is a member otherwise than the store has it (or is new). */
export function appliancesChanged(was: Record<string, ApplianceView>, now: readonly ApplianceView[]): boolean {
  return now.some((a) => {
    const before = was[a.id]
    return !before || before.run !== a.run || before.healthy !== a.healthy || before.membership !== a.membership
  })
}

/** Whether a route target group carries its traffic on another member, or a member's health changed (or is new). */
export function routeTargetsChanged(was: Record<string, RouteTargetView>, now: readonly RouteTargetView[]): boolean {
  return now.some((g) => {
    const before = was[g.id]
    return (
      !before ||
      before.carryingMemberId !== g.carryingMemberId ||
      before.members.some((m, i) => m.healthy !== g.members[i]?.healthy)
    )
  })
}

/** What each appliance was handed so far at a simulated moment: the rates are measured between two of these. */
export interface SentAt {
  nowMs: number
  sent: Record<string, number>
}

/**
 * Packets per second each appliance is handed, from what was sent since `last`; with no time passed, the rates
 * shown stay while playing and go when paused.
 */
export function ratesAfter(
  rates: Record<string, number>,
  last: SentAt | null,
  b: Pick<FrameBatch, 'nowMs' | 'applianceSent' | 'playing'>,
): Record<string, number> {
  if (last && b.nowMs > last.nowMs) {
    const dt = (b.nowMs - last.nowMs) / 1000
    return Object.fromEntries(
      Object.entries(b.applianceSent).map(([id, n]) => [id, Math.max(0, (n - (last.sent[id] ?? 0)) / dt)]),
    )
  }
  return b.playing ? rates : {}
}
