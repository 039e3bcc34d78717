// Terraform's JSON: `terraform show -json` of a state or a plan (format_version 1.x), and the raw state
// file (terraform.tfstate, version 4). Pure: imports only src/model (through the builder).
import { type TfInput, type TfInstance, Unresolved } from './instance'
import { ImportFailure, type PlannedAction, type SourcePlace } from './types'

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** 'provider["registry.terraform.io/aliyun/alicloud"].account_1' → "account_1"; the default configuration → undefined */
function aliasOf(provider: unknown): string | undefined {
  if (typeof provider !== 'string') return undefined
  // raw state: provider["registry.terraform.io/aliyun/alicloud"].alias; plan configuration: alicloud.alias
  const m = /(?:\]|^alicloud)\.([A-Za-z0-9_-]+)$/.exec(provider)
  return m?.[1]
}

function moduleOf(address: string): string[] {
  const out: string[] = []
  const re = /module\.([A-Za-z0-9_-]+)(\[[^\]]*\])?/g
  let m: RegExpExecArray | null = re.exec(address)
  while (m) {
    out.push(m[1] + (m[2] ? `-${m[2].slice(1, -1).replace(/"/g, '')}` : ''))
    m = re.exec(address)
  }
  return out
}

interface ShowModule {
  resources?: unknown[]
  child_modules?: unknown[]
}

/** Instances of values.root_module and its child_modules, depth first. */
function walkModule(mod: unknown, file: string, out: TfInstance[], path: string) {
  if (!isRecord(mod))
    throw new ImportFailure([
      { file, message: `${path} is not an object`, expected: 'a module object with resources and child_modules' },
    ])
  const m = mod as ShowModule
  const resources = m.resources ?? []
  if (!Array.isArray(resources))
    throw new ImportFailure([{ file, message: `${path}.resources is not a list`, expected: 'a list of resources' }])
  resources.forEach((r, i) => {
    if (!isRecord(r) || typeof r.address !== 'string' || typeof r.type !== 'string' || typeof r.name !== 'string')
      throw new ImportFailure([
        {
          file,
          message: `${path}.resources[${i}] lacks address, type or name`,
          expected: 'a resource with address, mode, type, name and values',
        },
      ])
    out.push({
      address: r.address,
      type: r.type,
      mode: r.mode === 'data' ? 'data' : 'managed',
      name: r.name,
      index: typeof r.index === 'string' || typeof r.index === 'number' ? r.index : undefined,
      module: moduleOf(r.address),
      values: isRecord(r.values) ? r.values : {},
      where: { file },
    })
  })
  const children = m.child_modules ?? []
  if (!Array.isArray(children))
    throw new ImportFailure([{ file, message: `${path}.child_modules is not a list`, expected: 'a list of modules' }])
  children.forEach((c, i) => {
    walkModule(c, file, out, `${path}.child_modules[${i}]`)
  })
}

function regionOf(configuration: unknown): string | undefined {
  if (!isRecord(configuration) || !isRecord(configuration.provider_config)) return undefined
  for (const p of Object.values(configuration.provider_config)) {
    if (!isRecord(p) || p.name !== 'alicloud' || !isRecord(p.expressions)) continue
    const region = p.expressions.region
    if (isRecord(region) && typeof region.constant_value === 'string') return region.constant_value
  }
  return undefined
}

/** `terraform show -json` of a state: { format_version, values: { root_module } }. */
export function readShowState(doc: Record<string, unknown>, file: string): TfInput {
  checkFormatVersion(doc, file)
  const values = doc.values
  const instances: TfInstance[] = []
  // an empty state prints no "values" at all
  if (values !== undefined) {
    if (!isRecord(values))
      throw new ImportFailure([{ file, message: '"values" is not an object', expected: '{ "root_module": { ... } }' }])
    walkModule(values.root_module ?? {}, file, instances, 'values.root_module')
  }
  return { instances }
}

function checkFormatVersion(doc: Record<string, unknown>, file: string) {
  const v = doc.format_version
  if (typeof v !== 'string' || !/^1\.\d+$/.test(v))
    throw new ImportFailure([
      {
        file,
        message: `format_version ${JSON.stringify(v)} is not one this importer reads`,
        expected: 'format_version "1.x" (terraform show -json of Terraform 0.12 or later)',
      },
    ])
}

/**
 * Unknown-after-apply values of a planned resource: the configuration's references name the resource
 * they come from, which is all the design needs (an id is an identity, not an address).
 */
