// Presenter mode: the canvas fills the screen (the app drops its toolbar, palette and side panel) and the
// step's narration sits beside it in large type, for a class: designs are taller than wide, so a column
// beside the canvas costs it less than a band under it. Escape, or leaving full screen, ends it.
import { lazy, Suspense } from 'react'
import { useLessons } from './useLessons'

// the narration column shares the lesson panel's code, which loads on first use: so does the column
const PresenterBar = lazy(() => import('./PresenterBar').then((m) => ({ default: m.PresenterBar })))

export function Presenter() {
  const presenting = useLessons((s) => s.presenting)
  // the canvas is fitted to its new size by the app's FitToFrame (src/app), on entering and on leaving
  if (!presenting) return null
  return (
    <Suspense fallback={null}>
      <PresenterBar />
    </Suspense>
  )
}
