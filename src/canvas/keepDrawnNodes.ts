// After an edit or a change of selection the canvas gets fresh nodes from toFlow. Handing those to React
// Flow as they are would make it forget every node's measured size: it hides every node until each is
// measured again and every edge with them, which on a large design costs a long frame at the start and
// at the end of every drag. So a node that is drawn as before keeps the object React Flow already knows
// (it skips nodes whose object it has seen), and a moved or changed node keeps its measured size while
// its box stays the same size. A large design's nodes are mostly never drawn (src/canvas/largeDesign.ts), yet
// React Flow needs their sizes all the same (fit view, which nodes are in view, a child kept inside its
// container): a node of a large design that has no measured size is given the size its style fixes.
import type { CanvasNode } from './toFlow'

const sameList = (a: unknown, b: unknown) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]))

/** toFlow's data holds strings and one list of strings (the handles used). */
function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => sameList(a[k], b[k]))
}

/** The size a node's style fixes: toDrawing gives every box a width and a height. */
export const styledSize = (n: CanvasNode) => ({
  width: Number(n.style?.width ?? 0),
  height: Number(n.style?.height ?? 0),
})

const sameSize = (a: CanvasNode, b: CanvasNode) =>
  a.style?.width === b.style?.width && a.style?.height === b.style?.height

/** Whether React Flow would draw `next` exactly as it draws `drawn` (its own state aside: measured, dragging). */
function drawnAlike(drawn: CanvasNode, next: CanvasNode, selected: boolean): boolean {
  return (
    drawn.type === next.type &&
    drawn.parentId === next.parentId &&
    drawn.position.x === next.position.x &&
    drawn.position.y === next.position.y &&
    sameSize(drawn, next) &&
    drawn.zIndex === next.zIndex &&
    drawn.selectable === next.selectable &&
    (drawn.selected ?? false) === selected &&
    sameData(drawn.data, next.data)
  )
}

/**
 * The nodes to draw: `next` (from toFlow) with `selectedIds` selected, reusing each node of `drawn` (what
 * React Flow holds now) that would be drawn the same, and keeping its measured size where the box keeps
 * its size; with `sized` (a large design), a node with no measured size gets the one its style fixes.
 */
export function keepDrawnNodes(
  drawn: readonly CanvasNode[],
  next: readonly CanvasNode[],
  selectedIds: ReadonlySet<string>,
  sized = false,
): CanvasNode[] {
  const before = new Map(drawn.map((n) => [n.id, n]))
  return next.map((n) => {
    const selected = selectedIds.has(n.id)
    const old = before.get(n.id)
    if (old && drawnAlike(old, n, selected) && (old.measured || !sized)) return old
    const fresh = (selected ? { ...n, selected: true } : n) as CanvasNode
    const measured = old?.measured && sameSize(old, n) ? old.measured : sized ? styledSize(n) : undefined
    return measured ? ({ ...fresh, measured } as CanvasNode) : fresh
  })
}
