// Every configuration line: route next hops (labelled with the destination), PrivateLink connections,
// service resources, server-group members and the internet. Labels are text in a box, never HTML.
import { BaseEdge, type EdgeProps, getSmoothStepPath, Position } from '@xyflow/react'
import { createPortal } from 'react-dom'
import { BROKEN, EDGE_LOOK, STANDBY_DASH } from '../../share/drawing/look'
import { useSim, useUi } from '../../store/context'
import { useDetail } from '../detail'
import type { CanvasEdgeData } from '../toFlow'
import { edgeLit } from './edgeLit'
import { rateText } from './rateText'

function near(x: number, y: number, side: Position, by: number): [number, number] {
  switch (side) {
    case Position.Top:
      return [x, y - by]
    case Position.Bottom:
      return [x, y + by]
    case Position.Left:
      return [x - by * 1.4, y]
    default:
      return [x + by * 1.4, y]
  }
}

export function ConfigEdge(props: EdgeProps & { data?: CanvasEdgeData }) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } =
    props
  // a packet walk or lesson lights the lines between the resources it passes; a walk, only the route lines whose
  // entry decided
  const lit = useUi((s) => edgeLit(s.highlight, { id, source, target, kind: data?.kind ?? 'route' }))
  const { overview, labelLayer } = useDetail()
  const label = useLiveLabel(data, source, target)
  const kind = data?.kind ?? 'route'
  const look = EDGE_LOOK[kind]
  const broken = kind === 'privateLink' && data?.status !== 'Connected'
  const [path, midX, midY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 10,
    // a fan-out (GWLB to its appliances) bends just under its source, above the zone captions
    centerY: data?.bendNearSource && sourcePosition === Position.Bottom ? sourceY + 10 : undefined,
  })
  const [labelX, labelY] = labelPosition(props, label.at, [midX, midY])
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{
          stroke: lit ? '#eab308' : broken ? BROKEN.stroke : look.stroke,
          strokeWidth: lit ? look.width + 2 : look.width,
          // a dash is under a pixel in the overview, and dashed strokes are what costs most to raster: a
          // 2,000-node design's 1,700 internet lines made every drag frame four times slower
          strokeDasharray: overview ? undefined : data?.role === 'standby' ? STANDBY_DASH : look.dash,
          opacity: lit === false ? 0.35 : 1,
        }}
      />
      {/* labels go to the canvas's one label layer (React Flow's EdgeLabelRenderer looks that layer up again for
          each label on every pan frame); the overview draws none: they would be a few pixels tall */}
      {label.text &&
        !overview &&
        labelLayer &&
        createPortal(
          <div
            data-testid={`edge-label-${id}`}
            className="nodrag nopan pointer-events-auto absolute rounded border bg-white px-1 font-mono text-[10px] leading-4 shadow-sm"
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              borderColor: broken ? BROKEN.stroke : look.stroke,
              color: broken ? BROKEN.text : look.stroke,
            }}
          >
            {label.text}
          </div>,
          labelLayer,
        )}
    </>
  )
}

/**
 * The edge's label while a scenario plays, else its own: the GWLB's line to each appliance carries the rate it is
 * being handed, and a route target group's line to the member carrying its traffic says so. A rate stands just
 * above its appliance, not on the GWLB's fan-out where the lines to all its appliances meet.
 */
function useLiveLabel(
  data: CanvasEdgeData | undefined,
  source: string,
  target: string,
): { text: string | undefined; at: CanvasEdgeData['labelAt'] } {
  const rate = useSim((s) =>
    data?.kind === 'serverGroup' && s.status === 'ready' ? s.applianceRates[target] : undefined,
  )
  const carrying = useSim((s) =>
    data?.kind === 'routeTarget' && s.status === 'ready' ? s.routeTargets[source]?.carryingMemberId : undefined,
  )
  if (rate !== undefined) return { text: rateText(rate), at: 'target' }
  const text =
    carrying !== undefined ? `${data?.label ?? ''}${carrying === target ? ' · carrying traffic' : ''}` : data?.label
  return { text, at: data?.labelAt }
}

/**
 * Where a label stands: a route label by the end that owns it (a vSwitch's entry by the vSwitch, the gateway's by
 * its next hop), so several routes meeting at one gateway keep their labels apart; else mid-edge.
 */
function labelPosition(
  e: Pick<EdgeProps, 'sourceX' | 'sourceY' | 'sourcePosition' | 'targetX' | 'targetY' | 'targetPosition'> & {
    data?: CanvasEdgeData
  },
  at: CanvasEdgeData['labelAt'],
  mid: [number, number],
): [number, number] {
  if (at === 'source') return near(e.sourceX, e.sourceY, e.sourcePosition, e.data?.labelOffset ?? 34)
  if (at === 'target') return near(e.targetX, e.targetY, e.targetPosition, e.data?.labelOffset ?? 22)
  return mid
}
