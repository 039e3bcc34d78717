// Security groups as Alibaba Cloud applies them: the internal access policy of basic groups, enterprise groups,
// several groups on one instance; and the walk naming what decided. The property test compares the engine with
// a reference written straight from the cloud's documented rules.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Design, parse, type SecurityGroup, type SecurityGroupRule } from '../../../src/model'
import { compile, type Step, type Trace, trace } from '../../../worker/engine'
import { network, res } from './helpers'

/** The trace on reference design (b): Web server 1 to Web server 2, SSH, which no rule of sg-web accepts. */
const SSH = { source: 'ecs-web-1', destination: '10.0.2.10', protocol: 'tcp', destinationPort: 22 } as const

const sgSteps = (t: Trace): Step[] => t.hops.flatMap((h) => h.steps.filter((s) => s.action === 'securityGroup'))

describe('a basic group’s internal access policy', () => {
  it('Accept: members reach each other whatever the rules say, and the walk names the policy', () => {
    const t = trace(network(2), SSH)
    expect(t.disposition).toBe('DELIVERED')
    const steps = sgSteps(t)
    expect(steps).toHaveLength(2)
    for (const s of steps) {
      expect(s.text).toMatch(/^intra-group policy Accept of sg-web/)
      expect(s.rule).toMatchObject({ type: 'securityGroupPolicy', securityGroupId: 'sg-web', policy: 'accept' })
    }
  })

  it('Accept wins over a custom rule that drops the traffic', () => {
    const net = network(2, (d) =>
      res(d, 'sg-web', 'securityGroup').rules.unshift({
        direction: 'ingress',
        ipProtocol: 'all',
        portRange: '-1/-1',
        sourceCidrIp: '10.0.0.0/16',
        policy: 'drop',
        priority: 1,
      }),
    )
    expect(trace(net, SSH).disposition).toBe('DELIVERED')
  })

  it('Drop without a rule: SECURITY_GROUP_DENIED at Web server 2, naming the policy', () => {
    const t = trace(
      network(2, (d) => {
        res(d, 'sg-web', 'securityGroup').innerAccessPolicy = 'Drop'
      }),
      SSH,
    )
    expect(t.disposition).toBe('SECURITY_GROUP_DENIED')
    expect(t.hops.at(-1)?.resourceId).toBe('ecs-web-2')
    const last = sgSteps(t).at(-1)
    expect(last?.text).toMatch(/^intra-group policy Drop of sg-web: members reach each other only through a rule/)
    expect(last?.rule).toMatchObject({ type: 'securityGroupPolicy', innerAccessPolicy: 'Drop', policy: 'drop' })
  })

  it('Drop with a rule that accepts: delivered by that rule', () => {
    const t = trace(
      network(2, (d) => {
        const g = res(d, 'sg-web', 'securityGroup')
        g.innerAccessPolicy = 'Drop'
        g.rules.push({
          direction: 'ingress',
          ipProtocol: 'tcp',
          portRange: '22/22',
          sourceCidrIp: '10.0.1.0/24',
          policy: 'accept',
          priority: 5,
          description: 'SSH from zone H',
        })
      }),
      SSH,
    )
    expect(t.disposition).toBe('DELIVERED')
    expect(sgSteps(t).at(-1)?.text).toMatch(
      /^sg-web rule 4 \(inbound, priority 5, accept: SSH from zone H\) accepts it/,
    )
  })

  it('several groups: isolation loses to any group that connects the two', () => {
    const net = network(2, (d) => {
      res(d, 'sg-web', 'securityGroup').innerAccessPolicy = 'Drop'
      d.resources.push({
        kind: 'securityGroup',
        id: 'sg-team',
        vpcId: 'vpc-service',
        securityGroupType: 'basic',
        innerAccessPolicy: 'Accept',
        rules: [],
      })
      for (const id of ['ecs-web-1', 'ecs-web-2']) res(d, id, 'ecs').securityGroupIds.push('sg-team')
    })
    const t = trace(net, SSH)
    expect(t.disposition).toBe('DELIVERED')
    expect(sgSteps(t).at(-1)?.text).toMatch(/^intra-group policy Accept of sg-team/)
  })
})

