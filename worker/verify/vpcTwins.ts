// Interchangeable consumer VPCs: VPCs configured alike up to their ids and addresses, that nothing outside them
// tells apart. Swapping two of them (their resources, private blocks and EIPs) maps the design onto itself, and
// the appliances stay where they are, so a flow and its swapped image have the very same outcomes. The verifier
// walks the flows of one VPC of each group and maps the others' onto them. May not touch: React, the DOM, zustand.
import { type Design, parseCidr, parseIpv4, type Resource } from '../../src/model'

/** One consumer VPC and what it holds, its resources in the design's order (their ordinals pair them). */
export interface VpcKit {
  vpc: string
  /** the VPC's CIDR block, unsigned, inclusive */
  lo: number
  hi: number
  /** the ids of the VPC and every resource in it, in the design's order */
  ids: string[]
  /** per ordinal of `ids`: the EIP of that resource, or -1 */
  eips: number[]
}

/** What intents name: resources and VPCs they pin (no twin stands for them), address blocks they cut. */
export interface Pins {
  ids: ReadonlySet<string>
  ranges: readonly { lo: number; hi: number }[]
}

/** The kinds a consumer VPC may hold and still be swapped: no appliance, GWLB or route target group, whose ids the hash or the service reads. */
const KIT_KINDS = new Set<Resource['kind']>([
  'vpc',
  'vswitch',
  'routeTable',
  'securityGroup',
  'ipv4Gateway',
  'gwlbEndpoint',
  'ecs',
])

/** An address or block as written in a field: "a.b.c.d" or "a.b.c.d/n"; null for any other text. */
function block(text: string): { lo: number; hi: number } | null {
  if (text.includes('/')) {
    const c = parseCidr(text)
    return c.ok ? { lo: c.cidr.base, hi: c.cidr.base + 2 ** (32 - c.cidr.prefix) - 1 } : null
  }
  const a = parseIpv4(text)
  return a === null ? null : { lo: a, hi: a }
}

/** Every string of a resource but its id, name and description (words for people, which may repeat anything). */
function strings(r: Resource): string[] {
  const out: string[] = []
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  const { id: _id, name: _name, description: _description, ...rest } = r as Resource & { description?: string }
  walk(rest)
  return out
}

/** The candidate kits: every VPC holding only kinds a swap may move, with its members. */
function kitsOf(design: Design): VpcKit[] {
  const memberOf = new Map<string, string>()
  for (const r of design.resources) if (r.kind === 'vpc') memberOf.set(r.id, r.id)
  for (const r of design.resources) if ('vpcId' in r && typeof r.vpcId === 'string') memberOf.set(r.id, r.vpcId)
  for (const r of design.resources)
    if ('vswitchId' in r && typeof r.vswitchId === 'string' && !memberOf.has(r.id)) {
      const v = memberOf.get(r.vswitchId)
      if (v) memberOf.set(r.id, v)
    }
  const kits = new Map<string, VpcKit | null>()
  for (const r of design.resources) {
    const v = memberOf.get(r.id)
    if (v === undefined) continue
    let kit = kits.get(v)
    if (kit === null) continue
    if (!KIT_KINDS.has(r.kind)) {
      kits.set(v, null)
      continue
    }
    if (kit === undefined) {
      kit = { vpc: v, lo: 0, hi: -1, ids: [], eips: [] }
      kits.set(v, kit)
    }
    kit.ids.push(r.id)
    kit.eips.push(r.kind === 'ecs' && r.publicIpAddress ? (parseIpv4(r.publicIpAddress) ?? -1) : -1)
    if (r.kind === 'vpc') {
      const b = block(r.cidrBlock)
      if (b) Object.assign(kit, b)
    }
  }
  return [...kits.values()].filter((k): k is VpcKit => k !== null && k.hi >= k.lo)
}

/**
 * The kit's resources in words that name no id of its own and no address of its own: ids as ordinals, its
 * private addresses and blocks as offsets in its CIDR, its EIPs as the ordinal holding them. Two kits with the
 * same text are configured alike. Addresses outside the kit stay as written (`literals` collects them).
 */
function canonicalText(kit: VpcKit, byId: Map<string, Resource>, literals: { lo: number; hi: number }[]): string {
  const ordinal = new Map(kit.ids.map((id, i) => [id, i]))
  const eipOrdinal = new Map(kit.eips.flatMap((e, i) => (e >= 0 ? [[e, i] as const] : [])))
  const word = (s: string): string => {
    const o = ordinal.get(s)
    if (o !== undefined) return `#${o}`
    const b = block(s)
    if (!b) return s
    if (b.lo >= kit.lo && b.hi <= kit.hi) return `@${b.lo - kit.lo}+${b.hi - b.lo}`
    const e = b.lo === b.hi ? eipOrdinal.get(b.lo) : undefined
    if (e !== undefined) return `^${e}`
    literals.push(b)
    return s
  }
  const canon = (v: unknown): unknown => {
    if (typeof v === 'string') return word(v)
    if (Array.isArray(v)) return v.map(canon)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canon(x)]))
    return v
  }
  return JSON.stringify(
    kit.ids.map((id) => {
      const {
        id: _id,
        name: _name,
        description: _description,
        ...rest
      } = byId.get(id) as Resource & {
        description?: string
      }
      return canon(rest)
    }),
  )
}

