// The React Flow canvas over the design document. Every change it makes is an edit of the document:
// a drag moves a layout entry, a drop from the palette creates a resource, a drawn line configures one.
import {
  applyNodeChanges,
  Background,
  ConnectionMode,
  Controls,
  type FinalConnectionState,
  type Connection as FlowConnection,
  MarkerType,
  MiniMap,
  type NodeChange,
  ReactFlow,
  type ReactFlowState,
  useNodesInitialized,
  useReactFlow,
  useStore,
} from '@xyflow/react'
import { type DragEvent, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { connectionIntent } from '../model/edits/connect'
import { PLACEABLE_KINDS, type PlaceableKind } from '../model/edits/create'
import type { Point } from '../model/edits/placeDrop'
import { useDesign, useStores, useUi } from '../store/context'
import { DropMarkers } from './DropMarkers'
import { type CanvasDetail, DetailContext, OVERVIEW_ZOOM } from './detail'
import { ConfigEdge } from './edges/ConfigEdge'
import { keepDrawnNodes } from './keepDrawnNodes'
import { useKeepInView } from './keepInView'
import { Legend } from './Legend'
import { moveNode } from './moveNode'
import { VpcNode, VswitchNode, ZoneNode } from './nodes/containerNodes'
import {
  ApplianceNode,
  EcsNode,
  EndpointServiceNode,
  GwlbEndpointNode,
  GwlbNode,
  InternetHostNode,
  Ipv4GatewayNode,
  RouteTargetGroupNode,
} from './nodes/leafNodes'
import { drawnAt } from './overview/hitTest'
import { PacketOverlay } from './PacketOverlay'
import { PALETTE_MIME } from './Palette'
import { placeFromPalette } from './placeFromPalette'
import { StartHint } from './StartHint'
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
  routeTargetGroup: RouteTargetGroupNode,
}
const edgeTypes = {
  route: ConfigEdge,
  privateLink: ConfigEdge,
  serviceResource: ConfigEdge,
  serverGroup: ConfigEdge,
  internet: ConfigEdge,
  routeTarget: ConfigEdge,
}

const MINIMAP_COLOUR: Record<string, string> = {
  vpc: '#dbeafe',
  zone: '#f1f5f9',
  vswitch: '#ccfbf1',
  gwlb: '#fb923c',
  gwlbEndpoint: '#a78bfa',
  appliance: '#f87171',
  ecs: '#38bdf8',
  endpointService: '#e879f9',
  routeTargetGroup: '#818cf8',
  ipv4Gateway: '#34d399',
  internetHost: '#94a3b8',
}

const minimapColour = (n: { type?: string }) => MINIMAP_COLOUR[n.type ?? ''] ?? '#cbd5e1'

/** Far enough out that fit view shows the whole of a 2,000-resource design (~14,000 × 10,000 px) */
const MIN_ZOOM = 0.05

/**
 * Past this many drawn nodes the canvas trades the minimap for frame rate, and below the overview zoom draws one
 * bitmap instead of the DOM nodes (src/canvas/overview). A smaller design keeps its DOM overview: it pans at
 * full rate as it is.
 */
const LARGE_DESIGN_NODES = 400

/** Loaded the first time a large design is zoomed out: no design opened small pays for it. */
const OverviewLayer = lazy(() => import('./overview/OverviewLayer'))

const zoomedOut = (s: ReactFlowState) => s.transform[2] < OVERVIEW_ZOOM
const domNodeOf = (s: ReactFlowState) => s.domNode
/** the bitmap shows no lines: React Flow gets none, rather than run three selectors per line on every pan frame */
const NO_EDGES: never[] = []

/** While the view pans or zooms: see `.moving` in index.css. */
const MOVING = 'moving'
/** While a line is being drawn: connection points show, and the node under the pointer is outlined (index.css). */
const CONNECTING = 'gs-connecting'

