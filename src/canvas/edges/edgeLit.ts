// Whether a configuration line is lit by the current packet walk or lesson step. Pure, so tests ask it directly.
import type { Highlight } from '../../store/uiStore'
import type { EdgeKind } from '../toFlow'

export interface LitEdge {
  id: string
  source: string
  target: string
  kind: EdgeKind
}

/**
 * null: nothing is lit (the line draws as usual); true/false: lit, or dimmed beside what is. Of the route lines,
 * a highlight that names its route lines lights only those: a path passing both ends of a route line does not mean
 * its entry sent the packet (the reply passes the gateway and the GWLBe, but the GWLBe vSwitch's 0.0.0.0/0 decided,
 * not the gateway's route back to the server).
 */
export function edgeLit(h: Highlight | null, e: LitEdge): boolean | null {
  if (!h) return null
  if (e.kind === 'route' && h.routeEdgeIds) return h.routeEdgeIds.includes(e.id)
  return h.ids.includes(e.source) && h.ids.includes(e.target)
}
