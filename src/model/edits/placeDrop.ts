// Where a new resource is drawn: where the user dropped it. Everything drawn before stays where it was drawn
// (its default place is written into the layout, so a default layout that would now order things differently
// cannot move it); the containers that must grow to hold the new resource grow, and push aside only what
// they would otherwise cover. Only Tidy and Auto-layout move what exists.
import { computeLayout, drawnParentOf, SIZES, withDefaultLayout } from '../defaultLayout'
import { type Design, type LayoutEntry, type Resource, type ResourceOf, zoneKey } from '../design'

/** A point on the canvas, in canvas units from the page's origin. */
export type Point = { x: number; y: number }

type Box = { x: number; y: number; width: number; height: number }

const UNDRAWN = new Set<Resource['kind']>(['routeTable', 'securityGroup'])
const CONTAINERS = new Set<Resource['kind']>(['vpc', 'vswitch'])

/** Room a container keeps right of and below its children. */
const PAD_OF = {
  vswitch: { right: SIZES.vswitch.padX, bottom: SIZES.vswitch.bottom },
  zone: { right: SIZES.zone.padX, bottom: SIZES.zone.bottom },
  vpc: { right: SIZES.vpc.padX, bottom: SIZES.vpc.bottom },
}

/** How far inside a dropped container's corner the pointer is: the corner lands just above and left of it. */
const CONTAINER_ANCHOR = 12

/** Space left between a new resource and a sibling it would otherwise cover. */
const GAP = { page: 40, inside: 16 }

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Every drawn thing of a design (resources and the zone bands of each VPC) with the container it is drawn in. */
function drawnTree(design: Design): Map<string, string | undefined> {
  const parentOf = new Map<string, string | undefined>()
  for (const r of design.resources) {
    if (UNDRAWN.has(r.kind)) continue
    parentOf.set(r.id, drawnParentOf(r))
    if (r.kind === 'vswitch') parentOf.set(zoneKey(r.vpcId, r.zoneId), r.vpcId)
  }
  return parentOf
}

/** The layout being edited, read with `computed` where it has no entry, over the drawn tree `parentOf`. */
function dropSheet(
  after: Design,
  layout: Record<string, LayoutEntry>,
  computed: Record<string, LayoutEntry>,
  parentOf: Map<string, string | undefined>,
) {
  const children = (parent: string | undefined) => [...parentOf].filter(([, p]) => p === parent).map(([k]) => k)
  const boxOf = (key: string): Box => {
    const e = layout[key] ?? computed[key]
    return {
      x: e?.x ?? 0,
      y: e?.y ?? 0,
      width: e?.width ?? SIZES.leaf.width,
      height: e?.height ?? SIZES.leaf.height,
    }
  }
  const isContainer = (key: string) =>
    key.includes('/') || CONTAINERS.has(after.resources.find((x) => x.id === key)?.kind ?? 'ecs')
  const set = (key: string, b: Box) => {
    layout[key] = isContainer(key) ? { ...b } : { x: b.x, y: b.y }
  }
  const absolute = (key: string | undefined): Point => {
    if (key === undefined) return { x: 0, y: 0 }
    const own = boxOf(key)
    const up = absolute(parentOf.get(key))
    return { x: own.x + up.x, y: own.y + up.y }
  }
  return { parentOf, computed, children, boxOf, isContainer, set, absolute }
}
type DropSheet = ReturnType<typeof dropSheet>

/** A vSwitch in a zone the VPC had no vSwitch in yet brings its zone's band: right of the VPC's other bands. */
function placeNewBand(sheet: DropSheet, r: ResourceOf<'vswitch'>, band: string, at: Point | undefined) {
  const { children, boxOf, set, absolute } = sheet
  const own = sheet.computed[band]
  const bands = children(r.vpcId).filter((k) => k.includes('/') && k !== band)
  const right = Math.max(SIZES.vpc.padX - SIZES.vpc.zoneGap, ...bands.map((k) => boxOf(k).x + boxOf(k).width))
  // where the vSwitch's corner goes (CONTAINER_ANCHOR), less the band's margin: the vSwitch lands on the point
  const dropX = at ? at.x - CONTAINER_ANCHOR - absolute(r.vpcId).x - SIZES.zone.padX : -Infinity
  set(band, {
    x: Math.max(right + SIZES.vpc.zoneGap, dropX),
    y: SIZES.vpc.top,
    width: own?.width ?? SIZES.vswitch.minWidth + 2 * SIZES.zone.padX,
    height: Math.max(own?.height ?? 0, ...bands.map((k) => boxOf(k).height)),
  })
}

