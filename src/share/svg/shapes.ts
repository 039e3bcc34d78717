// The SVG picture's building blocks: boxes, text at a baseline, hover titles, haloed captions, badge tones.
import { SIZES } from '../../model'
import type { toDrawing } from '../drawing/toDrawing'
import type { Tone } from './cards'
import { type Font, MONOSPACE } from './text'
import { el } from './xml'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

// The badges' tones: the Tailwind colours of the node components.
export const TONES: Record<Tone, { fill: string; text: string }> = {
  ok: { fill: '#d1fae5', text: '#065f46' },
  warn: { fill: '#fef3c7', text: '#92400e' },
  bad: { fill: '#fee2e2', text: '#991b1b' },
  info: { fill: '#f1f5f9', text: '#334155' },
}

/** Text at a baseline; the font's size, weight and family become attributes. */
export function text(
  x: number,
  y: number,
  content: string,
  font: Font,
  fill: string,
  extra: Record<string, string | number> = {},
): string {
  return el(
    'text',
    {
      x,
      y,
      'font-size': font.size,
      'font-weight': font.bold ? 600 : undefined,
      'font-family': font.mono ? MONOSPACE : undefined,
      'letter-spacing': font.tracking ? font.tracking * font.size : undefined,
      fill,
      ...extra,
    },
    { text: content },
  )
}

/** An element's accessible name: the first child of a group, which viewers show on hover. */
export const title = (content: string) => el('title', {}, { text: content })

/** Absolute boxes of the drawn nodes (a child's position is relative to its parent). */
export function absoluteBoxes(nodes: ReturnType<typeof toDrawing>['nodes']): Map<string, Box> {
  const boxes = new Map<string, Box>()
  // the drawing lists parents before their children, as React Flow requires
  for (const n of nodes) {
    const parent = n.parentId ? boxes.get(n.parentId) : undefined
    boxes.set(n.id, {
      x: n.position.x + (parent?.x ?? 0),
      y: n.position.y + (parent?.y ?? 0),
      width: Number(n.style?.width ?? SIZES.leaf.width),
      height: Number(n.style?.height ?? SIZES.leaf.height),
    })
  }
  return boxes
}

/** Text halo in the colour behind it: the container fills as they come out over white. */
export const halo = (colour: string) => ({
  stroke: colour,
  'stroke-width': 3,
  'stroke-linejoin': 'round',
  'paint-order': 'stroke',
})
