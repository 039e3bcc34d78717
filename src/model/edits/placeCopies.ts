// Where pasted or duplicated resources are drawn: beside their originals, never on top of them or of their
// siblings. A copy the default layout already places clear of everything keeps no layout entry; otherwise it
// gets the next free slot of its container (a server the next cell of its vSwitch's grid, a vSwitch the space
// under its column, anything else the space to the right of its row), and every container that must grow to
// hold it grows, pushing what lies to its right or below it by as much.

import { computeLayout, drawnParentOf, SIZES } from '../defaultLayout'
import { type Design, type LayoutEntry, type Resource, zoneKey } from '../design'

type Box = { x: number; y: number; width: number; height: number }

/** Resource kinds that are not drawn (opened from their owners' forms). */
const UNDRAWN = new Set<Resource['kind']>(['routeTable', 'securityGroup'])
const LEAVES = new Set<Resource['kind']>(['ecs', 'appliance', 'gwlbEndpoint'])

/** Room a container keeps right of and below its children. */
const PAD = {
  vswitch: { right: SIZES.vswitch.padX, bottom: SIZES.vswitch.bottom },
  zone: { right: SIZES.zone.padX, bottom: SIZES.zone.bottom },
  vpc: { right: SIZES.vpc.padX, bottom: SIZES.vpc.bottom },
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (a: Box, parent: Box) =>
  a.x >= 0 && a.y >= 0 && a.x + a.width <= parent.width && a.y + a.height <= parent.height

/** The VPC of a zone band's key ("vpcId/zoneId"), or the key itself for a resource id. */
function containerOf(key: string): string {
  return key.split('/')[0] ?? key
}

/** The tree of drawn things: resources, and the zone bands of each VPC. */
function drawnTree(design: Design) {
  const parentOf = new Map<string, string | undefined>()
  const children = new Map<string | undefined, string[]>()
  const link = (id: string, parent: string | undefined) => {
    parentOf.set(id, parent)
    children.set(parent, [...(children.get(parent) ?? []), id])
  }
  for (const r of design.resources) if (!UNDRAWN.has(r.kind)) link(r.id, drawnParentOf(r))
  const zoneKeys = new Set<string>()
  for (const r of design.resources) if (r.kind === 'vswitch') zoneKeys.add(zoneKey(r.vpcId, r.zoneId))
  for (const key of zoneKeys) link(key, key.split('/')[0])
  return { parentOf, children, zoneKeys }
}
type DrawnTree = ReturnType<typeof drawnTree>

/** Inside a copied container everything is drawn as in the original: the copies take the originals' entries. */
function copyInsides(
  before: Design,
  after: Design,
  copyOf: ReadonlyMap<string, string>,
  layout: Record<string, LayoutEntry>,
) {
  const byId = new Map(after.resources.map((r) => [r.id, r]))
  const copies = new Set(copyOf.values())
  for (const [o, c] of copyOf) {
    const r = byId.get(c)
    if (!r) continue
    const parent = drawnParentOf(r)
    const parentCopied = parent !== undefined && (copies.has(parent) || copies.has(containerOf(parent)))
    const drawn = before.layout[o]
    if (parentCopied && drawn) layout[c] = drawn
    if (r.kind === 'vpc')
      for (const z of after.zones) {
        const band = before.layout[zoneKey(o, z)]
        if (band) layout[zoneKey(c, z)] = band
      }
  }
}

/**
 * The layout being edited, read with the computed layout where it has no entry: a box's place and size, setting
 * one, and growing a container to hold its children, pushing what lies right of or below it, then its own.
 */
function layoutSheet(after: Design, layout: Record<string, LayoutEntry>, { parentOf, children, zoneKeys }: DrawnTree) {
  const byId = new Map(after.resources.map((r) => [r.id, r]))
  const computed = computeLayout(after)
  const boxOf = (id: string, entry = layout[id] ?? computed[id]): Box => ({
    x: entry?.x ?? 0,
    y: entry?.y ?? 0,
    width: entry?.width ?? SIZES.leaf.width,
    height: entry?.height ?? SIZES.leaf.height,
  })
  const isContainer = (id: string) => zoneKeys.has(id) || ['vpc', 'vswitch'].includes(byId.get(id)?.kind ?? '')
  const set = (id: string, box: Box) => {
    layout[id] = isContainer(id) ? { x: box.x, y: box.y, width: box.width, height: box.height } : { x: box.x, y: box.y }
  }
  const padOf = (id: string) => (zoneKeys.has(id) ? PAD.zone : byId.get(id)?.kind === 'vswitch' ? PAD.vswitch : PAD.vpc)
  /** Moves the siblings right of or below a container that grew by (dw, dh). */
  const pushSiblings = (id: string, box: Box, dw: number, dh: number) => {
    for (const s of children.get(parentOf.get(id)) ?? []) {
      if (s === id) continue
      const b = boxOf(s)
      const moved = {
        ...b,
        x: b.x >= box.x + box.width ? b.x + dw : b.x,
        y: b.y >= box.y + box.height ? b.y + dh : b.y,
      }
      if (moved.x !== b.x || moved.y !== b.y) set(s, moved)
    }
  }
  const grow = (id: string | undefined) => {
    if (id === undefined) return // the page has no edge
    const box = boxOf(id)
    const kids = (children.get(id) ?? []).map((k) => boxOf(k))
    const pad = padOf(id)
    const dw = Math.max(0, Math.max(0, ...kids.map((k) => k.x + k.width + pad.right)) - box.width)
    const dh = Math.max(0, Math.max(0, ...kids.map((k) => k.y + k.height + pad.bottom)) - box.height)
    if (!dw && !dh) return
    set(id, { ...box, width: box.width + dw, height: box.height + dh })
    pushSiblings(id, box, dw, dh)
    const parent = parentOf.get(id)
    // the zone bands of a VPC stand as tall as each other
    if (zoneKeys.has(id) && dh)
      for (const s of children.get(parent) ?? [])
        if (zoneKeys.has(s) && boxOf(s).height < box.height + dh) set(s, { ...boxOf(s), height: box.height + dh })
    grow(parent)
  }
  return { boxOf, set, grow }
}

/**
 * The next free slot of a copy of `kind` beside its original's box, among its siblings: a leaf the next cell of its
 * vSwitch's grid, a vSwitch the space under its column, anything else the space right of its row.
 */
function slotFor(kind: Resource['kind'], onPage: boolean, original: Box, siblings: Box[]): Box {
  const size = { width: original.width, height: original.height }
  const clear = (b: Box) => !siblings.some((s) => overlaps(s, b))
  if (LEAVES.has(kind)) {
    const { leaf, vswitch: V } = SIZES
    let at: Box = { x: V.padX, y: V.top, ...size }
    for (let i = 0; !clear(at); i++)
      at = {
        x: V.padX + (i % V.perRow) * (leaf.width + V.gap),
        y: V.top + Math.floor(i / V.perRow) * (leaf.height + V.gap),
        ...size,
      }
    return at
  }
  if (kind === 'vswitch') {
    const column = siblings.filter((s) => s.x < original.x + size.width && original.x < s.x + s.width)
    return {
      x: original.x,
      y: Math.max(SIZES.zone.top - SIZES.zone.rowGap, ...column.map((s) => s.y + s.height)) + SIZES.zone.rowGap,
      ...size,
    }
  }
  const gap = kind === 'vpc' ? SIZES.page.vpcGap : onPage ? SIZES.page.hostGap : 40
  const row = siblings.filter((s) => s.y < original.y + size.height && original.y < s.y + s.height)
  return { x: Math.max(original.x, ...row.map((s) => s.x + s.width + gap)), y: original.y, ...size }
}

/**
 * The layout of `after` (which holds the copies) with the copies placed. `copyOf` maps each original's id
 * to its copy's; `before` is the design the originals were copied from, where they still are. (A resource
 * new from the palette is placed where it was dropped: placeDrop.ts.)
 */
export function placeCopies(before: Design, after: Design, copyOf: ReadonlyMap<string, string>): Design['layout'] {
  const layout: Record<string, LayoutEntry> = { ...after.layout }
  const byId = new Map(after.resources.map((r) => [r.id, r]))
  const copies = new Set(copyOf.values())
  const originalOf = new Map([...copyOf].map(([o, c]) => [c, o]))
  copyInsides(before, after, copyOf, layout)
  const tree = drawnTree(after)
  const { boxOf, set, grow } = layoutSheet(after, layout, tree)
  const computedBefore = computeLayout(before)
  for (const c of copies) {
    const r = byId.get(c)
    if (!r || UNDRAWN.has(r.kind)) continue
    const parent = tree.parentOf.get(c)
    if (parent !== undefined && (copies.has(parent) || copies.has(containerOf(parent)))) continue // moved with its container
    const siblings = (tree.children.get(parent) ?? []).filter((s) => s !== c).map((s) => boxOf(s))
    const own = boxOf(c)
    if (!siblings.some((s) => overlaps(s, own)) && (parent === undefined || inside(own, boxOf(parent)))) continue
    const o = originalOf.get(c)
    const drawnBefore = o === undefined ? undefined : (before.layout[o] ?? computedBefore[o])
    const original = o !== undefined && drawnBefore ? boxOf(o, drawnBefore) : own
    set(c, slotFor(r.kind, parent === undefined, original, siblings))
    grow(parent)
  }
  return layout
}
