// Terraform configuration (HCL) → resource instances: variables (defaults, *.tfvars, -var), locals, count
// and for_each, dynamic blocks, references between resources, and local child modules. Pure: the parser
// is handed in. Resource ids do not exist before apply, so a resource's id here is its address.
import { type TfInput, type TfInstance, Unresolved } from '../instance'
import {
  IMPORT_LIMITS,
  type ImportError,
  ImportFailure,
  type ImportFile,
  type ImportReport,
  type SourcePlace,
} from '../types'
import { evaluate, isTemplate, isUnresolved, type Scope, type Value } from './evaluate'
import { LineFinder } from './lines'
import { type ExprAst, type HclParser, parseDiagnostic } from './parser'

type Body = Record<string, unknown>
const MAX_MODULE_DEPTH = 16

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

interface ParsedFile {
  path: string
  json: Body
  lines: LineFinder
}

/** One module's declarations, merged over its files (a folder). */
interface ModuleSource {
  dir: string
  files: ParsedFile[]
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i < 0 ? '' : path.slice(0, i)
}

function joinPath(dir: string, rel: string): string {
  const parts = dir ? dir.split('/') : []
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop()
      else parts.push('..')
    } else parts.push(seg)
  }
  return parts.join('/')
}

/** Every template string in a parsed body, for one batched syntax-tree call. */
function collectTemplates(v: unknown, out: Set<string>) {
  if (typeof v === 'string') {
    if (isTemplate(v)) out.add(v)
  } else if (Array.isArray(v)) for (const x of v) collectTemplates(x, out)
  else if (isRecord(v)) for (const x of Object.values(v)) collectTemplates(x, out)
}

/** Labelled blocks of one kind across a module's files: resource → [type, name, body, file]. */
function* blocks2(mod: ModuleSource, kind: 'resource' | 'data'): Generator<[string, string, Body, ParsedFile]> {
  for (const f of mod.files) {
    const byType = f.json[kind]
    if (!isRecord(byType)) continue
    for (const [type, byName] of Object.entries(byType))
      if (isRecord(byName))
        for (const [name, bodies] of Object.entries(byName))
          for (const body of Array.isArray(bodies) ? bodies : [bodies]) if (isRecord(body)) yield [type, name, body, f]
  }
}

function* blocks1(mod: ModuleSource, kind: 'variable' | 'module' | 'output'): Generator<[string, Body, ParsedFile]> {
  for (const f of mod.files) {
    const byName = f.json[kind]
    if (!isRecord(byName)) continue
    for (const [name, bodies] of Object.entries(byName))
      for (const body of Array.isArray(bodies) ? bodies : [bodies]) if (isRecord(body)) yield [name, body, f]
  }
}

export interface HclOptions {
  vars?: Record<string, string>
  /** Date.now() past which the import stops with a message (IMPORT_LIMITS.seconds) */
  deadline?: number
}

