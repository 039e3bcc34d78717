// What every writer of the Terraform export shares: the design's resources by id, the Terraform names
// handed out so far, references to resources already written, and the items of the file being built.
import type { Design, Resource, ResourceKind } from '../../model'
import { attr, blank, block, comment, Expr, type Item } from '../hcl'

/** Terraform resource names: [a-z0-9_], unique per resource type, derived from design ids. */
export class Namer {
  private used = new Map<string, Set<string>>()
  private byKey = new Map<string, string>()

  name(tfType: string, key: string, wanted: string = key): string {
    const known = this.byKey.get(`${tfType}\u0000${key}`)
    if (known) return known
    let base = wanted.toLowerCase().replace(/[^a-z0-9_]/g, '_')
    if (!/^[a-z_]/.test(base)) base = `r_${base}`
    const used = this.used.get(tfType) ?? new Set<string>()
    this.used.set(tfType, used)
    let name = base
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`
    used.add(name)
    this.byKey.set(`${tfType}\u0000${key}`, name)
    return name
  }
}

const TF_TYPE: Partial<Record<ResourceKind, string>> = {
  vpc: 'alicloud_vpc',
  vswitch: 'alicloud_vswitch',
  routeTable: 'alicloud_route_table',
  ipv4Gateway: 'alicloud_vpc_ipv4_gateway',
  securityGroup: 'alicloud_security_group',
  ecs: 'alicloud_instance',
  appliance: 'alicloud_instance',
  gwlb: 'alicloud_gwlb_load_balancer',
  endpointService: 'alicloud_privatelink_vpc_endpoint_service',
  gwlbEndpoint: 'alicloud_privatelink_vpc_endpoint',
  routeTargetGroup: 'alicloud_vpc_route_target_group',
}

type ResourceById = Map<string, Resource>

/** The account that owns a resource: its own accountId, or its VPC's. */
function ownerOf(r: Resource, byId: ResourceById): string | undefined {
  switch (r.kind) {
    case 'vpc':
    case 'endpointService':
    case 'gwlbEndpoint':
      return r.accountId
    case 'vswitch':
    case 'routeTable':
    case 'ipv4Gateway':
    case 'securityGroup':
    case 'gwlb':
    case 'routeTargetGroup': {
      const vpc = byId.get(r.vpcId)
      return vpc ? ownerOf(vpc, byId) : undefined
    }
    case 'ecs':
    case 'appliance': {
      const vsw = byId.get(r.vswitchId)
      return vsw ? ownerOf(vsw, byId) : undefined
    }
    case 'internetHost':
      return undefined
  }
}

export interface Emitter {
  design: Design
  byId: ResourceById
  namer: Namer
  /** The file so far, in order. */
  out: Item[]
  multiAccount: boolean
  /** The provider alias of an account (a design with several accounts has one provider per account). */
  accountAlias(uid: string): string
  /** Appends a resource block, with its account's provider when the design has several accounts. */
  resource(tfType: string, name: string, owner: string | undefined, items: Item[], leading?: string[]): void
  own(r: Resource): string | undefined
  ref(r: Resource, attribute?: string): Expr
  refById(id: string, attribute?: string): Expr | undefined
  label(r: Resource): string
  of<K extends ResourceKind>(kind: K): Extract<Resource, { kind: K }>[]
}

export function createEmitter(design: Design): Emitter {
  const byId: ResourceById = new Map(design.resources.map((r) => [r.id, r]))
  const namer = new Namer()
  const out: Item[] = []
  const multiAccount = design.accounts.length > 1
  const accountAlias = (uid: string) => namer.name('provider', uid, `account_${uid}`)
  const ref = (r: Resource, attribute = 'id') =>
    new Expr(`${TF_TYPE[r.kind]}.${namer.name(TF_TYPE[r.kind] ?? r.kind, r.id)}.${attribute}`)
  return {
    design,
    byId,
    namer,
    out,
    multiAccount,
    accountAlias,
    resource(tfType, name, owner, items, leading = []) {
      out.push(blank, ...leading.map(comment))
      const providerLine = multiAccount && owner ? [attr('provider', new Expr(`alicloud.${accountAlias(owner)}`))] : []
      out.push({ kind: 'block', block: block('resource', [tfType, name], [...providerLine, ...items]) })
    },
    own: (r) => ownerOf(r, byId),
    ref,
    refById(id, attribute = 'id') {
      const r = byId.get(id)
      return r ? ref(r, attribute) : undefined
    },
    label: (r) => r.name ?? r.id,
    of: <K extends ResourceKind>(kind: K) =>
      design.resources.filter((r): r is Extract<Resource, { kind: K }> => r.kind === kind),
  }
}
