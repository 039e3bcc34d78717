// The change plan a design carries: read and written with the document, checked like every other field, and
// changed by edits that leave a design without a plan as it was.
import { describe, expect, it } from 'vitest'
import { type PlanStep, parse, planStepOf, serialise } from '../../src/model'
import { onlyPlanChanged, planOf, withPlan, withPlanStart, withPlanSteps } from '../../src/model/edits/plan'
import { exampleJson, loadExample } from '../helpers'

const STEPS: PlanStep[] = [
  { api: 'DeleteVpcEndpoint', parameters: { EndpointId: 'gwlbe-h' } },
  {
    api: 'CreateVpcEndpoint',
    parameters: { VpcId: 'vpc-app', ServiceId: { output: 'ServiceId', designId: 'eps-fw' } },
    creates: { output: 'EndpointId', designId: 'gwlbe-h' },
    accountId: '1234567890123456',
  },
]

describe('the plan in the design document', () => {
  it('is read and written with the design, in the same text', () => {
    const doc = { ...exampleJson('two-zones'), plan: { name: 'Night window', from: 'prerequisites', steps: STEPS } }
    const r = parse(doc)
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
    expect(r.design.plan).toEqual(doc.plan)
    const again = parse(serialise(r.design))
    expect(again.ok && again.design).toEqual(r.design)
  })

  it('is checked like any field: a step with a field of its own, an empty API, a long name are refused', () => {
    const at = (plan: unknown) => {
      const r = parse({ ...exampleJson('two-zones'), plan })
      return r.ok ? [] : r.errors.map((e) => `${e.code} ${e.path}`)
    }
    expect(at({ steps: [{ ...STEPS[0], note: 'a file may hold this; the design does not' }] })).toEqual([
      'GWLB-L004 plan.steps[0].note',
    ])
    expect(at({ steps: [{ api: '', parameters: {} }] })).toEqual(['GWLB-L004 plan.steps[0].api'])
    expect(at({ name: 'x'.repeat(129), steps: [] })).toEqual(['GWLB-L004 plan.name'])
    expect(at({ from: 'somewhere', steps: [] })).toEqual(['GWLB-L004 plan.from'])
  })

  it("keeps a plan file's step as the design holds it: its own fields, nothing the file added", () => {
    const fromFile = {
      ...STEPS[1],
      product: 'Privatelink',
      note: 'wait for it',
      parameters: { ...STEPS[1].parameters },
    }
    expect(planStepOf(fromFile)).toEqual(STEPS[1])
  })
})

describe('plan edits', () => {
  const design = loadExample('two-zones')

  it('an empty plan is no plan: the design is written as before', () => {
    expect(planOf(design)).toEqual({ name: '', from: 'design', steps: [] })
    expect(withPlan(design, { steps: [] })).toBe(design)
    const planned = withPlanSteps(design, STEPS)
    expect(planned.plan).toEqual({ from: 'design', steps: STEPS })
    const cleared = withPlanSteps(planned, [])
    expect(cleared).toEqual(design)
    expect('plan' in cleared).toBe(false)
    // a start other than the design is kept, steps or none
    expect(withPlanStart(design, 'prerequisites').plan).toEqual({ from: 'prerequisites', steps: [] })
  })

  it('cuts a name longer than the document holds', () => {
    expect(withPlan(design, { name: 'n'.repeat(300), steps: STEPS }).plan?.name).toHaveLength(128)
  })

  it('tells a change of the plan alone from one of the design', () => {
    const planned = withPlanSteps(design, STEPS)
    expect(onlyPlanChanged(design, planned)).toBe(true)
    expect(onlyPlanChanged(planned, withPlanSteps(planned, []))).toBe(true)
    expect(onlyPlanChanged(planned, { ...planned, name: 'renamed' })).toBe(false)
    expect(onlyPlanChanged(design, { ...design, name: 'renamed' })).toBe(false)
    expect(onlyPlanChanged(design, design)).toBe(false)
  })
})
