// The pointer on the overview bitmap, tested against the geometry it was drawn from, doing what it does on the
// DOM nodes: hovering a box outlines it and names it; a click selects it (Shift adds or removes it); a press
// and move drags it with what it holds, and letting go is the same `move` edit as on the DOM canvas. A press on
// empty space pans (React Flow's pane, as ever) and a click there clears the selection.
import { useReactFlow, useStoreApi } from '@xyflow/react'
import { type PointerEvent, useCallback, useMemo, useRef } from 'react'
import { useStores } from '../../store/context'
import { moveNode } from '../moveNode'
import {
  boxAt,
  draggedTo,
  type OverviewBox,
  type OverviewGeometry,
  type OverviewLine,
  type Point,
  selectableAt,
  withContents,
} from './geometry'

/** A drag under way: the box, what moves with it, the lines joining it to the rest, and how far it has moved. */
export interface Dragging {
  box: OverviewBox
  ids: ReadonlySet<string>
  lines: OverviewLine[]
  by: Point
  /** set by the layer drawing the drag: moves the drawing by `by` (flow units) without a render */
  apply?: (by: Point) => void
}

interface Press {
  box: OverviewBox | undefined
  client: Point
  shift: boolean
  dragging?: Dragging
}

/** React Flow's default: a press that moves less than this (screen px) is a click, not a drag. */
const DRAG_THRESHOLD = 1
/** A press on empty space that moved less than this is a click that clears the selection. */
const CLICK_SLOP = 4
/** The class React Flow's pan ignores a press inside (its `noPanClassName`). */
const NO_PAN = 'nopan'

/** The box under a screen point, from the geometry the bitmap was drawn from. */
function useBoxUnder(geometry: OverviewGeometry) {
  const { screenToFlowPosition } = useReactFlow()
  return useCallback(
    (x: number, y: number) => boxAt(geometry, screenToFlowPosition({ x, y }, { snapToGrid: false })),
    [geometry, screenToFlowPosition],
  )
}

/** Hovering a box outlines it (the ring, two screen pixels wide) and names it (the bitmap's title). */
function useHover(geometry: OverviewGeometry, labelOf: (b: OverviewBox) => string) {
  const { ui } = useStores()
  const flowStore = useStoreApi()
  const hovered = useRef<string | null>(null)
  const hoverRing = useRef<HTMLDivElement>(null)
  const hover = useCallback(
    (el: HTMLElement, box: OverviewBox | undefined) => {
      if ((box?.id ?? null) === hovered.current) return
      hovered.current = box?.id ?? null
      const ring = hoverRing.current
      const readOnly = ui.getState().readOnly
      el.style.cursor = box ? (readOnly ? 'pointer' : 'grab') : ''
      el.title = box ? labelOf(selectableAt(geometry, box) ?? box) : ''
      if (!ring) return
      ring.hidden = !box
      if (!box) return
      // two screen pixels wide at the zoom the pointer came at
      const w = 2 / flowStore.getState().transform[2]
      Object.assign(ring.style, {
        left: `${box.x - w}px`,
        top: `${box.y - w}px`,
        width: `${box.width + 2 * w}px`,
        height: `${box.height + 2 * w}px`,
        borderWidth: `${w}px`,
      })
    },
    [geometry, labelOf, ui, flowStore],
  )
  return { hoverRing, hover }
}

/** A click selects the box (Shift adds or removes it); a zone band selects its VPC; empty space clears. */
function useSelect(geometry: OverviewGeometry) {
  const { ui } = useStores()
  return useCallback(
    (box: OverviewBox | undefined, shift: boolean) => {
      const target = selectableAt(geometry, box)
      const current = ui.getState().selectedIds
      if (!target) return void (shift || ui.getState().select(null))
      if (!shift) return ui.getState().select(target.id)
      ui.getState().setSelection(
        current.includes(target.id) ? current.filter((id) => id !== target.id) : [...current, target.id],
      )
    },
    [geometry, ui],
  )
}

