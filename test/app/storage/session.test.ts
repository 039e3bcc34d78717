// A tab's session over the stored designs, with two tabs on one in-memory store: nothing a tab did not
// load is overwritten, a refused write is kept as a copy, a replace keeps the design it replaces, an
// unreadable design stays as it was.
import { describe, expect, it } from 'vitest'
import { createDesignRepo, type DesignRepo } from '../../../src/app/storage/designRepo'
import { type BootStorage, startingDesign } from '../../../src/app/storage/local'
import { type Channel, createLocalSession, type Opened } from '../../../src/app/storage/session'
import { type Design, serialise } from '../../../src/model'
import { emptyDesign } from '../../../src/model/edits/empty'
import { createStores } from '../../../src/store/context'
import { openInPlace } from '../../../src/store/inPlace'
import { loadExample } from '../../helpers'
import { channelPair, memoryKv } from './memoryKv'

function tabStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  }
}

let clock = Date.parse('2026-12-01T10:00:00Z')
const now = () => (clock += 1000)

function tab(repo: DesignRepo, design: Design, opened: Opened | null, channel: Channel | null = null) {
  const stores = createStores(design)
  const session = createLocalSession(stores, { repo, tab: tabStorage(), now, tabId: Math.random().toString() }, opened)
  stores.library = session
  session.start(channel)
  const rename = (name: string) => stores.design.getState().edit('rename', (d) => ({ ...d, name }))
  return { stores, session, rename }
}

async function stored(repo: DesignRepo, design: Design) {
  const text = serialise(design)
  const d = await repo.create({ name: design.name, text })
  return { id: d.id, rev: d.rev, text }
}

const names = async (repo: DesignRepo) => (await repo.list()).map((d) => d.name).sort()

describe('renaming a design in the Designs dialog', () => {
  it('refuses a name the loader refuses (an escape sequence, a right-to-left override, 129 characters) and keeps both designs as they were', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const other = await stored(repo, loadExample('single-zone'))
    const opened = await stored(repo, loadExample('two-zones'))
    const t = tab(repo, loadExample('two-zones'), opened)
    for (const name of ['prod\u001b[2J', 'abc\u202edef', 'x'.repeat(129)])
      for (const id of [opened.id, other.id]) {
        const answer = await t.session.rename(id, name)
        expect(answer).toMatchObject({
          ok: false,
          lines: ['That name cannot be used.', expect.stringMatching(/^name: /)],
        })
      }
    expect(t.stores.design.getState().design.name).toBe(loadExample('two-zones').name)
    expect(await repo.get(other.id)).toMatchObject({ text: other.text, rev: other.rev })
    expect(await t.session.rename(other.id, 'A plain name')).toEqual({ ok: true })
  })
})

describe('a tab editing a stored design', () => {
  it('keeps the stored text as a version before its first write, then writes at the next revision', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, loadExample('two-zones'))
    const t = tab(repo, loadExample('two-zones'), opened)
    t.rename('Edited')
    await t.session.flush()
    expect(await repo.get(opened.id)).toMatchObject({ name: 'Edited', rev: 2 })
    const versions = await repo.versions(opened.id)
    expect(versions.map((v) => v.text)).toEqual([opened.text])
    t.rename('Edited again')
    await t.session.flush()
    // one version per session (and per ten minutes), not one per keystroke
    expect(await repo.versions(opened.id)).toHaveLength(1)
  })

  it('saves a tab that opened an example or a link as a new design on its first edit, leaving the stored one', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const mine = await stored(repo, { ...loadExample('two-zones'), name: 'My work' })
    const t = tab(repo, loadExample('single-zone'), null)
    await t.session.flush()
    expect(await names(repo)).toEqual(['My work'])
    t.rename('Example, edited')
    await t.session.flush()
    expect(await names(repo)).toEqual(['Example, edited', 'My work'])
    expect((await repo.get(mine.id))?.text).toBe(mine.text)
  })

  it('saves the design on the canvas before a replace, and the replacing design as a new one', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, loadExample('two-zones'))
    const t = tab(repo, loadExample('two-zones'), opened)
    t.rename('Edited, not yet saved')
    const kept = await t.session.keepBeforeReplace()
    expect(kept?.line).toContain('"Edited, not yet saved" is kept in this browser')
    t.stores.design.getState().edit('open file', () => loadExample('single-zone'), { opens: true })
    await t.session.flush()
    expect((await repo.get(opened.id))?.name).toBe('Edited, not yet saved')
    expect(await names(repo)).toEqual(['Edited, not yet saved', loadExample('single-zone').name])
    // and one click brings it back
    expect(await kept?.reopen()).toEqual({ ok: true })
    expect(t.stores.design.getState().design.name).toBe('Edited, not yet saved')
  })
})

