// Copy and paste, duplicate: a subtree with fresh ids and fresh addresses. A copied VPC moves to a free
// block and everything in it moves by the same offset; a copied vSwitch takes the next free /24 of its
// VPC; a lone instance takes its vSwitch's next free address. Copies are drawn beside their originals
// (placeCopies). The result must load, or nothing happens.
import type { Design, Resource, ResourceOf } from '../design'
import { type Cidr, cidrContainsAddress, cidrOrThrow, formatCidr, formatIpv4, parseCidr, parseIpv4 } from '../ipv4'
import { parse } from '../parse'
import { freshId } from './basic'
import { endpointRequest } from './create'
import { nextAddressIn, nextInternetAddress, nextVswitchCidr } from './freeAddresses'
import { placeCopies } from './placeCopies'

export type DuplicateResult = { ok: true; design: Design; ids: string[] } | { ok: false; message: string }

/** The selection and everything inside it. */
export function subtreeOf(design: Design, ids: readonly string[]): Resource[] {
  const chosen = new Set(ids)
  let grew = true
  while (grew) {
    grew = false
    for (const r of design.resources) {
      if (chosen.has(r.id)) continue
      const inVpc =
        'vpcId' in r && chosen.has(r.vpcId) && design.resources.find((v) => v.id === r.vpcId)?.kind === 'vpc'
      const inVswitch = 'vswitchId' in r && chosen.has(r.vswitchId)
      if (inVpc || inVswitch) {
        chosen.add(r.id)
        grew = true
      }
    }
  }
  return design.resources.filter((r) => chosen.has(r.id))
}

const VPC_BLOCKS = [
  '10.0.0.0/16',
  '192.168.0.0/16',
  '172.16.0.0/16',
  '10.1.0.0/16',
  '10.2.0.0/16',
  '10.3.0.0/16',
  '172.17.0.0/16',
  '172.18.0.0/16',
]

type Refused = { ok: false; message: string }
/** An address block a paste moves to another, with every CIDR and address inside it. */
type Move = { from: Cidr; to: Cidr }

/** A fresh id for each copied resource, none taken by the design or by an earlier copy. */
function copyIds(design: Design, clip: readonly Resource[]): Map<string, string> {
  let working: Design = design
  const idMap = new Map<string, string>()
  for (const r of clip) {
    const id = freshId(working, `${r.id}-copy`)
    idMap.set(r.id, id)
    working = { ...working, resources: [...working.resources, { ...r, id } as Resource] }
  }
  return idMap
}

/** Where the copied address blocks go: a copied VPC to a free VPC block, a copied vSwitch to its VPC's next free /24. */
function addressMoves(design: Design, clip: readonly Resource[]): Move[] | Refused {
  const moves: Move[] = []
  const usedVpcBlocks = design.resources.flatMap((r) => (r.kind === 'vpc' ? [r.cidrBlock] : []))
  for (const r of clip) {
    if (r.kind !== 'vpc') continue
    const free = VPC_BLOCKS.find(
      (b) => !usedVpcBlocks.includes(b) && cidrOrThrow(b).prefix === cidrOrThrow(r.cidrBlock).prefix,
    )
    if (!free) return { ok: false, message: `No free address block for a copy of ${r.name ?? r.id}.` }
    usedVpcBlocks.push(free)
    moves.push({ from: cidrOrThrow(r.cidrBlock), to: cidrOrThrow(free) })
  }
  const copiedVpcs = new Set(clip.filter((r) => r.kind === 'vpc').map((r) => r.id))
  let probe = design
  for (const r of clip) {
    if (r.kind !== 'vswitch' || copiedVpcs.has(r.vpcId)) continue
    const next = nextVswitchCidr(probe, r.vpcId)
    if (!next) return { ok: false, message: `VPC ${r.vpcId} has no free /24 for a copy of ${r.name ?? r.id}.` }
    moves.push({ from: cidrOrThrow(r.cidrBlock), to: cidrOrThrow(next) })
    probe = { ...probe, resources: [...probe.resources, { ...r, id: `probe-${r.id}`, cidrBlock: next }] }
  }
  return moves
}

/** The address and the CIDR block a move takes text to (the text itself when no move covers it). */
function mover(moves: Move[]) {
  return {
    address: (text: string): string => {
      const a = parseIpv4(text)
      if (a === null) return text
      const m = moves.find((x) => cidrContainsAddress(x.from, a))
      return m ? formatIpv4((a - m.from.base + m.to.base) >>> 0) : text
    },
    cidr: (text: string): string => {
      const c = parseCidr(text)
      if (!c.ok) return text
      const m = moves.find((x) => c.cidr.prefix >= x.from.prefix && cidrContainsAddress(x.from, c.cidr.base))
      return m ? formatCidr({ base: (c.cidr.base - m.from.base + m.to.base) >>> 0, prefix: c.cidr.prefix }) : text
    },
  }
}