/** Starts dragging a box: what moves with it and the lines to redraw; as on the DOM canvas, it becomes selected. */
function useStartDrag(
  geometry: OverviewGeometry,
  select: (box: OverviewBox, shift: boolean) => void,
  setDragging: (d: Dragging | null) => void,
) {
  const { ui } = useStores()
  return useCallback(
    (box: OverviewBox, shift: boolean): Dragging => {
      const ids = withContents(geometry, box.id)
      const lines = geometry.lines.filter((l) => ids.has(l.source) !== ids.has(l.target))
      const dragging = { box, ids, lines, by: { x: 0, y: 0 } }
      // Shift adds it to the selection; a zone band is not selectable
      if (box.selectable && !ui.getState().selectedIds.includes(box.id)) select(box, shift)
      setDragging(dragging)
      return dragging
    },
    [geometry, ui, select, setDragging],
  )
}

/** Moves a drag under way by `moved` screen pixels at `zoom`: the box lands kept inside its container. */
function moveDrag(geometry: OverviewGeometry, d: Dragging, moved: Point, zoom: number) {
  const to = draggedTo(geometry, d.box, { x: moved.x / zoom, y: moved.y / zoom })
  d.by = { x: to.x - d.box.position.x, y: to.y - d.box.position.y }
  d.apply?.(d.by)
}

/** Where a dragged box lands, as the document keeps it (relative to its container). */
const landed = (d: Dragging): [number, number] => [d.box.position.x + d.by.x, d.box.position.y + d.by.y]

export function usePointer(
  geometry: OverviewGeometry,
  labelOf: (b: OverviewBox) => string,
  setDragging: (d: Dragging | null) => void,
) {
  const { design, ui } = useStores()
  const flowStore = useStoreApi()
  const press = useRef<Press | null>(null)
  const boxUnder = useBoxUnder(geometry)
  const at = useCallback((e: PointerEvent) => boxUnder(e.clientX, e.clientY), [boxUnder])
  const { hoverRing, hover } = useHover(geometry, labelOf)
  const select = useSelect(geometry)
  const startDrag = useStartDrag(geometry, select, setDragging)

  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLCanvasElement>) => {
      if (e.button !== 0) return
      const box = at(e)
      const movable = !!box && !ui.getState().readOnly
      // a press on a box it may move is a drag, not a pan: React Flow's pan reads this class on the mousedown after
      e.currentTarget.classList.toggle(NO_PAN, movable)
      if (movable) e.currentTarget.setPointerCapture(e.pointerId)
      press.current = { box, client: { x: e.clientX, y: e.clientY }, shift: e.shiftKey }
    },
    [at, ui],
  )

  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLCanvasElement>) => {
      // a press that ended off the canvas (a pan let go elsewhere) is over
      if (press.current && e.buttons === 0) press.current = null
      const p = press.current
      if (!p) return void (e.buttons === 0 && hover(e.currentTarget, at(e)))
      const moved = { x: e.clientX - p.client.x, y: e.clientY - p.client.y }
      if (!p.box || ui.getState().readOnly) return
      if (!p.dragging) {
        if (Math.hypot(moved.x, moved.y) < DRAG_THRESHOLD) return
        hover(e.currentTarget, undefined)
        p.dragging = startDrag(p.box, p.shift)
      }
      moveDrag(geometry, p.dragging, moved, flowStore.getState().transform[2])
    },
    [at, hover, ui, startDrag, flowStore, geometry],
  )

  const onPointerUp = useCallback(
    (e: PointerEvent<HTMLCanvasElement>) => {
      const p = press.current
      press.current = null
      e.currentTarget.classList.remove(NO_PAN)
      if (!p) return
      const d = p.dragging
      if (d) {
        // the edit and the end of the drag render together: the bitmap is drawn again with the box where it landed
        if (d.by.x || d.by.y) design.getState().edit(`move ${d.box.id}`, (doc) => moveNode(doc, d.box.id, ...landed(d)))
        return setDragging(null)
      }
      if (Math.hypot(e.clientX - p.client.x, e.clientY - p.client.y) < CLICK_SLOP) select(p.box, p.shift)
    },
    [design, select, setDragging],
  )

  const onPointerLeave = useCallback((e: PointerEvent<HTMLCanvasElement>) => hover(e.currentTarget, undefined), [hover])

  /** the id of the box under a screen point, or null */
  const idAt = useCallback((x: number, y: number) => boxUnder(x, y)?.id ?? null, [boxUnder])

  return useMemo(
    () => ({
      handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onPointerLeave },
      hoverRing,
      at: idAt,
    }),
    [onPointerDown, onPointerMove, onPointerUp, onPointerLeave, idAt, hoverRing],
  )
}
