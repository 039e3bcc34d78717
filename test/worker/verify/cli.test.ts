// The verify, diff and plan commands as a CI job runs them: exit codes, the counterexample, the windows.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run as diffRun } from '../../../cli/diff'
import { run as planRun } from '../../../cli/plan'
import { run as verifyRun } from '../../../cli/verify'
import { type GenOptions, generateDesign } from '../../fixtures/engine/generate'

const EXAMPLE = 'public/examples/two-zones.json'
const SMALL: GenOptions = {
  consumerVpcs: 2,
  zones: 1,
  serversPerZone: 1,
  appliancesPerZone: 2,
  hosts: 0,
  scheduler: '5TCH',
  crossZone: true,
  jumboFrames: true,
  stateful: true,
}
const dir = mkdtempSync(join(tmpdir(), 'gwlb-verify-'))

async function capture(fn: () => number | Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
  const code = await fn()
  vi.restoreAllMocks()
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** The example with server 1's default route sent to an endpoint that is gone. */
function brokenExample(): string {
  const d = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
  d.resources.find((r: { id: string }) => r.id === 'rtb-app-h').entries[0].nextHopId = 'gwlbe-gone'
  const path = join(dir, 'broken.json')
  writeFileSync(path, JSON.stringify(d))
  return path
}

function file(name: string, data: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data))
  return path
}

describe('npm run cli -- verify', () => {
  afterEach(() => vi.restoreAllMocks())

  it("exit 0 on the guide's design, every built-in intent listed as holding with the class count", async () => {
    const r = await capture(() => verifyRun([EXAMPLE]))
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^\d+ flow classes, 5 intents checked/)
    expect(r.out.match(/^holds {5}/gm)).toHaveLength(5)
  })

  it('every appliance stopped: exit 1, inbound-delivered violated; without EIPs it applies to no flow class', async () => {
    const d = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    for (const r of d.resources) if (r.kind === 'appliance') r.state = 'stopped'
    const stopped = await capture(() => verifyRun([file('stopped.json', d)]))
    expect(stopped.code).toBe(1)
    expect(stopped.out).toMatch(/^VIOLATED {2}inbound-delivered \(40 of 40 classes\)/m)
    expect(stopped.out).toMatch(/^inbound-delivered: the packet ends NO_HEALTHY_APPLIANCE$/m)
    for (const r of d.resources) if (r.kind === 'ecs') delete r.publicIpAddress
    const noEip = await capture(() => verifyRun([file('no-eip.json', d)]))
    expect(noEip.code).toBe(0)
    expect(noEip.out).toMatch(/^holds {5}inbound-delivered \(applies to no flow class\)/m)
  })

  it('exit 1 on a broken route, printing the counterexample and its replayed walk', async () => {
    const r = await capture(() => verifyRun([brokenExample()]))
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^VIOLATED {2}no-black-hole-or-loop/m)
    expect(r.out).toMatch(/counterexample: \w+ ecs-web-1/)
    expect(r.out).toMatch(/=> BLACKHOLE_ROUTE: black hole: the route's next hop gwlbe-gone/)
  })

  it('--json: holds false and each violated intent with its counterexample packet', async () => {
    const r = await capture(() => verifyRun([brokenExample(), '--json']))
    const j = JSON.parse(r.out)
    expect(j.holds).toBe(false)
    const v = j.results.find((x: { intent: { id: string } }) => x.intent.id === 'no-black-hole-or-loop')
    expect(v.counterexample.packet.source).toBe('ecs-web-1')
    expect(v.explanation.join('\n')).toMatch(/BLACKHOLE_ROUTE/)
  })

  it("--intents: a file's intent is checked; a malformed one is refused with its id and path (exit 2)", async () => {
    const intent = {
      id: 'https-in',
      from: 'internet',
      to: 'servers',
      toAddress: 'eip',
      protocol: 'tcp',
      ports: '443',
      expect: { reach: 'delivered', inspected: true, symmetric: true },
    }
    const good = file('good.json', { format: 'gwlb-studio/intents', version: 1, intents: [intent] })
    const ok = await capture(() => verifyRun([EXAMPLE, '--intents', good]))
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/^holds {5}https-in/m)
    const bad = file('bad.json', {
      format: 'gwlb-studio/intents',
      version: 1,
      intents: [{ ...intent, to: 'everyone' }],
    })
    const r = await capture(() => verifyRun([EXAMPLE, '--intents', bad]))
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/intent "https-in" at intents\[0\]\.to/)
    const missing = file('missing.json', {
      format: 'gwlb-studio/intents',
      version: 1,
      intents: [{ ...intent, from: { resources: ['ecs-nowhere'] } }],
    })
    const m = await capture(() => verifyRun([EXAMPLE, '--intents', missing]))
    expect(m.code).toBe(2)
    expect(m.err).toBe('intent "https-in" at intents[0].from.resources[0]: no resource "ecs-nowhere" in the design')
  })
})

