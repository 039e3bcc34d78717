// A long check runs in slices in the worker, so the page's heartbeat is answered meanwhile; the answer is the
// same as checking at once.
import { describe, expect, it } from 'vitest'
import { parse } from '../../../src/model'
import { inSlices, verify, verifySteps } from '../../../worker/verify'
import { generateDesign } from '../../fixtures/engine/generate'

describe('verify in slices', () => {
  it('lets timers run between slices and answers as verify() does', async () => {
    const loaded = parse(
      generateDesign({
        consumerVpcs: 6,
        zones: 2,
        serversPerZone: 2,
        appliancesPerZone: 2,
        hosts: 2,
        scheduler: '5TCH',
        crossZone: true,
        jumboFrames: true,
        stateful: true,
      }),
    )
    if (!loaded.ok) throw new Error('the generated design does not load')
    let beats = 0
    const heartbeat = setInterval(() => beats++, 0)
    const sliced = await inSlices(verifySteps(loaded.design), 1)
    clearInterval(heartbeat)
    expect(beats).toBeGreaterThan(0)
    expect(sliced).toEqual(verify(loaded.design))
  })
})
