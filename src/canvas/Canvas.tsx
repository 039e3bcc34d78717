// The React Flow canvas over the design document. Every change it makes is an edit of the document:
// a drag moves a layout entry, a drop from the palette creates a resource, a drawn line configures one.
import {
  Background,
  ConnectionMode,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type ReactFlowState,
  useNodesInitialized,
  useReactFlow,
  useStore,
} from '@xyflow/react'
import { type DragEvent, lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react'
import { useDesign, useStores, useUi } from '../store/context'
import { useCanvasEdits } from './canvasEdits'
import { DropMarkers } from './DropMarkers'
import { type CanvasDetail, DetailContext, OVERVIEW_ZOOM } from './detail'
import { ConfigEdge } from './edges/ConfigEdge'
import { useKeepInView } from './keepInView'
import { Legend } from './Legend'
import { LARGE_DESIGN_NODES, useFitOnOpen } from './largeDesign'
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
import { PacketOverlay } from './PacketOverlay'
import { PALETTE_MIME } from './Palette'
import { StartHint } from './StartHint'
import { type CanvasEdge, toFlow } from './toFlow'
import { useCanvasNodes } from './useCanvasNodes'

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

/** Loaded the first time a large design is zoomed out: no design opened small pays for it. */
const loadOverview = () => import('./overview/OverviewLayer')
const OverviewLayer = lazy(loadOverview)

const zoomedOut = (s: ReactFlowState) => s.transform[2] < OVERVIEW_ZOOM
const domNodeOf = (s: ReactFlowState) => s.domNode
/** the bitmap shows no lines: React Flow gets none, rather than run three selectors per line on every pan frame */
const NO_EDGES: never[] = []

/** While the view pans or zooms: see `.moving` in index.css. */
const MOVING = 'moving'

// React Flow copies each of these props into its store whenever it changes by identity, and every store
// update runs every node's and edge's selector: a fresh object or arrow per render would cost three extra
// passes over the whole drawing on each frame of a drag, when this component renders for the new position.
// Never past 100 %: one new VPC on an empty canvas must not fill it, or the next drop lands inside it. Hidden
// nodes count: while a large design's bitmap shows, React Flow holds its nodes hidden (largeDesign.ts), sized.
const FIT_VIEW_OPTIONS = { padding: 0.04, maxZoom: 1, includeHiddenNodes: true }
const OPEN_FIT = { ...FIT_VIEW_OPTIONS, minZoom: MIN_ZOOM }
/** the zoom buttons' fit: React Flow's own padding, as ever, with a large design's hidden nodes counted */
const CONTROLS_FIT = { includeHiddenNodes: true }
const onPaneDragOver = (e: DragEvent) => {
  if (e.dataTransfer.types.includes(PALETTE_MIME)) {
    e.preventDefault()
    e.dataTransfer.dropEffect = 'copy'
  }
}
const withArrow = (e: CanvasEdge): CanvasEdge =>
  e.data?.kind === 'internet' ? e : { ...e, markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } }

/** What the canvas draws over and under the diagram; made once per design size and mode, not per drag frame. */
function Decorations({ large, bitmap }: { large: boolean; bitmap: boolean }) {
  return (
    <>
      {/* under the bitmap the grid's dots would be under a tenth of a pixel, yet the browser would draw the
          pattern over the whole pane on every pan frame */}
      {!bitmap && <Background gap={24} color="#e2e8f0" />}
      <Controls showInteractive={false} fitViewOptions={CONTROLS_FIT} />
      <Legend />
      <PacketOverlay />
      <DropMarkers />
      <StartHint />
      {/* a large design's minimap redraws every node on every pan frame: past a few hundred it costs more than it shows */}
      {!large && (
        <MiniMap position="top-right" style={{ width: 160, height: 110 }} pannable zoomable nodeColor={minimapColour} />
      )}
    </>
  )
}

/** The canvas's view: fitted when a design opens (a large one before it is drawn) and when F asks. */
function useView(drawnIds: string[], large: boolean, nodes: ReturnType<typeof toFlow>['nodes']) {
  const { fitView } = useReactFlow()
  // an embed is fitted to its frame by the app (src/app/FitToFrame), at a readable zoom: no first fit here to race it
  const embed = useUi((s) => s.embed)
  const opened = useDesign((s) => s.opened)
  const fitting = useFitOnOpen(nodes, large && !embed, opened, OPEN_FIT)
  const measured = useNodesInitialized()
  // an embed's frame fit (src/app/FitToFrame) decides its view alone
  useKeepInView(drawnIds, opened, measured && !embed, FIT_VIEW_OPTIONS)
  // F (useShortcuts) asks for the whole design in the window
  const fitRequests = useUi((s) => s.fitRequests)
  useEffect(() => {
    if (fitRequests) void fitView({ ...FIT_VIEW_OPTIONS, duration: 200 })
  }, [fitRequests, fitView])
  return { embed, fitting }
}

export function Canvas() {
  const design = useDesign((s) => s.design)
  const { ui } = useStores()
  const readOnly = useUi((s) => s.readOnly)
  const overview = useStore(zoomedOut)
  // looked up once, not in a selector: React Flow runs every selector on every pan frame
  const domNode = useStore(domNodeOf)
  const labelLayer = useMemo(() => domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null, [domNode])
  const root = useRef<HTMLDivElement>(null)
  const flow = useMemo(() => toFlow(design), [design])
  const large = flow.nodes.length > LARGE_DESIGN_NODES
  const drawnIds = useMemo(() => flow.nodes.map((n) => n.id), [flow.nodes])
  const { embed, fitting } = useView(drawnIds, large, flow.nodes)
  // a large design zoomed out (or about to be fitted so) is one bitmap: React Flow draws none of its nodes
  const bitmap = large && (overview || fitting)
  const { nodes, onNodesChange } = useCanvasNodes(flow.nodes, large, bitmap)
  const edges = useMemo(() => flow.edges.map(withArrow), [flow.edges])
  const detail = useMemo<CanvasDetail>(() => ({ overview, bitmap, labelLayer }), [overview, bitmap, labelLayer])
  const edits = useCanvasEdits(root)
  // the overview's code starts loading as a large design arrives, not once it is fitted; in a task of its own, as
  // asking for a chunk is a few milliseconds of the page's work that the task opening the design need not carry
  useEffect(() => {
    if (!large) return
    const t = setTimeout(loadOverview, 0)
    return () => clearTimeout(t)
  }, [large])
  const decorations = useMemo(() => <Decorations large={large} bitmap={bitmap} />, [large, bitmap])
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
        {...edits}
        onDragOver={onPaneDragOver}
        onPaneClick={onPaneClick}
        fitView={!embed}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={MIN_ZOOM}
        maxZoom={2.5}
        // a large design at working zoom: only the nodes in view are in the DOM (mounting all is seconds of work)
        onlyRenderVisibleElements={large}
        connectionMode={ConnectionMode.Loose}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly}
        deleteKeyCode={null}
        multiSelectionKeyCode="Shift"
      >
        {decorations}
        {bitmap && overview && (
          <Suspense fallback={null}>
            <OverviewLayer nodes={flow.nodes} edges={flow.edges} />
          </Suspense>
        )}
      </ReactFlow>
    </DetailContext.Provider>
  )
}