/**
 * How every address block written outside the kits' own addresses sees one kit: 'all' or 'none' of its CIDR and
 * which of its EIPs it holds; null when a block cuts its CIDR (a route to one of its subnets, a host at one of
 * its addresses), which no other kit would match.
 */
function outsideView(kit: VpcKit, literals: readonly { lo: number; hi: number }[]): string | null {
  let view = ''
  for (const b of literals) {
    const all = b.lo <= kit.lo && b.hi >= kit.hi
    if (!all && b.hi >= kit.lo && b.lo <= kit.hi) return null
    view += all ? 'A' : 'N'
    for (const e of kit.eips) if (e >= 0) view += e >= b.lo && e <= b.hi ? '1' : '0'
    view += ';'
  }
  return view
}

/**
 * The groups (two kits or more) of interchangeable consumer VPCs; the first kit of each stands for the group.
 * Kits are alike when their canonical texts are equal, no resource outside them (another kit's included) names
 * one of their ids, no
 * address block written anywhere else (or cut by an intent) tells them apart, their CIDRs overlap no other VPC's,
 * their EIPs lie outside every VPC, and no intent names them.
 */
export function vpcTwins(design: Design, pins: Pins): VpcKit[][] {
  const kits = kitsOf(design)
  if (kits.length < 2) return []
  const byId = new Map(design.resources.map((r) => [r.id, r]))
  const inKit = new Map<string, VpcKit>()
  for (const k of kits) for (const id of k.ids) inKit.set(id, k)
  const pinned = new Set<VpcKit>()
  const literals: { lo: number; hi: number }[] = [...pins.ranges]
  const vpcBlocks: { vpc: string; lo: number; hi: number }[] = []
  for (const r of design.resources) {
    if (r.kind === 'vpc') {
      const b = block(r.cidrBlock)
      if (b) vpcBlocks.push({ vpc: r.id, ...b })
    }
    if (inKit.has(r.id)) continue
    for (const s of strings(r)) {
      const named = inKit.get(s)
      if (named) pinned.add(named)
      const b = block(s)
      if (b) literals.push(b)
    }
  }
  for (const id of pins.ids) {
    const k = inKit.get(id)
    if (k) pinned.add(k)
  }
  // a resource naming another kit's (an instance in another VPC's security group, say, which the format refuses
  // today) ties the two kits: the swap would move one end of the reference only
  for (const k of kits)
    for (const id of k.ids)
      for (const s of strings(byId.get(id) as Resource)) {
        const other = inKit.get(s)
        if (other && other !== k) pinned.add(k).add(other)
      }
  const texts = new Map<VpcKit, string>()
  for (const k of kits) texts.set(k, canonicalText(k, byId, literals))
  // every kit writes its own 0.0.0.0/0: one of each block is enough to compare views
  const distinct = [...new Map(literals.map((b) => [`${b.lo}-${b.hi}`, b])).values()]
  const groups = new Map<string, VpcKit[]>()
  for (const k of kits) {
    if (pinned.has(k)) continue
    if (vpcBlocks.some((v) => v.vpc !== k.vpc && v.hi >= k.lo && v.lo <= k.hi)) continue
    if (k.eips.some((e) => e >= 0 && vpcBlocks.some((v) => e >= v.lo && e <= v.hi))) continue
    const view = outsideView(k, distinct)
    if (view === null) continue
    const key = `${texts.get(k)}\n${view}`
    const g = groups.get(key)
    if (g) g.push(k)
    else groups.set(key, [k])
  }
  return [...groups.values()].filter((g) => g.length > 1)
}

/** Whether two kits hold the same ids, block and EIPs: one swap then moves the same things in either design. */
function sameKit(a: VpcKit, b: VpcKit): boolean {
  return (
    a.lo === b.lo &&
    a.hi === b.hi &&
    a.ids.length === b.ids.length &&
    a.ids.every((id, i) => id === b.ids[i]) &&
    a.eips.every((e, i) => e === b.eips[i])
  )
}

/**
 * The groups of consumer VPCs interchangeable in every one of several designs (the two sides of a comparison):
 * twins in each design, holding the same resources, block and EIPs in each, so that one swap maps every design
 * onto itself. A VPC an edit set apart in one design stands for itself. Ordered as in the first design.
 * `found`: each design's own groups (vpcTwins()), when already found (a comparison built in steps).
 */
export function sharedTwins(
  designs: readonly Design[],
  pins: Pins,
  found: readonly VpcKit[][][] = designs.map((d) => vpcTwins(d, pins)),
): VpcKit[][] {
  const [groups, ...others] = found
  if (!groups) return []
  if (!others.length) return groups
  const where = others.map((g) => {
    const at = new Map<string, { group: number; kit: VpcKit }>()
    for (const [group, kits] of g.entries()) for (const kit of kits) at.set(kit.vpc, { group, kit })
    return at
  })
  const shared = new Map<string, VpcKit[]>()
  for (const [n, g] of groups.entries())
    for (const k of g) {
      const at = where.map((m) => m.get(k.vpc))
      if (at.some((x) => !x || !sameKit(x.kit, k))) continue
      const key = [n, ...at.map((x) => x?.group)].join('/')
      const s = shared.get(key)
      if (s) s.push(k)
      else shared.set(key, [k])
    }
  return [...shared.values()].filter((g) => g.length > 1)
}
