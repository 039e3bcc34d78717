import { afterEach, describe, expect, it, vi } from 'vitest'
import { compile, trace } from '../../worker/engine'
import { createPlayback, type FrameBatch, visualOf } from '../../worker/playback'
import { createManualClock, createSim, findScenario } from '../../worker/sim'
import { loadExample } from '../helpers'
import { heaviestScenario } from './sim/helpers'

afterEach(() => {
  vi.useRealTimers()
})

describe('what the animation draws', () => {
  it('an inbound packet: the seed’s path, Geneve only between the GWLB and the appliance', () => {
    const net = compile(loadExample('two-zones'))
    const v = visualOf(
      trace(net, { source: 'internet-client', destination: '47.98.10.11', protocol: 'tcp', destinationPort: 443 }),
    )
    expect(v.direction).toBe('inbound')
    expect(v.drop).toBeNull()
    expect(v.path[0]).toBe('internet-client')
    expect(v.path.slice(1, 5)).toEqual(['igw-service', 'gwlbe-h', 'epsrv-inspection', 'gwlb-inspection'])
    expect(v.path.at(-1)).toBe('ecs-web-1')
    const encapsulated = v.path.slice(1).filter((_, i) => v.geneve[i])
    // gwlb → appliance, appliance → gwlb
    expect(encapsulated).toHaveLength(2)
    expect(v.geneve).toHaveLength(v.path.length - 1)
  })

  it('a dropped packet names where and why', () => {
    const d = loadExample('two-zones')
    const stopped = {
      ...d,
      resources: d.resources.map((r) =>
        r.kind === 'gwlbEndpoint' ? { ...r, connectionStatus: 'Disconnected' as const } : r,
      ),
    }
    const v = visualOf(
      trace(compile(stopped), {
        source: 'internet-client',
        destination: '47.98.10.11',
        protocol: 'tcp',
        destinationPort: 443,
      }),
    )
    expect(v.drop).toMatchObject({ at: 'gwlbe-h', reason: 'ENDPOINT_NOT_CONNECTED' })
  })

  it('sampling packets for drawing never changes the simulation', () => {
    const design = loadExample('two-zones')
    const scenario = findScenario(design, 'appliance-failure')
    if (!scenario) throw new Error('no scenario')
    const plain = createSim({ design, scenario, clock: createManualClock(), seed: 7 })
    const drawn = createSim({ design, scenario, clock: createManualClock(), seed: 7 })
    // through the fault and its detection (30 s and about 43 s): sampling while flows move
    plain.run(45_000)
    for (let t = 1000; t <= 45_000; t += 1000) {
      drawn.run(t)
      for (const c of drawn.connections().slice(0, 5)) {
        drawn.sampleTrace(c.id, false)
        drawn.sampleTrace(c.id, true)
      }
    }
    expect(drawn.log()).toEqual(plain.log())
    expect(drawn.metrics()).toEqual(plain.metrics())
    // two simulated runs of 45 s at 10,000 packets/s: seconds of work, more on a loaded machine (the node
    // project's time limit in vitest.config.ts allows for that)
  })
})

