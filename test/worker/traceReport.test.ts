// The worker's tracer keeps the last design it compiled (worker/traceReport.ts): a trace of the same design answers
// exactly as one that compiles afresh, whatever was traced before it, and an edited design is never answered from
// the network of the design before the edit.
import { describe, expect, it } from 'vitest'
import { type Design, serialise } from '../../src/model'
import { compile, type PacketSpec, traceRoundTrip } from '../../worker/engine'
import { traceOn } from '../../worker/traceReport'
import { type ExampleFile, loadExample } from '../helpers'

const EXAMPLES: ExampleFile[] = ['single-zone', 'two-zones', 'zone-failover']

/** Every ordered pair of the design's internet hosts and servers, to each address the destination has, over TCP 443 and ICMP. */
function packetsOf(design: Design): PacketSpec[] {
  const addresses = (r: Design['resources'][number]): string[] =>
    r.kind === 'internetHost'
      ? [r.ipAddress]
      : r.kind === 'ecs'
        ? [r.privateIpAddress, ...(r.publicIpAddress ? [r.publicIpAddress] : [])]
        : []
  const ends = design.resources.filter((r) => r.kind === 'internetHost' || r.kind === 'ecs')
  return ends.flatMap((from) =>
    ends
      .filter((to) => to.id !== from.id)
      .flatMap(addresses)
      .flatMap((destination): PacketSpec[] => [
        { source: from.id, destination, protocol: 'tcp', destinationPort: 443 },
        { source: from.id, destination, protocol: 'icmp' },
      ]),
  )
}

const asSent = (design: Design) => JSON.parse(serialise(design)) as unknown

describe('the tracer of the worker', () => {
  it('answers each design, traced in turn, as a fresh compile does', () => {
    const designs = EXAMPLES.map(loadExample)
    const seen = new Set<string>()
    // interleaved, so every trace follows one of another design or of another packet
    for (let round = 0; round < 2; round++)
      for (const design of designs)
        for (const packet of packetsOf(design)) {
          const answer = traceOn(asSent(design), packet)
          expect(answer).toEqual({ ok: true, roundTrip: traceRoundTrip(compile(design), packet) })
          if (answer.ok) seen.add(answer.roundTrip.request.disposition)
        }
    // the packets take real paths, not only refusals
    expect(seen).toContain('DELIVERED')
  })

  it('answers an edited design from the edit, not from the design before it', () => {
    const design = loadExample('single-zone')
    const host = design.resources.find((r) => r.kind === 'internetHost')
    const server = design.resources.find((r) => r.kind === 'ecs')
    if (host?.kind !== 'internetHost' || server?.kind !== 'ecs' || !server.publicIpAddress)
      throw new Error('single-zone has no internet host or server with a public address')
    const packet: PacketSpec = {
      source: host.id,
      destination: server.publicIpAddress,
      protocol: 'tcp',
      destinationPort: 443,
    }
    const before = traceOn(asSent(design), packet)
    expect(before).toMatchObject({ ok: true, roundTrip: { request: { disposition: 'DELIVERED' } } })
    // the same design with every appliance's policy denying all: the firewall now drops the packet
    const edited: Design = {
      ...design,
      resources: design.resources.map((r) =>
        r.kind === 'appliance' ? { ...r, policy: { rules: [], defaultAction: 'deny' } } : r,
      ),
    }
    const after = traceOn(asSent(edited), packet)
    expect(after).toEqual({ ok: true, roundTrip: traceRoundTrip(compile(edited), packet) })
    expect(after).toMatchObject({ ok: true, roundTrip: { request: { disposition: 'APPLIANCE_DENIED' } } })
  })

  it('says a design that does not load does not, after a good one', () => {
    const design = loadExample('two-zones')
    const [packet] = packetsOf(design)
    if (!packet) throw new Error('two-zones has no two ends to trace between')
    traceOn(asSent(design), packet)
    const answer = traceOn({ ...(asSent(design) as object), resources: 'none' }, packet)
    expect(answer).toMatchObject({ ok: false, message: expect.stringMatching(/^The design does not load/) })
  })
})
