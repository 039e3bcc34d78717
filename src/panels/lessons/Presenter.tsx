// Presenter mode: the canvas fills the screen (the app drops its toolbar, palette and side panel) and the
// step's narration sits beside it in large type, for a class: designs are taller than wide, so a column
// beside the canvas costs it less than a band under it. Escape, or leaving full screen, ends it.
import { useReactFlow } from '@xyflow/react'
import { lazy, Suspense, useEffect } from 'react'
import { useLessons } from './useLessons'

// the narration column shares the lesson panel's code, which loads on first use: so does the column
const PresenterBar = lazy(() => import('./PresenterBar').then((m) => ({ default: m.PresenterBar })))

export function Presenter() {
  const presenting = useLessons((s) => s.presenting)
  const { fitView } = useReactFlow()
  // the canvas grows when the chrome goes and shrinks when it comes back: fit the design to it again
  // biome-ignore lint/correctness/useExhaustiveDependencies: presenting is the trigger, not an input: the fit runs when it changes
  useEffect(() => {
    const t = setTimeout(() => fitView({ padding: 0.04, duration: 0 }), 50)
    return () => clearTimeout(t)
  }, [presenting, fitView])
  if (!presenting) return null
  return (
    <Suspense fallback={null}>
      <PresenterBar />
    </Suspense>
  )
}