describe('two tabs on one stored design', () => {
  it('keeps the second writer’s work as a copy, tells it, and leaves the first writer’s design as it wrote it', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, loadExample('two-zones'))
    const [one, two] = channelPair()
    const a = tab(repo, loadExample('two-zones'), opened, one)
    const b = tab(repo, loadExample('two-zones'), opened, two)
    a.rename('Edited in A')
    await a.session.flush()
    // B is told at once, before it writes
    expect(b.stores.ui.getState().notice?.lines[0]).toContain('was changed in another tab')
    b.rename('Edited in B')
    await b.session.flush()
    expect((await repo.get(opened.id))?.name).toBe('Edited in A')
    expect(await names(repo)).toEqual(['Edited in A', 'Edited in B (copy from another tab)'])
    expect(b.stores.design.getState().design.name).toBe('Edited in B (copy from another tab)')
    expect(b.stores.ui.getState().notice?.lines[0]).toContain('kept as "Edited in B (copy from another tab)"')
    // B's next edits go into its copy, never into A's design
    b.rename('B again')
    await b.session.flush()
    expect((await repo.get(opened.id))?.name).toBe('Edited in A')
  })

  it('refuses the stale write even when the other tab’s message never arrived', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, loadExample('two-zones'))
    const a = tab(repo, loadExample('two-zones'), opened)
    const b = tab(repo, loadExample('two-zones'), opened)
    a.rename('A')
    await a.session.flush()
    b.rename('B')
    await b.session.flush()
    expect(await names(repo)).toEqual(['A', 'B (copy from another tab)'])
  })

  it('offers to load the other tab’s version, which then replaces nothing of its own', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, loadExample('two-zones'))
    const [one, two] = channelPair()
    const a = tab(repo, loadExample('two-zones'), opened, one)
    const b = tab(repo, loadExample('two-zones'), opened, two)
    a.rename('From A')
    await a.session.flush()
    const load = b.stores.ui.getState().notice?.actions?.[0]
    expect(load?.label).toBe('Load the other tab’s version')
    expect(await b.session.open(opened.id)).toEqual({ ok: true })
    expect(b.stores.design.getState().design.name).toBe('From A')
    b.rename('B after loading')
    await b.session.flush()
    expect(await names(repo)).toEqual(['B after loading'])
  })

  it('keeps a design deleted in another tab as a new design on the next edit', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, loadExample('two-zones'))
    const [one, two] = channelPair()
    const a = tab(repo, loadExample('single-zone'), null, one)
    const b = tab(repo, loadExample('two-zones'), opened, two)
    expect(await a.session.remove(opened.id)).toMatchObject({ name: loadExample('two-zones').name })
    b.rename('Still here')
    await b.session.flush()
    expect(await names(repo)).toEqual(['Still here'])
  })
})

