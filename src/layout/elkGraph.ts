// Design ↔ ELK graph, pure: imports no elkjs code, so the same functions run beside elkjs's worker in the
// browser and beside its plain build in Node tests. The drawn tree (page ⊃ VPC ⊃ zone band ⊃ vSwitch ⊃
// leaves) becomes nested ELK graphs laid out one container at a time (SEPARATE_CHILDREN), so every
// position ELK returns is already relative to the parent, as the document's layout is.
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api'
import {
  type Design,
  drawnParentOf,
  type LayoutEntry,
  type Resource,
  SIZES,
  withDefaultLayout,
  zoneKey,
} from '../model'

export type Layout = Record<string, LayoutEntry>

/** The drawn containment tree: parent of every drawn id (undefined for the page), children in model order. */
export interface DrawnTree {
  parent: Map<string, string | undefined>
  children: Map<string | undefined, string[]>
  kind: Map<string, Resource['kind'] | 'zone'>
}

const UNDRAWN = new Set<Resource['kind']>(['routeTable', 'securityGroup'])

export function drawnTree(design: Design): DrawnTree {
  const tree: DrawnTree = { parent: new Map(), children: new Map(), kind: new Map() }
  const add = (id: string, parent: string | undefined, kind: Resource['kind'] | 'zone') => {
    tree.parent.set(id, parent)
    tree.kind.set(id, kind)
    tree.children.set(parent, [...(tree.children.get(parent) ?? []), id])
  }
  const drawn = design.resources.filter((r) => !UNDRAWN.has(r.kind))
  // VPCs and their zone bands first (bands in the design's zone order), so the tree holds every parent
  for (const v of drawn) {
    if (v.kind !== 'vpc') continue
    add(v.id, undefined, 'vpc')
    const used = new Set(drawn.flatMap((r) => (r.kind === 'vswitch' && r.vpcId === v.id ? [r.zoneId] : [])))
    for (const z of design.zones) if (used.has(z)) add(zoneKey(v.id, z), v.id, 'zone')
  }
  for (const r of drawn) if (r.kind === 'vswitch') add(r.id, drawnParentOf(r), r.kind)
  for (const r of drawn) {
    if (r.kind === 'vpc' || r.kind === 'vswitch') continue
    const p = drawnParentOf(r)
    // a leaf whose container is missing is drawn on the page, as the canvas does
    add(r.id, p !== undefined && tree.parent.has(p) ? p : undefined, r.kind)
  }
  return tree
}

/**
 * The lines that decide the reading order, directed the way an architect reads a GWLB design: from the
 * internet in, through the gateway and the endpoints, across PrivateLink to the GWLB and its appliances.
 * A route back to the IPv4 gateway is turned round, so the gateway always stands on top of its VPC.
 */
export function flowLinks(design: Design): [string, string][] {
  const byId = new Map(design.resources.map((r) => [r.id, r]))
  const links: [string, string][] = []
  const route = (from: string, nextHop: string) => {
    if (!byId.has(nextHop)) return
    links.push(byId.get(nextHop)?.kind === 'ipv4Gateway' ? [nextHop, from] : [from, nextHop])
  }
  // every host reaches every gateway, but one line a host is enough to put the internet on top: a line from
  // each host to each of 85 gateways made ELK take seconds longer for the same picture
  const gateways = design.resources.filter((r) => r.kind === 'ipv4Gateway')
  if (gateways.length)
    design.resources
      .filter((r) => r.kind === 'internetHost')
      .forEach((h, i) => {
        links.push([h.id, gateways[i % gateways.length].id])
      })
  for (const r of design.resources) {
    if (r.kind === 'vswitch' && r.routeTableId) {
      const t = byId.get(r.routeTableId)
      if (t?.kind === 'routeTable') for (const e of t.entries) route(r.id, e.nextHopId)
    }
    if (r.kind === 'ipv4Gateway') {
      const t = r.gatewayRouteTableId ? byId.get(r.gatewayRouteTableId) : undefined
      if (t?.kind === 'routeTable') for (const e of t.entries) route(r.id, e.nextHopId)
    }
    if (r.kind === 'gwlbEndpoint' && byId.has(r.serviceId)) links.push([r.id, r.serviceId])
    if (r.kind === 'endpointService')
      for (const id of new Set(r.resources.map((x) => x.resourceId))) if (byId.has(id)) links.push([r.id, id])
    if (r.kind === 'gwlb') for (const s of r.serverGroup?.servers ?? []) if (byId.has(s)) links.push([r.id, s])
  }
  return links
}

