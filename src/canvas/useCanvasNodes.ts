// The nodes React Flow is handed. React Flow owns transient drag positions, so the canvas keeps its own list and
// gives the document a node's position when its drag ends; after an edit it takes toFlow's fresh nodes, keeping
// the objects React Flow already knows (keepDrawnNodes). While a large design's bitmap stands in for its nodes,
// React Flow gets them hidden (largeDesign.ts), and each new array of them a task after the drawing changed.
import { applyNodeChanges, type NodeChange } from '@xyflow/react'
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useStores, useUi } from '../store/context'
import { keepDrawnNodes } from './keepDrawnNodes'
import { LARGE_DESIGN_NODES, undrawn } from './largeDesign'
import { moveNode } from './moveNode'
import type { CanvasNode } from './toFlow'

/** `drawing`: toFlow's nodes; `large`: sized from their style (never measured while hidden); `hidden`: not drawn. */
export function useCanvasNodes(drawing: CanvasNode[], large: boolean, hidden: boolean) {
  const { design, ui } = useStores()
  const selectedIds = useUi((s) => s.selectedIds)
  // a large design's first nodes are sized at once: React Flow would count every unmeasured node as in view
  const [nodes, setNodes] = useState<CanvasNode[]>(() =>
    large ? keepDrawnNodes([], drawing, new Set(selectedIds), true) : drawing,
  )
  // read when the drawing changes, not a reason to hand it over again
  const bitmap = useRef(hidden)
  bitmap.current = hidden
  useEffect(() => {
    const hand = () => setNodes((drawn) => keepDrawnNodes(drawn, drawing, new Set(selectedIds), large))
    // while the bitmap stands in, React Flow draws none of the nodes: a large design's array (React Flow's own
    // pass over every node, and every selector it runs) is handed over in a later task, so that the task that
    // opened the design does not do that too. Until then React Flow holds what it held, hidden.
    if (bitmap.current) startTransition(hand)
    else hand()
  }, [drawing, selectedIds, large])

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current))
      for (const c of changes) {
        if (c.type === 'position' && c.dragging === false && c.position) {
          const { x, y } = c.position
          design.getState().edit(`move ${c.id}`, (d) => moveNode(d, c.id, x, y))
        }
      }
      const selectChanges = changes.filter((c) => c.type === 'select')
      if (selectChanges.length) {
        // what is not drawn (a security group opened from a form) leaves the selection when a node is picked
        const drawn = new Set(drawing.map((n) => n.id))
        const chosen = new Set(ui.getState().selectedIds.filter((id) => drawn.has(id)))
        for (const c of selectChanges) if (c.type === 'select') c.selected ? chosen.add(c.id) : chosen.delete(c.id)
        // zone bands are drawn, not resources: they are never part of the selection
        ui.getState().setSelection([...chosen].filter((id) => !id.includes('/')))
      }
    },
    [design, ui, drawing],
  )
  // for one render after another design opens, the list is still the last design's: a large one is handed hidden
  // (drawn, with no `onlyRenderVisibleElements` for a small design, it would mount every node for that render)
  const stale = nodes.length > LARGE_DESIGN_NODES && !large
  const handed = useMemo(() => (hidden || stale ? undrawn(nodes) : nodes), [hidden, stale, nodes])
  return { nodes: handed, onNodesChange }
}