function withReferences(values: unknown, expressions: unknown, unknown: unknown): unknown {
  if (Array.isArray(values) || Array.isArray(expressions)) {
    const vs = Array.isArray(values) ? values : []
    const es = Array.isArray(expressions) ? expressions : []
    const us = Array.isArray(unknown) ? unknown : []
    return Array.from({ length: Math.max(vs.length, es.length) }, (_, i) => withReferences(vs[i], es[i], us[i]))
  }
  if (isRecord(expressions) && Array.isArray(expressions.references) && (values === undefined || unknown === true)) {
    // "alicloud_vpc.main.id" with its resource "alicloud_vpc.main": the id of a resource planned for creation is its address
    const refs = expressions.references.filter((r): r is string => typeof r === 'string')
    const attr = refs.find((r) => /\.id$/.test(r))
    if (attr) return attr.replace(/\.id$/, '')
    return refs.length ? new Unresolved(`known only after apply (${refs[0]})`) : values
  }
  if (isRecord(expressions) && 'constant_value' in expressions && values === undefined)
    return expressions.constant_value
  if (isRecord(values) || isRecord(expressions)) {
    const out: Record<string, unknown> = { ...(isRecord(values) ? values : {}) }
    const ex = isRecord(expressions) ? expressions : {}
    const un = isRecord(unknown) ? unknown : {}
    for (const k of new Set([...Object.keys(out), ...Object.keys(ex)])) {
      if (k === 'references' || k === 'constant_value') continue
      out[k] = withReferences(out[k], ex[k], un[k])
    }
    return out
  }
  return values
}

function configResources(mod: unknown, prefix: string, out: Map<string, Record<string, unknown>>) {
  if (!isRecord(mod)) return
  for (const r of Array.isArray(mod.resources) ? mod.resources : [])
    if (isRecord(r) && typeof r.address === 'string') out.set(prefix + r.address, r)
  if (isRecord(mod.module_calls))
    for (const [name, call] of Object.entries(mod.module_calls))
      if (isRecord(call)) configResources(call.module, `${prefix}module.${name}.`, out)
}

/** `terraform show -json` of a plan: the design is planned_values (the state after apply); the actions are listed. */
export function readShowPlan(
  doc: Record<string, unknown>,
  file: string,
): TfInput & { plannedActions: PlannedAction[] } {
  checkFormatVersion(doc, file)
  const planned = doc.planned_values
  if (!isRecord(planned))
    throw new ImportFailure([
      { file, message: 'the plan has no "planned_values"', expected: 'a plan from terraform show -json <planfile>' },
    ])
  const instances: TfInstance[] = []
  walkModule(planned.root_module ?? {}, file, instances, 'planned_values.root_module')
  const config = new Map<string, Record<string, unknown>>()
  configResources(isRecord(doc.configuration) ? doc.configuration.root_module : undefined, '', config)
  const changes = new Map<string, Record<string, unknown>>()
  const plannedActions: PlannedAction[] = []
  for (const c of Array.isArray(doc.resource_changes) ? doc.resource_changes : []) {
    if (!isRecord(c) || typeof c.address !== 'string' || !isRecord(c.change)) continue
    changes.set(c.address, c.change)
    const actions = Array.isArray(c.change.actions)
      ? c.change.actions.filter((a): a is string => typeof a === 'string')
      : []
    if (!(actions.length === 1 && (actions[0] === 'no-op' || actions[0] === 'read')))
      plannedActions.push({ address: c.address, actions })
  }
  for (const inst of instances) {
    // configuration addresses carry no instance keys
    const cfg = config.get(inst.address.replace(/\[[^\]]*\]/g, ''))
    const change = changes.get(inst.address)
    inst.values = withReferences(inst.values, cfg?.expressions, change?.after_unknown) as Record<string, unknown>
    inst.providerAlias = aliasOf(cfg?.provider_config_key)
    if (inst.values.id === undefined) inst.values.id = inst.address
  }
  return { instances, plannedActions, regionId: regionOf(doc.configuration) }
}

/** terraform.tfstate itself (version 4): resources[].instances[].attributes. */
export function readRawState(doc: Record<string, unknown>, file: string): TfInput {
  if (doc.version !== 4)
    throw new ImportFailure([
      {
        file,
        message: `state file version ${JSON.stringify(doc.version)}`,
        expected: 'version 4 (Terraform 0.12 or later); or the output of terraform show -json',
      },
    ])
  const resources = doc.resources
  if (!Array.isArray(resources))
    throw new ImportFailure([{ file, message: 'the state has no "resources" list', expected: '"resources": [ ... ]' }])
  const instances: TfInstance[] = []
  resources.forEach((r, i) => {
    if (!isRecord(r) || typeof r.type !== 'string' || typeof r.name !== 'string' || !Array.isArray(r.instances))
      throw new ImportFailure([
        {
          file,
          message: `resources[${i}] lacks type, name or instances`,
          expected: 'a resource with mode, type, name, provider and instances',
        },
      ])
    const prefix = typeof r.module === 'string' ? `${r.module}.` : ''
    const mode = r.mode === 'data' ? 'data' : 'managed'
    for (const ins of r.instances) {
      if (!isRecord(ins)) continue
      const key = ins.index_key
      const index = typeof key === 'string' || typeof key === 'number' ? key : undefined
      const suffix = index === undefined ? '' : typeof index === 'number' ? `[${index}]` : `["${index}"]`
      const where: SourcePlace = { file }
      instances.push({
        address: `${prefix}${mode === 'data' ? 'data.' : ''}${r.type}.${r.name}${suffix}`,
        type: r.type,
        mode,
        name: r.name,
        index,
        module: moduleOf(prefix),
        values: isRecord(ins.attributes) ? ins.attributes : {},
        providerAlias: aliasOf(r.provider),
        where,
      })
    }
  })
  return { instances }
}