function ancestry(tree: DrawnTree, id: string): string[] {
  const chain: string[] = []
  for (let at: string | undefined = id; at !== undefined; at = tree.parent.get(at)) chain.unshift(at)
  return chain
}

/**
 * Each link lifted to the container where its two ends meet: [container, one child of it, another child].
 * ELK lays out each container on its own, so a line between two leaves of different VPCs orders the VPCs.
 */
export function liftedLinks(tree: DrawnTree, links: [string, string][]): [string | undefined, string, string][] {
  const out = new Map<string, [string | undefined, string, string]>()
  for (const [a, b] of links) {
    if (!tree.parent.has(a) || !tree.parent.has(b)) continue
    const ca = ancestry(tree, a)
    const cb = ancestry(tree, b)
    let i = 0
    while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++
    // one end inside the other (a vSwitch routing to its own endpoint): nothing to order
    if (i === ca.length || i === cb.length) continue
    const lifted: [string | undefined, string, string] = [i === 0 ? undefined : ca[i - 1], ca[i], cb[i]]
    out.set(lifted.join('\u0000'), lifted)
  }
  return [...out.values()]
}

const { leaf, vswitch: V } = SIZES
const padding = (top: number, right: number, bottom: number, left: number) =>
  `[top=${top},left=${left},bottom=${bottom},right=${right}]`

const LAYERED: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.edgeRouting': 'POLYLINE',
  'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
}

/** How each kind of container lays out what it holds: top to bottom, except zones, read left to right. */
const CONTAINER_OPTIONS: Record<'page' | 'vpc' | 'zone', LayoutOptions> = {
  // the page: the internet above, consumers, services, providers below, as Tidy stacks them
  page: {
    ...LAYERED,
    'elk.direction': 'DOWN',
    'elk.spacing.nodeNode': '72',
    'elk.layered.spacing.nodeNodeBetweenLayers': '96',
    'elk.padding': padding(0, 0, 0, 0),
  },
  // under the two title lines; room between layers for the route labels that stand by the gateway
  vpc: {
    ...LAYERED,
    'elk.direction': 'DOWN',
    'elk.spacing.nodeNode': '36',
    'elk.layered.spacing.nodeNodeBetweenLayers': '72',
    'elk.padding': padding(64, 28, 28, 28),
    'elk.nodeSize.minimum': '(480, 120)',
  },
  // workloads on the left, the endpoint's vSwitch on the right: the default route runs level between them;
  // the zone caption is at the bottom
  zone: {
    ...LAYERED,
    'elk.direction': 'RIGHT',
    'elk.spacing.nodeNode': '36',
    'elk.layered.spacing.nodeNodeBetweenLayers': '120',
    'elk.padding': padding(20, 16, 30, 16),
    'elk.nodeSize.minimum': `(${V.minWidth + 32}, 120)`,
  },
}

/** Leaves in a vSwitch stand in rows of four, as Tidy places them: nothing inside a vSwitch is linked. */
function vswitchGrid(tree: DrawnTree, id: string, into: Layout): { width: number; height: number } {
  const leaves = tree.children.get(id) ?? []
  leaves.forEach((c, i) => {
    into[c] = {
      x: V.padX + (i % V.perRow) * (leaf.width + V.gap),
      y: V.top + Math.floor(i / V.perRow) * (leaf.height + V.gap),
    }
  })
  const cols = Math.max(1, Math.min(V.perRow, leaves.length))
  const rows = Math.max(1, Math.ceil(leaves.length / V.perRow))
  return {
    width: Math.max(V.minWidth, V.padX * 2 + cols * leaf.width + (cols - 1) * V.gap),
    height: V.top + rows * leaf.height + (rows - 1) * V.gap + V.bottom,
  }
}

export interface ElkRequest {
  /** the graph to hand to elk.layout() */
  graph: ElkNode
  /** positions ELK is not asked for: the leaves inside each vSwitch */
  grid: Layout
}

