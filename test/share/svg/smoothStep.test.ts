import { getSmoothStepPath, Position } from '@xyflow/react'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Side, smoothStepPath, smoothStepPoints } from '../../../src/share/svg/smoothStep'

const POSITION: Record<Side, Position> = {
  top: Position.Top,
  bottom: Position.Bottom,
  left: Position.Left,
  right: Position.Right,
}
const numbers = (d: string) => [...d.matchAll(/-?\d+(\.\d+)?(e-?\d+)?/g)].map((m) => Number(m[0]))

describe('smoothStep: the canvas edge routing without React Flow', () => {
  it('draws the same path and label centre as React Flow for any handles and sides', () => {
    const side = fc.constantFrom<Side>('top', 'bottom', 'left', 'right')
    const coord = fc.integer({ min: -600, max: 600 })
    fc.assert(
      fc.property(
        coord,
        coord,
        coord,
        coord,
        side,
        side,
        fc.option(coord, { nil: undefined }),
        (sx, sy, tx, ty, sourceSide, targetSide, centerY) => {
          const [expected, labelX, labelY] = getSmoothStepPath({
            sourceX: sx,
            sourceY: sy,
            targetX: tx,
            targetY: ty,
            sourcePosition: POSITION[sourceSide],
            targetPosition: POSITION[targetSide],
            borderRadius: 10,
            centerY,
          })
          const { points, center } = smoothStepPoints({
            source: { x: sx, y: sy },
            sourceSide,
            target: { x: tx, y: ty },
            targetSide,
            centerY,
          })
          const ours = numbers(smoothStepPath(points, 10))
          const theirs = numbers(expected)
          expect(ours).toHaveLength(theirs.length)
          ours.forEach((n, i) => {
            expect(n).toBeCloseTo(theirs[i], 1)
          })
          expect(center.x).toBeCloseTo(labelX, 6)
          expect(center.y).toBeCloseTo(labelY, 6)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
