// The importers under random, mutated, truncated and oversized input, as the design loader is fuzzed
// (test/share/fuzz.test.ts): an import never throws and never fails inside itself; it gives a design that
// parse() accepts again, or errors that each name a file, say what was found and what was expected.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IMPORT_LIMITS, type ImportFile, type ImportResult, importDeployment } from '../../src/import'
import { nodeHclParser } from '../../src/import/hcl/nodeParser'
import { parse } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { toTerraform } from '../../src/share/terraform'
import { generateDesign } from '../fixtures/engine/generate'
import { toApiOutput } from './apiOutput'
import { toStateJson } from './stateJson'

const deps = { hclParser: nodeHclParser }

function wellFormed(r: ImportResult): void {
  if (r.ok) {
    expect(parse(JSON.parse(JSON.stringify(r.design))).ok).toBe(true)
    return
  }
  expect(r.errors.length).toBeGreaterThan(0)
  for (const e of r.errors) {
    expect(e.file.length).toBeGreaterThan(0)
    expect(e.message.length).toBeGreaterThan(0)
    expect(e.expected.length).toBeGreaterThan(0)
    // an exception inside the importer is a bug, not an answer
    expect(e.message).not.toMatch(/^the importer failed/)
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Every path to a value inside a JSON document. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  if (Array.isArray(v))
    v.forEach((x, i) => {
      paths(x, [...at, i], out)
    })
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out)
  return out
}

function at(doc: Json, path: (string | number)[]): Json {
  let v: Json = doc
  for (const k of path) v = (v as Record<string | number, Json>)[k]
  return v
}

type Op = { kind: 'delete' } | { kind: 'replace'; value: Json } | { kind: 'copy'; from: number }

function mutate(doc: Json, picks: { path: number; op: Op }[]): Json {
  let d = structuredClone(doc)
  for (const { path: p, op } of picks) {
    const all = paths(d)
    const path = all[p % all.length]
    if (path.length === 0) {
      if (op.kind === 'replace') d = op.value
      continue
    }
    const parent = at(d, path.slice(0, -1)) as Record<string | number, Json> | Json[]
    const key = path[path.length - 1]
    const value =
      op.kind === 'replace' ? op.value : op.kind === 'copy' ? structuredClone(at(d, all[op.from % all.length])) : null
    if (op.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key]
    } else (parent as Record<string | number, Json>)[key] = value
  }
  return d
}

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue() as fc.Arbitrary<Json> }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat() }),
)
const picks = fc.array(fc.record({ path: fc.nat(), op }), { minLength: 1, maxLength: 6 })

const reference = buildReferenceDesign(2)
const stateDoc = JSON.parse(toStateJson(reference).text) as Json
const api = toApiOutput(reference).files
const hcl = toTerraform(buildReferenceDesign(1))

describe('the importers under fuzz', () => {
  it('any JSON value, as any file name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.constantFrom('x.json', 'state.tfstate', 'out/DescribeVpcs.json'),
        async (v, path) => {
          wellFormed(await importDeployment([{ path, text: JSON.stringify(v) }], {}, deps))
        },
      ),
      { numRuns: 1500 },
    )
  })

  it('mutated states', async () => {
    await fc.assert(
      fc.asyncProperty(picks, async (p) => {
        wellFormed(
          await importDeployment([{ path: 'state.json', text: JSON.stringify(mutate(stateDoc, p)) }], {}, deps),
        )
      }),
      { numRuns: 400 },
    )
  }, 120_000)

  it('mutated API output, a file at a time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: api.length - 1 }), picks, async (i, p) => {
        const files: ImportFile[] = api.map((f, k) =>
          k === i ? { ...f, text: JSON.stringify(mutate(JSON.parse(f.text), p)) } : f,
        )
        wellFormed(await importDeployment(files, {}, deps))
      }),
      { numRuns: 400 },
    )
  }, 120_000)

  it('truncated states, API output and configuration', async () => {
    const state = JSON.stringify(stateDoc, null, 1)
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('state', 'api', 'hcl'),
        async (cut, what) => {
          const text = what === 'state' ? state : what === 'api' ? api[0].text : hcl
          const path = what === 'state' ? 'state.json' : what === 'api' ? api[0].path : 'main.tf'
          wellFormed(await importDeployment([{ path, text: text.slice(0, Math.floor(text.length * cut)) }], {}, deps))
        },
      ),
      { numRuns: 150 },
    )
  }, 120_000)

  it('configuration with random edits', async () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 20 }),
      insert: fc.constantFrom('', '{', '}', '"', '${', 'count = ', '= 1', '\n', 'module "m" { source = "./" }\n'),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        let text = hcl
        for (const e of edits) {
          const i = e.at % (text.length + 1)
          text = text.slice(0, i) + e.insert + text.slice(i + e.cut)
        }
        wellFormed(await importDeployment([{ path: 'main.tf', text }], {}, deps))
      }),
      { numRuns: 60 },
    )
  }, 300_000)
})

