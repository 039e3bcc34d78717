// How much the canvas draws: everything, or an overview when zoomed out so far that a card's facts are
// under 4 px tall. A 2,000-resource design opens at about 10 % zoom; drawing every glyph, fact line, edge
// label and connection handle there costs frame time and shows nothing a reader can see.
import { createContext, useContext } from 'react'

/** Below this zoom a card's 11 px fact lines are under 4 px on screen: the canvas shows an overview. The
 * reference designs fit a 1280×720 window at 0.48, so they open in full detail on any laptop. */
export const OVERVIEW_ZOOM = 0.35

export interface CanvasDetail {
  /** zoomed out: cards show their name only, edges no labels, nodes only the handles their edges use */
  overview: boolean
  /**
   * a large design's overview is drawn as one bitmap (src/canvas/overview): the DOM nodes are not drawn, and draw
   * no connection points (each would be one more React Flow subscriber to run on every pan frame)
   */
  bitmap: boolean
  /** where edge labels are portalled: one lookup for the canvas instead of one per label per frame */
  labelLayer: Element | null
}

export const DetailContext = createContext<CanvasDetail>({ overview: false, bitmap: false, labelLayer: null })

export function useDetail(): CanvasDetail {
  return useContext(DetailContext)
}
