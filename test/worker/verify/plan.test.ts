// Change plans: steps in the cloud's API words applied or refused as the cloud would, windows of trouble
// between the plan's ends, and a safe order of the same steps.
import { describe, expect, it } from 'vitest'
import { buildReferenceDesign } from '../../../src/model/reference/build'
import { apiCallPlan } from '../../../src/share/apiCalls'
import { DEFAULT_ASSUMPTIONS } from '../../../worker/engine'
import {
  applyStep,
  checkPlan,
  guideSteps,
  type Plan,
  type PlanStep,
  parsePlan,
  prerequisites,
} from '../../../worker/verify'
import { design } from '../engine/helpers'

const plan = (steps: PlanStep[]): Plan => ({ format: 'gwlb-studio/plan', version: 1, steps })

const deleteEndpoint: PlanStep = { api: 'DeleteVpcEndpoint', parameters: { EndpointId: 'gwlbe-h' } }
const deleteAppRoute: PlanStep = {
  api: 'DeleteRouteEntry',
  parameters: { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '0.0.0.0/0' },
}
const gatewayToLocal: PlanStep = {
  api: 'UpdateGatewayRouteTableEntryAttribute',
  parameters: { IPv4GatewayRouteTableId: 'rtb-gateway', DestinationCidrBlock: '10.0.1.0/24', NextHopType: 'Local' },
}

describe('plan steps', () => {
  it('refuse what the cloud refuses, with the reason, and leave the design as it was', () => {
    const d = design(2)
    const before = JSON.stringify(d)
    const refused = (step: PlanStep) => {
      const r = applyStep(d, step, DEFAULT_ASSUMPTIONS)
      return r.ok ? 'applied' : r.refused
    }
    expect(refused({ api: 'DeleteVpc', parameters: { VpcId: 'vpc-service' } })).toMatch(/^VPC vpc-service still holds /)
    expect(refused({ api: 'DeleteVpcEndpointService', parameters: { ServiceId: 'epsrv-inspection' } })).toMatch(
      /still has endpoint connections \(gwlbe-h, gwlbe-i\)/,
    )
    expect(
      refused({
        api: 'CreateRouteEntry',
        parameters: {
          RouteTableId: 'rtb-app-h',
          DestinationCidrBlock: '10.0.1.0/25',
          NextHopType: 'Ipv4Gateway',
          NextHopId: 'igw-service',
        },
      }),
    ).toMatch(/inside vSwitch CIDR 10.0.1.0\/24/)
    // the gateway entry goes to gwlbe-h: to reach gwlbe-i it goes back to Local first (assumption viaLocal)
    expect(
      refused({
        api: 'UpdateGatewayRouteTableEntryAttribute',
        parameters: {
          IPv4GatewayRouteTableId: 'rtb-gateway',
          DestinationCidrBlock: '10.0.1.0/24',
          NextHopType: 'GatewayLoadBalancerEndpoint',
          NextHopId: 'gwlbe-i',
        },
      }),
    ).toMatch(/must go back to Local.*viaLocal = required/)
    expect(refused({ api: 'RebootInstance', parameters: {} })).toMatch(/not an API a plan can hold/)
    expect(refused(deleteEndpoint)).toBe('applied')
    expect(JSON.stringify(d)).toBe(before)
  })

  it('name the step the cloud would refuse in a plan', () => {
    const r = checkPlan(design(2), plan([deleteAppRoute, { api: 'DeleteVpc', parameters: { VpcId: 'vpc-service' } }]))
    expect(r).toMatchObject({ ok: false, step: 2, api: 'DeleteVpc' })
  })

  it('parse a plan file, naming the step of a malformed one', () => {
    expect(parsePlan(JSON.stringify(plan([deleteEndpoint]))).ok).toBe(true)
    const bad = parsePlan(JSON.stringify({ ...plan([deleteEndpoint]), steps: [deleteEndpoint, { parameters: {} }] }))
    expect(bad.ok ? [] : bad.errors).toEqual([expect.stringMatching(/^step 2: steps\[1\]\.api: /)])
  })
})

describe('checkPlan', () => {
  it('the GWLBe deleted before its routes: a black-holed window, and the safe order of the same steps', () => {
    const r = checkPlan(design(2), plan([deleteEndpoint, deleteAppRoute, gatewayToLocal]))
    if (!r.ok) throw new Error(r.refused)
    const hole = r.windows.find((w) => w.kind === 'black-holed')
    expect(hole).toMatchObject({ from: 1, to: 2 })
    expect(hole?.flows).toBeGreaterThan(0)
    expect(r.states[1].results.find((x) => x.intent.id === 'no-black-hole-or-loop')?.status).toBe('violated')
    expect(r.intentWindows).toContainEqual({ intentId: 'no-black-hole-or-loop', from: 1, to: 2 })
    // routes first, the endpoint last
    expect(r.safeOrder?.[2]).toBe(1)
    const safe = checkPlan(
      design(2),
      plan((r.safeOrder ?? []).map((n) => [deleteEndpoint, deleteAppRoute, gatewayToLocal][n - 1])),
    )
    expect(safe.ok && safe.windows).toEqual([])
  })

  it("the guide's setup and teardown of (b) leave no window", () => {
    const d = buildReferenceDesign(2)
    const calls = apiCallPlan(d)
    const setup = checkPlan(prerequisites(d), plan(guideSteps(calls.setup.map((c) => ({ ...c })))))
    if (!setup.ok) throw new Error(`step ${setup.step}: ${setup.refused}`)
    expect(setup.states).toHaveLength(guideSteps(calls.setup.map((c) => ({ ...c }))).length + 1)
    expect(setup.windows).toEqual([])
    // the set-up design is the guide's: every built-in intent holds at the end
    expect(setup.states.at(-1)?.results.every((x) => x.status === 'holds')).toBe(true)
    const teardown = checkPlan(d, plan(guideSteps(calls.teardown.map((c) => ({ ...c })))))
    expect(teardown.ok && teardown.windows).toEqual([])
  })
})
