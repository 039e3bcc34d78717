import { describe, expect, it } from 'vitest'
import { fitText, textWidth, wrapText } from '../../../src/share/svg/text'

const FONT = { size: 11 }

describe('text measurement for the SVG', () => {
  it('measures DejaVu Sans advance widths: bold wider, monospace even', () => {
    // W e b ␣ s e r v e r ␣ 1 in DejaVu Sans: 6676 thousandths of an em
    expect(textWidth('Web server 1', FONT)).toBeCloseTo(6.676 * 11, 5)
    expect(textWidth('Web server 1', { ...FONT, bold: true })).toBeGreaterThan(textWidth('Web server 1', FONT))
    expect(textWidth('0.0.0.0/0', { size: 10, mono: true })).toBeCloseTo(9 * 6.02, 5)
    expect(textWidth('ab', { size: 10, tracking: 0.1 })).toBeCloseTo(textWidth('ab', { size: 10 }) + 2, 5)
  })

  it('cuts with an ellipsis only what does not fit', () => {
    expect(fitText('Inspection GWLB', 200, FONT)).toBe('Inspection GWLB')
    const cut = fitText('A very long name for an endpoint service', 100, FONT)
    expect(cut.endsWith('…')).toBe(true)
    expect(textWidth(cut, FONT)).toBeLessThanOrEqual(100)
    expect(fitText('名前がとても長いエンドポイントサービス', 60, FONT)).toMatch(/…$/)
  })

  it('wraps at spaces and after hyphens, clamped to the lines given', () => {
    expect(wrapText('10.0.10.5 · cn-hangzhou-h', 120, FONT, 2)).toEqual(['10.0.10.5 · cn-', 'hangzhou-h'])
    expect(wrapText('short', 120, FONT, 2)).toEqual(['short'])
    const clamped = wrapText('one two three four five six seven eight nine ten eleven twelve', 60, FONT, 2)
    expect(clamped).toHaveLength(2)
    expect(clamped[1].endsWith('…')).toBe(true)
    for (const line of clamped) expect(textWidth(line, FONT)).toBeLessThanOrEqual(60)
  })
})
