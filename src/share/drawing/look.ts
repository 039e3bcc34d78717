// The look of the drawing, one entry per thing drawn: the colour and glyph of each resource kind, the line of each
// edge kind, the packets the simulator draws. React-free, so the canvas, its legend and the SVG/PNG export (and
// with it the command line) draw from one table and cannot drift apart.
import type { DrawnKind, EdgeKind } from './toDrawing'

/** One glyph and one colour per kind, so a reader tells a GWLBe from a GWLB at a glance. */
export const KIND_STYLE: Record<
  Exclude<DrawnKind, 'vpc' | 'zone' | 'vswitch'>,
  { label: string; colour: string; tint: string }
> = {
  internetHost: { label: 'Internet', colour: '#475569', tint: '#f1f5f9' },
  ipv4Gateway: { label: 'IPv4 gateway', colour: '#047857', tint: '#ecfdf5' },
  gwlbEndpoint: { label: 'GWLBe', colour: '#6d28d9', tint: '#f5f3ff' },
  endpointService: { label: 'Endpoint service', colour: '#a21caf', tint: '#fdf4ff' },
  gwlb: { label: 'GWLB', colour: '#c2410c', tint: '#fff7ed' },
  appliance: { label: 'Appliance', colour: '#b91c1c', tint: '#fef2f2' },
  ecs: { label: 'ECS', colour: '#0369a1', tint: '#f0f9ff' },
  routeTargetGroup: { label: 'Route target group', colour: '#4338ca', tint: '#eef2ff' },
}

export const PATHS: Record<keyof typeof KIND_STYLE, string> = {
  // globe
  internetHost:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 0c2.5 2.4 3.8 5.4 3.8 9s-1.3 6.6-3.8 9m0-18C9.5 5.4 8.2 8.4 8.2 12s1.3 6.6 3.8 9M3.5 9h17M3.5 15h17',
  // gateway arch with an arrow through it
  ipv4Gateway: 'M4 21V9l8-6 8 6v12M9 21v-6h6v6M12 7v5m-2.5-2.5L12 12l2.5-2.5',
  // plug: the endpoint's ENI
  gwlbEndpoint: 'M9 3v5m6-5v5M6 8h12v3a6 6 0 0 1-12 0V8Zm6 9v4',
  // hexagon: a published service
  endpointService: 'M12 2.8 20 7.4v9.2l-8 4.6-8-4.6V7.4l8-4.6Zm0 5.2v8m-4-4h8',
  // one in, fanned out: a load balancer
  gwlb: 'M3 12h6m0 0 5-6h7m-12 6h12M9 12l5 6h7m-3-15 3 3-3 3m0 3 3 3-3 3',
  // shield: inspection
  appliance: 'M12 3 4.5 6v5.5c0 4.6 3.1 8.4 7.5 9.5 4.4-1.1 7.5-4.9 7.5-9.5V6L12 3Zm-3 9 2 2 4-4',
  // server
  ecs: 'M4 4h16v6H4V4Zm0 10h16v6H4v-6Zm3-7h.01M7 17h.01M11 7h6m-6 10h6',
  // one route forking to an active and a standby next hop
  routeTargetGroup: 'M3 12h7m0 0 4-5h6m-10 5 4 5h6M18 5l2 2-2 2m0 6 2 2-2 2',
}

/** A configuration line of one kind: its colour, width and dash, and what the legend calls it. */
export interface EdgeLook {
  stroke: string
  width: number
  dash?: string
  legend: string
}

/** The edge kinds in the legend's order, each with its look. */
export const EDGE_LOOK: Record<EdgeKind, EdgeLook> = {
  route: { stroke: '#334155', width: 1.6, legend: 'Route entry (destination → next hop)' },
  privateLink: { stroke: '#7c3aed', width: 2.4, dash: '7 4', legend: 'PrivateLink connection' },
  serviceResource: { stroke: '#a21caf', width: 2, legend: 'Endpoint service resource' },
  serverGroup: { stroke: '#c2410c', width: 1.6, legend: 'Server group member (Geneve)' },
  internet: { stroke: '#94a3b8', width: 1.4, dash: '3 4', legend: 'Internet' },
  routeTarget: { stroke: '#4338ca', width: 2, legend: 'Route target group member (dashed: the standby)' },
}

/** The standby member's line of a route target group: the group's colour, dashed. */
export const STANDBY_DASH = '4 4'
export const EDGE_KINDS = Object.keys(EDGE_LOOK) as EdgeKind[]

/** A PrivateLink connection that is not Connected: its line, and its label's text. */
export const BROKEN = { stroke: '#dc2626', text: '#b91c1c' }

/** The tone a GWLBe's connection status is drawn in, on the canvas and in the SVG export alike. */
export const CONNECTION_STATUS_TONE = {
  Connected: 'ok',
  Disconnected: 'bad',
  Connecting: 'warn',
  Disconnecting: 'warn',
  Pending: 'warn',
} as const
