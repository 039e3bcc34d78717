// What one frame batch changes in the sim store: the log appended or started over, drops counted where they happen
// and faded out, appliance and route target changes that must show at once, and each appliance's rate.
import { describe, expect, it } from 'vitest'
import {
  appliancesChanged,
  DROP_FADE_MS,
  dropsAfter,
  logAfter,
  ratesAfter,
  routeTargetsChanged,
} from '../../src/store/simFrames'
import type { VisualPacket } from '../../worker/playback'
import type { ApplianceView, RouteTargetView, SimEvent } from '../../worker/sim'

const event = (tMs: number) => ({ tMs, resourceId: 'fw-1', kind: 'sim-started', text: `at ${tMs}` }) as SimEvent
const dropped = (at: string, reason: string): VisualPacket => ({
  path: ['client', at],
  geneve: [false],
  direction: 'inbound',
  drop: { at, reason, text: `${reason} at ${at}` },
})

describe('a frame batch in the sim store', () => {
  it('appends its events to the log, keeps the same log when it has none, and starts over after a seek', () => {
    const log = [event(0), event(1)]
    expect(logAfter(log, { events: [event(2)], logSize: 3 })).toEqual([event(0), event(1), event(2)])
    // nothing new: the very same list, so the panel does not draw again
    expect(logAfter(log, { events: [], logSize: 2 })).toBe(log)
    // the batch's events are the whole log (a load, a reset, a seek)
    expect(logAfter(log, { events: [event(5)], logSize: 1 })).toEqual([event(5)])
  })

  it('counts drops by where they happen, starts the count again for another reason, and fades old ones', () => {
    const first = dropsAfter({}, [dropped('gwlbe-h', 'ENDPOINT_NOT_CONNECTED')], 1000)
    const again = dropsAfter(first, [dropped('gwlbe-h', 'ENDPOINT_NOT_CONNECTED'), dropped('fw-1', 'SG_DENY')], 1500)
    expect(again['gwlbe-h']).toMatchObject({ count: 2, seenAt: 1500 })
    expect(again['fw-1']).toMatchObject({ count: 1, reason: 'SG_DENY' })
    const otherReason = dropsAfter(again, [dropped('gwlbe-h', 'NO_ROUTE')], 1600)
    expect(otherReason['gwlbe-h']).toMatchObject({ count: 1, reason: 'NO_ROUTE' })
    // not seen for longer than the fade: no longer marked
    const later = dropsAfter(otherReason, [], 1500 + DROP_FADE_MS + 1)
    expect(Object.keys(later)).toEqual(['gwlbe-h'])
    expect(first).toEqual({ 'gwlbe-h': expect.objectContaining({ count: 1 }) })
  })

  it('sees an appliance change only when it runs, is healthy or is a member otherwise, or is new', () => {
    const fw: ApplianceView = { id: 'fw-1', run: 'running', healthy: true, membership: 'member' }
    const was = { 'fw-1': fw }
    expect(appliancesChanged(was, [{ ...fw }])).toBe(false)
    expect(appliancesChanged(was, [{ ...fw, healthy: false }])).toBe(true)
    expect(appliancesChanged(was, [{ ...fw, run: 'hung' }])).toBe(true)
    expect(appliancesChanged(was, [{ ...fw, membership: 'draining' }])).toBe(true)
    expect(appliancesChanged(was, [{ ...fw, id: 'fw-2' }])).toBe(true)
  })

  it('sees a route target group change when another member carries it or a member’s health changes', () => {
    const group: RouteTargetView = {
      id: 'rtg-1',
      carryingMemberId: 'a',
      failedOver: false,
      members: [
        { memberId: 'a', weight: 100, healthy: true },
        { memberId: 'b', weight: 0, healthy: true },
      ],
    }
    const was = { 'rtg-1': group }
    expect(routeTargetsChanged(was, [{ ...group }])).toBe(false)
    expect(routeTargetsChanged(was, [{ ...group, carryingMemberId: 'b', failedOver: true }])).toBe(true)
    const sick = group.members.map((m) => (m.memberId === 'a' ? { ...m, healthy: false } : m))
    expect(routeTargetsChanged(was, [{ ...group, members: sick }])).toBe(true)
    expect(routeTargetsChanged({}, [group])).toBe(true)
  })

  it('measures each appliance’s packets per second between two moments, and shows none once paused', () => {
    const last = { nowMs: 1000, sent: { 'fw-1': 100, 'fw-2': 50 } }
    const rates = ratesAfter({}, last, { nowMs: 3000, playing: true, applianceSent: { 'fw-1': 700, 'fw-2': 50 } })
    expect(rates).toEqual({ 'fw-1': 300, 'fw-2': 0 })
    // no time passed: the rates shown stay while playing, and go when paused
    const same = { nowMs: 3000, applianceSent: { 'fw-1': 700 } }
    expect(ratesAfter(rates, { nowMs: 3000, sent: {} }, { ...same, playing: true })).toBe(rates)
    expect(ratesAfter(rates, { nowMs: 3000, sent: {} }, { ...same, playing: false })).toEqual({})
    expect(ratesAfter(rates, null, { ...same, playing: false })).toEqual({})
  })
})