describe('npm run cli -- diff', () => {
  afterEach(() => vi.restoreAllMocks())

  it('exit 0 for the same design, 1 with the field and the changed flows otherwise', async () => {
    expect((await capture(() => diffRun([EXAMPLE, EXAMPLE]))).code).toBe(0)
    const r = await capture(() => diffRun([EXAMPLE, brokenExample()]))
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^~ routeTable rtb-app-h\n {4}entries\[0\.0\.0\.0\/0\]\.nextHopId: "gwlbe-h" → "gwlbe-gone"/m)
    expect(r.out).toMatch(/^\d+ of \d+ flow classes changed outcome/m)
    expect(r.out).toMatch(/after: {2}BLACKHOLE_ROUTE/)
  })

  it('three VPCs changed alike: the count of changed classes, one entry for the three VPCs', async () => {
    const d = generateDesign({ ...SMALL, consumerVpcs: 3 })
    const e = structuredClone(d)
    for (const r of e.resources) if (r.kind === 'securityGroup' && r.id !== 'sg-fw') r.rules[0].portRange = '8443/8443'
    const r = await capture(() => diffRun([file('three.json', d), file('three-8443.json', e)]))
    expect(r.code).toBe(1)
    const [, changed, entries] = r.out.match(/^(\d+) of \d+ flow classes changed outcome\n {2}in (\d+) entries/m) ?? []
    expect(Number(changed)).toBeGreaterThan(Number(entries))
    // vpc-0's server to vpc-1's EIP stands for each server to another VPC's (six ordered pairs)
    expect(r.out).toMatch(/^ {2}from ecs-0-0-0 to 47\.100\.1\.1, tcp 443 \(and 5 more classes alike\)$/m)
  })
})

describe('npm run cli -- plan check', () => {
  afterEach(() => vi.restoreAllMocks())

  it("the guide's teardown of (b): every state listed, no window, exit 0", async () => {
    const r = await capture(() => planRun(['check', EXAMPLE, '--guide', 'teardown']))
    expect(r.out).toMatch(/^8 steps, \d+ flow classes in every state/)
    expect(r.out).toMatch(/after DeleteVpcEndpoint EndpointId=gwlbe-h/)
    expect(r.out).toMatch(/no window/)
    expect(r.code).toBe(0)
  })

  it('a plan deleting the GWLBe first: the black-holed window, a safe order, exit 1', async () => {
    const steps = file('plan.json', {
      format: 'gwlb-studio/plan',
      version: 1,
      steps: [
        { api: 'DeleteVpcEndpoint', parameters: { EndpointId: 'gwlbe-h' } },
        { api: 'DeleteRouteEntry', parameters: { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '0.0.0.0/0' } },
        {
          api: 'UpdateGatewayRouteTableEntryAttribute',
          parameters: {
            IPv4GatewayRouteTableId: 'rtb-gateway',
            DestinationCidrBlock: '10.0.1.0/24',
            NextHopType: 'Local',
          },
        },
      ],
    })
    const r = await capture(() => planRun(['check', EXAMPLE, '--plan', steps]))
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^window: black-holed from step 1 to step 2, up to \d+ flow classes/m)
    expect(r.out).toMatch(/^safe order of the same steps: \d, \d, 1$/m)
  })

  it("without --plan or --guide, the plan the design carries (the Plan tab's), from where it starts", async () => {
    const carrying = file('carrying.json', {
      ...JSON.parse(readFileSync(EXAMPLE, 'utf8')),
      plan: {
        name: 'GWLBe first',
        from: 'design',
        steps: [
          { api: 'DeleteVpcEndpoint', parameters: { EndpointId: 'gwlbe-h' } },
          { api: 'DeleteRouteEntry', parameters: { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '0.0.0.0/0' } },
        ],
      },
    })
    const r = await capture(() => planRun(['check', carrying]))
    expect(r.out).toMatch(/^2 steps, \d+ flow classes in every state/)
    expect(r.out).toMatch(/^window: black-holed after step 1, up to \d+ flow classes/m)
    expect(r.code).toBe(1)
    // a plan file given beside it is checked instead
    const other = file('other.json', { format: 'gwlb-studio/plan', version: 1, steps: [] })
    expect((await capture(() => planRun(['check', carrying, '--plan', other]))).out).toMatch(/^0 steps/)

    const none = await capture(() => planRun(['check', EXAMPLE]))
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/the design carries no plan; give --plan steps\.json or --guide setup\|teardown/)
  })

  it('a step the cloud would refuse: named, exit 1', async () => {
    const steps = file('refused.json', {
      format: 'gwlb-studio/plan',
      version: 1,
      steps: [{ api: 'DeleteVpc', parameters: { VpcId: 'vpc-security' } }],
    })
    const r = await capture(() => planRun(['check', EXAMPLE, '--plan', steps]))
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/^step 1 \(DeleteVpc\) would be refused: VPC vpc-security still holds /)
  })
})
