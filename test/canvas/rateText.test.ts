// The rate on a GWLB's line to an appliance: short, so the labels of neighbouring appliances never run together.
import { describe, expect, it } from 'vitest'
import { rateText } from '../../src/canvas/edges/rateText'

describe('a packet rate as a label says it', () => {
  it('keeps whole numbers under a thousand and shortens the rest to three figures at most', () => {
    expect(rateText(0)).toBe('0 pkt/s')
    expect(rateText(812.4)).toBe('812 pkt/s')
    expect(rateText(999.4)).toBe('999 pkt/s')
    expect(rateText(999.6)).toBe('1.0k pkt/s')
    expect(rateText(5029)).toBe('5.0k pkt/s')
    expect(rateText(9_940)).toBe('9.9k pkt/s')
    expect(rateText(9_960)).toBe('10k pkt/s')
    expect(rateText(12_345)).toBe('12k pkt/s')
    expect(rateText(999_000)).toBe('999k pkt/s')
    expect(rateText(2_500_000)).toBe('2.5M pkt/s')
  })

  it('is never longer than ten characters below a billion a second', () => {
    for (let n = 1; n < 1e9; n *= 1.37) expect(rateText(n).length, String(n)).toBeLessThanOrEqual(10)
  })
})
