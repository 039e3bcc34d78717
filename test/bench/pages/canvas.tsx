// The canvas bench page (npm run bench builds it): ?mode=app renders the whole app on the 2,001-resource
// design; ?mode=bare renders React Flow's stress graph (default nodes in a grid, a line from each node to
// the next) with as many nodes and edges as the app draws. test/bench/canvas.ts drives both in one Chromium.
import { applyNodeChanges, type Edge, type Node, type NodeChange, ReactFlow, ReactFlowProvider } from '@xyflow/react'
import { StrictMode, useCallback, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '../../../src/app/App'
import { toFlow } from '../../../src/canvas/toFlow'
import '../../../src/index.css'
import { scaleDesign } from '../../fixtures/canvas/design'

declare global {
  interface Window {
    /** `servers`: each ECS box in flow coordinates, where the bench presses to drag one on the overview bitmap */
    canvasBench?: { nodes: number; edges: number; servers: { x: number; y: number; width: number; height: number }[] }
  }
}

const design = scaleDesign()
const drawn = toFlow(design)

/** Each ECS box, absolute: toFlow's positions are relative to the container, and containers come first. */
function serverBoxes() {
  const at = new Map<string, { x: number; y: number }>()
  const boxes = []
  for (const n of drawn.nodes) {
    const parent = n.parentId ? at.get(n.parentId) : undefined
    const p = { x: n.position.x + (parent?.x ?? 0), y: n.position.y + (parent?.y ?? 0) }
    at.set(n.id, p)
    if (n.type === 'ecs') boxes.push({ ...p, width: Number(n.style?.width), height: Number(n.style?.height) })
  }
  return boxes
}

/** React Flow's stress example, sized to the app's drawing. */
function stressGraph(count: number, edgeCount: number): { nodes: Node[]; edges: Edge[] } {
  const perRow = Math.ceil(Math.sqrt(count))
  const nodes: Node[] = Array.from({ length: count }, (_, i) => ({
    id: `stress-${i}`,
    position: { x: (i % perRow) * 200, y: Math.floor(i / perRow) * 100 },
    data: { label: `Node ${i}` },
  }))
  const edges: Edge[] = Array.from({ length: Math.min(edgeCount, count - 1) }, (_, i) => ({
    id: `e-${i}`,
    source: `stress-${i}`,
    target: `stress-${i + 1}`,
  }))
  return { nodes, edges }
}

function Bare() {
  const [graph] = useState(() => stressGraph(drawn.nodes.length, drawn.edges.length))
  const [nodes, setNodes] = useState(graph.nodes)
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)), [])
  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow nodes={nodes} edges={graph.edges} onNodesChange={onNodesChange} fitView minZoom={0.05} />
    </div>
  )
}

window.canvasBench = { nodes: drawn.nodes.length, edges: drawn.edges.length, servers: serverBoxes() }
const root = document.getElementById('root')
if (!root) throw new Error('no #root')
createRoot(root).render(
  <StrictMode>
    {new URLSearchParams(location.search).get('mode') === 'bare' ? (
      <ReactFlowProvider>
        <Bare />
      </ReactFlowProvider>
    ) : (
      <App initialDesign={design} />
    )}
  </StrictMode>,
)
