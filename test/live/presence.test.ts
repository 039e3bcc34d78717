// Presence from other people's browsers: checked and cleaned before it is shown, and the quiz tally.
import { describe, expect, it } from 'vitest'
import { cleanName, pointerEveryMs, readPresence, tallyOf } from '../../src/live/presence'

describe('presence', () => {
  it('shows names as plain text: control and direction-override characters dropped, 40 characters at most', () => {
    expect(cleanName('Ali\u202Ece\u0007 \n Bob')).toBe('Ali ce Bob')
    expect(cleanName('\u001b[31mred')).toBe('[31mred')
    expect(cleanName('x'.repeat(100))).toHaveLength(40)
    expect(cleanName(42)).toBe('Guest')
    expect(cleanName('   ')).toBe('Guest')
  })

  it('ignores a state that is not ours, and fields of the wrong shape', () => {
    expect(readPresence(1, { role: 'admin', name: 'x' })).toBeNull()
    expect(readPresence(1, null)).toBeNull()
    const p = readPresence(7, {
      role: 'presenter',
      name: '<b>Trainer</b>',
      cursor: { x: 'no', y: 1 },
      selection: ['fw-h1', 3, 'x'.repeat(500)],
      follow: { lesson: { id: 'inbound', step: 2 }, sim: { scenario: 'steady', speed: -1, nowMs: 5 }, viewport: {} },
    })
    expect(p).toMatchObject({
      clientId: 7,
      name: '<b>Trainer</b>',
      cursor: null,
      selection: ['fw-h1'],
      follow: { lesson: { id: 'inbound', step: 2, revealed: false }, sim: null, viewport: null, highlight: null },
    })
    // only the presenter's follow state is read
    expect(readPresence(8, { role: 'editor', follow: { lesson: { id: 'x', step: 1 } } })?.follow).toBeUndefined()
  })

  it('reads the presenter’s clock sample: the moment it was taken is required, a pause point is optional', () => {
    const sim = { scenario: 'steady', playing: true, speed: 2, nowMs: 1500 }
    const follow = (s: object) => readPresence(1, { role: 'presenter', follow: { sim: s } })?.follow?.sim
    expect(follow({ ...sim, atMs: 1_780_000_000_000 })).toEqual({ ...sim, atMs: 1_780_000_000_000, untilMs: null })
    expect(follow({ ...sim, atMs: 1_780_000_000_000, untilMs: 9000 })?.untilMs).toBe(9000)
    // without the moment, a follower could not tell where the clock is now
    expect(follow(sim)).toBeNull()
    expect(follow({ ...sim, atMs: 'yesterday' })).toBeNull()
  })

  it('sends a pointer less often as the room grows: a class’s relay writes about as much pointer as a few editors’', () => {
    expect(pointerEveryMs(2)).toBe(50)
    expect(pointerEveryMs(51)).toBeGreaterThanOrEqual(250)
    // writes a second for one room: each update goes to everyone else
    const writes = (people: number) => (1000 / pointerEveryMs(people)) * (people - 1)
    expect(writes(51)).toBeLessThanOrEqual(200)
    expect(writes(301)).toBeLessThanOrEqual(200)
  })

  it('tallies the followers’ answers to the current quiz step, most chosen first', () => {
    const people = [
      { role: 'follower', name: 'Ann', answer: { lesson: 'l', step: 3, id: 'fw-h1' } },
      { role: 'follower', name: 'Ben', answer: { lesson: 'l', step: 3, id: 'gwlbe-h' } },
      { role: 'follower', name: 'Cy', answer: { lesson: 'l', step: 3, id: 'gwlbe-h' } },
      { role: 'follower', name: 'Di', answer: { lesson: 'l', step: 2, id: 'fw-h1' } },
      { role: 'editor', name: 'Ed', answer: { lesson: 'l', step: 3, id: 'fw-h1' } },
    ].map((s, i) => readPresence(i, s))
    const tally = tallyOf(
      people.filter((p) => p !== null),
      'l',
      3,
    )
    expect(tally).toEqual([
      { id: 'gwlbe-h', names: ['Ben', 'Cy'] },
      { id: 'fw-h1', names: ['Ann'] },
    ])
  })
})
