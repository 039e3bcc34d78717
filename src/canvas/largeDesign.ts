// A large design on the canvas. Below the overview zoom it is one bitmap (src/canvas/overview), and React Flow
// keeps its nodes without drawing them: each is handed over `hidden`, so React Flow knows where every node is and
// how big (fit view, packets, live selections read that) but mounts none of them. Mounting some 2,000 nodes is one
// main-thread task of several seconds. So a large design that is opened is fitted from its nodes' own boxes
// before React Flow is handed them drawn, and at working zoom React Flow draws only the nodes in view.
import { getViewportForBounds, type ReactFlowState, useReactFlow, useStore } from '@xyflow/react'
import { useLayoutEffect, useState } from 'react'
import type { CanvasNode } from './toFlow'

/**
 * Past this many drawn nodes the canvas trades the minimap for frame rate, and below the overview zoom draws one
 * bitmap instead of the DOM nodes. A smaller design keeps its DOM overview: it pans at full rate as it is.
 */
export const LARGE_DESIGN_NODES = 400

export interface FitOptions {
  padding: number
  minZoom: number
  maxZoom: number
}

/** The box round every node, in flow coordinates (toFlow lists a container before what it holds). */
export function drawingBounds(nodes: readonly CanvasNode[]): { x: number; y: number; width: number; height: number } {
  const at = new Map<string, { x: number; y: number }>()
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const n of nodes) {
    const parent = n.parentId ? at.get(n.parentId) : undefined
    const x = n.position.x + (parent?.x ?? 0)
    const y = n.position.y + (parent?.y ?? 0)
    at.set(n.id, { x, y })
    left = Math.min(left, x)
    top = Math.min(top, y)
    right = Math.max(right, x + Number(n.style?.width ?? 0))
    bottom = Math.max(bottom, y + Number(n.style?.height ?? 0))
  }
  return nodes.length
    ? { x: left, y: top, width: right - left, height: bottom - top }
    : { x: 0, y: 0, width: 0, height: 0 }
}

const undrawnCopy = new WeakMap<CanvasNode, CanvasNode>()

/**
 * The nodes as React Flow holds them while the bitmap stands in: each the same node, hidden. One copy per node
 * object, so that an edit hands React Flow new objects only for the nodes it changed.
 */
export function undrawn(nodes: readonly CanvasNode[]): CanvasNode[] {
  return nodes.map((n) => {
    let copy = undrawnCopy.get(n)
    if (!copy) {
      copy = { ...n, hidden: true } as CanvasNode
      undrawnCopy.set(n, copy)
    }
    return copy
  })
}

const paneReady = (s: ReactFlowState) => !!s.panZoom && s.width > 0 && s.height > 0

/**
 * Fits a large design to the window as it is opened (`opened` counts the designs opened), from its nodes' boxes,
 * before React Flow draws a node of it. Returns whether that fit is still to come: until it is, the canvas hands
 * React Flow the nodes hidden. A small design, and an embed (fitted to its frame by the app), are left alone.
 */
export function useFitOnOpen(nodes: readonly CanvasNode[], large: boolean, opened: number, options: FitOptions) {
  const [fittedFor, setFittedFor] = useState<number | null>(null)
  const { setViewport } = useReactFlow()
  const ready = useStore(paneReady)
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const pending = large && fittedFor !== opened
  useLayoutEffect(() => {
    if (fittedFor === opened) return
    // a small design is fitted by React Flow once measured, as ever; one grown large later is not refitted
    if (!large) return setFittedFor(opened)
    if (!ready) return
    const { padding, minZoom, maxZoom } = options
    const view = getViewportForBounds(drawingBounds(nodes), width, height, minZoom, maxZoom, padding)
    // no duration: the view is set at once, so the render it causes already draws at the fitted zoom
    void setViewport(view, { duration: 0 })
    setFittedFor(opened)
  }, [fittedFor, opened, large, ready, nodes, width, height, options, setViewport])
  return pending
}