describe('playback in the worker', () => {
  function setup() {
    vi.useFakeTimers()
    let wall = 0
    const playback = createPlayback(() => wall)
    const batches: FrameBatch[] = []
    playback.subscribe((b) => batches.push(b))
    const tick = (ms: number) => {
      wall += ms
      vi.advanceTimersByTime(ms)
    }
    return { playback, batches, tick }
  }

  it('plays at the chosen speed, sends one batch per frame with sampled packets, and stops on pause', () => {
    const { playback, batches, tick } = setup()
    const loaded = playback.load(loadExample('two-zones'), 'steady')
    expect(loaded).toEqual({ ok: true, scenario: 'steady', scenarios: ['steady', 'appliance-failure', 'zone-failure'] })
    playback.setSpeed(10)
    playback.play()
    tick(1000)
    const last = batches.at(-1) as FrameBatch
    expect(last.playing).toBe(true)
    expect(last.nowMs).toBeGreaterThanOrEqual(9000)
    expect(batches.length).toBeLessThanOrEqual(25)
    expect(
      batches.some(
        (b) => b.packets.some((p) => p.direction === 'inbound') && b.packets.some((p) => p.direction === 'outbound'),
      ),
    ).toBe(true)
    playback.pause()
    const at = (batches.at(-1) as FrameBatch).nowMs
    tick(1000)
    expect((batches.at(-1) as FrameBatch).nowMs).toBe(at)
    // paused, no packet leaves, and nothing replaces what the canvas drew: the packets in flight stay there
    expect(batches.slice(-5).every((b) => b.packets.length === 0 && !b.still)).toBe(true)
    playback.dispose()
  })

  it('a pause stops where the clock stood at the press and says so at once; pauseAt stops on an exact moment', () => {
    const { playback, batches, tick } = setup()
    playback.load(loadExample('two-zones'), 'steady')
    playback.play()
    tick(1000)
    expect(batches.at(-1)).toMatchObject({ playing: true, nowMs: 1000 })
    // pressed 30 ms after the last frame: the clock (and the page's, which ran on from that frame) stood at 1,030 ms
    tick(30)
    const pressed = batches.length
    playback.pause()
    expect(batches.length).toBe(pressed + 1)
    expect(batches.at(-1)).toMatchObject({ playing: false, nowMs: 1030 })
    tick(500)
    expect(batches.slice(pressed).every((b) => b.nowMs === 1030 && !b.playing)).toBe(true)
    // a follower at its presenter's pause, short of the presenter's moment: on to it, as a step goes, never back
    // through a replay (the log would start over) and never past it
    const short = batches.length
    playback.pauseAt(1100.5)
    tick(200)
    const on = batches.slice(short)
    expect(on.at(-1)).toMatchObject({ playing: false, nowMs: 1100.5 })
    on.forEach((b, i) => {
      expect(b.nowMs).toBeGreaterThanOrEqual(i ? (on[i - 1] as FrameBatch).nowMs : 1030)
      expect(b.nowMs).toBeLessThanOrEqual(1100.5)
      expect(b.events.length === b.logSize && b.logSize > 0).toBe(false)
    })
    // past the moment: back to it
    playback.pauseAt(900)
    tick(200)
    expect(batches.at(-1)).toMatchObject({ playing: false, nowMs: 900 })
    playback.dispose()
  })

  it('after a load, a jump, a step or a reset, one batch carries the packets in flight at the new moment', () => {
    const { playback, batches, tick } = setup()
    playback.load(loadExample('two-zones'), 'steady')
    // loaded at 0 s: the picture of 0 s replaces whatever was drawn of the run before
    expect(batches.at(-1)).toMatchObject({ nowMs: 0, still: true })
    const stills = () => batches.filter((b) => b.still)
    playback.seek(20_000)
    tick(200)
    const atJump = stills().at(-1) as FrameBatch
    expect(atJump.nowMs).toBe(20_000)
    // connections of both flows, each drawn both ways, on their paths of this moment
    expect(atJump.packets.length).toBeGreaterThanOrEqual(20)
    expect(new Set(atJump.packets.map((p) => p.direction))).toEqual(new Set(['inbound', 'outbound']))
    const count = stills().length
    tick(500)
    expect(stills().length).toBe(count)
    playback.step()
    tick(200)
    expect(stills().length).toBe(count + 1)
    expect((stills().at(-1) as FrameBatch).nowMs).toBe(21_000)
    playback.reset()
    expect(batches.at(-1)).toMatchObject({ nowMs: 0, still: true })
    playback.dispose()
  })

  it('switches a route target group back: the log entry goes out with the batch, and a seek replays the switch', () => {
    const { playback, batches } = setup()
    // design (c) with its flows at a few connections a second: the same faults and probes, less to forward
    const d = loadExample('zone-failover')
    d.scenarios = d.scenarios.map((sc) => ({
      ...sc,
      flows: sc.flows.map((f) => ({ ...f, newConnectionsPerSecond: 1, packetsPerSecond: 1 })),
    }))
    playback.load(d, 'zone-failure-with-route-target-group')
    playback.seek(130_000)
    const before = batches.at(-1) as FrameBatch
    expect(before.routeTargets[0]).toMatchObject({ carryingMemberId: 'gwlbe-i', failedOver: true })
    const answer = playback.switchActiveRouteTarget('rtg-inspection')
    expect(answer.ok).toBe(true)
    const after = batches.at(-1) as FrameBatch
    expect(after.routeTargets[0]).toMatchObject({ carryingMemberId: 'gwlbe-h', failedOver: false })
    // the page appends the batch's events to its log: they are exactly the entries since the last batch
    expect(after.events.map((e) => e.kind)).toEqual(['route-target-switched'])
    expect(after.logSize).toBe(before.logSize + 1)
    playback.seek(140_000)
    const replayed = batches.at(-1) as FrameBatch
    expect(replayed.events.filter((e) => e.kind === 'route-target-switched').map((e) => e.tMs)).toEqual([130_000])
    expect(replayed.routeTargets[0]?.carryingMemberId).toBe('gwlbe-h')
    playback.reset()
    expect((batches.at(-1) as FrameBatch).routeTargets[0]?.carryingMemberId).toBe('gwlbe-h')
    playback.seek(130_000)
    expect((batches.at(-1) as FrameBatch).routeTargets[0]?.carryingMemberId).toBe('gwlbe-i')
    playback.dispose()
  })

  it('jumps to a time by replaying the same run, with the log up to there', () => {
    const { playback, batches } = setup()
    playback.load(loadExample('two-zones'), 'appliance-failure')
    playback.seek(50_000)
    const b = batches.at(-1) as FrameBatch
    expect(b.nowMs).toBe(50_000)
    expect(b.events.some((e) => e.kind === 'marked-unhealthy' && e.resourceId === 'fw-h1')).toBe(true)
    expect(b.faults[0].detection.kind).toBe('detected')
    playback.dispose()
  })

  it('plays to a given moment and pauses there exactly, with the state of that moment, whatever the frames’ timing', () => {
    const { playback, batches, tick } = setup()
    playback.load(loadExample('two-zones'), 'appliance-failure')
    playback.setSpeed(10)
    // 12,345 ms falls inside a frame: at 10× each 50 ms frame moves 500 ms
    playback.play(12_345)
    tick(1000)
    expect(batches.at(-1)).toMatchObject({ playing: true, untilMs: 12_345 })
    tick(2000)
    const paused = batches.findIndex((b) => !b.playing && b.nowMs > 0)
    expect(batches[paused]).toMatchObject({ nowMs: 12_345, playing: false, untilMs: null, packets: [] })
    // it stays there
    tick(1000)
    expect(batches.slice(paused).every((b) => b.nowMs === 12_345 && !b.playing)).toBe(true)
    const logThere = batches.flatMap((b) => b.events)
    // the same run jumped to that moment has the same log: the pause shows what the run has at 12,345 ms
    playback.seek(12_345)
    expect((batches.at(-1) as FrameBatch).events).toEqual(logThere)
    // Play goes on past it
    playback.play()
    tick(1000)
    expect(batches.at(-1)).toMatchObject({ playing: true, untilMs: null })
    expect((batches.at(-1) as FrameBatch).nowMs).toBeGreaterThan(12_345)
    playback.dispose()
  })

  it('a reset drops the pending stop; a moment already reached does not play', () => {
    const { playback, batches, tick } = setup()
    playback.load(loadExample('two-zones'), 'steady')
    playback.setSpeed(10)
    playback.play(20_000)
    tick(500)
    playback.reset()
    expect(batches.at(-1)).toMatchObject({ nowMs: 0, playing: false, untilMs: null })
    playback.play()
    tick(3000)
    expect((batches.at(-1) as FrameBatch).nowMs).toBeGreaterThan(20_000)
    playback.seek(30_000)
    playback.play(30_000)
    tick(500)
    expect(batches.at(-1)).toMatchObject({ nowMs: 30_000, playing: false })
    playback.dispose()
  })

  it('plays a named scenario exactly: a name the design lacks is refused, naming the ones it has', () => {
    const { playback } = setup()
    const answer = playback.load(loadExample('two-zones'), 'no-such-scenario')
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.message).toMatch(/no scenario named “no-such-scenario”; it has “steady”/)
    playback.dispose()
  })

  it('says so when the design has no scenario', () => {
    const { playback } = setup()
    const d = loadExample('single-zone')
    expect(playback.load({ ...d, scenarios: [] }, null)).toMatchObject({ ok: false })
    playback.dispose()
  })

  describe('a live session’s follower keeps in step with the presenter’s clock', () => {
    it('starts late and still shows the presenter’s moment; a slip is eased, not jumped; a big one is jumped', () => {
      vi.useFakeTimers()
      let wall = 0
      const EPOCH = 1_780_000_000_000
      const playback = createPlayback(
        () => wall,
        () => EPOCH + wall,
      )
      const batches: FrameBatch[] = []
      playback.subscribe((b) => batches.push(b))
      const step = (ms: number) => {
        wall += ms
        vi.advanceTimersByTime(ms)
      }
      const last = () => batches.at(-1) as FrameBatch
      playback.load(loadExample('two-zones'), 'steady')
      // the presenter pressed Play at 0 s, 180 ms of wall time before this follower heard of it
      const presenter = (atWall: number, nowMs: number, speed = 1) => ({ nowMs, atMs: EPOCH + atWall, speed })
      step(180)
      playback.follow(presenter(0, 0))
      playback.play()
      step(1000)
      // the presenter is at 1,180 ms now: the follower within a frame's worth, not 180 ms behind
      expect(Math.abs(last().nowMs - (wall - 0))).toBeLessThanOrEqual(10)

      // the presenter's machine was slow: its clock is 120 ms behind where the last sample said
      playback.follow(presenter(wall, wall - 120))
      const eased: number[] = []
      for (let i = 0; i < 20; i++) {
        step(50)
        eased.push(last().nowMs)
      }
      // never backwards, never a jump: the follower holds or slows until the presenter's clock reaches it
      for (let i = 1; i < eased.length; i++) {
        expect(eased[i]).toBeGreaterThanOrEqual(eased[i - 1] as number)
        expect((eased[i] as number) - (eased[i - 1] as number)).toBeLessThanOrEqual(50)
      }
      expect(Math.abs(last().nowMs - (wall - 120))).toBeLessThanOrEqual(10)

      // 10× and 5 s ahead (the follower missed a stretch): it jumps there, computing its way forward
      playback.setSpeed(10)
      playback.follow(presenter(wall, wall - 120 + 5000, 10))
      step(50)
      expect(Math.abs(last().nowMs - (wall - 50 - 120 + 5000 + 500))).toBeLessThanOrEqual(10)
      // on its own again: it plays at its own speed from where it is
      playback.follow(null)
      playback.setSpeed(1)
      const at = last().nowMs
      step(1000)
      expect(last().nowMs - at).toBeGreaterThanOrEqual(950)
      expect(last().nowMs - at).toBeLessThanOrEqual(1050)
      playback.dispose()
    })
  })

  describe('at the heaviest legal rates, the worker keeps answering', () => {
    /** A wall clock that moves 1 ms each time it is read: a frame's 20 ms budget is twenty looks, a few events. */
    function heavy() {
      vi.useFakeTimers()
      let wall = 0
      const playback = createPlayback(() => wall++)
      const batches: FrameBatch[] = []
      playback.subscribe((b) => batches.push(b))
      const design = loadExample('two-zones')
      expect(playback.load({ ...design, scenarios: [heaviestScenario()] }, 'test')).toMatchObject({ ok: true })
      const frames = (n: number) => vi.advanceTimersByTime(n * 50)
      return { playback, batches, frames }
    }

    it('a seek replays over several frames, each within the budget, and pause stops it where it got to', () => {
      const { playback, batches, frames } = heavy()
      playback.seek(20_000)
      const first = batches.at(-1) as FrameBatch
      expect(first.nowMs).toBeLessThan(20_000)
      expect(first.playing).toBe(false)
      frames(5)
      const later = (batches.at(-1) as FrameBatch).nowMs
      expect(later).toBeGreaterThan(first.nowMs)
      expect(later).toBeLessThan(20_000)
      playback.pause()
      frames(5)
      expect((batches.at(-1) as FrameBatch).nowMs).toBe(later)
      // a seek that is left alone gets there
      playback.seek(1_000)
      frames(200)
      expect((batches.at(-1) as FrameBatch).nowMs).toBe(1_000)
      playback.dispose()
    })

    it('a step moves on by the amount it states, the same on every press, over as many frames as that takes', () => {
      const { playback, batches, frames } = heavy()
      playback.seek(29_000)
      frames(2000)
      expect((batches.at(-1) as FrameBatch).nowMs).toBe(29_000)
      const times: number[] = []
      for (const speed of [1, 1, 5]) {
        playback.setSpeed(speed)
        frames(1)
        expect((batches.at(-1) as FrameBatch).stepMs).toBe(1000 * speed)
        playback.step()
        frames(2000)
        const b = batches.at(-1) as FrameBatch
        expect(b.playing).toBe(false)
        times.push(b.nowMs)
      }
      // past fw-h1's stop at 30 s and its log entries: a step does not stop short at the next entry
      expect(times).toEqual([30_000, 31_000, 36_000])
      playback.dispose()
    })
  })
})