/** Reads .tf and .tfvars files into resource instances; syntax errors fail the import with file and line. */
export async function readHcl(
  files: ImportFile[],
  parser: HclParser,
  options: HclOptions,
  report: ImportReport,
): Promise<TfInput> {
  const parsed: ParsedFile[] = []
  const errors: ImportError[] = []
  for (const f of files) {
    try {
      const json = await parser.parse(f.path, f.text)
      parsed.push({ path: f.path, json: isRecord(json) ? json : {}, lines: new LineFinder(f.text) })
    } catch (e) {
      errors.push(parseDiagnostic(e instanceof Error ? e.message : String(e), f.path))
    }
  }
  if (errors.length) throw new ImportFailure(errors)

  const templates = new Set<string>()
  for (const p of parsed) collectTemplates(p.json, templates)
  const list = [...templates]
  const asts = list.length ? await parser.expressions('expression', list) : []
  const astOf = new Map<string, ExprAst | null>(list.map((t, i) => [t, asts[i] ?? null]))

  const tf = parsed.filter((p) => p.path.endsWith('.tf'))
  const byDir = new Map<string, ParsedFile[]>()
  for (const p of tf) byDir.set(dirOf(p.path), [...(byDir.get(dirOf(p.path)) ?? []), p])
  // the root module: the shallowest folder with .tf files
  const rootDir = [...byDir.keys()].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0]
  if (rootDir === undefined)
    throw new ImportFailure([
      { file: files[0]?.path ?? '(input)', message: 'no .tf file', expected: 'Terraform configuration files (*.tf)' },
    ])

  // *.tfvars (terraform.tfvars and *.auto.tfvars first, then the others in name order), then -var
  const rootVars: Record<string, Value> = {}
  const tfvars = parsed
    .filter((p) => p.path.endsWith('.tfvars'))
    .sort(
      (a, b) =>
        Number(/(^|\/)(terraform|[^/]*\.auto)\.tfvars$/.test(b.path)) -
          Number(/(^|\/)(terraform|[^/]*\.auto)\.tfvars$/.test(a.path)) || a.path.localeCompare(b.path),
    )
  const literalScope: Scope = { where: { file: '(tfvars)' }, root: () => undefined }
  for (const p of tfvars)
    for (const [k, v] of Object.entries(p.json))
      rootVars[k] = resolveValue(v, { ...literalScope, where: { file: p.path } }, astOf)
  for (const [k, v] of Object.entries(options.vars ?? {})) rootVars[k] = parseVarText(v)

  const instances: TfInstance[] = []
  let regionId: string | undefined
  const accounts = new Map<string, string>()

  const evalModule = (
    dir: string,
    inputs: Record<string, Value>,
    modulePath: string[],
    chain: string[],
    providerOf: ProviderOf,
    callPlace?: SourcePlace,
  ): Record<string, Value> => {
    const mod: ModuleSource = { dir, files: byDir.get(dir) ?? [] }
    if (!mod.files.length) {
      report.unresolved.push({
        address: `module.${modulePath.join('.module.')}`,
        message: `its source folder ${dir || '.'} is not in the input`,
        where: callPlace,
      })
      return {}
    }
    const prefix = modulePath.map((m) => `module.${m}.`).join('')
    // variables
    const vars: Record<string, Value> = {}
    for (const [name, body, f] of blocks1(mod, 'variable')) {
      const where = { file: f.path, line: f.lines.block('variable', [name]) }
      if (name in inputs) vars[name] = inputs[name]
      else if ('default' in body) vars[name] = resolveValue(body.default, { where, root: () => undefined }, astOf)
      else
        vars[name] = new Unresolved(
          `variable "${name}" has no default and no value (give -var ${name}=... or a .tfvars file)`,
          where,
        )
    }
    // locals, evaluated when first used (they may refer to each other and to resources)
    const localBodies = new Map<string, { v: unknown; where: SourcePlace }>()
    for (const f of mod.files) {
      const ls = f.json.locals
      for (const body of Array.isArray(ls) ? ls : ls ? [ls] : [])
        if (isRecord(body))
          for (const [k, v] of Object.entries(body))
            localBodies.set(k, { v, where: { file: f.path, line: f.lines.attribute(f.lines.block('locals', []), k) } })
    }
    const localValues = new Map<string, Value>()
    const localsInProgress = new Set<string>()
    const localsObj: Record<string, Value> = new Proxy(
      {},
      {
        has: (_t, k) => typeof k === 'string' && localBodies.has(k),
        get: (_t, k) => {
          if (typeof k !== 'string' || !localBodies.has(k)) return undefined
          if (localValues.has(k)) return localValues.get(k)
          const b = localBodies.get(k) as { v: unknown; where: SourcePlace }
          if (localsInProgress.has(k)) return new Unresolved(`local.${k} refers to itself`, b.where)
          localsInProgress.add(k)
          const v = resolveValue(b.v, { where: b.where, root: moduleRoot }, astOf)
          localsInProgress.delete(k)
          localValues.set(k, v)
          return v
        },
      },
    )

    // resources and data sources, expanded and evaluated when first referenced
    const resourceDecls = new Map<
      string,
      { type: string; name: string; body: Body; file: ParsedFile; mode: 'managed' | 'data' }
    >()
    for (const [type, name, body, file] of blocks2(mod, 'resource'))
      resourceDecls.set(`${type}.${name}`, { type, name, body, file, mode: 'managed' })
    for (const [type, name, body, file] of blocks2(mod, 'data'))
      resourceDecls.set(`data.${type}.${name}`, { type, name, body, file, mode: 'data' })
    const resourceValues = new Map<string, Value>()
    const inProgress = new Set<string>()

    const resourceValue = (key: string): Value => {
      if (resourceValues.has(key)) return resourceValues.get(key)
      const d = resourceDecls.get(key)
      if (!d) return undefined
      const line = d.file.lines.block(d.mode === 'data' ? 'data' : 'resource', [d.type, d.name])
      const where: SourcePlace = { file: d.file.path, line }
      if (inProgress.has(key)) return new Unresolved(`${prefix}${key} depends on itself`, where)
      inProgress.add(key)
      const attrWhere = (attr: string): SourcePlace => ({ file: d.file.path, line: d.file.lines.attribute(line, attr) })
      const baseAddress = `${prefix}${key}`
      const make = (
        index: string | number | undefined,
        each: Value,
        countIndex: number | undefined,
      ): Record<string, Value> => {
        const address =
          index === undefined
            ? baseAddress
            : `${baseAddress}[${typeof index === 'number' ? index : JSON.stringify(index)}]`
        const root = (n: string): Value | undefined => {
          if (n === 'each' && each !== undefined) return each
          if (n === 'count' && countIndex !== undefined) return { index: countIndex }
          if (n === 'self') return undefined
          return moduleRoot(n)
        }
        const values: Record<string, Value> = {}
        for (const [k, v] of Object.entries(d.body)) {
          if (
            k === 'count' ||
            k === 'for_each' ||
            k === 'depends_on' ||
            k === 'lifecycle' ||
            k === 'provider' ||
            k === 'dynamic'
          )
            continue
          values[k] = resolveValue(v, { where: attrWhere(k), root }, astOf)
        }
        expandDynamic(d.body.dynamic, values, root, attrWhere, astOf)
        // what exists only after apply, under the names the builder reads
        values.id = address
        for (const computed of [
          'route_table_id',
          'ipv4_gateway_route_table_id',
          'vpc_endpoint_service_name',
          'network_interface_id',
        ])
          if (values[computed] === undefined) values[computed] = `${address}.${computed}`
        if (d.type === 'alicloud_ecs_network_interfaces' && typeof values.instance_id === 'string')
          values.interfaces = [{ id: `${values.instance_id}.network_interface_id` }]
        // the root's provider configuration this resource uses, through the module calls' providers maps
        const alias = providerOf(providerRef(d.body.provider) ?? 'alicloud')
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
        instances.push({
          address,
          type: d.type,
          mode: d.mode,
          name: d.name,
          index,
          module: modulePath,
          values,
          providerAlias: alias,
          where,
        })
        return values
      }
      let value: Value
      if ('count' in d.body) {
        const n = resolveValue(d.body.count, { where: attrWhere('count'), root: moduleRoot }, astOf)
        if (isUnresolved(n) || !Number.isInteger(Number(n))) {
          report.unresolved.push({
            address: baseAddress,
            message: `count: ${isUnresolved(n) ? n.message : `${JSON.stringify(n)} is not a whole number`}`,
            where: attrWhere('count'),
          })
          value = new Unresolved(`${baseAddress}: its count is not known`, where)
        } else if (Number(n) < 0 || Number(n) > IMPORT_LIMITS.resources)
          throw new ImportFailure([
            {
              file: d.file.path,
              line: attrWhere('count').line,
              message: `${baseAddress}: count = ${Number(n)}`,
              expected: `a count from 0 to ${IMPORT_LIMITS.resources}`,
            },
          ])
        else value = Array.from({ length: Number(n) }, (_, i) => make(i, undefined, i))
      } else if ('for_each' in d.body) {
        const fe = resolveValue(d.body.for_each, { where: attrWhere('for_each'), root: moduleRoot }, astOf)
        if (isUnresolved(fe) || typeof fe !== 'object' || fe === null) {
          report.unresolved.push({
            address: baseAddress,
            message: `for_each: ${isUnresolved(fe) ? fe.message : 'not a map or set'}`,
            where: attrWhere('for_each'),
          })
          value = new Unresolved(`${baseAddress}: its for_each is not known`, where)
        } else {
          const entries: [string, Value][] = Array.isArray(fe) ? fe.map((v) => [String(v), v]) : Object.entries(fe)
          const out: Record<string, Value> = {}
          for (const [k, v] of entries) out[k] = make(k, { key: k, value: v }, undefined)
          value = out
        }
      } else value = make(undefined, undefined, undefined)
      inProgress.delete(key)
      resourceValues.set(key, value)
      return value
    }

    const moduleOutputs = new Map<string, Value>()
    const moduleDecls = new Map<string, { body: Body; file: ParsedFile }>()
    for (const [name, body, file] of blocks1(mod, 'module')) moduleDecls.set(name, { body, file })
    const moduleValue = (name: string): Value => {
      if (moduleOutputs.has(name)) return moduleOutputs.get(name)
      const m = moduleDecls.get(name)
      if (!m) return undefined
      const line = m.file.lines.block('module', [name])
      const where = { file: m.file.path, line }
      const source = m.body.source
      let value: Value
      if (typeof source !== 'string' || !/^\.\.?\//.test(source)) {
        report.notModelled.push({
          address: `${prefix}module.${name}`,
          message: `module source ${JSON.stringify(source)} is not a local folder ("./..."): its resources are not in the input`,
          where,
        })
        value = new Unresolved(`module.${name} comes from ${String(source)}, which is not in the input`, where)
      } else {
        const childDir = joinPath(dir, source)
        if (chain.includes(childDir) || chain.length >= MAX_MODULE_DEPTH)
          throw new ImportFailure([
            {
              file: m.file.path,
              line,
              message: `module "${name}" (${source}) calls itself through ${[...chain, childDir].join(' → ')}`,
              expected: 'modules that do not call themselves',
            },
          ])
        const inputs: Record<string, Value> = {}
        for (const [k, v] of Object.entries(m.body))
          if (!['source', 'version', 'providers', 'count', 'for_each', 'depends_on'].includes(k))
            inputs[k] = resolveValue(
              v,
              { where: { file: m.file.path, line: m.file.lines.attribute(line, k) }, root: moduleRoot },
              astOf,
            )
        moduleOutputs.set(name, new Unresolved(`module.${name} refers to itself`, where))
        const childProviders = passedProviders(m.body.providers, providerOf)
        value = evalModule(childDir, inputs, [...modulePath, name], [...chain, childDir], childProviders, where)
      }
      moduleOutputs.set(name, value)
      return value
    }

    // the resource types declared in this module (the first part of a managed resource's key), looked up for every
    // reference: scanning the declarations each time made large configurations quadratic
    const declaredTypes = new Set([...resourceDecls.values()].filter((d) => d.mode === 'managed').map((d) => d.type))
    function moduleRoot(n: string): Value | undefined {
      if (n === 'var') return vars
      if (n === 'local') return localsObj
      if (n === 'path') return { module: dir || '.', root: rootDir || '.', cwd: '.' }
      if (n === 'terraform') return { workspace: 'default' }
      if (n === 'module')
        return new Proxy(
          {},
          {
            has: (_t, k) => typeof k === 'string' && moduleDecls.has(k),
            get: (_t, k) => (typeof k === 'string' ? moduleValue(k) : undefined),
          },
        )
      if (n === 'data')
        return new Proxy(
          {},
          {
            has: () => true,
            get: (_t, type) =>
              new Proxy(
                {},
                {
                  has: (_u, name) => resourceDecls.has(`data.${String(type)}.${String(name)}`),
                  get: (_u, name) => resourceValue(`data.${String(type)}.${String(name)}`),
                },
              ),
          },
        )
      if (declaredTypes.has(n))
        return new Proxy(
          {},
          {
            has: (_t, name) => resourceDecls.has(`${n}.${String(name)}`),
            get: (_t, name) => resourceValue(`${n}.${String(name)}`),
          },
        )
      return undefined
    }

    // providers (root module only): the region, and an account UID where an alias carries one
    if (!modulePath.length)
      for (const f of mod.files) {
        const providers = f.json.provider
        const ali = isRecord(providers) ? providers.alicloud : undefined
        for (const p of Array.isArray(ali) ? ali : ali ? [ali] : []) {
          if (!isRecord(p)) continue
          const where = { file: f.path, line: f.lines.block('provider', ['alicloud']) }
          const region = resolveValue(p.region, { where, root: moduleRoot }, astOf)
          if (typeof region === 'string') regionId ??= region
          const alias = typeof p.alias === 'string' ? p.alias : ''
          const uid =
            /\d{6,20}/.exec(alias)?.[0] ??
            roleAccount(p.assume_role, (v) => resolveValue(v, { where, root: moduleRoot }, astOf))
          if (uid) accounts.set(alias, uid)
        }
      }

    for (const key of resourceDecls.keys()) resourceValue(key)
    for (const name of moduleDecls.keys()) moduleValue(name)
    const outputs: Record<string, Value> = {}
    for (const [name, body, f] of blocks1(mod, 'output'))
      outputs[name] = resolveValue(
        body.value,
        { where: { file: f.path, line: f.lines.block('output', [name]) }, root: moduleRoot },
        astOf,
      )
    return outputs
  }

  evalModule(rootDir, rootVars, [], [rootDir], rootProviders)
  for (const p of tf)
    if (!isInTree(p.path, rootDir, byDir))
      report.skippedFiles.push({ address: p.path, message: 'in a folder that no module call in the input reaches' })
  return { instances, regionId, accounts }
}

