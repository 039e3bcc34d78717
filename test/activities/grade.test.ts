// Each goal kind scores as a teacher would: met, missed, partly met, and the hints' costs; a broken activity is
// refused with the field at fault.
import { describe, expect, it } from 'vitest'
import { NODE_GRADE_ENGINE } from '../../cli/activityEngine'
import { type Goal, grade, type PreparedActivity, prepareActivity } from '../../src/activities'
import type { Design } from '../../src/model'
import { loadExample } from '../helpers'

const twoZones = loadExample('two-zones')

function activity(goals: unknown[], extra: Record<string, unknown> = {}): unknown {
  return {
    format: 'gwlb-studio/activity',
    version: 1,
    id: 'a',
    title: 'A',
    task: 'Do it.',
    design: twoZones,
    goals,
    ...extra,
  }
}

function open(raw: unknown, learnerKey = 's'): PreparedActivity {
  const r = prepareActivity(raw, learnerKey)
  if (!r.ok) throw new Error(r.message)
  return r.prepared
}

const inbound = (destination: string, port = 443) => ({
  source: 'internet-client',
  destination,
  protocol: 'tcp',
  destinationPort: port,
})

function goal(check: unknown, extra: Partial<Goal> = {}): unknown {
  return { id: 'g', title: 'goal', points: 10, check, ...extra }
}

/** two-zones with zone I's gateway entry gone: its server is reached uninspected */
const zoneIBypassed: Design = {
  ...twoZones,
  resources: twoZones.resources.map((r) =>
    r.id === 'rtb-gateway' && r.kind === 'routeTable'
      ? { ...r, entries: r.entries.filter((e) => e.destinationCidrBlock !== '10.0.2.0/24') }
      : r,
  ),
}

describe('reach goals', () => {
  const both = { kind: 'reach', packets: [inbound('47.98.10.11'), inbound('47.98.10.12')] }
  const inspected = { ...both, expect: { outcome: 'delivered', inspected: true, symmetric: true } }

  it('all or nothing by default; in proportion with partial', async () => {
    const whole = open(activity([goal(inspected)]))
    expect((await grade(whole, twoZones, NODE_GRADE_ENGINE)).score).toBe(10)
    expect((await grade(whole, zoneIBypassed, NODE_GRADE_ENGINE)).score).toBe(0)
    const partial = open(activity([goal(inspected, { partial: true })]))
    const g = await grade(partial, zoneIBypassed, NODE_GRADE_ENGINE)
    expect(g.goals[0]).toMatchObject({ met: false, earned: 5, points: 10 })
    expect(g.goals[0]?.findings[1]).toMatch(/^internet-client → 47\.98\.10\.12 tcp\/443 is delivered without crossing/)
  })

  it('delivered without inspection asked: a bypass still counts as delivered', async () => {
    const p = open(activity([goal({ ...both, expect: { outcome: 'delivered' } })]))
    expect((await grade(p, zoneIBypassed, NODE_GRADE_ENGINE)).score).toBe(10)
  })

  it('dropped, and one exact disposition', async () => {
    // the firewalls' policy denies SSH from the internet
    const ssh = { kind: 'reach', packets: [inbound('47.98.10.11', 22)] }
    const dropped = open(activity([goal({ ...ssh, expect: { outcome: 'dropped' } })]))
    expect((await grade(dropped, twoZones, NODE_GRADE_ENGINE)).score).toBe(10)
    const exact = open(activity([goal({ ...ssh, expect: { outcome: 'APPLIANCE_DENIED' } })]))
    expect((await grade(exact, twoZones, NODE_GRADE_ENGINE)).score).toBe(10)
    const wrong = open(activity([goal({ ...ssh, expect: { outcome: 'BLACKHOLE_ROUTE' } })]))
    const g = await grade(wrong, twoZones, NODE_GRADE_ENGINE)
    expect(g.score).toBe(0)
    expect(g.goals[0]?.findings[0]).toMatch(/ends APPLIANCE_DENIED, not BLACKHOLE_ROUTE/)
  })
})

