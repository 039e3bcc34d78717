import { describe, expect, it } from 'vitest'
import { computeLayout, type Design, type LayoutEntry } from '../../src/model'
import { scaleDesign } from '../fixtures/canvas/design'
import { loadExample } from '../helpers'

const vpcBoxes = (design: Design, layout: Record<string, LayoutEntry>, consumer: boolean) => {
  const consumers = new Set(design.resources.flatMap((r) => (r.kind === 'gwlbEndpoint' ? [r.vpcId] : [])))
  return design.resources
    .filter((r) => r.kind === 'vpc' && consumers.has(r.id) === consumer)
    .map((r) => ({ id: r.id, ...layout[r.id], width: layout[r.id].width ?? 0, height: layout[r.id].height ?? 0 }))
}
type B = { x: number; y: number; width: number; height: number }
const overlap = (a: B, b: B) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('the default layout of the page', () => {
  it('stacks the few VPCs of a typical design one under another, consumers above the service', () => {
    const design = loadExample('two-zones')
    const layout = computeLayout({ ...design, layout: {} })
    const all = [...vpcBoxes(design, layout, true), ...vpcBoxes(design, layout, false)]
    expect(all.length).toBeGreaterThan(1)
    for (let i = 1; i < all.length; i++) expect(all[i].y).toBeGreaterThanOrEqual(all[i - 1].y + all[i - 1].height)
    const service = design.resources.find((r) => r.kind === 'endpointService')?.id as string
    expect(layout[service].y).toBeGreaterThan(all[0].y + all[0].height)
    expect(layout[service].y).toBeLessThan(all[all.length - 1].y)
  })

  it('sets many VPCs in a grid about as wide as a screen, none overlapping, the service and provider below', () => {
    const design = scaleDesign()
    const layout = computeLayout({ ...design, layout: {} })
    const consumers = vpcBoxes(design, layout, true)
    const providers = vpcBoxes(design, layout, false)
    expect(consumers.length).toBe(85)
    for (let i = 0; i < consumers.length; i++)
      for (let j = i + 1; j < consumers.length; j++)
        expect(overlap(consumers[i], consumers[j]), `${consumers[i].id} and ${consumers[j].id}`).toBe(false)
    const all = [...consumers, ...providers]
    const width = Math.max(...all.map((b) => b.x + b.width)) - Math.min(...all.map((b) => b.x))
    const height = Math.max(...all.map((b) => b.y + b.height)) - Math.min(...all.map((b) => b.y))
    expect(width / height).toBeGreaterThan(1)
    expect(width / height).toBeLessThan(2.5)
    const consumersEnd = Math.max(...consumers.map((b) => b.y + b.height))
    const service = design.resources.find((r) => r.kind === 'endpointService')?.id as string
    expect(layout[service].y).toBeGreaterThan(consumersEnd)
    for (const p of providers) expect(p.y).toBeGreaterThan(layout[service].y)
  })
})