/**
 * A module's provider reference ("alicloud", "alicloud.security") → the alias of the root module's provider
 * configuration it stands for (undefined: the root's default alicloud provider), as Terraform passes providers
 * down: a resource's provider (the module's default when it names none) is looked up in its module's map.
 */
type ProviderOf = (ref: string) => string | undefined

/** In the root module a reference is the configuration itself. */
const rootProviders: ProviderOf = (ref) => /^alicloud\.([A-Za-z0-9_-]+)$/.exec(ref)?.[1]

/** A provider reference as HCL's JSON gives it ("${alicloud.security}", or the bare name). */
function providerRef(v: unknown): string | undefined {
  return typeof v === 'string' ? v.replace(/^\$\{|\}$/g, '') : undefined
}

/**
 * The providers a module call passes: with a providers map, only those (Terraform's rule); without one, the
 * default provider is inherited. A reference the module was not given is the root's default provider.
 */
function passedProviders(map: unknown, parent: ProviderOf): ProviderOf {
  const entries = (Array.isArray(map) ? map : [map]).filter(isRecord).flatMap((m) => Object.entries(m))
  if (!entries.length) return (ref) => (ref === 'alicloud' ? parent(ref) : undefined)
  const passed = new Map(entries.map(([k, v]) => [k, providerRef(v)]))
  return (ref) => {
    const to = passed.get(ref)
    return to === undefined ? undefined : parent(to)
  }
}

