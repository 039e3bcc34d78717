// A module's resources and data sources, expanded (count, for_each) and evaluated the first time something
// refers to them, each instance recorded with its address. Resource ids do not exist before apply, so an
// instance's id is its address, and the attributes known only after apply are named after it.
import { Unresolved } from '../instance'
import { IMPORT_LIMITS, ImportFailure, type SourcePlace } from '../types'
import { isUnresolved, type Value } from './evaluate'
import type { ModuleFrame } from './program'
import { providerRef } from './providers'
import { type Body, blocks2, type ParsedFile } from './source'
import { expandDynamic, resolveValue } from './values'

interface ResourceDecl {
  type: string
  name: string
  body: Body
  file: ParsedFile
  mode: 'managed' | 'data'
}

/** Where a resource block is, and where each of its arguments is. */
interface Placed {
  decl: ResourceDecl
  where: SourcePlace
  attrWhere(attr: string): SourcePlace
  baseAddress: string
}

/** Meta-arguments: they shape the instances and are not the resource's values. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'dynamic'])

/** What exists only after apply, under the names the builder reads. */
const COMPUTED = ['route_table_id', 'ipv4_gateway_route_table_id', 'vpc_endpoint_service_name', 'network_interface_id']

export class ModuleResources {
  private readonly frame: ModuleFrame
  private readonly decls = new Map<string, ResourceDecl>()
  private readonly values = new Map<string, Value>()
  private readonly inProgress = new Set<string>()
  /**
   * The resource types declared in this module (the first part of a managed resource's key), looked up for every
   * reference: scanning the declarations each time made large configurations quadratic.
   */
  readonly declaredTypes: Set<string>

  constructor(frame: ModuleFrame) {
    this.frame = frame
    for (const [type, name, body, file] of blocks2(frame.mod, 'resource'))
      this.decls.set(`${type}.${name}`, { type, name, body, file, mode: 'managed' })
    for (const [type, name, body, file] of blocks2(frame.mod, 'data'))
      this.decls.set(`data.${type}.${name}`, { type, name, body, file, mode: 'data' })
    this.declaredTypes = new Set([...this.decls.values()].filter((d) => d.mode === 'managed').map((d) => d.type))
  }

  keys(): Iterable<string> {
    return this.decls.keys()
  }

  has(key: string): boolean {
    return this.decls.has(key)
  }

  /** A resource's value: its instance's values, a list of them (count) or a map (for_each). */
  value(key: string): Value {
    if (this.values.has(key)) return this.values.get(key)
    const d = this.decls.get(key)
    if (!d) return undefined
    const line = d.file.lines.block(d.mode === 'data' ? 'data' : 'resource', [d.type, d.name])
    const where: SourcePlace = { file: d.file.path, line }
    if (this.inProgress.has(key)) return new Unresolved(`${this.frame.prefix}${key} depends on itself`, where)
    this.inProgress.add(key)
    const attrWhere = (attr: string): SourcePlace => ({ file: d.file.path, line: d.file.lines.attribute(line, attr) })
    const placed: Placed = { decl: d, where, attrWhere, baseAddress: `${this.frame.prefix}${key}` }
    const value =
      'count' in d.body ? this.counted(placed) : 'for_each' in d.body ? this.forEach(placed) : this.instance(placed)
    this.inProgress.delete(key)
    this.values.set(key, value)
    return value
  }

  private counted(p: Placed): Value {
    const { decl: d, attrWhere, baseAddress } = p
    const n = resolveValue(d.body.count, { where: attrWhere('count'), root: this.frame.root }, this.frame.program.astOf)
    if (isUnresolved(n) || !Number.isInteger(Number(n))) {
      this.frame.program.report.unresolved.push({
        address: baseAddress,
        message: `count: ${isUnresolved(n) ? n.message : `${JSON.stringify(n)} is not a whole number`}`,
        where: attrWhere('count'),
      })
      return new Unresolved(`${baseAddress}: its count is not known`, p.where)
    }
    if (Number(n) < 0 || Number(n) > IMPORT_LIMITS.resources)
      throw new ImportFailure([
        {
          file: d.file.path,
          line: attrWhere('count').line,
          message: `${baseAddress}: count = ${Number(n)}`,
          expected: `a count from 0 to ${IMPORT_LIMITS.resources}`,
        },
      ])
    return Array.from({ length: Number(n) }, (_, i) => this.instance(p, i, undefined, i))
  }

