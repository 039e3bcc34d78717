import { describe, expect, it } from 'vitest'
import { DESIGN_VERSION, type LoadErrorCode, type Migration, parse, serialise } from '../../src/model'
import { exampleJson, exampleText, indexOfResource } from '../helpers'

function errorsOf(doc: unknown) {
  const r = parse(doc)
  if (r.ok) throw new Error('expected the design to be rejected')
  return r
}

function expectError(doc: unknown, code: LoadErrorCode, path: string, valueText: string) {
  const r = errorsOf(doc)
  const hit = r.errors.find((e) => e.code === code && e.path === path)
  expect(hit, `no ${code} at ${path}; got ${JSON.stringify(r.errors, null, 1)}`).toBeDefined()
  expect(hit?.message).toContain(path)
  expect(hit?.message).toContain(valueText)
  expect(hit?.expected.length).toBeGreaterThan(5)
  return hit
}

describe('parse and serialise the reference designs', () => {
  for (const name of ['single-zone', 'two-zones'] as const) {
    it(`${name}: round trips to the same text and the same document`, () => {
      const text = exampleText(name)
      const first = parse(text)
      expect(first.ok).toBe(true)
      if (!first.ok) return
      expect(first.repairs).toEqual([])
      expect(serialise(first.design)).toBe(text)
      const second = parse(serialise(first.design))
      expect(second.ok && second.design).toEqual(first.design)
    })
  }

  it('does not change the caller’s object', () => {
    const doc = exampleJson('two-zones')
    const before = JSON.stringify(doc)
    parse(doc)
    expect(JSON.stringify(doc)).toBe(before)
  })
})