/** The account UID in a provider's assume_role ARN ("acs:ram::1234567890123456:role/terraform"), if it says one. */
function roleAccount(assumeRole: unknown, resolve: (v: unknown) => Value): string | undefined {
  for (const block of Array.isArray(assumeRole) ? assumeRole : [assumeRole]) {
    if (!isRecord(block)) continue
    const arn = resolve(block.role_arn)
    const uid = typeof arn === 'string' ? /^acs:ram::(\d{6,20}):role\//.exec(arn)?.[1] : undefined
    if (uid) return uid
  }
  return undefined
}

function isInTree(path: string, rootDir: string, _byDir: Map<string, ParsedFile[]>): boolean {
  const d = dirOf(path)
  return d === rootDir || d.startsWith(rootDir ? `${rootDir}/` : '') || rootDir === ''
}

/** A -var value: HCL's literal forms for numbers and booleans, otherwise the text itself. */
function parseVarText(v: string): Value {
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v)
  if (v === 'true' || v === 'false') return v === 'true'
  if (/^[[{]/.test(v.trim()))
    try {
      return JSON.parse(v)
    } catch {
      return v
    }
  return v
}

/** A value from hcl2json's JSON with every template string evaluated. */
export function resolveValue(v: unknown, scope: Scope, astOf: Map<string, ExprAst | null>): Value {
  if (typeof v === 'string') {
    if (!isTemplate(v)) return v.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')
    const ast = astOf.get(v)
    if (!ast) return new Unresolved(`${v}: the parser gave no syntax tree for it`, scope.where)
    return evaluate(ast, scope)
  }
  if (Array.isArray(v)) return v.map((x) => resolveValue(x, scope, astOf))
  if (isRecord(v)) {
    const out: Record<string, Value> = {}
    for (const [k, x] of Object.entries(v)) out[k] = resolveValue(x, scope, astOf)
    return out
  }
  return v
}

/** dynamic "servers" { for_each = ..., content { ... } } → servers blocks. */
function expandDynamic(
  dynamic: unknown,
  values: Record<string, Value>,
  root: (n: string) => Value | undefined,
  attrWhere: (a: string) => SourcePlace,
  astOf: Map<string, ExprAst | null>,
) {
  if (!isRecord(dynamic)) return
  for (const [label, specs] of Object.entries(dynamic))
    for (const spec of Array.isArray(specs) ? specs : [specs]) {
      if (!isRecord(spec)) continue
      const where = attrWhere(label)
      const iterator = typeof spec.iterator === 'string' ? spec.iterator : label
      const fe = resolveValue(spec.for_each, { where, root }, astOf)
      const out = (values[label] as Value[] | undefined) ?? []
      if (isUnresolved(fe) || typeof fe !== 'object' || fe === null) {
        values[label] = new Unresolved(
          `dynamic "${label}": ${isUnresolved(fe) ? fe.message : 'for_each is not a collection'}`,
          where,
        )
        continue
      }
      const entries: [Value, Value][] = Array.isArray(fe) ? fe.map((v, i) => [i, v]) : Object.entries(fe)
      const content = Array.isArray(spec.content) ? spec.content[0] : spec.content
      for (const [k, v] of entries) {
        const inner = (n: string) => (n === iterator ? { key: k, value: v } : root(n))
        out.push(resolveValue(content, { where, root: inner }, astOf))
      }
      values[label] = out
    }
}
