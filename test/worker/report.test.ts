import { describe, expect, it } from 'vitest'
import { reportOn } from '../../worker/report'
import { exampleJson } from '../helpers'

describe('the worker’s report on a posted document', () => {
  it('counts each kind of a loaded design', () => {
    const r = reportOn(exampleJson('two-zones'))
    expect(r.loaded).toBe(true)
    if (!r.loaded) return
    expect(r.counts).toMatchObject({
      vpc: 2,
      vswitch: 6,
      gwlbEndpoint: 2,
      appliance: 4,
      gwlb: 1,
      endpointService: 1,
      ecs: 2,
      internetHost: 2,
    })
  })

  it('returns the load errors of a broken design instead of a half-loaded one', () => {
    const doc = exampleJson('two-zones')
    doc.resources.push({ kind: 'vpc', id: 'vpc-service', accountId: '1234567890123456', cidrBlock: '10.9.0.0/16' })
    const r = reportOn(doc)
    expect(r.loaded).toBe(false)
    expect(!r.loaded && r.errors.map((e) => e.code)).toContain('GWLB-L006')
  })
})