describe('each load-error class names the path, the value and what was expected', () => {
  it('rejects text that is not JSON', () => {
    const r = errorsOf('{"format": ')
    expect(r.reason).toBe('not-ours')
    expect(r.errors[0].code).toBe('GWLB-L001')
  })

  it('rejects a document of another format', () => {
    const r = errorsOf({ format: 'excalidraw', version: 2 })
    expect(r.reason).toBe('not-ours')
    expect(r.errors[0].message).toContain('"excalidraw"')
  })

  it('refuses a newer version with a clear message', () => {
    const doc = { ...exampleJson('single-zone'), version: DESIGN_VERSION + 1 }
    const r = errorsOf(doc)
    expect(r.reason).toBe('too-new')
    expect(r.errors[0].message).toMatch(/newer GWLB Studio/)
  })

  it('malformed CIDR', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'vsw-app-h')
    doc.resources[i].cidrBlock = '10.0.300.0/24'
    expectError(doc, 'GWLB-L008', `resources[${i}].cidrBlock`, '"10.0.300.0/24"')
  })

  it('CIDR with host bits set names the block it meant', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'vpc-service')
    doc.resources[i].cidrBlock = '10.0.0.5/16'
    const e = expectError(doc, 'GWLB-L008', `resources[${i}].cidrBlock`, '"10.0.0.5/16"')
    expect(e?.expected).toContain('10.0.0.0/16')
  })

  it('dangling reference', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'gwlbe-h')
    doc.resources[i].serviceId = 'epsrv-gone'
    const e = expectError(doc, 'GWLB-L007', `resources[${i}].serviceId`, '"epsrv-gone"')
    expect(e?.expected).toContain('endpointService')
  })

  it('reference to a resource of the wrong kind', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'ecs-web-1')
    doc.resources[i].vswitchId = 'vpc-service'
    expectError(doc, 'GWLB-L007', `resources[${i}].vswitchId`, '"vpc-service"')
  })

  it('unknown kind', () => {
    const doc = exampleJson('two-zones')
    doc.resources.push({ kind: 'natGateway', id: 'nat-1' })
    const e = expectError(doc, 'GWLB-L005', `resources[${doc.resources.length - 1}].kind`, '"natGateway"')
    expect(e?.expected).toContain('gwlbEndpoint')
  })

  it('unknown field', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'gwlb-inspection')
    doc.resources[i].crossZone = true
    expectError(doc, 'GWLB-L004', `resources[${i}].crossZone`, 'true')
  })

  it('wrong type and missing field', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'fw-h1')
    doc.resources[i].jumboFrames = 'yes'
    delete doc.resources[i].state
    const r = errorsOf(doc)
    expect(r.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([`resources[${i}].jumboFrames`, `resources[${i}].state`]),
    )
  })

  it('address outside its vSwitch', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'ecs-web-1')
    doc.resources[i].privateIpAddress = '10.0.2.77'
    const e = expectError(doc, 'GWLB-L011', `resources[${i}].privateIpAddress`, '"10.0.2.77"')
    expect(e?.expected).toContain('10.0.1.0/24')
  })

  it('address the vSwitch reserves (the first and the last three)', () => {
    for (const addr of ['10.0.10.0', '10.0.10.253', '10.0.10.255']) {
      const doc = exampleJson('two-zones')
      const i = indexOfResource(doc, 'gwlbe-h')
      doc.resources[i].ipAddress = addr
      expectError(doc, 'GWLB-L012', `resources[${i}].ipAddress`, `"${addr}"`)
    }
  })

  it('duplicate address in one VPC', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'fw-h2')
    doc.resources[i].privateIpAddress = '192.168.1.11'
    expectError(doc, 'GWLB-L013', `resources[${i}].privateIpAddress`, '"192.168.1.11"')
  })

  it('duplicate id', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'fw-h2')
    doc.resources[i].id = 'fw-h1'
    expectError(doc, 'GWLB-L006', `resources[${i}].id`, '"fw-h1"')
  })

  it('overlapping vSwitch CIDRs', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'vsw-app-h')
    doc.resources[i].cidrBlock = '10.0.0.0/20'
    const r = errorsOf(doc)
    expect(r.errors.some((e) => e.code === 'GWLB-L009' && e.value === '"10.0.0.0/20"')).toBe(true)
  })

  it('vSwitch outside its VPC', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'vsw-app-h')
    doc.resources[i].cidrBlock = '172.16.1.0/24'
    expectError(doc, 'GWLB-L010', `resources[${i}].cidrBlock`, '"172.16.1.0/24"')
  })

  it('zone not among the design’s zones', () => {
    const doc = exampleJson('single-zone')
    const i = indexOfResource(doc, 'vsw-app-h')
    doc.resources[i].zoneId = 'cn-hangzhou-k'
    expectError(doc, 'GWLB-L014', `resources[${i}].zoneId`, '"cn-hangzhou-k"')
  })

  it('duplicate route destination in one table', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'rtb-gateway')
    const entries = doc.resources[i].entries as Record<string, unknown>[]
    entries[1].destinationCidrBlock = entries[0].destinationCidrBlock
    expectError(doc, 'GWLB-L016', `resources[${i}].entries[1].destinationCidrBlock`, '"10.0.1.0/24"')
  })

  it('loads a route whose next hop is gone: that is a black hole for the linter, not a load error', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'rtb-app-h')
    ;(doc.resources[i].entries as Record<string, unknown>[])[0].nextHopId = 'gwlbe-deleted'
    expect(parse(doc).ok).toBe(true)
  })

  it('drops layout entries that name nothing, and says so', () => {
    const doc = exampleJson('single-zone')
    ;(doc.layout as Record<string, unknown>).ghost = { x: 1, y: 2 }
    const r = parse(doc)
    expect(r.ok && r.repairs).toEqual(['layout["ghost"] names nothing in the design; dropped'])
    expect(r.ok && 'ghost' in r.design.layout).toBe(false)
  })
})

describe('migrations', () => {
  // a made-up history: version 0 called the resource list "items"
  const history: Migration[] = [
    {
      from: 0,
      name: 'rename items to resources',
      up: (doc) => {
        doc.resources = doc.items
        delete doc.items
        return doc
      },
    },
  ]

  it('migrates an older document and reports the steps as repairs', () => {
    const { resources, ...rest } = exampleJson('single-zone')
    const old = { ...rest, version: 0, items: resources }
    const before = JSON.stringify(old)
    const r = parse(old, { migrations: history })
    expect(r.ok).toBe(true)
    expect(r.ok && r.repairs).toEqual(['migrated: rename items to resources'])
    expect(r.ok && r.design.resources.length).toBe(resources.length)
    // the step mutated its input, but only a copy of the caller's data
    expect(JSON.stringify(old)).toBe(before)
  })

  it('reports a failing step by name', () => {
    const broken: Migration[] = [
      {
        from: 0,
        name: 'explode',
        up: () => {
          throw new Error('bad shape')
        },
      },
    ]
    const r = parse({ ...exampleJson('single-zone'), version: 0 }, { migrations: broken })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toBe('migration-failed')
    expect(!r.ok && r.errors[0].message).toContain('explode: bad shape')
  })

  it('has no step for a version it never published', () => {
    const r = parse({ ...exampleJson('single-zone'), version: 0 })
    expect(!r.ok && r.reason).toBe('migration-failed')
  })
})
