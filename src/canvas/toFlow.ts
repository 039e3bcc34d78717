// Document → React Flow nodes and edges: the drawing the SVG export shares (src/share/drawing), typed as React
// Flow's nodes and edges. Pure.
import type { Edge, Node } from '@xyflow/react'
import type { Design } from '../model'
import {
  type DrawnEdgeData,
  type DrawnKind,
  type EdgeKind,
  type ResourceNodeData,
  toDrawing,
  type ZoneNodeData,
} from '../share/drawing/toDrawing'

export type { DrawnKind, EdgeKind, ResourceNodeData, ZoneNodeData }
export type CanvasEdgeData = DrawnEdgeData
export type CanvasNode = Node<ResourceNodeData, Exclude<DrawnKind, 'zone'>> | Node<ZoneNodeData, 'zone'>
export type CanvasEdge = Edge<CanvasEdgeData>

export function toFlow(design: Design): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return toDrawing(design)
}
