// When the canvas fits the design to the window again. Not on every edit: typing a design's name or
// deleting a server must not throw away the user's zoom. It fits when a design is opened (an example, a
// file, a link), when nothing drawn before is drawn now (undo of an open), and when an edit adds a resource
// where the user cannot see it (a paste, a fix). The first resource dropped on an empty page is where the user
// put it, in view: the view stays, or the drop would seem to jump.
import { type ReactFlowState, useReactFlow, useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'

/** Whether to fit: `before` is what was drawn, `now` what is drawn, `inView` whether a node is wholly visible. */
export function shouldFit(
  before: ReadonlySet<string>,
  now: readonly string[],
  inView: (id: string) => boolean,
): boolean {
  if (!now.length) return false
  // the first resource on an empty page was dropped where the user sees it: the view stays as it is
  if (!before.size) return !now.every(inView)
  if (!now.some((id) => before.has(id))) return true
  return now.some((id) => !before.has(id) && !inView(id))
}

function wholeInView(s: ReactFlowState, id: string): boolean {
  const n = s.nodeLookup.get(id)
  if (!n) return false
  const [tx, ty, zoom] = s.transform
  const { x, y } = n.internals.positionAbsolute
  const left = x * zoom + tx
  const top = y * zoom + ty
  return (
    left >= 0 &&
    top >= 0 &&
    left + (n.measured.width ?? 0) * zoom <= s.width &&
    top + (n.measured.height ?? 0) * zoom <= s.height
  )
}

/** Fits the view when `opened` changes or as `shouldFit` says, once React Flow has measured what `ids` names. */
export function useKeepInView(
  ids: readonly string[],
  opened: number,
  measured: boolean,
  options: { padding: number; maxZoom: number },
) {
  const { fitView } = useReactFlow()
  const store = useStoreApi()
  const drawn = useRef<ReadonlySet<string>>(new Set())
  const fitted = useRef(opened)
  useEffect(() => {
    // a fit before every node is measured sees a smaller design than it is
    if (!measured) return
    // React Flow gets the nodes an edit adds a render later; judge once it has them
    const { nodeLookup } = store.getState()
    if (!ids.every((id) => nodeLookup.has(id))) return
    const before = drawn.current
    drawn.current = new Set(ids)
    const justOpened = fitted.current !== opened
    fitted.current = opened
    if (!justOpened && !shouldFit(before, ids, (id) => wholeInView(store.getState(), id))) return
    const t = setTimeout(() => fitView({ ...options, duration: 0 }), 0)
    return () => clearTimeout(t)
  }, [ids, opened, measured, fitView, store, options])
}