describe('enterprise groups', () => {
  const enterprise = (rules: SecurityGroupRule[]) => (d: Design) => {
    const g = res(d, 'sg-web', 'securityGroup')
    g.securityGroupType = 'enterprise'
    delete g.innerAccessPolicy
    g.rules = rules
  }
  const inbound22: SecurityGroupRule = {
    direction: 'ingress',
    ipProtocol: 'tcp',
    portRange: '22/22',
    sourceCidrIp: '10.0.0.0/16',
    policy: 'accept',
    priority: 1,
  }

  it('isolate their members and deny outbound unless a rule accepts', () => {
    const t = trace(network(2, enterprise([inbound22])), SSH)
    expect(t.disposition).toBe('SECURITY_GROUP_DENIED')
    expect(t.hops).toHaveLength(1)
    expect(sgSteps(t)[0].text).toMatch(/^enterprise security group sg-web isolates its members, and no outbound rule/)
  })

  it('deny outbound to the internet with no egress rule, where a basic group allows it', () => {
    const out = { source: 'ecs-web-1', destination: '203.0.113.9', protocol: 'tcp', destinationPort: 443 } as const
    const basic = network(2, (d) => {
      res(d, 'sg-web', 'securityGroup').rules = [inbound22]
    })
    expect(sgSteps(trace(basic, out))[0].text).toBe('no outbound rule matches: outbound traffic is accepted by default')
    const t = trace(network(2, enterprise([inbound22])), out)
    expect(t.disposition).toBe('SECURITY_GROUP_DENIED')
    expect(sgSteps(t)[0].text).toMatch(/an enterprise security group denies outbound traffic by default/)
  })

  it('let members talk when rules accept both directions', () => {
    const egress: SecurityGroupRule = {
      ...inbound22,
      direction: 'egress',
      sourceCidrIp: undefined,
      destCidrIp: '10.0.0.0/16',
    }
    delete egress.sourceCidrIp
    expect(trace(network(2, enterprise([inbound22, egress])), SSH).disposition).toBe('DELIVERED')
  })
})

describe('the cloud-services system route', () => {
  it('takes 100.64.0.0/10 to cloud services from a vSwitch table, even past a custom 0.0.0.0/0', () => {
    const t = trace(network(2), {
      source: 'ecs-web-1',
      destination: '100.100.2.136',
      protocol: 'udp',
      destinationPort: 53,
    })
    expect(t.disposition).toBe('EXITS_TO_CLOUD_SERVICES')
    const route = t.hops[0].steps.find((s) => s.action === 'route')
    expect(route?.rule).toMatchObject({
      nextHopType: 'CloudServices',
      destinationCidrBlock: '100.64.0.0/10',
      system: true,
    })
    expect(route?.text).toMatch(/100\.64\.0\.0\/10 → cloud services \(system route\)/)
  })

  it('is in the system table of a vSwitch bound to none', () => {
    const net = network(2, (d) => {
      delete res(d, 'vsw-app-h', 'vswitch').routeTableId
    })
    const t = trace(net, { source: 'ecs-web-1', destination: '100.64.0.1', protocol: 'tcp' })
    expect(t.disposition).toBe('EXITS_TO_CLOUD_SERVICES')
  })
})

// ---- property: the engine's decision equals a reference written from the cloud's rules ----

interface Group {
  id: string
  securityGroupType: 'basic' | 'enterprise'
  innerAccessPolicy?: 'Accept' | 'Drop'
  rules: SecurityGroupRule[]
}

/**
 * Alibaba Cloud's security groups, read straight from its documentation, for one direction at one instance:
 * 1. a basic group with internal access policy Accept lets members reach each other, over any rule;
 *    several groups: isolation has the lowest priority, so any such group shared with the peer connects them;
 * 2. otherwise the rules of all the instance's groups: the lowest priority number wins, drop wins a tie;
 * 3. no rule: inbound is denied; outbound is allowed by basic groups and denied by enterprise groups.
 */
function referenceAllows(
  mine: Group[],
  peerGroupIds: string[],
  direction: 'ingress' | 'egress',
  packet: { protocol: 'tcp' | 'udp'; port: number; peer: number },
): boolean {
  const connects = mine.some(
    (g) => g.securityGroupType === 'basic' && g.innerAccessPolicy === 'Accept' && peerGroupIds.includes(g.id),
  )
  if (connects) return true
  const matching = mine
    .flatMap((g) => g.rules)
    .filter((r) => r.direction === direction)
    .filter((r) => r.ipProtocol === 'all' || r.ipProtocol === packet.protocol)
    .filter((r) => {
      if (r.ipProtocol === 'all') return true
      const [from, to] = r.portRange.split('/').map(Number)
      return packet.port >= from && packet.port <= to
    })
    .filter((r) => {
      // the loader requires the CIDR of the rule's direction
      const [base, len] = ((direction === 'ingress' ? r.sourceCidrIp : r.destCidrIp) ?? '').split('/')
      const n = (a: string) => a.split('.').reduce((acc, o) => acc * 256 + Number(o), 0)
      const size = 2 ** (32 - Number(len))
      return Math.floor(packet.peer / size) === Math.floor(n(base) / size)
    })
  if (matching.length) {
    const best = Math.min(...matching.map((r) => r.priority))
    return !matching.some((r) => r.priority === best && r.policy === 'drop')
  }
  if (direction === 'ingress') return false
  return mine.every((g) => g.securityGroupType === 'basic')
}

