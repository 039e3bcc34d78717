// A box dropped where a drag left it: the one edit a move is, whether the DOM canvas or the overview moved it.
import { type Design, drawnLayout } from '../model'

/** The design with the box `id` at `x`, `y` (relative to its container, as the layout keeps it). */
export function moveNode(d: Design, id: string, x: number, y: number): Design {
  return { ...d, layout: { ...d.layout, [id]: { ...drawnLayout(d)[id], x, y } } }
}