describe('the designs a tab starts on', () => {
  const boot = (repo: DesignRepo, legacy?: string): BootStorage => ({
    repo,
    tab: null,
    legacy: async () => (legacy === undefined ? undefined : { text: legacy, savedAt: '2026-11-30T09:00:00Z' }),
  })

  const two = loadExample('two-zones').name
  it.each([
    ['garbage', '{"format":', 'Autosaved design'],
    ['a newer version', JSON.stringify({ ...loadExample('two-zones'), version: 99 }), two],
    [
      'a bad CIDR',
      serialise(loadExample('two-zones')).replace(/"cidrBlock": ?"10\.0\.0\.0\/16"/, '"cidrBlock":"10.0.0.0/33"'),
      two,
    ],
  ])(
    'keeps an autosave that does not load (%s) untouched, and the next edit saves beside it',
    async (_w, text, name) => {
      const repo = createDesignRepo(memoryKv(), { now })
      const start = await startingDesign(boot(repo, text))
      expect(start.kind).toBe('unreadable')
      if (start.kind !== 'unreadable') return
      expect(start.problem).not.toBe('')
      // the app opens an example, editing no stored design
      const t = tab(repo, loadExample('two-zones'), null)
      t.rename('New work')
      await t.session.flush()
      expect((await repo.get(start.stored.id))?.text).toBe(text)
      expect((await repo.list()).map((d) => [d.name, d.problem !== undefined]).sort()).toEqual([
        [name, true],
        ['New work', false],
      ])
      // Recover: the text, fixed, opens as a new design
      const fixed = serialise({ ...loadExample('single-zone'), name: 'Recovered' })
      expect(await t.session.openText('{"format":')).toMatchObject({ ok: false })
      expect(await t.session.openText(fixed)).toEqual({ ok: true })
      expect(t.stores.design.getState().design.name).toBe('Recovered')
      expect((await repo.get(start.stored.id))?.text).toBe(text)
    },
  )

  it('keeps the single autosave of earlier versions as a stored design, once', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const legacy = serialise({ ...loadExample('two-zones'), name: 'From the old autosave' })
    const first = await startingDesign(boot(repo, legacy))
    expect(first).toMatchObject({ kind: 'ok', design: { name: 'From the old autosave' } })
    await startingDesign(boot(repo, legacy))
    expect(await names(repo)).toEqual(['From the old autosave'])
  })
})

describe('versions and removal', () => {
  it('restores a version after keeping the text it replaces as a version too', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, { ...loadExample('two-zones'), name: 'Before' })
    const t = tab(repo, { ...loadExample('two-zones'), name: 'Before' }, opened)
    t.rename('After')
    await t.session.flush()
    const [before] = await t.session.versions(opened.id)
    expect(before?.name).toBe('Before')
    expect(await t.session.restoreVersion(opened.id, before?.id ?? '')).toEqual({ ok: true })
    expect(t.stores.design.getState().design.name).toBe('Before')
    expect((await t.session.versions(opened.id)).map((v) => v.name)).toEqual(['After', 'Before'])
  })

  it('will not delete the design on the canvas, and brings a deleted one back with Undo', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const other = await stored(repo, { ...loadExample('single-zone'), name: 'Other' })
    const opened = await stored(repo, loadExample('two-zones'))
    const t = tab(repo, loadExample('two-zones'), opened)
    expect(await t.session.remove(opened.id)).toMatchObject({ ok: false })
    const removed = await t.session.remove(other.id)
    expect(await names(repo)).toEqual([loadExample('two-zones').name])
    if ('ok' in removed) throw new Error('not removed')
    await t.session.undoRemove(removed)
    expect((await repo.get(other.id))?.text).toBe(other.text)
  })
})