/** The ELK graph of the whole design (root undefined) or of one container's contents. */
export function toElkGraph(design: Design, root?: string): ElkRequest {
  const tree = drawnTree(design)
  if (root !== undefined && !tree.parent.has(root)) throw new Error(`nothing drawn has the id ${root}`)
  const grid: Layout = {}
  const edgesIn = new Map<string | undefined, ElkExtendedEdge[]>()
  for (const [container, a, b] of liftedLinks(tree, flowLinks(design))) {
    const list = edgesIn.get(container) ?? []
    list.push({ id: `${a}->${b}`, sources: [a], targets: [b] })
    edgesIn.set(container, list)
  }
  const node = (id: string): ElkNode => {
    const kind = tree.kind.get(id)
    if (kind === 'vswitch') return { id, ...vswitchGrid(tree, id, grid) }
    if (kind === 'vpc' || kind === 'zone') return container(id, CONTAINER_OPTIONS[kind])
    return { id, width: leaf.width, height: leaf.height }
  }
  // the page is the container without an id
  const container = (id: string | undefined, layoutOptions: LayoutOptions): ElkNode => ({
    id: id ?? 'page',
    layoutOptions,
    children: (tree.children.get(id) ?? []).map(node),
    edges: edgesIn.get(id) ?? [],
  })
  if (root === undefined) return { graph: container(undefined, CONTAINER_OPTIONS.page), grid }
  const kind = tree.kind.get(root)
  if (kind === 'vswitch') return { graph: node(root), grid }
  if (kind === 'vpc' || kind === 'zone') return { graph: container(root, CONTAINER_OPTIONS[kind]), grid }
  throw new Error(`${root} is not a container`)
}

/** Positions (relative to the parent) and container sizes from a graph ELK has laid out, plus the grids. */
export function fromElkGraph(laidOut: ElkNode, request: ElkRequest, tree: DrawnTree): Layout {
  const out: Layout = { ...request.grid }
  const visit = (n: ElkNode, isRoot: boolean) => {
    if (!isRoot) {
      const entry: LayoutEntry = { x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) }
      const kind = tree.kind.get(n.id)
      if (kind === 'vpc' || kind === 'zone' || kind === 'vswitch')
        Object.assign(entry, { width: Math.round(n.width ?? 0), height: Math.round(n.height ?? 0) })
      out[n.id] = entry
    }
    for (const c of n.children ?? []) visit(c, false)
  }
  visit(laidOut, true)
  if (laidOut.id === 'page') restackPage(tree, out)
  for (const vpc of tree.children.get(undefined) ?? []) if (tree.kind.get(vpc) === 'vpc') evenZoneBands(tree, vpc, out)
  return out
}

const PAGE = { rowGap: 96, wrapGap: 72, nodeGap: 72, maxRowWidth: 6000 }

/**
 * The page's layers as ELK ordered them, placed again as centred rows: ELK leaves room between layers for
 * lines it routes (the canvas routes its own) and never wraps a layer, so 85 consumer VPCs would stand in
 * one row 240,000 px wide. Rows wrap at maxRowWidth.
 */
function restackPage(tree: DrawnTree, out: Layout) {
  const size = (id: string) => ({ w: out[id].width ?? leaf.width, h: out[id].height ?? leaf.height })
  const top = [...(tree.children.get(undefined) ?? [])]
    .filter((id) => out[id])
    .sort((a, b) => out[a].y - out[b].y || out[a].x - out[b].x)
  const layers: string[][] = []
  let bottom = -Infinity
  for (const id of top) {
    if (out[id].y >= bottom) layers.push([])
    layers.at(-1)?.push(id)
    bottom = Math.max(bottom, out[id].y + size(id).h)
  }
  const rows = layers.flatMap((layer) => {
    const wrapped: string[][] = [[]]
    let width = 0
    for (const id of layer.sort((a, b) => out[a].x - out[b].x)) {
      const w = size(id).w
      if (wrapped.at(-1)?.length && width + PAGE.nodeGap + w > PAGE.maxRowWidth) {
        wrapped.push([])
        width = 0
      }
      width += (width ? PAGE.nodeGap : 0) + w
      wrapped.at(-1)?.push(id)
    }
    return wrapped.map((row, i) => ({ row, gap: i === 0 ? PAGE.rowGap : PAGE.wrapGap }))
  })
  const rowWidth = (row: string[]) => row.reduce((sum, id) => sum + size(id).w, 0) + (row.length - 1) * PAGE.nodeGap
  const pageWidth = Math.max(0, ...rows.map((r) => rowWidth(r.row)))
  let y = 0
  rows.forEach(({ row, gap }, i) => {
    if (i > 0) y += gap
    let x = Math.round((pageWidth - rowWidth(row)) / 2)
    // a row's nodes share their top, as the zone bands in a VPC do
    for (const id of row) {
      out[id] = { ...out[id], x, y }
      x += size(id).w + PAGE.nodeGap
    }
    y += Math.max(...row.map((id) => size(id).h))
  })
}

