// What the pointer does to the document on the canvas, besides moving nodes: a palette item dropped creates a
// resource in the container under it, and a line drawn from one node to another configures one of them (the
// Connect dialog). Both ask the DOM what is under the pointer, the overview bitmap included (hitTest).
import type { FinalConnectionState, Connection as FlowConnection } from '@xyflow/react'
import { useReactFlow } from '@xyflow/react'
import { type DragEvent, type RefObject, useCallback, useMemo } from 'react'
import { connectionIntent } from '../model/edits/connect'
import { PLACEABLE_KINDS, type PlaceableKind } from '../model/edits/create'
import type { Point } from '../model/edits/placeDrop'
import { useStores } from '../store/context'
import { drawnAt } from './overview/hitTest'
import { PALETTE_MIME } from './Palette'
import { placeFromPalette } from './placeFromPalette'

/** While a line is being drawn: connection points show, and the node under the pointer is outlined (index.css). */
const CONNECTING = 'gs-connecting'

/**
 * The innermost container under a screen point: vSwitch, then zone band, then VPC (they stack in that order);
 * on the overview bitmap, the box it draws there.
 */
function containerAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const drawn = drawnAt(el, x, y)
    if (drawn !== undefined) return drawn
    const node = el.closest('.react-flow__node')
    if (node) return node.getAttribute('data-id')
  }
  return null
}

/** Where a pointer or touch was released, in screen pixels. */
function releasedAt(e: MouseEvent | TouchEvent): Point | null {
  if ('changedTouches' in e) {
    const t = e.changedTouches[0]
    return t ? { x: t.clientX, y: t.clientY } : null
  }
  return { x: e.clientX, y: e.clientY }
}

/** React Flow's handlers for a palette drop and a drawn line; `root` is the canvas, marked while a line is drawn. */
export function useCanvasEdits(root: RefObject<HTMLDivElement | null>) {
  const { design, ui } = useStores()
  const { screenToFlowPosition } = useReactFlow()

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME)
      if (!(PLACEABLE_KINDS as readonly string[]).includes(kind)) return
      e.preventDefault()
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY })
      placeFromPalette({ design, ui }, kind as PlaceableKind, containerAt(e.clientX, e.clientY), at)
    },
    [design, ui, screenToFlowPosition],
  )

  const connect = useCallback(
    (source: string, target: string) => {
      const intent = connectionIntent(design.getState().design, source, target)
      if (!intent.ok) ui.getState().notify({ tone: 'error', lines: [intent.message] })
      else ui.getState().openDialog({ kind: 'connect', connection: intent.connection })
    },
    [design, ui],
  )
  const onConnect = useCallback((c: FlowConnection) => connect(c.source, c.target), [connect])
  const onConnectStart = useCallback(() => root.current?.classList.add(CONNECTING), [root])
  // a line released on a node's body, not on one of its points, ends at that node all the same
  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      root.current?.classList.remove(CONNECTING)
      if (state.isValid || !state.fromNode) return
      const at = releasedAt(e)
      const target = at && containerAt(at.x, at.y)
      // a zone band is drawn, not a resource; released on the node it started from, nothing was drawn
      if (!target || target.includes('/') || target === state.fromNode.id) return
      connect(state.fromNode.id, target)
    },
    [connect, root],
  )
  return useMemo(
    () => ({ onDrop, onConnect, onConnectStart, onConnectEnd }),
    [onDrop, onConnect, onConnectStart, onConnectEnd],
  )
}
