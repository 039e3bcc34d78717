// One module instance: its variables, locals, resources, data sources and module calls, each evaluated the
// first time something refers to it, then all of them in order; its outputs are what its caller sees.
import { Unresolved } from '../instance'
import { ImportFailure } from '../types'
import type { Value } from './evaluate'
import type { HclProgram, ModuleCall, ModuleFrame } from './program'
import { passedProviders, readRootProviders } from './providers'
import { ModuleResources } from './resources'
import { type Body, blocks1, joinPath, type ModuleSource, type ParsedFile } from './source'
import { resolveValue } from './values'
import { moduleLocals, moduleVariables } from './variables'

const MAX_MODULE_DEPTH = 16

/** Arguments of a module block that are Terraform's, not inputs of the module. */
const CALL_META = ['source', 'version', 'providers', 'count', 'for_each', 'depends_on']

/** Evaluates a module (the root, or one a module block calls) and gives its outputs. */
export function evalModule(program: HclProgram, call: ModuleCall): Record<string, Value> {
  const mod: ModuleSource = { dir: call.dir, files: program.byDir.get(call.dir) ?? [] }
  if (!mod.files.length) {
    program.report.unresolved.push({
      address: `module.${call.modulePath.join('.module.')}`,
      message: `its source folder ${call.dir || '.'} is not in the input`,
      where: call.callPlace,
    })
    return {}
  }
  const instance = new ModuleInstance(program, call, mod)
  if (!call.modulePath.length) readRootProviders(instance)
  for (const key of instance.resources.keys()) instance.resources.value(key)
  for (const name of instance.calls.keys()) instance.calls.value(name)
  const outputs: Record<string, Value> = {}
  for (const [name, body, f] of blocks1(mod, 'output'))
    outputs[name] = resolveValue(
      body.value,
      { where: { file: f.path, line: f.lines.block('output', [name]) }, root: instance.root },
      program.astOf,
    )
  return outputs
}

class ModuleInstance implements ModuleFrame {
  readonly program: HclProgram
  readonly call: ModuleCall
  readonly mod: ModuleSource
  readonly prefix: string
  readonly vars: Record<string, Value>
  readonly locals: Record<string, Value>
  readonly resources: ModuleResources
  readonly calls: ModuleCalls

  constructor(program: HclProgram, call: ModuleCall, mod: ModuleSource) {
    this.program = program
    this.call = call
    this.mod = mod
    this.prefix = call.modulePath.map((m) => `module.${m}.`).join('')
    this.vars = moduleVariables(mod, call.inputs, program.astOf)
    this.locals = moduleLocals(mod, this.root, program.astOf)
    this.resources = new ModuleResources(this)
    this.calls = new ModuleCalls(this)
  }

  /** The names an expression in this module starts from. */
  readonly root = (n: string): Value | undefined => {
    if (n === 'var') return this.vars
    if (n === 'local') return this.locals
    if (n === 'path') return { module: this.call.dir || '.', root: this.program.rootDir || '.', cwd: '.' }
    if (n === 'terraform') return { workspace: 'default' }
    if (n === 'module') return this.calls.proxy()
    if (n === 'data') return this.dataProxy()
    if (this.resources.declaredTypes.has(n)) return this.typeProxy(n)
    return undefined
  }

  /** data.TYPE.NAME */
  private dataProxy(): Record<string, Value> {
    return new Proxy(
      {},
      {
        has: () => true,
        get: (_t, type) => this.typeProxy(`data.${String(type)}`),
      },
    )
  }

  /** TYPE.NAME (or data.TYPE.NAME under `prefix`): the resources of one type, by name. */
  private typeProxy(prefix: string): Record<string, Value> {
    return new Proxy(
      {},
      {
        has: (_u, name) => this.resources.has(`${prefix}.${String(name)}`),
        get: (_u, name) => this.resources.value(`${prefix}.${String(name)}`),
      },
    )
  }
}

/** A module's module blocks: each a local folder evaluated as a module instance, or reported as not in the input. */
class ModuleCalls {
  private readonly frame: ModuleFrame
  private readonly decls = new Map<string, { body: Body; file: ParsedFile }>()
  private readonly outputs = new Map<string, Value>()

  constructor(frame: ModuleFrame) {
    this.frame = frame
    for (const [name, body, file] of blocks1(frame.mod, 'module')) this.decls.set(name, { body, file })
  }

  keys(): Iterable<string> {
    return this.decls.keys()
  }

  /** module.NAME */
  proxy(): Record<string, Value> {
    return new Proxy(
      {},
      {
        has: (_t, k) => typeof k === 'string' && this.decls.has(k),
        get: (_t, k) => (typeof k === 'string' ? this.value(k) : undefined),
      },
    )
  }

  /** A module call's outputs, evaluated once. */
  value(name: string): Value {
    if (this.outputs.has(name)) return this.outputs.get(name)
    const m = this.decls.get(name)
    if (!m) return undefined
    const line = m.file.lines.block('module', [name])
    const where = { file: m.file.path, line }
    const source = m.body.source
    let value: Value
    if (typeof source !== 'string' || !/^\.\.?\//.test(source)) {
      this.frame.program.report.notModelled.push({
        address: `${this.frame.prefix}module.${name}`,
        message: `module source ${JSON.stringify(source)} is not a local folder ("./..."): its resources are not in the input`,
        where,
      })
      value = new Unresolved(`module.${name} comes from ${String(source)}, which is not in the input`, where)
    } else value = this.callLocal(name, m, source, line)
    this.outputs.set(name, value)
    return value
  }

  /** A module block whose source is a folder of the input: its inputs evaluated here, then the module itself. */
  private callLocal(name: string, m: { body: Body; file: ParsedFile }, source: string, line: number | undefined) {
    const { call, program } = this.frame
    const where = { file: m.file.path, line }
    const childDir = joinPath(call.dir, source)
    if (call.chain.includes(childDir) || call.chain.length >= MAX_MODULE_DEPTH)
      throw new ImportFailure([
        {
          file: m.file.path,
          line,
          message: `module "${name}" (${source}) calls itself through ${[...call.chain, childDir].join(' → ')}`,
          expected: 'modules that do not call themselves',
        },
      ])
    const inputs: Record<string, Value> = {}
    for (const [k, v] of Object.entries(m.body))
      if (!CALL_META.includes(k))
        inputs[k] = resolveValue(
          v,
          { where: { file: m.file.path, line: m.file.lines.attribute(line, k) }, root: this.frame.root },
          program.astOf,
        )
    this.outputs.set(name, new Unresolved(`module.${name} refers to itself`, where))
    return evalModule(program, {
      dir: childDir,
      inputs,
      modulePath: [...call.modulePath, name],
      chain: [...call.chain, childDir],
      providerOf: passedProviders(m.body.providers, call.providerOf),
      callPlace: where,
    })
  }
}