describe('the other goal kinds', () => {
  it('lintClean: errors only by default, warnings when asked, or named codes', async () => {
    const clean = open(activity([goal({ kind: 'lintClean' })]))
    expect((await grade(clean, twoZones, NODE_GRADE_ENGINE)).score).toBe(10)
    const g = await grade(clean, zoneIBypassed, NODE_GRADE_ENGINE)
    expect(g.score).toBe(0)
    expect(g.goals[0]?.findings[0]).toMatch(/^GWLB-E\d{3}: /)
    const code = g.goals[0]?.findings[0]?.slice(0, 9) ?? ''
    const other = open(activity([goal({ kind: 'lintClean', codes: ['GWLB-E001'] })]))
    if (code !== 'GWLB-E001') expect((await grade(other, zoneIBypassed, NODE_GRADE_ENGINE)).score).toBe(10)
    const named = open(activity([goal({ kind: 'lintClean', codes: [code] })]))
    expect((await grade(named, zoneIBypassed, NODE_GRADE_ENGINE)).score).toBe(0)
  })

  it('lintClean in an activity that hides the linter: counts what remains, names no code', async () => {
    const hidden = open(activity([goal({ kind: 'lintClean' })], { hideProblems: true }))
    const g = await grade(hidden, zoneIBypassed, NODE_GRADE_ENGINE)
    expect(g.score).toBe(0)
    expect(g.goals[0]?.findings).toEqual([
      expect.stringMatching(/^The linter still finds \d+ problems? of this kind\.$/),
    ])
    expect(g.goals[0]?.findings.join(' ')).not.toMatch(/GWLB-/)
    expect((await grade(hidden, twoZones, NODE_GRADE_ENGINE)).score).toBe(10)
  })

  it('intent: holds, is violated with its reason, or names what is not there', async () => {
    const intent = {
      id: 'web-2-inspected',
      from: 'internet',
      to: { resources: ['ecs-web-2'] },
      toAddress: 'eip',
      expect: { inspected: true },
    }
    const p = open(activity([goal({ kind: 'intent', intent })]))
    expect((await grade(p, twoZones, NODE_GRADE_ENGINE)).goals[0]?.met).toBe(true)
    const g = await grade(p, zoneIBypassed, NODE_GRADE_ENGINE)
    expect(g.goals[0]?.findings[0]).toMatch(/^Intent web-2-inspected is violated: .*without crossing an appliance/)
    const missing = open(activity([goal({ kind: 'intent', intent: { ...intent, to: { resources: ['ecs-gone'] } } })]))
    const m = await grade(missing, twoZones, NODE_GRADE_ENGINE)
    expect(m.goals[0]).toMatchObject({ met: false })
    expect(m.goals[0]?.findings[0]).toMatch(/web-2-inspected.*ecs-gone/)
  })

  it('unchanged: a deleted resource counts as changed; the layout does not', async () => {
    const p = open(activity([goal({ kind: 'unchanged', resources: ['gwlbe-h', 'rtb-app-h'] })]))
    const moved: Design = { ...twoZones, layout: {} }
    expect((await grade(p, moved, NODE_GRADE_ENGINE)).score).toBe(10)
    const gone: Design = { ...twoZones, resources: twoZones.resources.filter((r) => r.id !== 'rtb-app-h') }
    const g = await grade(p, gone, NODE_GRADE_ENGINE)
    expect(g.goals[0]?.findings).toEqual(['Changed: rtb-app-h.'])
  })
})

describe('the score', () => {
  const two = [
    goal({ kind: 'lintClean' }, { id: 'a', points: 30 }),
    goal({ kind: 'unchanged', resources: ['gwlbe-h'] }, { id: 'b', points: 70 }),
  ]
  const hints = [{ text: 'one', cost: 5 }, { text: 'two', cost: 50 }, { text: 'free' }]

  it('hints shown cost their points, never below zero; passPercent decides passed', async () => {
    const p = open(activity(two, { hints, passPercent: 90 }))
    expect(await grade(p, twoZones, NODE_GRADE_ENGINE, [0, 2])).toMatchObject({
      score: 95,
      maxScore: 100,
      hintCost: 5,
      percent: 95,
      passed: true,
    })
    expect(await grade(p, twoZones, NODE_GRADE_ENGINE, [0, 1])).toMatchObject({ score: 45, passed: false })
    const gone: Design = { ...zoneIBypassed, resources: zoneIBypassed.resources.filter((r) => r.id !== 'gwlbe-h') }
    expect((await grade(p, gone, NODE_GRADE_ENGINE, [0, 1])).score).toBe(0)
  })
})

describe('opening an activity', () => {
  it('variables: the same learner key gives the same values; an unknown name is refused with where it is', () => {
    const raw = activity([goal({ kind: 'lintClean' })], {
      variables: [{ name: 'port', choices: ['443', '80', '8080'] }],
      task: 'Open port {{port}}.',
    })
    expect(open(raw, 'x').activity.task).toBe(open(raw, 'x').activity.task)
    const seen = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((s) => open(raw, s).activity.task))
    expect(seen.size).toBeGreaterThan(1)
    const bad = prepareActivity({ ...(raw as object), title: 'Port {{prt}}' }, 'x')
    expect(bad).toEqual({ ok: false, message: 'title: no variable named prt' })
  })

  it('refuses what is not an activity, a design that does not load, and a fault that cannot apply', () => {
    expect(prepareActivity([], 's')).toMatchObject({ ok: false, message: expect.stringMatching(/JSON object/) })
    expect(prepareActivity({ format: 'gwlb-studio/design' }, 's')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^format: /),
    })
    const noGoals = prepareActivity({ ...(activity([]) as object) }, 's')
    expect(noGoals).toMatchObject({ ok: false, message: expect.stringMatching(/^goals: /) })
    const badDesign = prepareActivity({ ...(activity([goal({ kind: 'lintClean' })]) as object), design: {} }, 's')
    expect(badDesign).toMatchObject({ ok: false, message: expect.stringMatching(/^design: /) })
    const badFault = prepareActivity(
      {
        ...(activity([goal({ kind: 'lintClean' })]) as object),
        faults: [{ kind: 'setJumboFrames', applianceId: 'fw-zz', jumboFrames: false }],
      },
      's',
    )
    expect(badFault).toEqual({ ok: false, message: 'faults[0] (setJumboFrames): no appliance fw-zz in the design' })
  })
})
