import { describe, expect, it } from 'vitest'
import { DESIGN_VERSION, type LoadErrorCode, MIGRATIONS, type Migration, parse, serialise } from '../../src/model'
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
  for (const name of ['single-zone', 'two-zones', 'zone-failover'] as const) {
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
  // a made-up history: version 0 called the resource list "items"; then the published steps
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
    ...MIGRATIONS,
  ]

  it('migrates an older document and reports the steps as repairs', () => {
    const { resources, ...rest } = exampleJson('single-zone')
    const old = { ...rest, version: 0, items: resources }
    const before = JSON.stringify(old)
    const r = parse(old, { migrations: history })
    expect(r.ok).toBe(true)
    expect(r.ok && r.repairs).toEqual([
      'migrated: rename items to resources',
      ...MIGRATIONS.map((m) => `migrated: ${m.name}`),
    ])
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

describe('what the cloud refuses, the loader refuses (security groups)', () => {
  it('refuses an internal access policy on an enterprise group, at its path', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'sg-web')
    doc.resources[i].securityGroupType = 'enterprise'
    const e = expectError(doc, 'GWLB-L015', `resources[${i}].innerAccessPolicy`, '"Accept"')
    expect(e?.expected).toMatch(/enterprise/)
    delete doc.resources[i].innerAccessPolicy
    expect(parse(doc).ok).toBe(true)
  })

  it('refuses an instance whose groups mix basic and enterprise', () => {
    const doc = exampleJson('two-zones')
    doc.resources.push({
      kind: 'securityGroup',
      id: 'sg-strict',
      vpcId: 'vpc-service',
      securityGroupType: 'enterprise',
      rules: [],
    })
    const i = indexOfResource(doc, 'ecs-web-1')
    doc.resources[i].securityGroupIds = ['sg-web', 'sg-strict']
    const e = expectError(doc, 'GWLB-L018', `resources[${i}].securityGroupIds[1]`, '"sg-strict"')
    expect(e?.expected).toMatch(/basic security group like sg-web/)
  })

  it('writes the API’s default policy, Accept, for a basic group that omits it, and basic for an omitted type', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'sg-web')
    delete doc.resources[i].innerAccessPolicy
    delete doc.resources[i].securityGroupType
    const r = parse(doc)
    const g = r.ok ? r.design.resources.find((x) => x.id === 'sg-web') : undefined
    expect(g?.kind === 'securityGroup' && [g.securityGroupType, g.innerAccessPolicy]).toEqual(['basic', 'Accept'])
    expect(r.ok && serialise(r.design)).toBe(exampleText('two-zones'))
  })
})

describe('what the cloud refuses, the loader refuses (route destinations)', () => {
  const withEntry = (table: string, destinationCidrBlock: string) => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, table)
    ;(doc.resources[i].entries as Record<string, unknown>[]).push({
      destinationCidrBlock,
      nextHopType: 'Ipv4Gateway',
      nextHopId: 'igw-service',
    })
    return { doc, i, j: (doc.resources[i].entries as unknown[]).length - 1 }
  }

  it.each([
    ['10.0.2.0/24', 'equal to'],
    ['10.0.2.128/25', 'inside'],
    ['10.0.2.10/32', 'inside'],
  ])('refuses %s (%s a vSwitch CIDR) in a vSwitch route table', (dest) => {
    const { doc, i, j } = withEntry('rtb-app-h', dest)
    const e = expectError(doc, 'GWLB-L019', `resources[${i}].entries[${j}].destinationCidrBlock`, dest)
    expect(e?.expected).toMatch(/vSwitch vsw-app-i's CIDR \(10\.0\.2\.0\/24\)/)
  })

  it('accepts a destination that contains vSwitch CIDRs, and vSwitch CIDRs in the gateway route table', () => {
    expect(parse(withEntry('rtb-app-h', '10.0.0.0/16').doc).ok).toBe(true)
    // the shipped gateway table keys its entries by the service vSwitches' CIDRs
    expect(parse(exampleJson('two-zones')).ok).toBe(true)
  })

  it.each(['100.64.0.0/10', '100.100.2.0/24'])('refuses %s (the cloud-services system route) in any table', (dest) => {
    for (const table of ['rtb-app-h', 'rtb-gateway']) {
      const { doc, i, j } = withEntry(table, dest)
      const e = expectError(doc, 'GWLB-L019', `resources[${i}].entries[${j}].destinationCidrBlock`, dest)
      expect(e?.expected).toMatch(/100\.64\.0\.0\/10/)
    }
  })

  it('checks a table listed before its VPC’s vSwitches', () => {
    const { doc, i } = withEntry('rtb-app-h', '10.0.2.0/24')
    const [table] = doc.resources.splice(i, 1)
    doc.resources.unshift(table)
    expect(errorsOf(doc).errors.map((e) => e.code)).toEqual(['GWLB-L019'])
  })
})

