// The lines the overview bitmap draws, for code in the main bundle that moves things along them: packets in
// flight (PacketOverlay) follow the drawn line between two hops, as they follow the edge's path on the DOM canvas.
// The bitmap registers its answer while it is shown; tiny, like hitTest.ts: the bitmap itself loads on demand.
import type { Point } from './geometry'

type PathLookup = (a: string, b: string) => Point[] | undefined

let lookup: PathLookup | null = null
let version = 0

/** Registers the shown bitmap's lines; returns the way to unregister them. */
export function answerPaths(answer: PathLookup): () => void {
  lookup = answer
  version++
  return () => {
    if (lookup !== answer) return
    lookup = null
    version++
  }
}

/**
 * The points (flow coordinates) of the line the bitmap draws from node `a` to node `b`: null while no bitmap is
 * shown or when no line joins them.
 */
export function drawnPath(a: string, b: string): Point[] | null {
  return lookup?.(a, b) ?? null
}

/** Changes whenever the drawn lines may have: a path worked out before is stale once it has changed. */
export function drawnPathsVersion(): number {
  return version
}
