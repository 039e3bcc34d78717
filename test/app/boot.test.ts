// The first design from the URL: a share link opens read-only with a notice; a broken link shows its
// errors over the reference design and never throws; the embed flag is read from query or fragment.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { deflateSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bootDesign } from '../../src/app/boot'
import { createDesignRepo } from '../../src/app/storage/designRepo'
import { serialise } from '../../src/model'
import { toBase64Url } from '../../src/share/bytes'
import { MAX_DESIGN_TEXT_BYTES } from '../../src/share/load'
import { adler32, encodeShareLink, isEmbedView } from '../../src/share/shareLink'
import { exampleJson, loadExample } from '../helpers'
import { memoryKv } from './storage/memoryKv'

// the examples are fetched from public/ by the app; here they come from the files on disk
beforeEach(() => {
  vi.stubGlobal('fetch', async (url: string) => {
    const name = String(url).replace(/^.*examples\//, '')
    return new Response(readFileSync(resolve(process.cwd(), 'public/examples', name), 'utf8'))
  })
})
afterEach(() => vi.unstubAllGlobals())

const at = (search: string, hash = '') => ({ search, hash })

async function ready(location: { search: string; hash: string }, storage?: Parameters<typeof bootDesign>[1]) {
  const boot = await bootDesign(location, storage)
  if (boot.phase !== 'ready') throw new Error(`boot failed: ${JSON.stringify(boot.errors)}`)
  return boot
}

describe('bootDesign', () => {
  it('opens reference design (b), editable and without a notice, when the URL says nothing', async () => {
    const boot = await ready(at(''))
    expect(boot.design).toEqual(loadExample('two-zones'))
    expect(boot.readOnly).toBe(false)
    expect(boot.notice).toBeNull()
  })

  it('opens the example that ?example= names', async () => {
    expect((await ready(at('?example=single-zone'))).design).toEqual(loadExample('single-zone'))
  })

  it('opens a share link read-only, the same document with its layout, and says what was opened', async () => {
    const design = loadExample('single-zone')
    const moved = {
      ...design,
      layout: { ...design.layout, 'vpc-service': { ...design.layout['vpc-service'], x: 77, y: 33 } },
    }
    const link = encodeShareLink(moved)
    if (!link.ok) throw new Error('no link')
    const boot = await ready(at('', link.fragment))
    expect(boot.design).toEqual(moved)
    expect(boot.readOnly).toBe(true)
    expect(boot.notice?.tone).toBe('info')
    expect(boot.notice?.lines[0]).toBe(`Opened "${design.name}".`)
  })

  it('shows a shared design in the embed view read-only and without a notice', async () => {
    const link = encodeShareLink(loadExample('single-zone'))
    if (!link.ok) throw new Error('no link')
    const boot = await ready(at('', `${link.fragment}&view=embed`))
    expect(boot.design.name).toBe(loadExample('single-zone').name)
    expect(boot.readOnly).toBe(true)
    expect(boot.notice).toBeNull()
  })

  it('makes an example read-only in the embed view', async () => {
    expect((await ready(at('?view=embed&example=single-zone'))).readOnly).toBe(true)
  })

  it.each([
    ['garbage after the version', '#d=1.%%%', /does not hold a GWLB Studio design/],
    ['a link cut short', null, /does not hold a GWLB Studio design/],
    ['a newer link version', '#d=9.abc', /newer version/],
    ['an empty payload', '#d=', /does not hold a GWLB Studio design/],
  ])('falls back to the reference design with an error notice on %s', async (_what, hash, headline) => {
    let fragment = hash
    if (fragment === null) {
      const link = encodeShareLink(loadExample('two-zones'))
      if (!link.ok) throw new Error('no link')
      fragment = link.fragment.slice(0, link.fragment.length / 2)
    }
    const boot = await ready(at('', fragment))
    expect(boot.design).toEqual(loadExample('two-zones'))
    // a broken link is not the user's design: nothing to make a copy of, nothing read-only
    expect(boot.readOnly).toBe(false)
    expect(boot.notice?.tone).toBe('error')
    expect(boot.notice?.lines[0]).toMatch(headline)
    expect(boot.notice?.lines.at(-1)).toBe(`Reference design "${loadExample('two-zones').name}" is shown instead.`)
    expect(boot.notice?.lines.join('\n')).not.toMatch(/current design is unchanged/)
  })

  it('names the field and the value when a link holds a document that does not pass parse()', async () => {
    const doc = exampleJson('single-zone')
    const vswitch = doc.resources.find((r) => r.kind === 'vswitch')
    if (!vswitch) throw new Error('no vSwitch')
    vswitch.cidrBlock = '10.0.1.0/33'
    const link = encodeShareLink(doc as never)
    if (!link.ok) throw new Error('no link')
    const boot = await ready(at('?example=single-zone', link.fragment))
    expect(boot.design).toEqual(loadExample('single-zone'))
    const text = boot.notice?.lines.join('\n') ?? ''
    expect(text).toMatch(/cidrBlock/)
    expect(text).toMatch(/10\.0\.1\.0\/33/)
  })
})

describe('a link too large to open', () => {
  it('stops decompressing a link beyond the size limit, and says what the limit is', async () => {
    const bomb = `#d=1.${toBase64Url(deflateSync(new TextEncoder().encode(' '.repeat(MAX_DESIGN_TEXT_BYTES + 1))))}`
    const boot = await ready(at('', bomb))
    expect(boot.design).toEqual(loadExample('two-zones'))
    expect(boot.notice?.lines.join('\n')).toMatch(new RegExp(`at most ${MAX_DESIGN_TEXT_BYTES} bytes`))
  })
})

describe('a link to a deeply nested document', () => {
  it("opens the usual design with the loader's error, for a 366-character link with a valid checksum", async () => {
    // the reported case: the loader threw inside bootDesign, and the app stayed on "Loading the design…"
    const text = new TextEncoder().encode(
      `{"format":"gwlb-studio/design","version":0,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    )
    const link = `#d=2.${toBase64Url(deflateSync(text, { level: 9 }))}.${adler32(text)}`
    expect(link.length).toBeLessThan(400)
    const boot = await ready(at('', link))
    expect(boot.design).toEqual(loadExample('two-zones'))
    expect(boot.notice?.tone).toBe('error')
    expect(boot.notice?.lines.join('\n')).toMatch(/GWLB-L020 .*at most 64 levels/)
  })
})

describe('isEmbedView', () => {
  it('reads view=embed from the query or from the fragment, beside a shared design', () => {
    expect(isEmbedView(at('?view=embed'))).toBe(true)
    expect(isEmbedView(at('', '#d=1.abc&view=embed'))).toBe(true)
    expect(isEmbedView(at('', '#view=embed&d=1.abc'))).toBe(true)
    expect(isEmbedView(at('?view=full', '#d=1.abc'))).toBe(false)
    expect(isEmbedView(at(''))).toBe(false)
  })
})

describe('bootDesign with designs stored in this browser', () => {
  const storage = (repo: ReturnType<typeof createDesignRepo>) => ({ repo, tab: null, legacy: async () => undefined })

  it('reopens the stored design, at its revision, when the URL says nothing', async () => {
    const repo = createDesignRepo(memoryKv())
    const text = serialise({ ...loadExample('single-zone'), name: 'Mine' })
    const d = await repo.create({ name: 'Mine', text })
    const boot = await ready(at(''), storage(repo))
    expect(boot.design.name).toBe('Mine')
    expect(boot.stored).toEqual({ id: d.id, rev: 1, text })
  })

  it('opens ?example= beside the stored design, editing none, and says where the user’s design is', async () => {
    const repo = createDesignRepo(memoryKv())
    await repo.create({ name: 'Mine', text: serialise({ ...loadExample('single-zone'), name: 'Mine' }) })
    const boot = await ready(at('?example=two-zones'), storage(repo))
    expect(boot.design).toEqual(loadExample('two-zones'))
    expect(boot.stored).toBeNull()
    expect(boot.notice?.lines[0]).toBe('Your design "Mine" is kept in this browser, as it was: Designs… opens it.')
  })

  it('opens the reference design over an unreadable stored one, which it names and keeps', async () => {
    const repo = createDesignRepo(memoryKv())
    const d = await repo.create({ name: 'Broken', text: '{"format": "gwlb-studio/design", "version": 99}' })
    const boot = await ready(at(''), storage(repo))
    expect(boot.design).toEqual(loadExample('two-zones'))
    expect(boot.stored).toBeNull()
    expect(boot.notice?.tone).toBe('error')
    expect(boot.notice?.lines[0]).toMatch(/^Your autosaved design "Broken" could not be opened: /)
    expect(boot.notice?.lines[1]).toContain('Recover…')
    expect(await repo.get(d.id)).toMatchObject({ text: '{"format": "gwlb-studio/design", "version": 99}', rev: 1 })
  })
})