/** Zone bands side by side in a VPC share one top and one height, so the zones read as columns. */
function evenZoneBands(tree: DrawnTree, vpc: string, out: Layout) {
  const zones = (tree.children.get(vpc) ?? []).filter((id) => tree.kind.get(id) === 'zone' && out[id])
  for (const z of zones) {
    const a = out[z]
    const row = zones.filter((o) => {
      const b = out[o]
      return b.y < a.y + (a.height ?? 0) && a.y < b.y + (b.height ?? 0)
    })
    const top = Math.min(...row.map((o) => out[o].y))
    const bottom = Math.max(...row.map((o) => out[o].y + (out[o].height ?? 0)))
    for (const o of row) out[o] = { ...out[o], y: top, height: bottom - top }
  }
}

/**
 * A container's new contents placed into the design's current layout: the container keeps its place; if it
 * grew, what stood right of it or below it in each enclosing container moves over by as much, and each
 * enclosing container grows to hold its contents. Nothing that did not overlap before overlaps after.
 */
export function placeContainer(
  design: Design,
  root: string,
  contents: Layout,
  rootSize: { width: number; height: number },
): Layout {
  const tree = drawnTree(design)
  const out: Layout = { ...withDefaultLayout(design), ...contents }
  const sizeOf = (id: string) => ({ width: out[id]?.width ?? leaf.width, height: out[id]?.height ?? leaf.height })
  let at = root
  let before = { ...out[root], ...sizeOf(root) }
  out[root] = { ...out[root], ...rootSize }
  for (let parent = tree.parent.get(at); ; parent = tree.parent.get(at)) {
    const dw = Math.max(0, out[at].x + sizeOf(at).width - (before.x + before.width))
    const dh = Math.max(0, out[at].y + sizeOf(at).height - (before.y + before.height))
    for (const s of tree.children.get(parent) ?? []) {
      if (s === at) continue
      const b = out[s]
      out[s] = {
        ...b,
        x: b.x >= before.x + before.width ? b.x + dw : b.x,
        y: b.y >= before.y + before.height ? b.y + dh : b.y,
      }
    }
    if (parent === undefined) break
    before = { ...out[parent], ...sizeOf(parent) }
    const kind = tree.kind.get(parent)
    if (kind === 'vpc' || kind === 'zone' || kind === 'vswitch') {
      const pad = kind === 'vpc' ? SIZES.vpc : kind === 'zone' ? SIZES.zone : { padX: V.padX, bottom: V.bottom }
      let right = 0
      let bottom = 0
      for (const c of tree.children.get(parent) ?? []) {
        right = Math.max(right, out[c].x + sizeOf(c).width)
        bottom = Math.max(bottom, out[c].y + sizeOf(c).height)
      }
      out[parent] = {
        ...out[parent],
        width: Math.max(before.width, right + pad.padX),
        height: Math.max(before.height, bottom + pad.bottom),
      }
      if (kind === 'vpc') evenZoneBands(tree, parent, out)
    }
    at = parent
  }
  return out
}

/** What autoLayout needs of ELK: its worker-backed API in the browser, its plain build in Node. */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>
}

/**
 * The whole design laid out afresh (root undefined), or one container's contents with the rest of the
 * layout kept: the document's complete `layout` section either way.
 */
export async function autoLayout(elk: ElkLayouter, design: Design, root?: string): Promise<Layout> {
  const request = toElkGraph(design, root)
  const tree = drawnTree(design)
  const laidOut = await elk.layout(request.graph)
  const contents = fromElkGraph(laidOut, request, tree)
  if (root === undefined) return contents
  return placeContainer(design, root, contents, {
    width: Math.round(laidOut.width ?? 0),
    height: Math.round(laidOut.height ?? 0),
  })
}