/**
 * Where the new resource goes: the dropped point is a leaf's centre and a container's top-left corner (a little
 * inside it), or its default place without a point; clamped into its container's working area, and never on a
 * sibling (it steps right past whatever it would cover).
 */
function dropBox(sheet: DropSheet, r: Resource, parent: string | undefined, at: Point | undefined): Box {
  const { computed, children, boxOf } = sheet
  const id = r.id
  const size = { width: computed[id]?.width ?? SIZES.leaf.width, height: computed[id]?.height ?? SIZES.leaf.height }
  const origin = sheet.absolute(parent)
  const anchor = sheet.isContainer(id)
    ? { x: CONTAINER_ANCHOR, y: CONTAINER_ANCHOR }
    : { x: size.width / 2, y: size.height / 2 }
  const wanted = at
    ? { x: at.x - origin.x - anchor.x, y: at.y - origin.y - anchor.y }
    : { x: computed[id]?.x ?? 0, y: computed[id]?.y ?? 0 }
  let box: Box = { ...clampInto(r, parent, wanted), ...size }
  const siblings = children(parent)
    .filter((k) => k !== id)
    .map(boxOf)
  const gap = parent === undefined ? GAP.page : GAP.inside
  for (let i = 0; i <= siblings.length; i++) {
    const hit = siblings.find((s) => overlaps(s, box))
    if (!hit) break
    box = { ...box, x: hit.x + hit.width + gap }
  }
  return box
}

/** Each container up the chain from `parent` grows to hold what it holds, pushing aside a sibling it would now cover. */
function growUp(sheet: DropSheet, after: Design, parent: string | undefined) {
  const { parentOf, children, boxOf, set } = sheet
  for (let key = parent; key !== undefined; key = parentOf.get(key)) {
    const old = boxOf(key)
    const pad = key.includes('/')
      ? PAD_OF.zone
      : after.resources.find((x) => x.id === key)?.kind === 'vswitch'
        ? PAD_OF.vswitch
        : PAD_OF.vpc
    const kids = children(key).map(boxOf)
    const width = Math.max(old.width, ...kids.map((k) => k.x + k.width + pad.right))
    const height = Math.max(old.height, ...kids.map((k) => k.y + k.height + pad.bottom))
    if (width === old.width && height === old.height) continue
    const grown = { ...old, width, height }
    set(key, grown)
    for (const s of children(parentOf.get(key))) {
      if (s === key) continue
      const b = boxOf(s)
      // the zone bands of a VPC stand as tall as each other
      if (key.includes('/') && s.includes('/') && b.height < height) set(s, { ...b, height })
      if (!overlaps(grown, b) || overlaps(old, b)) continue
      const right = b.x >= old.x + old.width
      set(s, right ? { ...b, x: b.x + width - old.width } : { ...b, y: b.y + height - old.height })
    }
  }
}

/**
 * The layout of `after`, which is `before` with resource `id` added (and perhaps undrawn ones such as its route
 * table): what `before` drew keeps its place, and `id` goes to `at` (where it was dropped, in canvas units), or
 * to its default place when no point is given. Either way it covers no sibling.
 */
export function placeDropped(before: Design, after: Design, id: string, at?: Point): Design['layout'] {
  const drawnBefore = drawnTree(before)
  const kept = withDefaultLayout(before)
  const layout: Record<string, LayoutEntry> = { ...after.layout }
  for (const key of drawnBefore.keys()) {
    const entry = kept[key]
    if (entry) layout[key] = entry
  }
  const r = after.resources.find((x) => x.id === id)
  if (!r || UNDRAWN.has(r.kind)) return layout
  const sheet = dropSheet(after, layout, computeLayout(after), drawnTree(after))
  const parent = sheet.parentOf.get(id)
  if (r.kind === 'vswitch' && parent !== undefined && !drawnBefore.has(parent)) placeNewBand(sheet, r, parent, at)
  sheet.set(id, dropBox(sheet, r, parent, at))
  growUp(sheet, after, parent)
  return layout
}

/** A position inside its container's working area: below a VPC's titles, inside a vSwitch's padding. */
function clampInto(r: Resource, parent: string | undefined, p: Point): Point {
  if (parent === undefined) return p
  if (r.kind === 'ipv4Gateway') return { x: Math.max(SIZES.vpc.padX, p.x), y: -SIZES.leaf.height / 2 }
  if (r.kind === 'gwlb') return { x: Math.max(SIZES.vpc.padX, p.x), y: Math.max(52, p.y) }
  if (r.kind === 'vswitch') return { x: Math.max(SIZES.zone.padX, p.x), y: Math.max(SIZES.zone.top, p.y) }
  return { x: Math.max(SIZES.vswitch.padX, p.x), y: Math.max(SIZES.vswitch.top, p.y) }
}
