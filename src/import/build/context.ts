// What every builder of the import shares: the instances, indexed by the values that name them; the design's
// resources as they are built; reading a mapped field (what could not be worked out is reported once); the
// report's notes; design ids; references between resources; the account of a provider configuration. Pure.
import type { Resource, ResourceOf } from '../../model'
import { type TfInput, type TfInstance, Unresolved } from '../instance'
import { attributesFor, mappingOf } from '../mapping'
import type { ImportReport } from '../types'

/** The account of a provider configuration whose UID the input does not say (a named placeholder, reported). */
export const PLACEHOLDER_ACCOUNT = '100000000000'

export type Vpc = ResourceOf<'vpc'>
export type Vswitch = ResourceOf<'vswitch'>
export type RouteTable = ResourceOf<'routeTable'>
export type Ecs = ResourceOf<'ecs'>
export type Appliance = ResourceOf<'appliance'>
export type Gwlb = ResourceOf<'gwlb'>
export type Service = ResourceOf<'endpointService'>
export type Endpoint = ResourceOf<'gwlbEndpoint'>

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unresolved)
}

/** A nested block's values: the provider writes blocks as lists of objects, in state and in HCL alike. */
export function blocks(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter(isRecord)
  return isRecord(v) ? [v] : []
}

function readPath(values: Record<string, unknown>, path: string): unknown {
  let v: unknown = values
  for (const seg of path.split('.')) {
    if (Array.isArray(v) && v.length === 1) v = v[0]
    if (!isRecord(v)) return v instanceof Unresolved ? v : undefined
    v = v[seg]
  }
  return v
}

/** Instances by the values that name them: their ids, and the computed ids other resources refer to. */
function indexInstances(instances: TfInstance[]) {
  /** any identifying value (id, computed id attributes) → the instance it names */
  const byValue = new Map<string, TfInstance>()
  /** system route table id → its VPC instance */
  const systemTableOf = new Map<string, TfInstance>()
  const eniOf = new Map<string, TfInstance>()
  const serviceByName = new Map<string, TfInstance>()
  const gatewayTableOf = new Map<string, TfInstance>()
  for (const inst of instances) {
    if (inst.mode === 'data') continue
    const id = inst.values.id
    if (typeof id === 'string' && id) byValue.set(id, inst)
    const strAttr = (name: string) => {
      const v = inst.values[name]
      return typeof v === 'string' && v ? v : undefined
    }
    const rt = strAttr('route_table_id')
    if (inst.type === 'alicloud_vpc' && rt) systemTableOf.set(rt, inst)
    const eni = strAttr('network_interface_id')
    if (inst.type === 'alicloud_instance' && eni) eniOf.set(eni, inst)
    const serviceName = strAttr('vpc_endpoint_service_name')
    if (inst.type === 'alicloud_privatelink_vpc_endpoint_service' && serviceName) serviceByName.set(serviceName, inst)
    const gwRt = strAttr('ipv4_gateway_route_table_id')
    if (inst.type === 'alicloud_vpc_ipv4_gateway' && gwRt) gatewayTableOf.set(gwRt, inst)
  }
  const byType = new Map<string, TfInstance[]>()
  for (const i of instances) {
    if (i.mode !== 'managed') continue
    const list = byType.get(i.type)
    if (list) list.push(i)
    else byType.set(i.type, [i])
  }
  const ofType = (...types: string[]) => types.flatMap((t) => byType.get(t) ?? [])
  return { byValue, systemTableOf, eniOf, serviceByName, gatewayTableOf, ofType }
}

type ReportList = keyof Pick<ImportReport, 'notModelled' | 'unplaced' | 'assumed'>

/** Reading mapped fields of an instance: the first of its attributes that has a value; what is unresolved is reported once. */
function readers(report: ImportReport) {
  const unresolvedSeen = new Set<string>()
  function raw(inst: TfInstance, field: string): unknown {
    for (const attr of attributesFor(inst.type, field)) {
      const v = readPath(inst.values, attr)
      if (v instanceof Unresolved) {
        const key = `${inst.address}\u0000${attr}`
        if (!unresolvedSeen.has(key)) {
          unresolvedSeen.add(key)
          report.unresolved.push({
            address: inst.address,
            message: `${attr}: ${v.message}`,
            where: v.where ?? inst.where,
          })
        }
        return undefined
      }
      if (v !== undefined && v !== null && v !== '') return v
    }
    return undefined
  }
  const str = (inst: TfInstance, field: string) => {
    const v = raw(inst, field)
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined
  }
  const num = (inst: TfInstance, field: string) => {
    const v = raw(inst, field)
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
    return Number.isFinite(n) ? n : undefined
  }
  const bool = (inst: TfInstance, field: string) => {
    const v = raw(inst, field)
    return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined
  }
  return { raw, str, num, bool }
}

