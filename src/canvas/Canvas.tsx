// The React Flow canvas over the design document. Dragging a node is an edit of the document's layout.
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  type NodeChange,
  ReactFlow,
  applyNodeChanges,
} from '@xyflow/react'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { withDefaultLayout } from '../model'
import { useDesign, useStores, useUi } from '../store/context'
import { ConfigEdge } from './edges/ConfigEdge'
import { Legend } from './Legend'
import { VpcNode, VswitchNode, ZoneNode } from './nodes/containerNodes'
import { ApplianceNode, EcsNode, EndpointServiceNode, GwlbEndpointNode, GwlbNode, InternetHostNode, Ipv4GatewayNode } from './nodes/leafNodes'
import { type CanvasNode, toFlow } from './toFlow'

const nodeTypes = {
  vpc: VpcNode,
  zone: ZoneNode,
  vswitch: VswitchNode,
  internetHost: InternetHostNode,
  ipv4Gateway: Ipv4GatewayNode,
  gwlbEndpoint: GwlbEndpointNode,
  endpointService: EndpointServiceNode,
  gwlb: GwlbNode,
  appliance: ApplianceNode,
  ecs: EcsNode,
}
const edgeTypes = { route: ConfigEdge, privateLink: ConfigEdge, serviceResource: ConfigEdge, serverGroup: ConfigEdge, internet: ConfigEdge }

const MINIMAP_COLOUR: Record<string, string> = {
  vpc: '#dbeafe',
  zone: '#f1f5f9',
  vswitch: '#ccfbf1',
  gwlb: '#fb923c',
  gwlbEndpoint: '#a78bfa',
  appliance: '#f87171',
  ecs: '#38bdf8',
  endpointService: '#e879f9',
  ipv4Gateway: '#34d399',
  internetHost: '#94a3b8',
}

export function Canvas() {
  const design = useDesign((s) => s.design)
  const { design: designStore, ui } = useStores()
  const readOnly = useUi((s) => s.readOnly)
  const flow = useMemo(() => toFlow(design), [design])
  // React Flow owns transient drag positions; the document gets the position when the drag ends
  const [nodes, setNodes] = useState<CanvasNode[]>(flow.nodes)
  useEffect(() => setNodes(flow.nodes), [flow.nodes])
  const edges = useMemo(
    () => flow.edges.map((e) => (e.data?.kind === 'internet' ? e : { ...e, markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } })),
    [flow.edges],
  )

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current))
      for (const c of changes) {
        if (c.type === 'position' && c.dragging === false && c.position) {
          const { x, y } = c.position
          designStore
            .getState()
            .edit(`move ${c.id}`, (d) => ({ ...d, layout: { ...d.layout, [c.id]: { ...withDefaultLayout(d)[c.id], x, y } } }))
        }
        if (c.type === 'select' && c.selected) ui.getState().select(c.id)
      }
    },
    [designStore, ui],
  )

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onPaneClick={() => ui.getState().select(null)}
      fitView
      fitViewOptions={{ padding: 0.04 }}
      minZoom={0.1}
      maxZoom={2.5}
      nodesConnectable={false}
      nodesDraggable={!readOnly}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} color="#e2e8f0" />
      <Controls showInteractive={false} />
      <Legend />
      <MiniMap position="top-right" style={{ width: 160, height: 110 }} pannable zoomable nodeColor={(n) => MINIMAP_COLOUR[n.type ?? ''] ?? '#cbd5e1'} />
    </ReactFlow>
  )
}
