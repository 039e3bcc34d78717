import { describe, expect, it } from 'vitest'
import { shouldFit } from '../../src/canvas/keepInView'

const visible = (ids: string[]) => (id: string) => ids.includes(id)

describe('when the canvas fits the design to the window again', () => {
  it('fits another design: nothing drawn before is drawn now (opened, or an open undone)', () => {
    expect(shouldFit(new Set(['vpc-a', 'vsw-a']), ['vpc-b', 'vsw-b'], visible([]))).toBe(true)
    expect(shouldFit(new Set(), ['vpc-1'], visible([]))).toBe(true)
  })

  it('keeps the view for the first resource dropped on an empty page, where the user sees it', () => {
    expect(shouldFit(new Set(), ['vpc-1'], visible(['vpc-1']))).toBe(false)
  })

  it('keeps the user’s zoom for an edit that changes nothing drawn, removes, or adds in view', () => {
    const before = new Set(['vpc-a', 'vsw-a', 'ecs-a'])
    expect(shouldFit(before, ['vpc-a', 'vsw-a', 'ecs-a'], visible([]))).toBe(false)
    expect(shouldFit(before, ['vpc-a', 'vsw-a'], visible([]))).toBe(false)
    expect(shouldFit(before, ['vpc-a', 'vsw-a', 'ecs-a', 'ecs-b'], visible(['ecs-b']))).toBe(false)
  })

  it('fits when an edit adds a resource out of view, and never for an empty canvas', () => {
    expect(shouldFit(new Set(['vpc-a']), ['vpc-a', 'vpc-b'], visible(['vpc-a']))).toBe(true)
    expect(shouldFit(new Set(['vpc-a']), [], visible([]))).toBe(false)
  })
})
