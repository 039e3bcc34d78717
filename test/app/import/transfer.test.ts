// The import's way from its worker to the page: JSON slices of resources, parsed one slice per task, give back
// exactly the outcome the worker had (a plan's state before it included); a failure crosses as it is.
import { describe, expect, it } from 'vitest'
import type { LaidOutOutcome } from '../../../src/app/import/laidOut'
import { pack, unpack } from '../../../src/app/import/transfer'
import { importDeployment } from '../../../src/import'
import { buildReferenceDesign } from '../../../src/model/reference/build'
import { scaleDesign } from '../../fixtures/canvas/design'
import { toStateJson } from '../../import/stateJson'

describe('the import crossing from its worker to the page', () => {
  it('gives back the imported design of 2,000 resources and its report, sliced', async () => {
    const r = await importDeployment([{ path: 'state.json', text: toStateJson(scaleDesign()).text }])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const before = buildReferenceDesign(2)
    // laid out as the worker lays it out: a position for each resource
    const layout = Object.fromEntries(r.design.resources.map((x, i) => [x.id, { x: i, y: i }]))
    const outcome: LaidOutOutcome = { ...r, design: { ...r.design, layout }, before, layoutNote: 'a note' }
    const packed = pack(outcome)
    expect('packed' in packed).toBe(true)
    if (!('packed' in packed)) return
    // the long lists (resources, layout, the report's lines) cross in slices of at most 250 items, and what is
    // left whole is small
    const resources = packed.lists.find((l) => l.owner === 'design' && l.key === 'resources')
    expect(resources?.slices).toHaveLength(Math.ceil(r.design.resources.length / 250))
    expect(packed.lists.map((l) => `${l.owner}.${l.key}`)).toEqual(
      expect.arrayContaining(['design.resources', 'design.layout', 'report.mapped']),
    )
    for (const list of packed.lists)
      for (const slice of list.slices) expect(JSON.parse(slice).length).toBeLessThanOrEqual(250)
    expect(packed.head.length).toBeLessThan(100_000)
    expect(await unpack(packed)).toEqual(JSON.parse(JSON.stringify(outcome)))
  })

  it('lets a failure cross as it is', async () => {
    const failure: LaidOutOutcome = { ok: false, errors: [{ file: 'main.tf', line: 2, message: 'x', expected: 'y' }] }
    expect(pack(failure)).toBe(failure)
    expect(await unpack(failure)).toBe(failure)
  })
})
