// The event queue, the seeded random streams and the clocks.
import { describe, expect, it } from 'vitest'
import { createManualClock, createPlaybackClock, MAX_SPEED, MIN_SPEED } from '../../../worker/sim'
import { EventQueue } from '../../../worker/sim/queue'
import { mulberry32, stream } from '../../../worker/sim/random'

describe('EventQueue', () => {
  it('pops by time, then priority, then insertion order', () => {
    const q = new EventQueue<string>()
    q.push(50, 1, 'c')
    q.push(10, 5, 'b')
    q.push(10, 1, 'a1')
    q.push(10, 1, 'a2')
    q.push(0, 9, 'first')
    const order: string[] = []
    for (let e = q.pop(); e; e = q.pop()) order.push(e.item)
    expect(order).toEqual(['first', 'a1', 'a2', 'b', 'c'])
  })

  it('stays ordered over many random pushes and pops', () => {
    const q = new EventQueue<number>()
    const rnd = mulberry32(7)
    const popped: number[] = []
    for (let i = 0; i < 2000; i++) {
      q.push(Math.floor(rnd() * 1000), 0, i)
      if (i % 3 === 0) popped.push(q.pop()?.tMs ?? -1)
    }
    let last = -1
    for (let e = q.pop(); e; e = q.pop()) {
      expect(e.tMs).toBeGreaterThanOrEqual(last)
      last = e.tMs
    }
    expect(q.size).toBe(0)
    expect(popped.length).toBeGreaterThan(0)
  })
})

describe('random streams', () => {
  it('repeat for a seed and a purpose, and differ across them', () => {
    const a = stream(1, 'x')
    const b = stream(1, 'x')
    const c = stream(1, 'y')
    const d = stream(2, 'x')
    const xs = [a(), a(), a()]
    expect([b(), b(), b()]).toEqual(xs)
    expect(c()).not.toBe(xs[0])
    expect(d()).not.toBe(xs[0])
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true)
  })
})

describe('clocks', () => {
  it('a manual clock moves only when told', () => {
    const c = createManualClock()
    expect(c.now()).toBe(0)
    c.advanceBy(250)
    c.seek(1000)
    c.advanceBy(5)
    expect(c.now()).toBe(1005)
  })

  it('a playback clock follows wall time × speed while playing, and holds while paused', () => {
    let wall = 0
    const c = createPlaybackClock(() => wall)
    wall = 100
    expect(c.now()).toBe(0)
    expect(c.state).toEqual({ kind: 'paused' })
    c.play()
    wall = 200
    expect(c.now()).toBe(100)
    expect(c.setSpeed(10)).toEqual({ kind: 'set', speed: 10 })
    wall = 300
    expect(c.now()).toBe(1100)
    c.pause()
    wall = 1000
    expect(c.now()).toBe(1100)
    c.seek(50)
    c.play()
    wall = 1001
    expect(c.now()).toBe(60)
  })

  it('refuses speeds outside 0.1× to 100×', () => {
    const c = createPlaybackClock(() => 0)
    expect(c.setSpeed(MIN_SPEED)).toEqual({ kind: 'set', speed: MIN_SPEED })
    expect(c.setSpeed(MAX_SPEED)).toEqual({ kind: 'set', speed: MAX_SPEED })
    expect(c.setSpeed(0.05)).toEqual({ kind: 'outOfRange', min: MIN_SPEED, max: MAX_SPEED })
    expect(c.setSpeed(101)).toEqual({ kind: 'outOfRange', min: MIN_SPEED, max: MAX_SPEED })
    expect(c.setSpeed(Number.NaN).kind).toBe('outOfRange')
    expect(c.speed).toBe(MAX_SPEED)
  })
})
