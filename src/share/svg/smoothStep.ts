// React Flow's smoothstep routing, without React Flow: the canvas draws every configuration edge with
// getSmoothStepPath, so the SVG follows the same points and bends. Ported from @xyflow/system 0.0.84
// (MIT, getPoints/getBend in utils/edges/smoothstep-edge.ts), which cannot be imported here: it is not a
// dependency of ours, and @xyflow/react that re-exports it brings React with it. getPoints' two branches (handles
// on opposite sides; the same or mixed sides) are oppositeSides and otherSides here, their statements in upstream's
// order, so a change upstream still compares branch by branch.

export type Side = 'top' | 'bottom' | 'left' | 'right'
export interface Point {
  x: number
  y: number
}

const DIRECTION: Record<Side, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  top: { x: 0, y: -1 },
  bottom: { x: 0, y: 1 },
}

export interface SmoothStepInput {
  source: Point
  sourceSide: Side
  target: Point
  targetSide: Side
  /** where the middle segment runs, when the caller fixes it (ConfigEdge's bend under a fan-out's source) */
  centerY?: number
}

/** React Flow's defaults: the edge leaves and enters its handle straight for 20 units; the step is midway. */
const OFFSET = 20
const STEP_POSITION = 0.5

const isBetween = (a: Point, b: Point, c: Point) =>
  (a.x === b.x && b.x === c.x && (b.y - a.y) * (c.y - b.y) >= 0) ||
  (a.y === b.y && b.y === c.y && (b.x - a.x) * (c.x - b.x) >= 0)

/** The handles pushed out by the offset, the axis the path leaves along, and which way along it. */
interface Frame {
  sourceDir: Point
  targetDir: Point
  sourceGapped: Point
  targetGapped: Point
  axis: 'x' | 'y'
  /** +1 or -1: whether the target lies ahead of the source along the axis */
  currDir: number
}

/** The inner corners and the label centre; a gap point shifts where same sides would fold the path over itself. */
interface Corners {
  points: Point[]
  center: Point
  sourceGapOffset: Point
  targetGapOffset: Point
}

/** The corner points of the path, source and target included, and React Flow's label centre. */
export function smoothStepPoints(input: SmoothStepInput): { points: Point[]; center: Point } {
  const { source, sourceSide, target, targetSide } = input
  const sourceDir = DIRECTION[sourceSide]
  const targetDir = DIRECTION[targetSide]
  const sourceGapped = { x: source.x + sourceDir.x * OFFSET, y: source.y + sourceDir.y * OFFSET }
  const targetGapped = { x: target.x + targetDir.x * OFFSET, y: target.y + targetDir.y * OFFSET }
  const horizontalSource = sourceSide === 'left' || sourceSide === 'right'
  const dir = horizontalSource
    ? { x: sourceGapped.x < targetGapped.x ? 1 : -1, y: 0 }
    : { x: 0, y: sourceGapped.y < targetGapped.y ? 1 : -1 }
  const axis = dir.x !== 0 ? 'x' : 'y'
  const frame: Frame = { sourceDir, targetDir, sourceGapped, targetGapped, axis, currDir: dir[axis] }
  const { points, center, sourceGapOffset, targetGapOffset } =
    sourceDir[axis] * targetDir[axis] === -1 ? oppositeSides(frame, input.centerY) : otherSides(frame, input)
  const gappedSource = { x: sourceGapped.x + sourceGapOffset.x, y: sourceGapped.y + sourceGapOffset.y }
  const gappedTarget = { x: targetGapped.x + targetGapOffset.x, y: targetGapped.y + targetGapOffset.y }
  const path: Point[] = []
  for (const point of [source, gappedSource, ...points, gappedTarget, target]) {
    const [a, b] = path.slice(-2)
    // a point the path runs straight through would shrink the next corner's bend
    if (b && isBetween(a, b, point)) path.pop()
    path.push(point)
  }
  return { points: path, center }
}

/** Opposite sides: one step in the middle (or at the caller's fixed centre line). */
function oppositeSides(
  { sourceDir, sourceGapped, targetGapped, axis, currDir }: Frame,
  fixedY: number | undefined,
): Corners {
  const centerX =
    axis === 'x'
      ? sourceGapped.x + (targetGapped.x - sourceGapped.x) * STEP_POSITION
      : (sourceGapped.x + targetGapped.x) / 2
  const centerY =
    fixedY ??
    (axis === 'x'
      ? (sourceGapped.y + targetGapped.y) / 2
      : sourceGapped.y + (targetGapped.y - sourceGapped.y) * STEP_POSITION)
  const verticalSplit = [
    { x: centerX, y: sourceGapped.y },
    { x: centerX, y: targetGapped.y },
  ]
  const horizontalSplit = [
    { x: sourceGapped.x, y: centerY },
    { x: targetGapped.x, y: centerY },
  ]
  const points =
    sourceDir[axis] === currDir
      ? axis === 'x'
        ? verticalSplit
        : horizontalSplit
      : axis === 'x'
        ? horizontalSplit
        : verticalSplit
  return {
    points,
    center: { x: centerX, y: centerY },
    sourceGapOffset: { x: 0, y: 0 },
    targetGapOffset: { x: 0, y: 0 },
  }
}

