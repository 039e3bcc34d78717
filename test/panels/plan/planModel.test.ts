// The Plan tab's helpers: the APIs it offers are the APIs the plan checker applies, and steps move as asked.
import { describe, expect, it } from 'vitest'
import {
  guidePlanSteps,
  move,
  planDocument,
  reorder,
  STEP_API_NAMES,
  stepLine,
} from '../../../src/panels/plan/planModel'
import { apiCallPlan } from '../../../src/share/apiCalls'
import { guideSteps, STEP_APIS } from '../../../worker/verify'
import { loadExample } from '../../helpers'

describe('plan model', () => {
  it('offers exactly the APIs a plan can hold', () => {
    expect([...STEP_API_NAMES].sort()).toEqual(Object.keys(STEP_APIS).sort())
  })

  it("takes the guide's sequence as the command line does (its ECS calls left out)", () => {
    const calls = apiCallPlan(loadExample('two-zones'))
    for (const which of ['setup', 'teardown'] as const)
      expect(guidePlanSteps(calls[which])).toEqual(
        guideSteps(calls[which].map((c) => ({ ...c }))).map(
          ({ product: _p, version: _v, note: _n, waitUntil: _w, ...s }) => s,
        ),
      )
  })

  it('moves, reorders and writes steps, leaving empty parameters out so the checker names them missing', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    const same = ['a', 'b']
    expect(move(same, 0, -1)).toBe(same)
    expect(reorder(['a', 'b', 'c'], [2, 3, 1])).toEqual(['b', 'c', 'a'])
    const step = { api: 'DeleteRouteEntry', parameters: { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '' } }
    expect(stepLine(step)).toBe('DeleteRouteEntry RouteTableId=rtb-app-h')
    expect(planDocument([step]).steps[0].parameters).toEqual({ RouteTableId: 'rtb-app-h' })
  })
})