describe('fields the API lets one omit take its default', () => {
  it('reads an omitted server-group setting as the API’s default (draining 300 s, 5-tuple, health check)', () => {
    const doc = exampleJson('two-zones')
    const i = indexOfResource(doc, 'gwlb-inspection')
    const g = doc.resources[i] as { serverGroup: Record<string, unknown>; crossZoneEnabled?: boolean }
    delete g.crossZoneEnabled
    g.serverGroup = { servers: g.serverGroup.servers }
    const r = parse(doc)
    const gwlb = r.ok ? r.design.resources[i] : undefined
    expect(gwlb?.kind === 'gwlb' && gwlb.crossZoneEnabled).toBe(true)
    expect(gwlb?.kind === 'gwlb' && gwlb.serverGroup).toEqual({
      protocol: 'GENEVE',
      scheduler: '5TCH',
      healthCheck: {
        enabled: true,
        protocol: 'TCP',
        port: 80,
        interval: 10,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 2,
      },
      connectionDrain: { enabled: false, timeout: 300 },
      serverFailoverMode: 'NoRebalance',
      servers: g.serverGroup.servers,
    })
    const partial = exampleJson('two-zones')
    ;(partial.resources[i] as { serverGroup: { connectionDrain: unknown } }).serverGroup.connectionDrain = {
      enabled: true,
    }
    const p = parse(partial)
    const pg = p.ok ? p.design.resources[i] : undefined
    expect(pg?.kind === 'gwlb' && pg.serverGroup?.connectionDrain).toEqual({ enabled: true, timeout: 300 })
  })

  it('reads an omitted rule policy and priority as accept and 1, and endpoint-service settings as the API’s', () => {
    const doc = exampleJson('two-zones')
    const s = indexOfResource(doc, 'sg-web')
    const rule = (doc.resources[s].rules as Record<string, unknown>[])[0]
    delete rule.policy
    delete rule.priority
    const e = indexOfResource(doc, 'epsrv-inspection')
    for (const f of ['autoAcceptConnection', 'payer', 'addressIpVersion', 'whitelist']) delete doc.resources[e][f]
    const r = parse(doc)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const g = r.design.resources[s]
    expect(g.kind === 'securityGroup' && [g.rules[0].policy, g.rules[0].priority]).toEqual(['accept', 1])
    const svc = r.design.resources[e]
    expect(svc.kind === 'endpointService' && [svc.autoAcceptConnection, svc.payer, svc.addressIpVersion]).toEqual([
      false,
      'Endpoint',
      'IPv4',
    ])
    expect(svc.kind === 'endpointService' && svc.whitelist).toEqual([])
  })
})

describe('bounded input: parse() never throws', () => {
  const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth)
  const envelope = (version: number, inner: string) =>
    `{"format":"gwlb-studio/design","version":${version},"x":${inner}}`

  it('refuses 5,000 nested arrays (10 KB) with GWLB-L020, as text, as a value and before a migration', () => {
    // the reported case: the migration's structuredClone overflowed the stack outside any try/catch
    for (const text of [
      envelope(0, nested(5000)),
      envelope(1, nested(5000)),
      nested(100_000),
      nested(5000, '{"a":', '}'),
    ]) {
      const r = errorsOf(text)
      expect(r.reason).toBe('invalid')
      expect(r.errors.map((e) => e.code)).toEqual(['GWLB-L020'])
      expect(r.errors[0].message).toMatch(/at most 64 levels/)
    }
    let deep: unknown = []
    for (let i = 0; i < 5000; i++) deep = [deep]
    expect(errorsOf({ format: 'gwlb-studio/design', version: 0, x: deep }).errors[0].code).toBe('GWLB-L020')
  })

  it('ignores brackets inside strings, and accepts nesting up to the bound', () => {
    const doc = exampleJson('single-zone')
    doc.description = `${'['.repeat(500)}\\"{`
    expect(parse(JSON.stringify(doc)).ok).toBe(true)
    const r = errorsOf(envelope(1, nested(60)))
    expect(r.errors[0].code).not.toBe('GWLB-L020')
  })

  it('refuses a document past 5,000,000 bytes with GWLB-L021, counting UTF-8 bytes', () => {
    const big = envelope(1, `"${'x'.repeat(5_000_000)}"`)
    expect(errorsOf(big).errors.map((e) => e.code)).toEqual(['GWLB-L021'])
    // 1.7 million characters of three UTF-8 bytes each
    expect(errorsOf(envelope(1, `"${'界'.repeat(1_700_000)}"`)).errors[0].code).toBe('GWLB-L021')
    expect(errorsOf({ format: 'gwlb-studio/design', version: 1, x: new Array(6_000_000).fill(0) }).errors[0].code).toBe(
      'GWLB-L021',
    )
  })

  it('refuses a value that refers to itself instead of looping', () => {
    const doc: Record<string, unknown> = { ...exampleJson('single-zone') }
    doc.self = doc
    expect(errorsOf(doc).errors[0].code).toBe('GWLB-L020')
  })

  it('turns anything a step still throws into an error, never an exception', () => {
    // a getter that throws stands for any failure past the bounds: the caller gets a result
    const doc = { ...exampleJson('single-zone') }
    Object.defineProperty(doc, 'name', {
      enumerable: true,
      get() {
        throw new RangeError('boom')
      },
    })
    const r = errorsOf(doc)
    expect(r.errors[0].code).toBe('GWLB-L022')
    expect(r.errors[0].message).toContain('RangeError: boom')
  })
})