describe('undo and redo across an in-place open', () => {
  /** What New does: the design on the canvas kept in its record, then an empty one opened as one undoable edit. */
  async function pressNew(t: ReturnType<typeof tab>) {
    const design = emptyDesign(t.stores.design.getState().design)
    await openInPlace(t.stores, { label: 'new design', design, what: 'A new design', lines: [] })
  }
  const undo = (t: ReturnType<typeof tab>) => t.stores.design.getState().undo()
  const redo = (t: ReturnType<typeof tab>) => t.stores.design.getState().redo()
  const mine = { ...loadExample('two-zones'), name: 'My work' }

  it('New then Undo writes into the kept record again: Designs… lists "My work" once', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, mine)
    const t = tab(repo, mine, opened)
    await pressNew(t)
    await t.session.flush()
    expect(await names(repo)).toEqual(['My work', 'Untitled design'])
    undo(t)
    await t.session.flush()
    expect(await names(repo)).toEqual(['My work', 'Untitled design'])
    expect(t.session.current()?.id).toBe(opened.id)
    // the tab edits "My work" again, in its own record
    t.rename('My work, edited')
    await t.session.flush()
    expect(await names(repo)).toEqual(['My work, edited', 'Untitled design'])
    expect((await t.session.list()).find((d) => d.open)?.id).toBe(opened.id)
  })

  it('Redo goes back to the record the open made, and every edit on either side stays in its own', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, mine)
    const t = tab(repo, mine, opened)
    await pressNew(t)
    t.rename('Fresh')
    await t.session.flush()
    undo(t)
    undo(t)
    await t.session.flush()
    expect(await names(repo)).toEqual(['Fresh', 'My work'])
    expect((await repo.get(opened.id))?.text).toBe(opened.text)
    redo(t)
    redo(t)
    await t.session.flush()
    expect(await names(repo)).toEqual(['Fresh', 'My work'])
    t.rename('Fresh, edited')
    await t.session.flush()
    expect(await names(repo)).toEqual(['Fresh, edited', 'My work'])
    // and back across once more: "My work" as it was, edited in its own record
    undo(t)
    undo(t)
    undo(t)
    t.rename('My work, edited')
    await t.session.flush()
    expect(await names(repo)).toEqual(['Fresh, edited', 'My work, edited'])
  })

  it('New and Undo before the autosave ran leave one record; Redo then saves the new design as its own', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, mine)
    const t = tab(repo, mine, opened)
    await pressNew(t)
    undo(t)
    await t.session.flush()
    expect(await names(repo)).toEqual(['My work'])
    expect((await repo.get(opened.id))?.rev).toBe(opened.rev)
    redo(t)
    await t.session.flush()
    expect(await names(repo)).toEqual(['My work', 'Untitled design'])
    expect((await repo.get(opened.id))?.text).toBe(opened.text)
  })

  it('a write already under way when Undo crosses the open still lands in the opened design’s record', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const opened = await stored(repo, mine)
    // the first record created waits until the test lets it go: the write has read its design by then
    let reached = () => {}
    const atCreate = new Promise<void>((resolve) => {
      reached = resolve
    })
    let letGo = () => {}
    const gate = new Promise<void>((resolve) => {
      letGo = resolve
    })
    const gated: DesignRepo = {
      ...repo,
      async create(d) {
        reached()
        await gate
        return repo.create(d)
      },
    }
    const t = tab(gated, mine, opened)
    await pressNew(t)
    t.rename('Fresh')
    const saving = t.session.flush()
    await atCreate
    undo(t)
    undo(t)
    letGo()
    await saving
    await t.session.flush()
    expect(await names(repo)).toEqual(['Fresh', 'My work'])
    expect((await repo.get(opened.id))?.text).toBe(opened.text)
    expect(t.session.current()?.id).toBe(opened.id)
  })
})

describe('while a lesson holds the design', () => {
  const mine = { ...loadExample('two-zones'), name: 'My work' }

  it('opens no stored design in its place, saying why', async () => {
    const repo = createDesignRepo(memoryKv(), { now })
    const other = await stored(repo, { ...loadExample('single-zone'), name: 'Other' })
    const opened = await stored(repo, mine)
    const t = tab(repo, mine, opened)
    t.stores.ui.getState().holdForLesson(true)
    const answer = await t.session.open(other.id)
    expect(answer).toMatchObject({ ok: false, lines: [expect.stringContaining('close the lesson first')] })
    expect(t.stores.ui.getState().notice?.lines[0]).toBe(
      '"Other" was not opened: close the lesson first (it gives your design back when it closes).',
    )
    expect(t.stores.design.getState().design.name).toBe('My work')
    expect(t.session.current()?.id).toBe(opened.id)
  })
})
