// What a drag on the overview moves: the box with everything inside it, drawn once on a bitmap of its own that
// each pointer move only shifts, and the lines that join it to the rest, redrawn per move (a handful of them).
import { type Ref, useLayoutEffect, useMemo, useRef } from 'react'
import { BROKEN, EDGE_LOOK } from '../../share/drawing/look'
import { type OverviewBox, type OverviewGeometry, type OverviewLine, stepPoints } from './geometry'
import { type OverviewMarks, paintDragged } from './paint'
import { screenPixel } from './resolution'
import type { Dragging } from './usePointer'

interface Props {
  geometry: OverviewGeometry
  dragging: Dragging
  scale: number
  pixelRatio: number
  marks: OverviewMarks
  labelOf: (b: OverviewBox) => string
}

/** The box round what is dragged (flow coordinates), with `pad` round it for the selection ring drawn outside. */
function draggedArea(geometry: OverviewGeometry, ids: ReadonlySet<string>, pad: number) {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const id of ids) {
    const b = geometry.byId.get(id)
    if (!b) continue
    left = Math.min(left, b.x)
    top = Math.min(top, b.y)
    right = Math.max(right, b.x + b.width)
    bottom = Math.max(bottom, b.y + b.height)
  }
  return { x: left - pad, y: top - pad, width: right - left + 2 * pad, height: bottom - top + 2 * pad }
}

/** The lines joining what is dragged to the rest: their points are set on each move, not rendered. */
function DraggedLines({ lines, ref }: { lines: OverviewLine[]; ref: Ref<SVGSVGElement> }) {
  return (
    <svg
      ref={ref}
      aria-hidden="true"
      style={{ position: 'absolute', left: 0, top: 0, width: 1, height: 1, overflow: 'visible', pointerEvents: 'none' }}
    >
      {lines.map((l) => (
        <polyline
          key={l.id}
          fill="none"
          stroke={l.broken ? BROKEN.stroke : EDGE_LOOK[l.kind].stroke}
          strokeWidth={EDGE_LOOK[l.kind].width}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  )
}

export function DraggedLayer({ geometry, dragging, scale, pixelRatio, marks, labelOf }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const svg = useRef<SVGSVGElement>(null)
  const area = useMemo(
    () => draggedArea(geometry, dragging.ids, 8 * screenPixel(scale, pixelRatio)),
    [geometry, dragging, scale, pixelRatio],
  )

  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d')
    if (!ctx) return
    ctx.canvas.width = Math.max(1, Math.ceil(area.width * scale))
    ctx.canvas.height = Math.max(1, Math.ceil(area.height * scale))
    ctx.setTransform(scale, 0, 0, scale, -area.x * scale, -area.y * scale)
    paintDragged(ctx, geometry, screenPixel(scale, pixelRatio), marks, dragging.ids, labelOf)
  }, [geometry, dragging, area, scale, pixelRatio, marks, labelOf])

  useLayoutEffect(() => {
    const lines = [...(svg.current?.querySelectorAll('polyline') ?? [])]
    dragging.apply = (by) => {
      if (canvas.current) canvas.current.style.transform = `translate(${by.x}px, ${by.y}px)`
      dragging.lines.forEach((l, i) => {
        const from = dragging.ids.has(l.source) ? { x: l.from.x + by.x, y: l.from.y + by.y } : l.from
        const to = dragging.ids.has(l.target) ? { x: l.to.x + by.x, y: l.to.y + by.y } : l.to
        const points = stepPoints(from, to, l.vertical, l.bendNearSource)
        lines[i]?.setAttribute('points', points.map((p) => `${p.x},${p.y}`).join(' '))
      })
    }
    dragging.apply(dragging.by)
    return () => {
      dragging.apply = undefined
    }
  }, [dragging])

  return (
    <>
      <DraggedLines lines={dragging.lines} ref={svg} />
      <canvas
        ref={canvas}
        data-testid="overview-dragged"
        style={{
          position: 'absolute',
          left: area.x,
          top: area.y,
          width: area.width,
          height: area.height,
          pointerEvents: 'none',
          // a layer of its own: each pointer move shifts it without drawing the bitmap under it again
          willChange: 'transform',
        }}
      />
    </>
  )
}