/** Design ids from addresses (module path, name, index), made unique. */
function designIds() {
  const usedIds = new Set<string>()
  return function newId(inst: TfInstance, prefix = ''): string {
    const parts = [...inst.module, prefix ? `${inst.name}${prefix}` : inst.name]
    if (inst.index !== undefined) parts.push(String(inst.index))
    let base = parts
      .join('.')
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .slice(0, 56)
    if (!/^[A-Za-z]/.test(base)) base = `r-${base}`
    let id = base
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`
    usedIds.add(id)
    return id
  }
}

/** Accounts: one per provider configuration, its UID where the alias or the input says it. */
function accounts(input: TfInput) {
  /** provider configurations whose UID the input does not say → the resources that use each */
  const unknownAccounts = new Map<string, TfInstance[]>()
  const accountOf = (inst: TfInstance): string => {
    const alias = inst.providerAlias ?? ''
    const known = input.accounts?.get(alias) ?? /\d{6,20}/.exec(alias)?.[0]
    if (known) return known
    unknownAccounts.set(alias, [...(unknownAccounts.get(alias) ?? []), inst])
    return PLACEHOLDER_ACCOUNT
  }
  return { unknownAccounts, accountOf }
}

export type Build = ReturnType<typeof createBuild>

/** The shared state and helpers of one import's build. */
export function createBuild(input: TfInput, report: ImportReport) {
  const resources: Resource[] = []
  /** the same resources by design id: looked up for every reference, so a list scan made large imports quadratic */
  const resourceById = new Map<string, Resource>()
  const keep = (r: Resource) => {
    resources.push(r)
    resourceById.set(r.id, r)
  }
  const newId = designIds()
  const designIdOf = new Map<TfInstance, string>()
  const instanceOf = new Map<string, TfInstance>()
  const instances = input.instances.filter((i) => i.mode === 'managed' || i.type !== 'alicloud_ecs_network_interfaces')
  const index = indexInstances(instances)
  const { raw, str, num, bool } = readers(report)
  const note = (list: ReportList, inst: TfInstance, message: string) =>
    report[list].push({ address: inst.address, message, where: inst.where })
  /** Takes a mapped resource into the design, with its name where the mapping has one for its kind. */
  function adopt(inst: TfInstance, r: Resource, as = r.kind) {
    // kinds whose name the table has no row for (an appliance named by its instance) are named by the caller
    const nameField = `${r.kind}.name`
    const named = r.name === undefined && mappingOf(inst.type)?.fields.some((x) => x.field === nameField)
    const name = named ? str(inst, nameField) : undefined
    if (name) r.name = name
    keep(r)
    designIdOf.set(inst, r.id)
    instanceOf.set(r.id, inst)
    report.mapped.push({ address: inst.address, resourceId: r.id, as })
  }

  /** The instance a reference names, or a reason it names none. */
  function target(v: string | undefined): TfInstance | undefined {
    return v === undefined ? undefined : index.byValue.get(v)
  }
  const designRef = (inst: TfInstance, field: string, kinds: Resource['kind'][], what: string): string | undefined => {
    const v = str(inst, field)
    if (v === undefined) return undefined
    const t = target(v)
    const id = t && designIdOf.get(t)
    const r = id ? resourceById.get(id) : undefined
    if (r && kinds.includes(r.kind)) return id
    if (t && !mappingOf(t.type))
      note('notModelled', inst, `${what} is ${t.address}, of a kind the design does not model`)
    else if (!t) note('unplaced', inst, `${what} ${v} is not in the input`)
    return undefined
  }
  const vpcIdOf = (inst: TfInstance, field: string, what = 'its VPC') => designRef(inst, field, ['vpc'], what)
  const byDesignId = (id: string | undefined) => (id ? resourceById.get(id) : undefined)

  const { unknownAccounts, accountOf } = accounts(input)

  return {
    input,
    report,
    instances,
    resources,
    resourceById,
    keep,
    designIdOf,
    instanceOf,
    ...index,
    // reading fields
    raw,
    str,
    num,
    bool,
    // references between resources
    target,
    designRef,
    vpcIdOf,
    byDesignId,
    // the design and the report
    newId,
    adopt,
    note,
    unknownAccounts,
    accountOf,
  }
}