  private forEach(p: Placed): Value {
    const { decl: d, attrWhere, baseAddress } = p
    const where = attrWhere('for_each')
    const fe = resolveValue(d.body.for_each, { where, root: this.frame.root }, this.frame.program.astOf)
    if (isUnresolved(fe) || typeof fe !== 'object' || fe === null) {
      this.frame.program.report.unresolved.push({
        address: baseAddress,
        message: `for_each: ${isUnresolved(fe) ? fe.message : 'not a map or set'}`,
        where: attrWhere('for_each'),
      })
      return new Unresolved(`${baseAddress}: its for_each is not known`, p.where)
    }
    const entries: [string, Value][] = Array.isArray(fe) ? fe.map((v) => [String(v), v]) : Object.entries(fe)
    const out: Record<string, Value> = {}
    for (const [k, v] of entries) out[k] = this.instance(p, k, { key: k, value: v }, undefined)
    return out
  }

  /** One instance of a resource (count.index, each.key/value where it has them), recorded with its address. */
  private instance(p: Placed, index?: string | number, each?: Value, countIndex?: number): Record<string, Value> {
    const { decl: d } = p
    const address =
      index === undefined
        ? p.baseAddress
        : `${p.baseAddress}[${typeof index === 'number' ? index : JSON.stringify(index)}]`
    const root = (n: string): Value | undefined => {
      if (n === 'each' && each !== undefined) return each
      if (n === 'count' && countIndex !== undefined) return { index: countIndex }
      if (n === 'self') return undefined
      return this.frame.root(n)
    }
    const values = this.arguments(p, address, root)
    // the root's provider configuration this resource uses, through the module calls' providers maps
    const alias = this.frame.call.providerOf(providerRef(d.body.provider) ?? 'alicloud')
    this.checkLimits(p.where, address)
    this.frame.program.instances.push({
      address,
      type: d.type,
      mode: d.mode,
      name: d.name,
      index,
      module: this.frame.call.modulePath,
      values,
      providerAlias: alias,
      where: p.where,
    })
    return values
  }

  /** An instance's arguments evaluated, its dynamic blocks expanded, and what apply would compute named. */
  private arguments(p: Placed, address: string, root: (n: string) => Value | undefined): Record<string, Value> {
    const { decl: d, attrWhere } = p
    const { astOf } = this.frame.program
    const values: Record<string, Value> = {}
    for (const [k, v] of Object.entries(d.body)) {
      if (META_ARGUMENTS.has(k)) continue
      values[k] = resolveValue(v, { where: attrWhere(k), root }, astOf)
    }
    expandDynamic(d.body.dynamic, values, root, attrWhere, astOf)
    values.id = address
    for (const computed of COMPUTED) if (values[computed] === undefined) values[computed] = `${address}.${computed}`
    if (d.type === 'alicloud_ecs_network_interfaces' && typeof values.instance_id === 'string')
      values.interfaces = [{ id: `${values.instance_id}.network_interface_id` }]
    return values
  }

  /** The import's limits (docs/import.md): so many instances, so many seconds. */
  private checkLimits(where: SourcePlace, address: string): void {
    const { instances, options } = this.frame.program
    if (instances.length >= IMPORT_LIMITS.resources)
      throw new ImportFailure([
        {
          file: where.file,
          line: where.line,
          message: `${address}: more than ${IMPORT_LIMITS.resources} resource instances`,
          expected: `at most ${IMPORT_LIMITS.resources} (check count and for_each)`,
        },
      ])
    if (options.deadline !== undefined && Date.now() > options.deadline)
      throw new ImportFailure([
        {
          file: where.file,
          line: where.line,
          message: `the import ran past its time limit at ${address}`,
          expected: `a configuration that imports within ${IMPORT_LIMITS.seconds} s`,
        },
      ])
  }
}