// React Flow copies each of these props into its store whenever it changes by identity, and every store
// update runs every node's and edge's selector: a fresh object or arrow per render would cost three extra
// passes over the whole drawing on each frame of a drag, when this component renders for the new position.
// never past 100 %: one new VPC on an empty canvas must not fill it, or the next drop lands inside it
const FIT_VIEW_OPTIONS = { padding: 0.04, maxZoom: 1 }
const onPaneDragOver = (e: DragEvent) => {
  if (e.dataTransfer.types.includes(PALETTE_MIME)) {
    e.preventDefault()
    e.dataTransfer.dropEffect = 'copy'
  }
}

/**
 * The innermost container under a screen point: vSwitch, then zone band, then VPC (they stack in that order);
 * on the overview bitmap, the box it draws there.
 */
function containerAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const drawn = drawnAt(el, x, y)
    if (drawn !== undefined) return drawn
    const node = el.closest('.react-flow__node')
    if (node) return node.getAttribute('data-id')
  }
  return null
}

/** Where a pointer or touch was released, in screen pixels. */
function releasedAt(e: MouseEvent | TouchEvent): Point | null {
  if ('changedTouches' in e) {
    const t = e.changedTouches[0]
    return t ? { x: t.clientX, y: t.clientY } : null
  }
  return { x: e.clientX, y: e.clientY }
}

