// A large design below the overview zoom, drawn as one bitmap instead of some 2,000 DOM nodes and their lines:
// the bitmap sits in React Flow's viewport, so a pan moves one layer and draws nothing. It is drawn again when
// the drawing or what marks it changes (selection, a walk's light, problems) and when the zoom crosses a power
// of two. Meanwhile React Flow holds the nodes hidden and mounts none of them (src/canvas/largeDesign.ts); zooming
// back in draws those in view. Pointer: usePointer (hover, click to select, drag to move).
import { useStore as useFlowStore } from '@xyflow/react'
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Resource } from '../../model'
import { useDesign, useReport, useUi } from '../../store/context'
import type { CanvasEdge, CanvasNode } from '../toFlow'
import { DraggedLayer } from './DraggedLayer'
import { answerPaths } from './drawnPaths'
import { type OverviewBox, overviewGeometry, pathBetween } from './geometry'
import { answerHitTests } from './hitTest'
import { type OverviewMarks, paintOverview } from './paint'
import { overviewScale, screenPixel } from './resolution'
import { type Dragging, usePointer } from './usePointer'

/** On the React Flow root once the bitmap is drawn: what tests and the bench wait for. */
export const BITMAP_CLASS = 'gs-bitmap'

function useMarks(without: ReadonlySet<string> | undefined): OverviewMarks {
  const selectedIds = useUi((s) => s.selectedIds)
  const highlight = useUi((s) => s.highlight)
  const answerHidden = useUi((s) => s.answerHidden)
  // as ProblemBadge: an activity may hide the linter's problems
  const problemsHidden = useUi((s) => s.problemsHidden)
  const problemsOn = useReport((s) => s.problemsOn)
  return useMemo(() => {
    const problems = new Map<string, 'error' | 'warning'>()
    // while a quiz asks where a packet ends, a badge on the faulty resource would give the answer away
    if (!answerHidden && !problemsHidden)
      for (const [id, list] of problemsOn)
        problems.set(id, list.some((p) => p.severity === 'error') ? 'error' : 'warning')
    return { selected: new Set(selectedIds), highlight: answerHidden ? null : highlight, problems, without }
  }, [selectedIds, highlight, answerHidden, problemsHidden, problemsOn, without])
}

function useLabels(): (b: OverviewBox) => string {
  const resources = useDesign((s) => s.design.resources)
  return useMemo(() => {
    const byId = new Map<string, Resource>(resources.map((r) => [r.id, r]))
    return (b: OverviewBox) => {
      const r = b.resourceId ? byId.get(b.resourceId) : undefined
      return r ? (r.name ?? r.id) : ''
    }
  }, [resources])
}

interface Props {
  nodes: CanvasNode[]
  edges: CanvasEdge[]
}

export default function OverviewLayer({ nodes, edges }: Props) {
  const geometry = useMemo(() => overviewGeometry(nodes, edges), [nodes, edges])
  const { bounds } = geometry
  const pixelRatio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1
  const scale = useFlowStore((s) => overviewScale(s.transform[2], pixelRatio, bounds.width * bounds.height))
  const root = useFlowStore((s) => s.domNode)
  const [dragging, setDragging] = useState<Dragging | null>(null)
  const marks = useMarks(dragging?.ids)
  const labelOf = useLabels()
  const canvas = useRef<HTMLCanvasElement>(null)
  const pointer = usePointer(geometry, labelOf, setDragging)
  // React Flow's viewport portal, looked up once (its own ViewportPortal looks it up on every pan frame)
  const portal = useMemo(() => root?.querySelector('.react-flow__viewport-portal') ?? null, [root])

  useLayoutEffect(() => {
    // the canvas is there once the portal is
    const ctx = portal && canvas.current?.getContext('2d')
    if (!ctx) return
    const el = ctx.canvas
    el.width = Math.max(1, Math.ceil(bounds.width * scale))
    el.height = Math.max(1, Math.ceil(bounds.height * scale))
    ctx.setTransform(scale, 0, 0, scale, -bounds.x * scale, -bounds.y * scale)
    paintOverview(ctx, geometry, screenPixel(scale, pixelRatio), marks, labelOf)
  }, [geometry, bounds, scale, marks, labelOf, pixelRatio, portal])

  // a palette item dropped on the bitmap lands in the container drawn under it (Canvas's containerAt)
  useLayoutEffect(() => {
    const el = canvas.current
    return el ? answerHitTests(el, pointer.at) : undefined
  }, [pointer.at])

  // packets in flight follow the lines drawn here (PacketOverlay)
  useLayoutEffect(() => answerPaths((a, b) => pathBetween(geometry, a, b)), [geometry])

  useLayoutEffect(() => {
    if (!root || !portal) return
    root.classList.add(BITMAP_CLASS)
    return () => root.classList.remove(BITMAP_CLASS)
  }, [root, portal])

  if (!portal) return null
  return createPortal(
    <>
      <canvas
        ref={canvas}
        data-testid="overview-canvas"
        aria-label="Overview of the design: zoom in to edit its resources"
        role="img"
        {...pointer.handlers}
        style={{
          position: 'absolute',
          left: bounds.x,
          top: bounds.y,
          width: bounds.width,
          height: bounds.height,
          pointerEvents: 'auto',
        }}
      />
      <div ref={pointer.hoverRing} data-testid="overview-hover" className="gs-overview-hover" hidden />
      {dragging && (
        <DraggedLayer
          geometry={geometry}
          dragging={dragging}
          scale={scale}
          pixelRatio={pixelRatio}
          marks={marks}
          labelOf={labelOf}
        />
      )}
    </>,
    portal,
  )
}
