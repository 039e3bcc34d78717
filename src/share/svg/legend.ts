// The legend in the SVG picture's header: one row per edge kind, in the look the canvas draws it.
import { EDGE_KINDS, EDGE_LOOK as LOOK } from '../drawing/look'
import { text, title } from './shapes'
import { type Font, textWidth } from './text'
import { el } from './xml'

const LEGEND_FONT: Font = { size: 11 }
const LEGEND_ROW = 16

export function legendSize(): { width: number; height: number } {
  const widest = Math.max(...EDGE_KINDS.map((k) => textWidth(LOOK[k].legend, LEGEND_FONT)))
  return { width: 10 + 28 + 8 + widest + 10, height: 6 + LEGEND_ROW * (EDGE_KINDS.length + 1) + 6 }
}

export function legendSvg(x: number, y: number, size: { width: number; height: number }): string {
  const rows = EDGE_KINDS.map((k, i) => {
    const cy = y + 6 + LEGEND_ROW * (i + 1) + LEGEND_ROW / 2
    const look = LOOK[k]
    return (
      el('line', {
        x1: x + 10,
        x2: x + 38,
        y1: cy,
        y2: cy,
        stroke: look.stroke,
        'stroke-width': look.width,
        'stroke-dasharray': look.dash,
      }) + text(x + 46, cy + 4, look.legend, LEGEND_FONT, '#334155')
    )
  })
  return el(
    'g',
    { 'data-kind': 'legend' },
    title('Legend: what each line means') +
      el('rect', {
        x: x + 0.5,
        y: y + 0.5,
        width: size.width - 1,
        height: size.height - 1,
        rx: 6,
        fill: '#ffffff',
        stroke: '#e2e8f0',
      }) +
      text(x + 10, y + 6 + 12, 'Legend', { size: 11, bold: true }, '#64748b') +
      rows.join(''),
  )
}
