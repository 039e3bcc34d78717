import { deflateSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { type Design, serialise } from '../../src/model'
import { toBase64Url, utf8 } from '../../src/share/bytes'
import {
  activityLinkText,
  decodeShareLink,
  encodeActivityLink,
  encodeShareLink,
  isActivityLink,
  isShareLink,
  MAX_SHARE_URL_LENGTH,
} from '../../src/share/shareLink'
import { EXAMPLE_NAMES, example } from './fixtures'

const BASE = 'https://studio.example.com/app/'

function link(design: Design): string {
  const r = encodeShareLink(design, { baseUrl: BASE })
  if (!r.ok) throw new Error(`too large: ${r.size}`)
  return r.url
}

function expectRefused(url: string, reason = 'not-ours'): string[] {
  const r = decodeShareLink(url)
  expect(r.ok).toBe(false)
  if (r.ok) return []
  expect(r.reason).toBe(reason)
  expect(r.errors.length).toBeGreaterThan(0)
  expect(r.messages.length).toBeGreaterThan(1)
  return r.messages
}

const linkOf = (payload: string) => `${BASE}#d=1.${payload}`
const packed = (text: string) => toBase64Url(deflateSync(utf8(text)))

describe('share link', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`${name}: round-trips to the identical document, layout and scenarios included`, () => {
      const design = example(name)
      expect(design.scenarios.length).toBeGreaterThan(0)
      expect(Object.keys(design.layout).length).toBeGreaterThan(0)
      const url = link(design)
      expect(url).toMatch(new RegExp(`^${BASE.replace(/[.]/g, '\\.')}#d=2\\.[A-Za-z0-9_-]+\\.[0-9a-f]{8}$`))
      expect(url.length).toBeLessThanOrEqual(MAX_SHARE_URL_LENGTH)
      expect(isShareLink(url)).toBe(true)
      const back = decodeShareLink(url)
      expect(back.ok).toBe(true)
      if (!back.ok) return
      expect(back.design).toEqual(design)
      expect(serialise(back.design)).toBe(serialise(design))
      expect(back.repairs).toEqual([])
      // the fragment alone, and beside other fragment parameters, decode the same
      const fragment = url.slice(url.indexOf('#'))
      expect(decodeShareLink(fragment).ok).toBe(true)
      expect(decodeShareLink(`${fragment}&view=embed`).ok).toBe(true)
      expect(decodeShareLink(`#view=embed&${fragment.slice(1)}`).ok).toBe(true)
    })
  }

  it('refuses a truncated link with a message', () => {
    const url = link(example('two-zones'))
    for (const cut of [url.length - 1, url.length - 10, Math.floor(url.length / 2), url.indexOf('#d=2.') + 5]) {
      const messages = expectRefused(url.slice(0, cut))
      expect(messages.join(' ')).toMatch(/cut short or changed|JSON/)
    }
  })

  it('refuses a link changed anywhere in transit, by any one character, with a message', () => {
    // raw DEFLATE alone would inflate some changes to another valid design: the checksum refuses them all
    const url = link(example('single-zone'))
    const start = url.indexOf('#d=2.') + 5
    for (let at = start; at < url.length; at += 7) {
      const flipped = url.slice(0, at) + (url[at] === 'A' ? 'B' : 'A') + url.slice(at + 1)
      expect(decodeShareLink(flipped).ok, `character ${at} changed`).toBe(false)
    }
    expect(decodeShareLink(url.replace('#d=2.', '#d=2.*')).ok).toBe(false)
    expect(decodeShareLink(`${url}%20`).ok).toBe(false)
  })

  it('still opens a version 1 link (no checksum), as links made before it did', () => {
    const design = example('two-zones')
    const back = decodeShareLink(linkOf(packed(JSON.stringify(design))))
    expect(back.ok && back.design).toEqual(design)
  })

  it('says what is wrong with links that are not share links', () => {
    expect(expectRefused('https://studio.example.com/app/')[0]).toBe('This link does not hold a GWLB Studio design.')
    expectRefused('#d=')
    expectRefused('#d=1.')
    expectRefused('#d=one.abc')
    expectRefused(linkOf(packed('not json')))
    expectRefused(linkOf(packed('{"format":"something-else"}')))
    expectRefused(linkOf(toBase64Url(Uint8Array.of(0xff, 0xfe, 0xfd))))
  })

  it('refuses a link from a newer GWLB Studio as too new', () => {
    const url = link(example('single-zone')).replace('#d=2.', '#d=3.')
    expect(expectRefused(url, 'too-new')[0]).toMatch(/newer version/)
  })

  it('reports an invalid design inside a well-formed link with its errors', () => {
    const d = structuredClone(example('single-zone')) as unknown as { resources: { id: string }[] }
    d.resources[1].id = d.resources[0].id
    const messages = expectRefused(linkOf(packed(JSON.stringify(d))), 'invalid')
    expect(messages.some((m) => m.includes('GWLB-L006'))).toBe(true)
  })

  it('stops inflating a link that expands past the design size limit', () => {
    const bomb = toBase64Url(deflateSync(new Uint8Array(6_000_000).fill(32)))
    const messages = expectRefused(linkOf(bomb), 'invalid')
    expect(messages.join(' ')).toMatch(/GWLB-L021 .*at most 5000000 bytes/)
  })

  it('refuses a payload longer than any design within the cap, before decoding it', () => {
    const messages = expectRefused(linkOf('A'.repeat(7_000_000)), 'invalid')
    expect(messages[1]).toBe(
      'GWLB-L021 document: found "7000000 characters"; expected a link to a design of at most 5000000 bytes',
    )
  })

  it('refuses to make a link longer than the limit, and says how long it would be', () => {
    const d = structuredClone(example('two-zones'))
    let seed = 7
    const noise = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed.toString(36)
    }
    for (let i = 0; i < 400; i++)
      d.resources.push({
        kind: 'internetHost',
        id: `host-${i}`,
        name: `${noise()} ${noise()}`,
        ipAddress: `198.51.${Math.floor(i / 200)}.${(i % 200) + 1}`,
      })
    const r = encodeShareLink(d, { baseUrl: BASE })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('too-large')
    expect(r.limit).toBe(MAX_SHARE_URL_LENGTH)
    expect(r.size).toBeGreaterThan(MAX_SHARE_URL_LENGTH)
    // a lower limit of the caller's own is honoured too
    expect(encodeShareLink(example('single-zone'), { maxUrlLength: 100 }).ok).toBe(false)
  })
})

