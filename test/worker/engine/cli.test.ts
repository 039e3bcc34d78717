// The command-line tool over example (b): Alibaba Cloud's GWLB guide's inbound steps 1–5 as hops in order, and with --reply the
// outbound steps 1–5 through the same appliance.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run as lintRun } from '../../../cli/lint'
import { run } from '../../../cli/trace'
import { ASSUMPTIONS, type AssumptionId, DEFAULT_ASSUMPTIONS } from '../../../worker/engine'

const EXAMPLE = 'public/examples/two-zones.json'
const ARGS = [EXAMPLE, '--from', 'internet-client', '--to', '47.98.10.11', '--proto', 'tcp', '--dport', '443']

// a design file runs synchronously (only an imported input makes run() return a promise)
function capture(fn: () => number | Promise<number>): { code: number; out: string; err: string } {
  const out: string[] = []
  const err: string[] = []
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
  try {
    return { code: fn() as number, out: out.join('\n'), err: err.join('\n') }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}

/** Asserts that the patterns occur in the text in this order. */
function inOrder(text: string, patterns: RegExp[]): void {
  let at = 0
  for (const p of patterns) {
    const m = p.exec(text.slice(at))
    expect(m, `${p} after offset ${at}`).not.toBeNull()
    at += (m?.index ?? 0) + (m?.[0].length ?? 0)
  }
}

const hop = (id: string) => new RegExp(`^ +\\d+\\. ${id} `, 'm')

describe('npm run cli -- trace', () => {
  afterEach(() => vi.restoreAllMocks())

  it('prints the GWLB guide’s inbound steps 1–5 as hops, in order', () => {
    const { code, out } = capture(() => run(ARGS))
    expect(code).toBe(0)
    inOrder(out, [
      // 1. internet → IPv4 gateway
      hop('internet-client'),
      hop('igw-service'),
      /translate +destination 47\.98\.10\.11 → 10\.0\.1\.10/,
      // 2. the gateway route table → GWLBe
      /route +route table rtb-gateway: 10\.0\.1\.0\/24 → GatewayLoadBalancerEndpoint gwlbe-h/,
      hop('gwlbe-h'),
      // 3. GWLBe → GWLB (PrivateLink) → appliance
      hop('epsrv-inspection'),
      hop('gwlb-inspection'),
      /encapsulate +Geneve to (fw-[hi]\d)/,
      hop('fw-[hi]\\d'),
      // 4. appliance → GWLB → GWLBe
      hop('gwlb-inspection'),
      hop('epsrv-inspection'),
      hop('gwlbe-h'),
      // 5. the GWLBe vSwitch route table → server
      /route +route table rtb-gwlbe: 10\.0\.1\.0\/24 → Local/,
      hop('ecs-web-1'),
      /=> DELIVERED/,
    ])
  })

  it('with --reply prints the outbound steps 1–5 through the same appliance, inner addresses unchanged', () => {
    const { code, out } = capture(() => run([...ARGS, '--reply']))
    expect(code).toBe(0)
    const [request, reply] = out.split(/\n(?=Reply from)/)
    const appliance = /Geneve to (fw-[hi]\d)/.exec(request)?.[1]
    expect(appliance).toBeDefined()
    inOrder(reply, [
      // 1. the server's vSwitch route table → GWLBe
      hop('ecs-web-1'),
      /route +route table rtb-app-h: 0\.0\.0\.0\/0 → GatewayLoadBalancerEndpoint gwlbe-h/,
      hop('gwlbe-h'),
      // 2. GWLBe → GWLB → appliance, the request's
      hop('gwlb-inspection'),
      new RegExp(`encapsulate +Geneve to ${appliance}`),
      hop(appliance ?? ''),
      // 3. appliance → GWLB → GWLBe
      hop('gwlb-inspection'),
      hop('gwlbe-h'),
      // 4. the GWLBe vSwitch route table → IPv4 gateway
      /route +route table rtb-gwlbe: 0\.0\.0\.0\/0 → Ipv4Gateway igw-service/,
      hop('igw-service'),
      /translate +source 10\.0\.1\.10 → 47\.98\.10\.11/,
      // 5. the IPv4 gateway → internet
      hop('internet-client'),
      /=> DELIVERED/,
    ])
    expect(out).toContain(`Both directions crossed ${appliance}.`)
    // on every Geneve leg the inner packet is the one the IPv4 gateway translated, both ways
    for (const line of out.split('\n').filter((l) => l.includes('| inner ')))
      expect(line).toMatch(
        /inner (203\.0\.113\.10:49152 → 10\.0\.1\.10:443|10\.0\.1\.10:443 → 203\.0\.113\.10:49152) tcp 1500 B/,
      )
  })

  it('--json prints the trace with resource ids in each hop', () => {
    const { code, out } = capture(() => run([...ARGS, '--json']))
    expect(code).toBe(0)
    const t = JSON.parse(out)
    expect(t.disposition).toBe('DELIVERED')
    expect(t.hops[1]).toMatchObject({ resourceId: 'igw-service', kind: 'ipv4Gateway' })
  })

  it('exits 1 on a drop and 2 on bad input, printing the loader messages', () => {
    expect(
      capture(() => run([EXAMPLE, '--from', 'internet-client', '--to', '47.98.10.11', '--dport', '22'])).code,
    ).toBe(1)
    const bad = capture(() => run(['package.json', '--from', 'a', '--to', '1.2.3.4']))
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('format: found')
    expect(capture(() => run([EXAMPLE, '--from', 'nobody', '--to', '1.2.3.4'])).code).toBe(2)
    expect(capture(() => run([EXAMPLE])).code).toBe(2)
  })
})

describe('npm run cli -- trace, assumptions', () => {
  const kebab = (id: string) => `--${id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`

  it('takes every named assumption as a flag, and --json names the values in force', () => {
    for (const id of Object.keys(ASSUMPTIONS) as AssumptionId[]) {
      const other = ASSUMPTIONS[id].values.find((v) => v !== DEFAULT_ASSUMPTIONS[id]) ?? ''
      const { code, out } = capture(() => run([...ARGS, '--json', kebab(id), other]))
      expect(code, id).toBe(0)
      const t = JSON.parse(out)
      expect(t.assumptionValues).toEqual({ ...DEFAULT_ASSUMPTIONS, [id]: other })
    }
  })

  it('traces under the value given: the trace lists it, and it changes what happens', () => {
    const plain = JSON.parse(capture(() => run([...ARGS, '--json'])).out)
    expect(plain.assumptions).toContainEqual(expect.objectContaining({ id: 'routeSelection', value: 'longestPrefix' }))
    const { out } = capture(() => run([...ARGS, '--json', '--route-selection', 'entryOrder']))
    expect(JSON.parse(out).assumptions).toContainEqual(
      expect.objectContaining({ id: 'routeSelection', value: 'entryOrder' }),
    )
    // the GWLBe-id-only option layout makes the Geneve overhead 48 bytes instead of 68
    const text = capture(() => run([...ARGS, '--geneve-options', 'gwlbeIdOnly'])).out
    expect(text).toMatch(/geneveOptions = gwlbeIdOnly/)
    expect(text).toMatch(/\+48 bytes/)
    expect(capture(() => run(ARGS)).out).toMatch(/\+68 bytes/)
  })

  it('refuses a value the assumption does not have, listing those it has (exit 2)', () => {
    const bad = capture(() => run([...ARGS, '--symmetric-hash', 'sideways']))
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--symmetric-hash sideways: expected sortedEndpoints or directional')
  })
})

describe('npm run cli -- trace, security groups (issue 11)', () => {
  const SSH = [EXAMPLE, '--from', 'ecs-web-1', '--to', '10.0.2.10', '--proto', 'tcp', '--dport', '22']

  it('Web server 1 → Web server 2 on SSH: delivered by sg-web’s Accept, and the walk names the policy', () => {
    const { code, out } = capture(() => run(SSH))
    expect(code).toBe(0)
    expect(out).toMatch(/securityGroup +intra-group policy Accept of sg-web/)
    expect(out).toMatch(/=> DELIVERED/)
  })

  it('with Drop and no rule: SECURITY_GROUP_DENIED at Web server 2, naming the policy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwlb-'))
    const file = join(dir, 'drop.json')
    writeFileSync(
      file,
      readFileSync(EXAMPLE, 'utf8').replaceAll('"innerAccessPolicy": "Accept"', '"innerAccessPolicy": "Drop"'),
    )
    try {
      const { code, out } = capture(() => run([file, ...SSH.slice(1)]))
      expect(code).toBe(1)
      expect(out).toMatch(/securityGroup +intra-group policy Drop of sg-web/)
      expect(out).toMatch(/=> SECURITY_GROUP_DENIED/)
    } finally {
      rmSync(dir, { recursive: true })
    }
  })
})

describe('npm run cli -- lint', () => {
  it('loads the example and exits by the worst severity; 2 on a load error', () => {
    const ok = capture(() => lintRun([EXAMPLE, '--json']))
    expect([0, 1]).toContain(ok.code)
    expect(Array.isArray(JSON.parse(ok.out))).toBe(true)
    expect(capture(() => lintRun(['package.json'])).code).toBe(2)
  })
})
