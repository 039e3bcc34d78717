// Generated designs round-trip: export as Terraform (HCL) → import, and write as the aliyun CLI's API output →
// import, give back the same design up to ids and layout (test/import/canonical.ts). The designs vary in size,
// zones, names, security-group types and rules, health checks, schedulers, draining, whitelists and payers.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { importDeployment } from '../../src/import'
import { nodeHclParser } from '../../src/import/hcl/nodeParser'
import type { Design, Resource, SecurityGroupRule } from '../../src/model'
import { toTerraform } from '../../src/share/terraform'
import { generateDesign } from '../fixtures/engine/generate'
import { toApiOutput } from './apiOutput'
import { canonical } from './canonical'

const name = fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _.-]{0,20}$/), { nil: undefined })
const port = fc.integer({ min: 1, max: 65535 })
const rule: fc.Arbitrary<SecurityGroupRule> = fc
  .record({
    direction: fc.constantFrom('ingress' as const, 'egress' as const),
    ipProtocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const, 'all' as const),
    from: port,
    span: fc.integer({ min: 0, max: 100 }),
    cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '192.168.1.0/24', '203.0.113.7/32'),
    policy: fc.constantFrom('accept' as const, 'drop' as const),
    priority: fc.integer({ min: 1, max: 100 }),
    description: fc.option(fc.stringMatching(/^[A-Za-z0-9 ]{1,20}$/), { nil: undefined }),
  })
  .map((r) => {
    const portRange =
      r.ipProtocol === 'tcp' || r.ipProtocol === 'udp' ? `${r.from}/${Math.min(65535, r.from + r.span)}` : '-1/-1'
    const out: SecurityGroupRule =
      r.direction === 'ingress'
        ? {
            direction: 'ingress',
            ipProtocol: r.ipProtocol,
            portRange,
            sourceCidrIp: r.cidr,
            policy: r.policy,
            priority: r.priority,
          }
        : {
            direction: 'egress',
            ipProtocol: r.ipProtocol,
            portRange,
            destCidrIp: r.cidr,
            policy: r.policy,
            priority: r.priority,
          }
    if (r.description) out.description = r.description
    return out
  })

const variation = fc.record({
  names: fc.array(name, { minLength: 64, maxLength: 64 }),
  enterprise: fc.boolean(),
  innerDrop: fc.boolean(),
  rules: fc.array(rule, { maxLength: 4 }),
  http: fc.boolean(),
  hc: fc.record({
    enabled: fc.boolean(),
    port,
    interval: fc.integer({ min: 1, max: 50 }),
    timeout: fc.integer({ min: 1, max: 300 }),
    healthyThreshold: fc.integer({ min: 2, max: 10 }),
    unhealthyThreshold: fc.integer({ min: 2, max: 10 }),
  }),
  drain: fc.record({ enabled: fc.boolean(), timeout: fc.integer({ min: 1, max: 3600 }) }),
  payer: fc.constantFrom('Endpoint' as const, 'EndpointService' as const),
  autoAccept: fc.boolean(),
  anyone: fc.boolean(),
  /** routes to a server, by instance and by its network interface */
  serverHops: fc.boolean(),
})

const designs = fc
  .record({
    consumerVpcs: fc.integer({ min: 1, max: 3 }),
    zones: fc.constantFrom(1 as const, 2 as const),
    serversPerZone: fc.integer({ min: 0, max: 2 }),
    appliancesPerZone: fc.integer({ min: 1, max: 2 }),
    scheduler: fc.constantFrom('5TCH' as const, '3TCH' as const, '2TCH' as const),
  })
  .chain((o) =>
    variation.map((v): Design => {
      const d = generateDesign({ ...o, hosts: 1, crossZone: true, jumboFrames: true, stateful: true })
      const resources = d.resources.map((r, i): Resource => {
        const named = { ...r } as Resource
        const n = v.names[i % v.names.length]
        if (n && r.kind !== 'internetHost') named.name = n
        if (named.kind === 'securityGroup') {
          named.rules = [...named.rules, ...v.rules]
          if (v.enterprise && named.id === 'sg-fw')
            return { ...named, securityGroupType: 'enterprise', innerAccessPolicy: undefined } as Resource
          if (named.securityGroupType === 'basic') named.innerAccessPolicy = v.innerDrop ? 'Drop' : 'Accept'
        }
        if (named.kind === 'gwlb' && named.serverGroup)
          named.serverGroup = {
            ...named.serverGroup,
            healthCheck: { ...v.hc, protocol: v.http ? 'HTTP' : 'TCP', ...(v.http ? { path: '/healthz' } : {}) },
            connectionDrain: v.drain,
          }
        if (named.kind === 'routeTable' && named.id === 'rtb-e-0' && v.serverHops && o.serversPerZone > 0)
          named.entries = [
            ...named.entries,
            { destinationCidrBlock: '172.16.1.0/24', nextHopType: 'Instance', nextHopId: 'ecs-0-0-0' },
            {
              destinationCidrBlock: '172.16.2.0/24',
              nextHopType: 'NetworkInterface',
              nextHopId: 'ecs-0-0-0',
              name: 'to-eni',
            },
          ]
        if (named.kind === 'endpointService')
          return {
            ...named,
            payer: v.payer,
            autoAcceptConnection: v.autoAccept,
            whitelist: v.anyone ? ['*'] : named.whitelist,
          }
        return named
      })
      return { ...d, resources }
    }),
  )

const tfName = (id: string) => id.toLowerCase().replace(/[^a-z0-9_]/g, '_')

describe('generated designs round-trip', () => {
  it('through the aliyun CLI’s API output', async () => {
    await fc.assert(
      fc.asyncProperty(designs, async (design) => {
        const { files, cloudIdOf } = toApiOutput(design)
        const r = await importDeployment(files)
        if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}: ${e.message}`).join('\n'))
        const importedIdOf = new Map(r.report.mapped.map((m) => [m.address, m.resourceId]))
        const rename = (id: string) => importedIdOf.get(cloudIdOf.get(id) ?? id) ?? `(not imported: ${id})`
        expect(canonical(r.design)).toEqual(canonical(design, rename))
        expect(r.report.unplaced).toEqual([])
      }),
      { numRuns: 60 },
    )
  }, 120_000)

  it('through Terraform HCL', async () => {
    await fc.assert(
      fc.asyncProperty(designs, async (design) => {
        const r = await importDeployment(
          [{ path: 'main.tf', text: toTerraform(design) }],
          {},
          { hclParser: nodeHclParser },
        )
        if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'))
        // the exporter labels an unnamed resource with its id: that label is the id, not a name
        const idOf = new Map(design.resources.map((x) => [tfName(x.id), x.id]))
        const labelsDropped = r.design.resources.map((x) => {
          const y = x.name === idOf.get(x.id) ? { ...x, name: undefined } : x
          return y.kind === 'gwlb' && y.serverGroup?.name === `${idOf.get(y.id)}-servers`
            ? { ...y, serverGroup: { ...y.serverGroup, name: undefined } }
            : y
        })
        expect(canonical({ ...r.design, resources: labelsDropped })).toEqual(canonical(design, tfName))
        expect(r.report.unresolved).toEqual([])
        expect(r.report.unplaced).toEqual([])
      }),
      { numRuns: 12 },
    )
  }, 300_000)
})
