import { describe, expect, it } from 'vitest'
import { attrs, num } from '../../../src/share/svg/xml'

describe('numbers in the SVG', () => {
  it('are always finite: Infinity is held at a billion and NaN is 0, never width="Infinity"', () => {
    expect(num(12.345)).toBe('12.35')
    expect(num(Number.POSITIVE_INFINITY)).toBe('1000000000')
    expect(num(-1e308)).toBe('-1000000000')
    expect(num(Number.NaN)).toBe('0')
    expect(attrs({ width: 1e308 * 10, height: Number.NaN })).toBe(' width="1000000000" height="0"')
  })
})