describe('bad input and the limits (docs/import.md)', () => {
  it('a file that is none of the inputs: named, with what was expected', async () => {
    const r = await importDeployment([{ path: 'notes.md', text: '# notes\nnothing here' }], {}, deps)
    expect(r).toMatchObject({
      ok: false,
      errors: [{ file: 'notes.md', message: expect.stringMatching(/not an input the importer reads/) }],
    })
  })

  it('a truncated state: file, line and what was expected', async () => {
    const text = JSON.stringify(stateDoc, null, 2)
    const r = await importDeployment([{ path: 'state.json', text: text.slice(0, 5000) }], {}, deps)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({ file: 'state.json', message: expect.stringMatching(/truncated/) })
      expect(r.errors[0].line).toBeGreaterThan(1)
    }
  })

  it('a .tf with a syntax error: file, line, and what HashiCorp’s parser expected', async () => {
    const r = await importDeployment(
      [
        {
          path: 'infra/net.tf',
          text: 'resource "alicloud_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n  vpc_name = \n}\n',
        },
      ],
      {},
      deps,
    )
    expect(r).toMatchObject({
      ok: false,
      errors: [{ file: 'infra/net.tf', line: 3, expected: expect.stringMatching(/expression/i) }],
    })
  })

  it('10,000 files: refused by count before anything is read', async () => {
    const files = Array.from({ length: 10_000 }, (_, i) => ({ path: `f${i}.json`, text: '{}' }))
    const r = await importDeployment(files, {}, deps)
    expect(r).toMatchObject({
      ok: false,
      errors: [{ message: '10000 files', expected: expect.stringMatching(`at most ${IMPORT_LIMITS.files}`) }],
    })
  })

  it('a 50 MB state of 2,000 resources imports, within the size limit', async () => {
    const design = generateDesign({
      consumerVpcs: 50,
      zones: 2,
      serversPerZone: 2,
      appliancesPerZone: 2,
      hosts: 1,
      scheduler: '5TCH',
      crossZone: true,
      jumboFrames: true,
      stateful: true,
    })
    const doc = JSON.parse(toStateJson(design).text)
    const resources = doc.values.root_module.resources as { values: Record<string, unknown> }[]
    // attributes the design does not read (tags), as large states have them
    const padding = 'x'.repeat(1000)
    for (const r of resources)
      r.values.tags = Object.fromEntries(Array.from({ length: 24 }, (_, k) => [`t${k}`, padding]))
    const text = JSON.stringify(doc)
    expect(text.length).toBeGreaterThan(50e6)
    expect(text.length).toBeLessThan(IMPORT_LIMITS.bytes)
    const r = await importDeployment([{ path: 'big.json', text }], {}, deps)
    wellFormed(r)
    expect(r.ok && r.design.resources.length).toBe(design.resources.length - 1)
  }, 60_000)

  it('a state past the size limit, and one past the resource limit: refused with the limit', async () => {
    const huge = await importDeployment([{ path: 'huge.json', text: ' '.repeat(IMPORT_LIMITS.bytes + 1) }], {}, deps)
    expect(huge).toMatchObject({
      ok: false,
      errors: [{ file: '(input)', expected: `at most ${IMPORT_LIMITS.bytes / 1024 / 1024} MB` }],
    })
    const many = {
      format_version: '1.0',
      values: {
        root_module: {
          resources: Array.from({ length: IMPORT_LIMITS.resources + 1 }, (_, i) => ({
            address: `alicloud_vpc.v${i}`,
            mode: 'managed',
            type: 'alicloud_vpc',
            name: `v${i}`,
            values: {},
          })),
        },
      },
    }
    const r = await importDeployment([{ path: 'many.json', text: JSON.stringify(many) }], {}, deps)
    expect(r).toMatchObject({
      ok: false,
      errors: [{ file: 'many.json', expected: `at most ${IMPORT_LIMITS.resources}` }],
    })
  })

  it('a count of a billion: refused at its line instead of expanded', async () => {
    const r = await importDeployment(
      [
        {
          path: 'main.tf',
          text: 'resource "alicloud_vpc" "a" {\n  count      = 1000000000\n  cidr_block = "10.0.0.0/16"\n}\n',
        },
      ],
      {},
      deps,
    )
    expect(r).toMatchObject({
      ok: false,
      errors: [{ file: 'main.tf', line: 2, message: expect.stringMatching(/count = 1000000000/) }],
    })
  })

  it('modules that call each other in a circle: refused with the call’s file and line', async () => {
    const r = await importDeployment(
      [
        { path: 'main.tf', text: 'module "a" {\n  source = "./a"\n}\n' },
        { path: 'a/main.tf', text: 'module "b" {\n  source = "../b"\n}\n' },
        { path: 'b/main.tf', text: '\nmodule "a" {\n  source = "../a"\n}\n' },
      ],
      {},
      deps,
    )
    expect(r).toMatchObject({
      ok: false,
      errors: [{ file: 'b/main.tf', line: 2, message: expect.stringMatching(/calls itself/) }],
    })
  })
})