describe('activity link', () => {
  const raw = { format: 'gwlb-studio/activity', title: 'Fix <b>it</b>', goals: [{ id: 'g', points: 1 }] }

  it('carries the activity file’s JSON under a=, apart from design links', () => {
    const r = encodeActivityLink(raw, { baseUrl: BASE })
    if (!r.ok) throw new Error('too large')
    expect(r.url.startsWith(`${BASE}#a=2.`)).toBe(true)
    expect(isActivityLink(r.url)).toBe(true)
    expect(isShareLink(r.url)).toBe(false)
    const text = activityLinkText(r.url)
    expect(text.ok && JSON.parse(text.text)).toEqual(raw)
  })

  it('refuses a damaged activity link with the design links’ messages', () => {
    const r = encodeActivityLink(raw, { baseUrl: BASE })
    if (!r.ok) throw new Error('too large')
    const cut = activityLinkText(r.url.slice(0, -20))
    expect(cut.ok).toBe(false)
    if (!cut.ok) expect(cut.messages.join(' ')).toMatch(/cut short or changed/)
  })

  it('says how long a link too large would be', () => {
    const r = encodeActivityLink({ big: 'x'.repeat(100) }, { baseUrl: BASE, maxUrlLength: 40 })
    expect(r).toMatchObject({ ok: false, reason: 'too-large', limit: 40 })
  })
})
