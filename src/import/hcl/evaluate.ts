// Evaluates Terraform expressions over values the importer knows (literals, variables, locals, other
// resources' arguments) by walking HashiCorp's syntax tree. What it cannot know (a function it does not
// implement, a value known only after apply) becomes Unresolved with the reason: never a guess.
import { cidrOrThrow, formatIpv4, parseCidr } from '../../model'
import { Unresolved } from '../instance'
import type { SourcePlace } from '../types'
import type { ExprAst } from './parser'

export type Value = unknown

export interface Scope {
  /** var.*, local.*, each.*, count.*, module.*, data.*, path.*, and resource types; undefined: not declared */
  root(name: string): Value | undefined
  where: SourcePlace
}

export function isUnresolved(v: Value): v is Unresolved {
  return v instanceof Unresolved
}

/** Does a string from hcl2json hold an expression (as opposed to literal text)? */
export function isTemplate(s: string): boolean {
  return /(^|[^$])\$\{|(^|[^%])%\{/.test(s)
}

function index(collection: Value, key: Value, scope: Scope, what: string): Value {
  if (isUnresolved(collection)) return collection
  if (isUnresolved(key)) return key
  if (Array.isArray(collection)) {
    const i = Number(key)
    if (Number.isInteger(i) && i >= 0 && i < collection.length) return collection[i]
    return new Unresolved(`${what}: index ${String(key)} is out of range (${collection.length} elements)`, scope.where)
  }
  if (collection && typeof collection === 'object') {
    const k = String(key)
    if (k in (collection as Record<string, unknown>)) return (collection as Record<string, unknown>)[k]
    return new Unresolved(`${what}: no attribute or key "${k}"`, scope.where)
  }
  return new Unresolved(`${what}: ${JSON.stringify(collection)} has no element ${String(key)}`, scope.where)
}

function traverse(start: Value, parts: { type: string; segment: string }[], scope: Scope, what: string): Value {
  let v = start
  for (const p of parts) {
    if (isUnresolved(v)) return v
    const key = p.type === 'indexTraversal' ? literalKey(p.segment) : p.segment
    v = index(v, key, scope, what)
  }
  return v
}

function literalKey(segment: string): string | number {
  const s = segment.trim()
  if (/^".*"$/.test(s)) return JSON.parse(s) as string
  return /^\d+$/.test(s) ? Number(s) : s
}

function toText(v: Value, scope: Scope): string | Unresolved {
  if (isUnresolved(v)) return v
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return new Unresolved(`a ${Array.isArray(v) ? 'list' : 'map'} cannot be written into a string`, scope.where)
}

const FUNCTIONS: Record<string, (args: Value[], scope: Scope) => Value> = {
  lower: ([s]) => String(s).toLowerCase(),
  upper: ([s]) => String(s).toUpperCase(),
  tostring: ([s]) => (typeof s === 'object' ? s : String(s)),
  tonumber: ([s]) => Number(s),
  tobool: ([s]) => s === true || s === 'true',
  tolist: ([l]) => l,
  toset: ([l]) => (Array.isArray(l) ? [...new Set(l)] : l),
  tomap: ([m]) => m,
  length: ([l]) =>
    Array.isArray(l) ? l.length : typeof l === 'string' ? [...l].length : Object.keys(l as object).length,
  join: ([sep, l]) => (l as Value[]).join(String(sep)),
  concat: (args) => args.flatMap((a) => a as Value[]),
  merge: (args) => Object.assign({}, ...(args as object[])),
  keys: ([m]) => Object.keys(m as object).sort(),
  values: ([m]) =>
    Object.keys(m as object)
      .sort()
      .map((k) => (m as Record<string, Value>)[k]),
  lookup: ([m, k, d]) => (m as Record<string, Value>)[String(k)] ?? d,
  element: ([l, i]) => (l as Value[])[Number(i) % (l as Value[]).length],
  flatten: ([l]) => (l as Value[]).flat(Number.POSITIVE_INFINITY),
  distinct: ([l]) => [...new Set(l as Value[])],
  coalesce: (args) => args.find((a) => a !== null && a !== ''),
  format: ([f, ...rest]) => {
    let i = 0
    return String(f).replace(/%[sdv%]/g, (m) => (m === '%%' ? '%' : String(rest[i++])))
  },
  cidrsubnet: ([prefix, newbits, netnum], scope) => {
    const p = parseCidr(String(prefix))
    if (!p.ok) return new Unresolved(`cidrsubnet: ${String(prefix)} is not a CIDR block`, scope.where)
    const bits = p.cidr.prefix + Number(newbits)
    if (bits > 32) return new Unresolved('cidrsubnet: the new prefix is longer than 32 bits', scope.where)
    const base = (p.cidr.base + Number(netnum) * 2 ** (32 - bits)) >>> 0
    return `${formatIpv4(base)}/${bits}`
  },
  cidrhost: ([prefix, hostnum], scope) => {
    const p = parseCidr(String(prefix))
    if (!p.ok) return new Unresolved(`cidrhost: ${String(prefix)} is not a CIDR block`, scope.where)
    const c = cidrOrThrow(String(prefix))
    const n = Number(hostnum)
    return formatIpv4((c.base + (n < 0 ? 2 ** (32 - c.prefix) + n : n)) >>> 0)
  },
}

const BINARY: Record<string, (a: Value, b: Value) => Value> = {
  add: (a, b) => Number(a) + Number(b),
  subtract: (a, b) => Number(a) - Number(b),
  multiply: (a, b) => Number(a) * Number(b),
  divide: (a, b) => Number(a) / Number(b),
  modulo: (a, b) => Number(a) % Number(b),
  equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  notEqual: (a, b) => JSON.stringify(a) !== JSON.stringify(b),
  lessThan: (a, b) => Number(a) < Number(b),
  lessThanOrEqual: (a, b) => Number(a) <= Number(b),
  greaterThan: (a, b) => Number(a) > Number(b),
  greaterThanOrEqual: (a, b) => Number(a) >= Number(b),
  and: (a, b) => a === true && b === true,
  or: (a, b) => a === true || b === true,
}

type Traversal = { type: string; segment: string }[]

/** How one kind of node of HashiCorp's syntax tree evaluates: its meta, its text, its children. */
type NodeEvaluator = (ast: ExprAst, scope: Scope, meta: Record<string, unknown>, text: string) => Value

/** Each child's value, or the first that is unresolved. */
function evaluateAll(kids: ExprAst[], scope: Scope): Value[] | Unresolved {
  const out: Value[] = []
  for (const k of kids) {
    const v = evaluate(k, scope)
    if (isUnresolved(v)) return v
    out.push(v)
  }
  return out
}

function template(ast: ExprAst, scope: Scope): Value {
  let out = ''
  for (const k of ast.children) {
    const t = toText(evaluate(k, scope), scope)
    if (isUnresolved(t)) return t
    out += t
  }
  return out
}

function literal(_ast: ExprAst, _scope: Scope, meta: Record<string, unknown>): Value {
  const v = String(meta.value ?? '')
  if (meta.type === 'number') return Number(v)
  if (meta.type === 'bool') return v === 'true'
  if (meta.type === 'null' || v === 'null') return null
  return v
}

function scopeTraversal(_ast: ExprAst, scope: Scope, meta: Record<string, unknown>, text: string): Value {
  const [first, ...rest] = (meta.traversal as Traversal) ?? []
  const start = first ? scope.root(first.segment) : undefined
  if (start === undefined)
    return new Unresolved(`${text}: "${first?.segment}" is not declared in this module`, scope.where)
  return traverse(start, rest, scope, text)
}

function splat(ast: ExprAst, scope: Scope, _meta: Record<string, unknown>, text: string): Value {
  const source = evaluate(ast.children[0], scope)
  if (isUnresolved(source)) return source
  const list = Array.isArray(source) ? source : source === null ? [] : [source]
  const parts = (ast.children[1]?.meta?.traversal as Traversal) ?? []
  const out: Value[] = []
  for (const item of list) {
    const v = traverse(item, parts, scope, text)
    if (isUnresolved(v)) return v
    out.push(v)
  }
  return out
}

function object(ast: ExprAst, scope: Scope, meta: Record<string, unknown>, text: string): Value {
  // the tree leaves key nodes untyped: keys come from meta.items, matched to the values by their text
  const items = (meta.items ?? {}) as Record<string, string>
  const values = ast.children.filter((k) => k.type !== '')
  const out: Record<string, Value> = {}
  const unused = new Set(Object.keys(items))
  for (const v of values) {
    const key = [...unused].find((k) => items[k] === v.meta?.value)
    if (key === undefined) return new Unresolved(`${text}: an object whose keys are expressions`, scope.where)
    unused.delete(key)
    const value = evaluate(v, scope)
    if (isUnresolved(value)) return value
    out[key.replace(/^"(.*)"$/, '$1')] = value
  }
  return out
}

function binaryOp(ast: ExprAst, scope: Scope, meta: Record<string, unknown>, text: string): Value {
  const [a, b] = ast.children.map((x) => evaluate(x, scope))
  if (isUnresolved(a)) return a
  if (isUnresolved(b)) return b
  const op = BINARY[String(meta.operator)]
  return op ? op(a, b) : new Unresolved(`${text}: operator ${String(meta.operator)} is not supported`, scope.where)
}

function call(ast: ExprAst, scope: Scope, meta: Record<string, unknown>, text: string): Value {
  const name = String(meta.name)
  const fn = FUNCTIONS[name]
  if (!fn) return new Unresolved(`${text}: the importer does not evaluate the function ${name}()`, scope.where)
  const args = evaluateAll(ast.children, scope)
  if (isUnresolved(args)) return args
  try {
    const v = fn(args, scope)
    return v === undefined || (typeof v === 'number' && !Number.isFinite(v))
      ? new Unresolved(`${text}: no value`, scope.where)
      : v
  } catch {
    return new Unresolved(`${text}: ${name}() cannot take these arguments`, scope.where)
  }
}

function forExpression(ast: ExprAst, scope: Scope, meta: Record<string, unknown>): Value {
  const kids = ast.children
  const collection = evaluate(kids[0], scope)
  if (isUnresolved(collection)) return collection
  const keyVar = String(meta.keyVar ?? '')
  const valVar = String(meta.valVar ?? '')
  const entries: [Value, Value][] = Array.isArray(collection)
    ? collection.map((v, i) => [i, v])
    : Object.entries((collection ?? {}) as Record<string, Value>)
  const isObject = meta.openRangeValue === '{'
  // children after the collection: [key expression when an object,] value expression[, condition]
  const rest = kids.slice(1)
  const keyExpr = isObject ? rest[0] : undefined
  const valueExpr = isObject ? rest[1] : rest[0]
  const condExpr = meta.conditionalExpression ? rest[rest.length - 1] : undefined
  const outList: Value[] = []
  const outMap: Record<string, Value> = {}
  for (const [k, v] of entries) {
    const inner: Scope = {
      where: scope.where,
      root: (n) => (n === valVar ? v : keyVar && n === keyVar ? k : scope.root(n)),
    }
    if (condExpr) {
      const c = evaluate(condExpr, inner)
      if (isUnresolved(c)) return c
      if (c !== true) continue
    }
    const value = evaluate(valueExpr, inner)
    if (isUnresolved(value)) return value
    if (keyExpr) {
      const key = evaluate(keyExpr, inner)
      if (isUnresolved(key)) return key
      outMap[String(key)] = value
    } else outList.push(value)
  }
  return isObject ? outMap : outList
}

const NODES: Record<string, NodeEvaluator> = {
  templateWrap: (ast, scope) => evaluate(ast.children[0], scope),
  template,
  literalValue: literal,
  scopeTraversal,
  relativeTraversal: (ast, scope, meta, text) =>
    traverse(evaluate(ast.children[0], scope), (meta.traversal as Traversal) ?? [], scope, text),
  index: (ast, scope, _meta, text) => {
    const [c, k] = ast.children.map((x) => evaluate(x, scope))
    return index(c, k, scope, text)
  },
  splat,
  tuple: (ast, scope) => evaluateAll(ast.children, scope),
  object,
  conditional: (ast, scope) => {
    const c = evaluate(ast.children[0], scope)
    if (isUnresolved(c)) return c
    return evaluate(c === true ? ast.children[1] : ast.children[2], scope)
  },
  unaryOp: (ast, scope, meta) => {
    const v = evaluate(ast.children[0], scope)
    if (isUnresolved(v)) return v
    return meta.operator === 'negate' ? -Number(v) : !(v === true)
  },
  binaryOp,
  function: call,
  for: forExpression,
}

/** An expression's value in a scope, or Unresolved with why: never a guess. */
export function evaluate(ast: ExprAst, scope: Scope): Value {
  const meta = ast.meta ?? {}
  const text = String(meta.value ?? '')
  const node = Object.hasOwn(NODES, ast.type) ? NODES[ast.type] : undefined
  if (!node) return new Unresolved(`${text || ast.type}: an expression the importer does not evaluate`, scope.where)
  return node(ast, scope, meta, text)
}
