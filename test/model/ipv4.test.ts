import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cidrContainsAddress,
  cidrOrThrow,
  cidrsOverlap,
  formatIpv4,
  isPrivateAddress,
  isReservedInVswitch,
  nextFreeAddress,
  parseCidr,
  parseIpv4,
} from '../../src/model'

describe('IPv4 and CIDR helpers', () => {
  it('parses and formats every address the same way back', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => parseIpv4(formatIpv4(n)) === n))
  })

  it('rejects malformed addresses and blocks', () => {
    for (const bad of ['10.0.0', '10.0.0.256', '010.0.0.1', '10.0.0.1.2', 'a.b.c.d', ''])
      expect(parseIpv4(bad)).toBeNull()
    expect(parseCidr('10.0.0.0/33').ok).toBe(false)
    expect(parseCidr('10.0.0.0').ok).toBe(false)
  })

  it('knows overlap and the addresses a vSwitch reserves', () => {
    expect(cidrsOverlap(cidrOrThrow('10.0.0.0/16'), cidrOrThrow('10.0.5.0/24'))).toBe(true)
    expect(cidrsOverlap(cidrOrThrow('10.0.4.0/24'), cidrOrThrow('10.0.5.0/24'))).toBe(false)
    const v = cidrOrThrow('192.168.1.0/24')
    const reserved = ['192.168.1.0', '192.168.1.253', '192.168.1.254', '192.168.1.255'].map(
      (a) => parseIpv4(a) as number,
    )
    for (const a of reserved) expect(isReservedInVswitch(v, a)).toBe(true)
    expect(isReservedInVswitch(v, parseIpv4('192.168.1.252') as number)).toBe(false)
    expect(formatIpv4(nextFreeAddress(v, new Set([parseIpv4('192.168.1.1') as number])) as number)).toBe('192.168.1.2')
  })
})

describe('isPrivateAddress', () => {
  const BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'].map(cidrOrThrow)

  it('holds exactly for RFC 1918 and the shared 100.64.0.0/10 block', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (a) => {
        expect(isPrivateAddress(a)).toBe(BLOCKS.some((b) => cidrContainsAddress(b, a)))
      }),
    )
    for (const [text, is] of [
      ['10.255.255.255', true],
      ['11.0.0.0', false],
      ['172.15.255.255', false],
      ['172.31.255.255', true],
      ['192.168.0.1', true],
      ['100.127.255.255', true],
      ['100.128.0.0', false],
      ['8.8.8.8', false],
    ] as const)
      expect(isPrivateAddress(parseIpv4(text) as number), text).toBe(is)
  })
})