describe('layout numbers are bounded', () => {
  it('refuses 1e308 and other coordinates past a million units, with the path and the range', () => {
    const doc = exampleJson('single-zone') as ReturnType<typeof exampleJson> & { layout: Record<string, object> }
    const key = Object.keys(doc.layout)[0]
    doc.layout[key] = { ...doc.layout[key], x: 1e308 }
    expectError(doc, 'GWLB-L004', `layout["${key}"].x`, '1e+308')
    expect(errorsOf(doc).errors[0].expected).toBe('a position from -1000000 to 1000000')
    doc.layout[key] = { x: 0, y: -2_000_000 }
    expectError(doc, 'GWLB-L004', `layout["${key}"].y`, '-2000000')
    doc.layout[key] = { x: 0, y: 0, width: 1e7 }
    expectError(doc, 'GWLB-L004', `layout["${key}"].width`, '10000000')
  })
})

describe('what the cloud refuses, the loader refuses (route target groups)', () => {
  /** reference design (c) as JSON, and the index of its route target group */
  function failover() {
    const doc = exampleJson('zone-failover')
    const i = indexOfResource(doc, 'rtg-inspection')
    const group = doc.resources[i] as { routeTargetMemberList: Record<string, unknown>[] }
    return { doc, i, members: group.routeTargetMemberList }
  }

  it('loads reference design (c): a group of GWLBe H (weight 100) and GWLBe I (weight 0), named by route entries', () => {
    const { doc } = failover()
    const r = parse(doc)
    expect(r.ok).toBe(true)
    const entries = doc.resources.flatMap((x) =>
      x.kind === 'routeTable' ? (x.entries as { nextHopType: string }[]) : [],
    )
    expect(entries.filter((e) => e.nextHopType === 'RouteTargetGroup').length).toBe(3)
  })

  it('refuses two members in one zone, at the second member', () => {
    const { doc, i, members } = failover()
    members[1].memberId = 'gwlbe-h'
    const e = expectError(doc, 'GWLB-L015', `resources[${i}].routeTargetMemberList[1].memberId`, '"gwlbe-h"')
    expect(e?.expected).toMatch(/different zones/)
  })

  it('refuses two actives or two standbys: one member has weight 100 and the other 0', () => {
    const { doc, i, members } = failover()
    members[1].weight = 100
    const e = expectError(doc, 'GWLB-L015', `resources[${i}].routeTargetMemberList[1].weight`, '100')
    expect(e?.expected).toMatch(/standby \(weight 0\)/)
    members[1].weight = 50
    expectError(doc, 'GWLB-L015', `resources[${i}].routeTargetMemberList[1].weight`, '50')
  })

  it('refuses a group without exactly two members', () => {
    const { doc, i, members } = failover()
    members.pop()
    const e = expectError(doc, 'GWLB-L015', `resources[${i}].routeTargetMemberList`, '"1 member"')
    expect(e?.expected).toMatch(/exactly two members/)
  })

  it('refuses a member that does not exist or is no GWLBe', () => {
    const { doc, i, members } = failover()
    members[0].memberId = 'gwlbe-gone'
    expectError(doc, 'GWLB-L007', `resources[${i}].routeTargetMemberList[0].memberId`, '"gwlbe-gone"')
    members[0].memberId = 'fw-h1'
    expectError(doc, 'GWLB-L007', `resources[${i}].routeTargetMemberList[0].memberId`, '"fw-h1"')
  })

  it('refuses a member type other than GatewayLoadBalancerEndpoint, the one type of both members', () => {
    const { doc, i, members } = failover()
    members[1].memberType = 'Instance'
    expectError(doc, 'GWLB-L004', `resources[${i}].routeTargetMemberList[1].memberType`, '"Instance"')
  })

  it('refuses a member of another VPC', () => {
    const { doc, i } = failover()
    ;(doc.resources[i] as Record<string, unknown>).vpcId = 'vpc-security'
    expectError(doc, 'GWLB-L015', `resources[${i}].routeTargetMemberList[0].memberId`, '"gwlbe-h"')
  })

  it('writes configMode Active-Standby, the only mode, when a file omits it', () => {
    const { doc, i } = failover()
    delete (doc.resources[i] as Record<string, unknown>).configMode
    const r = parse(doc)
    const g = r.ok ? r.design.resources.find((x) => x.id === 'rtg-inspection') : undefined
    expect(g?.kind === 'routeTargetGroup' && g.configMode).toBe('Active-Standby')
  })
})
