// The API call sequence waits where a call returns before its work is done: the endpoint service until Active,
// the endpoint until Active (and Connected with auto-accept), an accepted connection until Connected, a route
// entry until Available, and a deleted endpoint until it is gone, each before the next step relies on it.
import { describe, expect, it } from 'vitest'
import type { Design } from '../../src/model'
import { type ApiCall, apiCallPlan, renderApiCallPlan } from '../../src/share/apiCalls'
import { example } from './fixtures'

const refersTo = (c: ApiCall, designId: string) =>
  Object.values(c.parameters).some((v) => typeof v === 'object' && v.designId === designId)

function autoAccept(d: Design): Design {
  return {
    ...d,
    resources: d.resources.map((r) => (r.kind === 'endpointService' ? { ...r, autoAcceptConnection: true } : r)),
  }
}

describe('waiting for asynchronous calls', () => {
  const { setup, teardown } = apiCallPlan(example('two-zones'))
  const waitOf = (api: string) => setup.filter((c) => c.api === api).map((c) => c.waitUntil)

  it('waits for the service to be Active and each endpoint to be Active', () => {
    expect(waitOf('CreateVpcEndpointService')).toEqual([
      expect.objectContaining({ api: 'GetVpcEndpointServiceAttribute', until: { ServiceStatus: 'Active' } }),
    ])
    const endpoints = waitOf('CreateVpcEndpoint')
    expect(endpoints).toHaveLength(2)
    for (const w of endpoints)
      expect(w).toMatchObject({ api: 'GetVpcEndpointAttribute', until: { EndpointStatus: 'Active' } })
  })

  it('waits for each accepted connection to be Connected before any route sends traffic to its endpoint', () => {
    for (const id of ['gwlbe-h', 'gwlbe-i']) {
      const accepted = setup.findIndex((c) => c.api === 'EnableVpcEndpointConnection' && refersTo(c, id))
      expect(setup[accepted].waitUntil?.until).toEqual({ ConnectionStatus: 'Connected' })
      const firstRoute = setup.findIndex(
        (c) => /Route/.test(c.api) && c.parameters.NextHopId !== undefined && refersTo(c, id),
      )
      expect(firstRoute).toBeGreaterThan(accepted)
    }
  })

  it('with auto-accept, the endpoint itself is waited for until Connected', () => {
    const plan = apiCallPlan(autoAccept(example('single-zone')))
    expect(plan.setup.some((c) => c.api === 'EnableVpcEndpointConnection')).toBe(false)
    expect(plan.setup.find((c) => c.api === 'CreateVpcEndpoint')?.waitUntil?.until).toEqual({
      EndpointStatus: 'Active',
      ConnectionStatus: 'Connected',
    })
  })

  it('waits for each new route entry to be Available, and for deleted endpoints to be gone before the service goes', () => {
    for (const c of setup.filter((x) => x.api === 'CreateRouteEntry'))
      expect(c.waitUntil).toMatchObject({ api: 'DescribeRouteEntryList', until: { Status: 'Available' } })
    const deletes = teardown.filter((c) => c.api === 'DeleteVpcEndpoint')
    expect(deletes.length).toBe(2)
    for (const c of deletes) {
      expect(c.waitUntil?.api).toBe('GetVpcEndpointAttribute')
      expect(c.waitUntil?.until).toBeUndefined()
    }
    expect(teardown.findIndex((c) => c.api === 'DeleteVpcEndpointService')).toBeGreaterThan(
      teardown.findLastIndex((c) => c.api === 'DeleteVpcEndpoint'),
    )
  })

  it('says each wait in the text', () => {
    const text = renderApiCallPlan(example('single-zone'))
    expect(text).toMatch(
      /=> EndpointId of gwlbe-h\n {3}~> then wait: repeat GetVpcEndpointAttribute\(RegionId = "cn-hangzhou", EndpointId = <EndpointId of gwlbe-h>\) until EndpointStatus is Active\n/,
    )
    expect(text).toMatch(/until ConnectionStatus is Connected/)
    expect(text).toMatch(/until ServiceStatus is Active/)
    expect(text).toMatch(/until it answers that the resource does not exist/)
  })
})