/** The same side, or mixed sides such as right → bottom: one corner, and the centre on its longer leg. */
function otherSides(frame: Frame, { source, sourceSide, target, targetSide }: SmoothStepInput): Corners {
  const { sourceDir, sourceGapped, targetGapped, axis, currDir } = frame
  const sourceGapOffset = { x: 0, y: 0 }
  const targetGapOffset = { x: 0, y: 0 }
  const sourceTarget = [{ x: sourceGapped.x, y: targetGapped.y }]
  const targetSource = [{ x: targetGapped.x, y: sourceGapped.y }]
  let points: Point[]
  if (axis === 'x') points = sourceDir.x === currDir ? targetSource : sourceTarget
  else points = sourceDir.y === currDir ? sourceTarget : targetSource
  if (sourceSide === targetSide) {
    const diff = Math.abs(source[axis] - target[axis])
    // same sides closer than the offset: shift a gap point so the path does not fold over itself
    if (diff <= OFFSET) {
      const gapOffset = Math.min(OFFSET - 1, OFFSET - diff)
      if (sourceDir[axis] === currDir) sourceGapOffset[axis] = (sourceGapped[axis] > source[axis] ? -1 : 1) * gapOffset
      else targetGapOffset[axis] = (targetGapped[axis] > target[axis] ? -1 : 1) * gapOffset
    }
  } else if (mixedSidesFlip(frame)) points = axis === 'x' ? sourceTarget : targetSource
  const s = { x: sourceGapped.x + sourceGapOffset.x, y: sourceGapped.y + sourceGapOffset.y }
  const t = { x: targetGapped.x + targetGapOffset.x, y: targetGapped.y + targetGapOffset.y }
  const maxX = Math.max(Math.abs(s.x - points[0].x), Math.abs(t.x - points[0].x))
  const maxY = Math.max(Math.abs(s.y - points[0].y), Math.abs(t.y - points[0].y))
  const center = maxX >= maxY ? { x: (s.x + t.x) / 2, y: points[0].y } : { x: points[0].x, y: (s.y + t.y) / 2 }
  return { points, center, sourceGapOffset, targetGapOffset }
}

/** Mixed sides such as right → bottom: whether the corner goes on the other side of the turn. */
function mixedSidesFlip({ sourceDir, targetDir, sourceGapped, targetGapped, axis }: Frame): boolean {
  const other = axis === 'x' ? 'y' : 'x'
  const isSameDir = sourceDir[axis] === targetDir[other]
  const sourceGt = sourceGapped[other] > targetGapped[other]
  const sourceLt = sourceGapped[other] < targetGapped[other]
  return (
    (sourceDir[axis] === 1 && ((!isSameDir && sourceGt) || (isSameDir && sourceLt))) ||
    (sourceDir[axis] !== 1 && ((!isSameDir && sourceLt) || (isSameDir && sourceGt)))
  )
}

const distance = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y)
const n = (v: number) => String(Math.round(v * 100) / 100)

function bend(a: Point, b: Point, c: Point, size: number): string {
  const r = Math.min(distance(a, b) / 2, distance(b, c) / 2, size)
  const { x, y } = b
  if ((a.x === x && x === c.x) || (a.y === y && y === c.y)) return `L${n(x)} ${n(y)}`
  if (a.y === y) {
    const xDir = a.x < c.x ? -1 : 1
    const yDir = a.y < c.y ? 1 : -1
    return `L${n(x + r * xDir)} ${n(y)}Q${n(x)} ${n(y)} ${n(x)} ${n(y + r * yDir)}`
  }
  const xDir = a.x < c.x ? 1 : -1
  const yDir = a.y < c.y ? -1 : 1
  return `L${n(x)} ${n(y + r * yDir)}Q${n(x)} ${n(y)} ${n(x + r * xDir)} ${n(y)}`
}

/** The SVG path data for the points, each corner rounded by `borderRadius`. */
export function smoothStepPath(points: Point[], borderRadius: number): string {
  let d = `M${n(points[0].x)} ${n(points[0].y)}`
  for (let i = 1; i < points.length - 1; i++) d += bend(points[i - 1], points[i], points[i + 1], borderRadius)
  const last = points[points.length - 1]
  return `${d}L${n(last.x)} ${n(last.y)}`
}