const CIDRS = ['0.0.0.0/0', '10.0.0.0/16', '10.0.1.0/24', '10.0.1.0/28', '10.0.1.16/28', '192.168.0.0/16']
const address = (i: number) => `10.0.1.${4 + i * 5}`
const addressNumber = (i: number) => 10 * 2 ** 24 + 1 * 2 ** 8 + 4 + i * 5

const ruleArb: fc.Arbitrary<SecurityGroupRule> = fc
  .record({
    direction: fc.constantFrom('ingress' as const, 'egress' as const),
    ipProtocol: fc.constantFrom('tcp' as const, 'udp' as const, 'all' as const),
    from: fc.constantFrom(22, 80, 443),
    span: fc.constantFrom(0, 100, 1000),
    cidr: fc.constantFrom(...CIDRS),
    policy: fc.constantFrom('accept' as const, 'drop' as const),
    priority: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ direction, ipProtocol, from, span, cidr, policy, priority }) => ({
    direction,
    ipProtocol,
    portRange: ipProtocol === 'all' ? '-1/-1' : `${from}/${from + span}`,
    ...(direction === 'ingress' ? { sourceCidrIp: cidr } : { destCidrIp: cidr }),
    policy,
    priority,
  }))

const groupArb = (i: number): fc.Arbitrary<Group> =>
  fc
    .record({
      type: fc.constantFrom('basic' as const, 'enterprise' as const),
      policy: fc.constantFrom('Accept' as const, 'Drop' as const),
      rules: fc.array(ruleArb, { maxLength: 4 }),
    })
    .map(({ type, policy, rules }) => ({
      id: `sg-${i}`,
      securityGroupType: type,
      ...(type === 'basic' ? { innerAccessPolicy: policy } : {}),
      rules,
    }))

const worldArb = fc
  .record({
    groups: fc.tuple(groupArb(0), groupArb(1), groupArb(2), groupArb(3)),
    // per instance: which type its groups are, and a bit mask over the groups of that type
    members: fc.array(fc.record({ type: fc.constantFrom('basic', 'enterprise'), mask: fc.nat(15) }), {
      minLength: 2,
      maxLength: 4,
    }),
  })
  .map(({ groups, members }) => ({
    groups: [...groups],
    membership: members.map((m) =>
      groups.filter((g, k) => g.securityGroupType === m.type && (m.mask >> k) & 1).map((g) => g.id),
    ),
  }))

function worldDesign(groups: Group[], membership: string[][]): Design {
  const loaded = parse({
    format: 'gwlb-studio/design',
    version: 2,
    name: 'security groups',
    regionId: 'cn-hangzhou',
    zones: ['cn-hangzhou-h'],
    accounts: [{ id: '1234567890', name: 'me' }],
    resources: [
      { kind: 'vpc', id: 'vpc', accountId: '1234567890', cidrBlock: '10.0.0.0/16' },
      { kind: 'vswitch', id: 'vsw', vpcId: 'vpc', zoneId: 'cn-hangzhou-h', cidrBlock: '10.0.1.0/24' },
      ...groups.map((g): SecurityGroup => ({ kind: 'securityGroup', vpcId: 'vpc', ...g })),
      ...membership.map((ids, i) => ({
        kind: 'ecs',
        id: `ecs-${i}`,
        vswitchId: 'vsw',
        privateIpAddress: address(i),
        securityGroupIds: ids,
        role: 'server',
      })),
    ],
    layout: {},
    scenarios: [],
  })
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
  return loaded.design
}

describe('property: the engine decides as the documented rules do', () => {
  it('for random groups, memberships and packets', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.nat(),
        fc.nat(),
        fc.constantFrom('tcp' as const, 'udp' as const),
        fc.constantFrom(22, 80, 443, 1000, 8080),
        ({ groups, membership }, a, b, protocol, port) => {
          const src = a % membership.length
          const dst = (src + 1 + (b % (membership.length - 1))) % membership.length
          const net = compile(worldDesign(groups, membership))
          const t = trace(net, { source: `ecs-${src}`, destination: address(dst), protocol, destinationPort: port })
          const groupsOf = (i: number) => groups.filter((g) => membership[i].includes(g.id))
          const out = referenceAllows(groupsOf(src), membership[dst], 'egress', {
            protocol,
            port,
            peer: addressNumber(dst),
          })
          const inn = referenceAllows(groupsOf(dst), membership[src], 'ingress', {
            protocol,
            port,
            peer: addressNumber(src),
          })
          expect(t.disposition).toBe(out && inn ? 'DELIVERED' : 'SECURITY_GROUP_DENIED')
          // the denial happens where the reference says: at the sender when outbound is refused
          if (!out) expect(t.hops).toHaveLength(1)
        },
      ),
      { numRuns: Number(process.env.ENGINE_PROPERTY_RUNS ?? 300) },
    )
  })
})
