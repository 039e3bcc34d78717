// The design as a Yjs document: what goes in comes out through parse() unchanged, and two people's concurrent
// edits converge to one document, field by field.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadShared, readDesign, writeDesign } from '../../src/live/sharedDesign'
import type { Design, Resource } from '../../src/model'
import { withPlanSteps } from '../../src/model/edits/plan'
import { loadExample } from '../helpers'

const ORIGIN = 'test'

function docWith(design: Design): Y.Doc {
  const doc = new Y.Doc()
  writeDesign(doc, null, design, ORIGIN)
  return doc
}

/** A second person's copy of `doc`, as the relay's first sync gives it. */
function joined(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  return other
}

/** Delivers what each side has that the other has not: both sides end as the merge. */
function exchange(a: Y.Doc, b: Y.Doc) {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB)
  Y.applyUpdate(a, toA)
}

function loaded(doc: Y.Doc): Design {
  const r = loadShared(doc)
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '))
  return r.design
}

function rename(design: Design, id: string, name: string): Design {
  return { ...design, resources: design.resources.map((r) => (r.id === id ? { ...r, name } : r)) }
}

describe('shared design', () => {
  it('reads back the design it was given, resources in order', () => {
    const design = loadExample('two-zones')
    const doc = docWith(design)
    expect(loaded(doc)).toEqual(design)
    expect((readDesign(doc).resources as Resource[]).map((r) => r.id)).toEqual(design.resources.map((r) => r.id))
  })

  it('carries the change plan, and takes it away when the plan is cleared', () => {
    const design = loadExample('two-zones')
    const doc = docWith(design)
    const other = joined(doc)
    const planned = withPlanSteps(design, [{ api: 'DeleteVpcEndpoint', parameters: { EndpointId: 'gwlbe-h' } }])
    writeDesign(doc, design, planned, ORIGIN)
    exchange(doc, other)
    expect(loaded(other).plan).toEqual(planned.plan)
    writeDesign(doc, planned, withPlanSteps(planned, []), ORIGIN)
    exchange(doc, other)
    expect(loaded(other)).toEqual(design)
  })

  it('writes only what changed: an edit of one field leaves the rest of the document as it was', () => {
    const design = loadExample('two-zones')
    const doc = docWith(design)
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    writeDesign(doc, design, rename(design, 'fw-h1', 'Inspection firewall, zone H'), ORIGIN)
    expect(updates).toHaveLength(1)
    // one field's update is small, whatever the size of the design
    expect(updates[0].byteLength).toBeLessThan(200)
    expect(loaded(doc).resources.find((r) => r.id === 'fw-h1')?.name).toBe('Inspection firewall, zone H')
  })

  it('merges two people editing different fields of one resource, and different resources', () => {
    const design = loadExample('two-zones')
    const a = docWith(design)
    const b = joined(a)
    const fw = design.resources.find((r) => r.id === 'fw-h1')
    if (fw?.kind !== 'appliance') throw new Error('fw-h1 is an appliance')
    writeDesign(a, design, rename(design, 'fw-h1', 'Renamed by A'), ORIGIN)
    const stopped = {
      ...design,
      resources: design.resources.map((r) => (r.id === 'fw-h1' ? { ...fw, state: 'stopped' as const } : r)),
    }
    writeDesign(b, design, rename(stopped, 'ecs-web-2', 'Renamed by B'), ORIGIN)
    exchange(a, b)
    const merged = loaded(a)
    expect(loaded(b)).toEqual(merged)
    const fwMerged = merged.resources.find((r) => r.id === 'fw-h1')
    expect(fwMerged).toMatchObject({ name: 'Renamed by A', state: 'stopped' })
    expect(merged.resources.find((r) => r.id === 'ecs-web-2')?.name).toBe('Renamed by B')
  })

  it('settles two people writing the same field on one value, the same on both sides', () => {
    const design = loadExample('two-zones')
    const a = docWith(design)
    const b = joined(a)
    writeDesign(a, design, rename(design, 'fw-h1', 'A'), ORIGIN)
    writeDesign(b, design, rename(design, 'fw-h1', 'B'), ORIGIN)
    exchange(a, b)
    const name = loaded(a).resources.find((r) => r.id === 'fw-h1')?.name
    expect(['A', 'B']).toContain(name)
    expect(loaded(b).resources.find((r) => r.id === 'fw-h1')?.name).toBe(name)
  })

  it('keeps a resource one person deleted deleted, and another person’s edit elsewhere', () => {
    const design = loadExample('two-zones')
    const a = docWith(design)
    const b = joined(a)
    const withoutHost = { ...design, resources: design.resources.filter((r) => r.id !== 'update-server') }
    const { 'update-server': _gone, ...layout } = design.layout
    writeDesign(a, design, { ...withoutHost, layout }, ORIGIN)
    writeDesign(b, design, { ...design, name: 'Reviewed' }, ORIGIN)
    exchange(a, b)
    const merged = loaded(b)
    expect(merged.resources.some((r) => r.id === 'update-server')).toBe(false)
    expect(merged.name).toBe('Reviewed')
    expect(loaded(a)).toEqual(merged)
  })

  it('turns a merge the loader rejects into load errors: two GWLBe given one address in one zone', () => {
    const design = loadExample('two-zones')
    const a = docWith(design)
    const b = joined(a)
    const endpoint = design.resources.find((r) => r.id === 'gwlbe-h')
    if (endpoint?.kind !== 'gwlbEndpoint') throw new Error('gwlbe-h is a GWLB endpoint')
    // each person, alone, adds a second endpoint at the vSwitch's next free address: each design loads
    const second = (id: string): Design => ({
      ...design,
      resources: [...design.resources, { ...endpoint, id, ipAddress: '10.0.10.6' }],
    })
    writeDesign(a, design, second('gwlbe-h-by-a'), ORIGIN)
    writeDesign(b, design, second('gwlbe-h-by-b'), ORIGIN)
    expect(loadShared(a).ok).toBe(true)
    exchange(a, b)
    const r = loadShared(a)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.some((e) => e.message.includes('10.0.10.6'))).toBe(true)
    // nothing was reverted: both endpoints are still in the shared document, for someone to fix
    const ids = (readDesign(a).resources as Resource[]).map((x) => x.id)
    expect(ids).toEqual(expect.arrayContaining(['gwlbe-h-by-a', 'gwlbe-h-by-b']))
  })
})