export function Canvas() {
  const design = useDesign((s) => s.design)
  const { design: designStore, ui } = useStores()
  const { screenToFlowPosition, fitView } = useReactFlow()
  const readOnly = useUi((s) => s.readOnly)
  // an embed is fitted to its frame by the app (src/app/FitToFrame), at a readable zoom: no first fit here to race it
  const embed = useUi((s) => s.embed)
  const selectedIds = useUi((s) => s.selectedIds)
  const overview = useStore(zoomedOut)
  // looked up once, not in a selector: React Flow runs every selector on every pan frame
  const domNode = useStore(domNodeOf)
  const labelLayer = useMemo(() => domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null, [domNode])
  const root = useRef<HTMLDivElement>(null)
  const flow = useMemo(() => toFlow(design), [design])
  const large = flow.nodes.length > LARGE_DESIGN_NODES
  // a large design below the overview zoom is one bitmap (src/canvas/overview), once it has been drawn
  const [bitmap, setBitmap] = useState(false)
  const detail = useMemo<CanvasDetail>(() => ({ overview, bitmap, labelLayer }), [overview, bitmap, labelLayer])
  // React Flow owns transient drag positions; the document gets the position when the drag ends
  const [nodes, setNodes] = useState<CanvasNode[]>(flow.nodes)
  useEffect(
    () => setNodes((drawn) => keepDrawnNodes(drawn, flow.nodes, new Set(selectedIds))),
    [flow.nodes, selectedIds],
  )
  const edges = useMemo(
    () =>
      flow.edges.map((e) =>
        e.data?.kind === 'internet' ? e : { ...e, markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } },
      ),
    [flow.edges],
  )
  const drawnIds = useMemo(() => flow.nodes.map((n) => n.id), [flow.nodes])
  const measured = useNodesInitialized()
  const opened = useDesign((s) => s.opened)
  // an embed's frame fit (src/app/FitToFrame) decides its view alone
  useKeepInView(drawnIds, opened, measured && !embed, FIT_VIEW_OPTIONS)

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current))
      for (const c of changes) {
        if (c.type === 'position' && c.dragging === false && c.position) {
          const { x, y } = c.position
          designStore.getState().edit(`move ${c.id}`, (d) => moveNode(d, c.id, x, y))
        }
      }
      const selectChanges = changes.filter((c) => c.type === 'select')
      if (selectChanges.length) {
        // what is not drawn (a security group opened from a form) leaves the selection when a node is picked
        const drawn = new Set(flow.nodes.map((n) => n.id))
        const chosen = new Set(ui.getState().selectedIds.filter((id) => drawn.has(id)))
        for (const c of selectChanges) if (c.type === 'select') c.selected ? chosen.add(c.id) : chosen.delete(c.id)
        // zone bands are drawn, not resources: they are never part of the selection
        ui.getState().setSelection([...chosen].filter((id) => !id.includes('/')))
      }
    },
    [designStore, ui, flow.nodes],
  )

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME)
      if (!(PLACEABLE_KINDS as readonly string[]).includes(kind)) return
      e.preventDefault()
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY })
      placeFromPalette({ design: designStore, ui }, kind as PlaceableKind, containerAt(e.clientX, e.clientY), at)
    },
    [designStore, ui, screenToFlowPosition],
  )

  const connect = useCallback(
    (source: string, target: string) => {
      const intent = connectionIntent(designStore.getState().design, source, target)
      if (!intent.ok) ui.getState().notify({ tone: 'error', lines: [intent.message] })
      else ui.getState().openDialog({ kind: 'connect', connection: intent.connection })
    },
    [designStore, ui],
  )
  const onConnect = useCallback((c: FlowConnection) => connect(c.source, c.target), [connect])
  const onConnectStart = useCallback(() => root.current?.classList.add(CONNECTING), [])
  // a line released on a node's body, not on one of its points, ends at that node all the same
  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      root.current?.classList.remove(CONNECTING)
      if (state.isValid || !state.fromNode) return
      const at = releasedAt(e)
      const target = at && containerAt(at.x, at.y)
      // a zone band is drawn, not a resource; released on the node it started from, nothing was drawn
      if (!target || target.includes('/') || target === state.fromNode.id) return
      connect(state.fromNode.id, target)
    },
    [connect],
  )

  // F (useShortcuts) asks for the whole design in the window
  const fitRequests = useUi((s) => s.fitRequests)
  useEffect(() => {
    if (fitRequests) void fitView({ ...FIT_VIEW_OPTIONS, duration: 200 })
  }, [fitRequests, fitView])

  // made once per design size, so that the render a drag frame causes does not render them again
  const decorations = useMemo(
    () => (
      <>
        {/* under the bitmap the grid's dots would be under a tenth of a pixel, yet the browser would draw the
            pattern over the whole pane on every pan frame */}
        {!bitmap && <Background gap={24} color="#e2e8f0" />}
        <Controls showInteractive={false} />
        <Legend />
        <PacketOverlay />
        <DropMarkers />
        <StartHint />
        {/* a large design's minimap redraws every node on every pan frame: past a few hundred it costs more than it shows */}
        {!large && (
          <MiniMap
            position="top-right"
            style={{ width: 160, height: 110 }}
            pannable
            zoomable
            nodeColor={minimapColour}
          />
        )}
      </>
    ),
    [large, bitmap],
  )

  const onMoveStart = useCallback(() => root.current?.classList.add(MOVING), [])
  const onMoveEnd = useCallback(() => root.current?.classList.remove(MOVING), [])
  const onPaneClick = useCallback(() => ui.getState().select(null), [ui])

  return (
    <DetailContext.Provider value={detail}>
      <ReactFlow
        ref={root}
        className={overview ? 'overview' : undefined}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        nodes={nodes}
        edges={bitmap ? NO_EDGES : edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        onDrop={onDrop}
        onDragOver={onPaneDragOver}
        onPaneClick={onPaneClick}
        fitView={!embed}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={MIN_ZOOM}
        maxZoom={2.5}
        connectionMode={ConnectionMode.Loose}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly}
        deleteKeyCode={null}
        multiSelectionKeyCode="Shift"
      >
        {decorations}
        {overview && large && (
          <Suspense fallback={null}>
            <OverviewLayer nodes={flow.nodes} edges={flow.edges} onShown={setBitmap} />
          </Suspense>
        )}
      </ReactFlow>
    </DetailContext.Provider>
  )
}
