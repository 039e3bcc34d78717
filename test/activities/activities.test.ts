// The shipped activities: every variant loads, the handout misses its goals, and a correct fix earns the points —
// the author's, and another one the author did not write down.
import { describe, expect, it } from 'vitest'
import { NODE_GRADE_ENGINE } from '../../cli/activityEngine'
import { ACTIVITY_FILES, grade, type PreparedActivity, prepareActivity, preparedVariants } from '../../src/activities'
import { applyLessonEdit, type LessonEdit } from '../../src/lessons'
import type { Design } from '../../src/model'

function prepared(file: string, learnerKey = 'student-1'): PreparedActivity {
  const r = prepareActivity(ACTIVITY_FILES[file], learnerKey)
  if (!r.ok) throw new Error(r.message)
  return r.prepared
}

function edited(design: Design, ...edits: LessonEdit[]): Design {
  return edits.reduce((d, e) => {
    const r = applyLessonEdit(d, e)
    if (!r.ok) throw new Error(r.message)
    return r.design
  }, design)
}

describe('the sample activities', () => {
  it.each(Object.keys(ACTIVITY_FILES))('%s: every variable choice loads and applies its faults', (file) => {
    const variants = preparedVariants(ACTIVITY_FILES[file])
    expect(variants.filter((v) => !v.ok)).toEqual([])
  })

  it.each(Object.keys(ACTIVITY_FILES))('%s: the handout as it is fails', async (file) => {
    const p = prepared(file)
    const g = await grade(p, p.handout, NODE_GRADE_ENGINE)
    expect(g.passed).toBe(false)
    expect(g.goals.some((goal) => !goal.met)).toBe(true)
  })

  it('inbound bypass: students get different server networks, and each one’s own route fixes it', async () => {
    const nets = new Set<string>()
    for (const learnerKey of ['ana', 'bo', 'chen', 'dev', 'eli', 'fay', 'gus', 'hana']) {
      const p = prepared('01-inbound-bypass.json', learnerKey)
      const net = p.values.appNet ?? ''
      nets.add(net)
      const fixed = edited(p.handout, {
        kind: 'setRouteEntry',
        routeTableId: 'rtb-gateway',
        destinationCidrBlock: `10.0.${net}.0/24`,
        nextHopType: 'GatewayLoadBalancerEndpoint',
        nextHopId: 'gwlbe-h',
      })
      const g = await grade(p, fixed, NODE_GRADE_ENGINE)
      expect(g.goals.filter((goal) => !goal.met)).toEqual([])
      expect(g).toMatchObject({ score: 100, maxScore: 100, percent: 100, passed: true })
    }
    expect(nets.size).toBeGreaterThan(1)
  })

  it('inbound bypass: the handout says why it fails, per packet', async () => {
    const p = prepared('01-inbound-bypass.json')
    const g = await grade(p, p.handout, NODE_GRADE_ENGINE)
    const inbound = g.goals.find((goal) => goal.goalId === 'inbound-inspected')
    expect(inbound?.met).toBe(false)
    expect(inbound?.earned).toBe(0)
    expect(inbound?.findings.join('\n')).toMatch(/without crossing an appliance/)
    // the updates' answers come in through the same gateway, so outbound inspection breaks with it
    const outbound = g.goals.find((goal) => goal.goalId === 'outbound-inspected')
    expect(outbound?.findings.join('\n')).toMatch(/its answer through none/)
  })

  it('zone I: the author’s fix passes, and so does a new route table for zone I instead of mending the old one', async () => {
    const p = prepared('02-zone-i-inspection.json')
    const gatewayEntry: LessonEdit = {
      kind: 'setRouteEntry',
      routeTableId: 'rtb-gateway',
      destinationCidrBlock: '10.0.2.0/24',
      nextHopType: 'GatewayLoadBalancerEndpoint',
      nextHopId: 'gwlbe-i',
    }
    const authors = edited(p.handout, gatewayEntry, {
      kind: 'setRouteEntry',
      routeTableId: 'rtb-app-i',
      destinationCidrBlock: '0.0.0.0/0',
      nextHopType: 'GatewayLoadBalancerEndpoint',
      nextHopId: 'gwlbe-i',
    })
    expect(await grade(p, authors, NODE_GRADE_ENGINE)).toMatchObject({ percent: 100, passed: true })

    // another way: zone I's vSwitch moves to a fresh route table of its own
    const withOwnTable = edited(p.handout, gatewayEntry)
    const old = withOwnTable.resources.find((r) => r.id === 'rtb-app-i')
    if (old?.kind !== 'routeTable') throw new Error('rtb-app-i is a route table')
    const own = {
      ...old,
      id: 'rtb-app-i-2',
      name: 'Zone I servers (new)',
      entries: [
        {
          destinationCidrBlock: '0.0.0.0/0',
          nextHopType: 'GatewayLoadBalancerEndpoint' as const,
          nextHopId: 'gwlbe-i',
        },
      ],
    }
    const another: Design = {
      ...withOwnTable,
      resources: [
        ...withOwnTable.resources.map((r) =>
          r.id === 'vsw-app-i' && r.kind === 'vswitch' ? { ...r, routeTableId: 'rtb-app-i-2' } : r,
        ),
        own,
      ],
    }
    const g = await grade(p, another, NODE_GRADE_ENGINE)
    expect(g.goals.filter((goal) => !goal.met)).toEqual([])
  })

  it('zone I: touching zone H costs its points, even when the traffic is right', async () => {
    const p = prepared('02-zone-i-inspection.json')
    const fixed = edited(
      p.handout,
      {
        kind: 'setRouteEntry',
        routeTableId: 'rtb-gateway',
        destinationCidrBlock: '10.0.2.0/24',
        nextHopType: 'GatewayLoadBalancerEndpoint',
        nextHopId: 'gwlbe-i',
      },
      {
        kind: 'setRouteEntry',
        routeTableId: 'rtb-app-i',
        destinationCidrBlock: '0.0.0.0/0',
        nextHopType: 'GatewayLoadBalancerEndpoint',
        nextHopId: 'gwlbe-i',
      },
    )
    const renamed: Design = {
      ...fixed,
      resources: fixed.resources.map((r) => (r.id === 'fw-h1' ? { ...r, name: 'Firewall H1 (renamed)' } : r)),
    }
    const g = await grade(p, renamed, NODE_GRADE_ENGINE)
    const zoneH = g.goals.find((goal) => goal.goalId === 'zone-h-untouched')
    expect(zoneH).toMatchObject({ met: false, earned: 0 })
    expect(zoneH?.findings.join(' ')).toMatch(/fw-h1/)
    expect(g.score).toBe(80)
  })
})