/** A copy of `r`: its new id and name, the ids it names mapped to the copies', its addresses moved. */
function copyOf(r: Resource, id: (x: string) => string, move: ReturnType<typeof mover>): Resource {
  const c = structuredClone(r) as Resource & Record<string, unknown>
  c.id = id(r.id)
  if (c.name) c.name = `${c.name} (copy)`.slice(0, 128)
  for (const key of ['vpcId', 'vswitchId', 'routeTableId', 'gatewayRouteTableId', 'serviceId'] as const)
    if (typeof c[key] === 'string') c[key] = id(c[key] as string)
  if (c.kind === 'vpc' || c.kind === 'vswitch') c.cidrBlock = move.cidr(c.cidrBlock)
  if (c.kind === 'ecs' || c.kind === 'appliance') {
    c.privateIpAddress = move.address(c.privateIpAddress)
    c.securityGroupIds = c.securityGroupIds.map(id)
    // an EIP belongs to one instance: the copy gets none
    if (c.kind === 'ecs') delete c.publicIpAddress
  }
  if (c.kind === 'gwlbEndpoint') c.ipAddress = move.address(c.ipAddress)
  if (c.kind === 'routeTable')
    c.entries = c.entries.map((e) => ({
      ...e,
      destinationCidrBlock: move.cidr(e.destinationCidrBlock),
      nextHopId: id(e.nextHopId),
    }))
  if (c.kind === 'gwlb') {
    c.zoneMappings = c.zoneMappings.map((m) => ({
      ...m,
      vswitchId: id(m.vswitchId),
      privateIpAddress: move.address(m.privateIpAddress),
    }))
    if (c.serverGroup) c.serverGroup = { ...c.serverGroup, servers: c.serverGroup.servers.map(id) }
  }
  if (c.kind === 'endpointService') c.resources = c.resources.map((x) => ({ ...x, resourceId: id(x.resourceId) }))
  if (c.kind === 'internetHost') c.ipAddress = formatIpv4((parseIpv4(c.ipAddress) ?? 0) + 1)
  return c
}

/**
 * Gives a copy landing among resources that are not moving a free address of its own (in place): a lone
 * instance or endpoint in its vSwitch, a GWLB in each zone it maps, an internet host after the others.
 */
function readdress(out: Design, c: Resource, copiedIds: Set<string>, moves: Move[]): Refused | null {
  const moving = (address: string) => {
    const a = parseIpv4(address)
    return a === null || moves.some((m) => cidrContainsAddress(m.from, a))
  }
  // a lone instance pasted into a vSwitch that is not moving takes that vSwitch's next free address
  if ((c.kind === 'ecs' || c.kind === 'appliance' || c.kind === 'gwlbEndpoint') && !copiedIds.has(c.vswitchId)) {
    if (!moving(c.kind === 'gwlbEndpoint' ? c.ipAddress : c.privateIpAddress)) {
      const free = nextAddressIn(out, c.vswitchId)
      if (!free) return { ok: false, message: `vSwitch ${c.vswitchId} has no free address for ${c.name ?? c.id}.` }
      if (c.kind === 'gwlbEndpoint') c.ipAddress = free
      else c.privateIpAddress = free
    }
  }
  // a GWLB pasted beside its vSwitches takes a free address in each zone it maps (its own stay with the original)
  if (c.kind === 'gwlb') {
    const mappings = []
    for (const m of c.zoneMappings) {
      const staying = !copiedIds.has(m.vswitchId) && !moving(m.privateIpAddress)
      const free = staying ? nextAddressIn(out, m.vswitchId) : m.privateIpAddress
      if (!free) return { ok: false, message: `vSwitch ${m.vswitchId} has no free address for ${c.name ?? c.id}.` }
      mappings.push({ ...m, privateIpAddress: free })
    }
    c.zoneMappings = mappings
  }
  // an internet host's copy takes the address after the original's, or the next free one
  const publicAddress = (r: Resource) =>
    r.kind === 'internetHost' ? r.ipAddress : r.kind === 'ecs' ? r.publicIpAddress : undefined
  if (c.kind === 'internetHost' && out.resources.some((r) => publicAddress(r) === c.ipAddress))
    c.ipAddress = nextInternetAddress(out)
  return null
}

/**
 * A copied GWLBe is a new connection request: the cloud's rules for creating one apply (one per zone of a VPC for
 * a service, a zone the service offers, a whitelist that admits the account), and it is Connected only when the
 * service accepts automatically; otherwise it waits for the provider. Sets each copy's status, in place.
 */
function requestConnections(out: Design, copies: Resource[]): Refused | null {
  const endpoints = copies.filter((c): c is ResourceOf<'gwlbEndpoint'> => c.kind === 'gwlbEndpoint')
  const copiedEndpoints = new Set<Resource>(endpoints)
  let requested: Design = { ...out, resources: out.resources.filter((r) => !copiedEndpoints.has(r)) }
  for (const c of endpoints) {
    const request = endpointRequest(requested, c.vswitchId, c.serviceId)
    if (!request.ok) return { ok: false, message: request.message }
    c.connectionStatus = request.status
    requested = { ...requested, resources: [...requested.resources, c] }
  }
  return null
}

/** Pastes `clip` (resources copied from this or another design) into `design`. */
export function pasteResources(design: Design, clip: readonly Resource[]): DuplicateResult {
  if (!clip.length) return { ok: false, message: 'Nothing to paste.' }
  const idMap = copyIds(design, clip)
  const moves = addressMoves(design, clip)
  if (!Array.isArray(moves)) return moves
  const move = mover(moves)
  const copies = clip.map((r) => copyOf(r, (x) => idMap.get(x) ?? x, move))
  let out: Design = { ...design, resources: [...design.resources] }
  const copiedIds = new Set(idMap.values())
  for (const c of copies) {
    const refused = readdress(out, c, copiedIds, moves)
    if (refused) return refused
    out = { ...out, resources: [...out.resources, c] }
  }
  const refused = requestConnections(out, copies)
  if (refused) return refused
  // drawn beside the originals, not on top of them
  out = { ...out, layout: placeCopies(design, out, idMap) }
  const checked = parse(out)
  if (!checked.ok)
    return {
      ok: false,
      message: `The copy would not be a valid design: ${checked.errors[0]?.message ?? checked.reason}`,
    }
  return { ok: true, design: checked.design, ids: copies.map((c) => c.id) }
}

export function duplicateResources(design: Design, ids: readonly string[]): DuplicateResult {
  return pasteResources(design, subtreeOf(design, ids))
}
