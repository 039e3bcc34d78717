// Presenter mode and the embed view show the design in a frame the user does not arrange: the design is fitted
// to the canvas whenever the canvas changes size there (entering presenter mode drops the chrome and adds the
// narration column; an iframe is resized by its page), and once more on leaving presenter mode. In the editor a
// resize leaves the user's view alone.
import { useReactFlow, useStore } from '@xyflow/react'
import { useEffect, useRef } from 'react'

/**
 * The smallest zoom at which a card's name (13 px) still reads at 8 px or more. An embed that would have to draw
 * the design smaller shows it from its top at this zoom, and the reader pans or zooms out.
 */
export const READABLE_ZOOM = 0.62
const PADDING = 0.04
/** hidden nodes count: a large design's overview bitmap stands in for nodes React Flow holds hidden (src/canvas/largeDesign.ts) */
const FIT = { padding: PADDING, maxZoom: 1, duration: 0, includeHiddenNodes: true }

export function FitToFrame({ mode }: { mode: 'edit' | 'present' | 'embed' }) {
  const { fitView, getNodes, getNodesBounds, setViewport } = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const domNode = useStore((s) => s.domNode)
  // nodes measured: a fit before React Flow knows their sizes fits nothing (not asked in the editor, where this
  // selector would walk every node of a large design on every pan frame)
  const measured = useStore(
    (s) => mode === 'edit' || (s.nodeLookup.size > 0 && [...s.nodeLookup.values()].every((n) => n.measured.width)),
  )
  const left = useRef<string>(mode)
  // leaving presenter mode: the next size (the chrome back) is fitted too
  const fitNext = useRef(false)
  if (left.current !== mode) {
    fitNext.current = left.current !== 'edit' || mode !== 'edit'
    left.current = mode
  }
  useEffect(() => {
    if (!width || !height || !measured) return
    if (mode === 'edit' && !fitNext.current) return
    // React Flow hears of a new canvas size from its resize observer, a frame after the layout changed: a fit
    // before that fits the old size (leaving presenter mode, the chrome back), so this waits for it (the new size
    // runs this again)
    const pane = domNode?.querySelector<HTMLElement>('.react-flow__renderer')
    if (pane && (pane.offsetWidth !== width || pane.offsetHeight !== height)) return
    fitNext.current = false
    if (mode !== 'embed') {
      fitView(FIT)
      return
    }
    // React Flow's own bounds: a child's position is relative to its container
    const bounds = getNodesBounds(getNodes())
    const fit = Math.min(width / (bounds.width * (1 + 2 * PADDING)), height / (bounds.height * (1 + 2 * PADDING)), 1)
    if (fit >= READABLE_ZOOM) {
      fitView(FIT)
      return
    }
    // too big to read whole: readable, centred across if it fits across, from its top
    const zoom = READABLE_ZOOM
    const across = bounds.width * zoom
    const x = across <= width ? (width - across) / 2 - bounds.x * zoom : (width * PADDING) / 2 - bounds.x * zoom
    setViewport({ x, y: height * PADDING - bounds.y * zoom, zoom }, { duration: 0 })
  }, [mode, width, height, measured, domNode, fitView, getNodes, getNodesBounds, setViewport])
  return null
}
