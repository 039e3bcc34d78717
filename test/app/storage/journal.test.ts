// The journal: an edit made within the autosave's half second before a reload or a tab close. Each page here is
// a tab's session over one browser's stores (IndexedDB in memory, localStorage, the tab's sessionStorage); when a
// page goes, its IndexedDB operations never finish, as in the browser, and the next boot must still find the edit.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDesignRepo, type DesignRepo } from '../../../src/app/storage/designRepo'
import { fingerprint, JOURNAL_PREFIX, type JournalStore } from '../../../src/app/storage/journal'
import { applyJournal, recoverJournals } from '../../../src/app/storage/journalRecovery'
import type { Kv } from '../../../src/app/storage/kv'
import { startingDesign } from '../../../src/app/storage/local'
import { type Channel, createLocalSession, type Opened } from '../../../src/app/storage/session'
import type { TabMessage } from '../../../src/app/storage/tab'
import { type Design, serialise } from '../../../src/model'
import { createStores } from '../../../src/store/context'
import { scaleDesign } from '../../fixtures/canvas/design'
import { loadExample } from '../../helpers'
import { memoryKv } from './memoryKv'

afterEach(() => {
  vi.unstubAllGlobals()
})

let clock = Date.parse('2026-12-01T10:00:00Z')
const now = () => (clock += 1000)

/** localStorage (and sessionStorage): strings by key, at most `quota` characters in all, as a browser refuses more. */
function webStorage(quota = Number.POSITIVE_INFINITY): JournalStore & { items: Map<string, string> } {
  const items = new Map<string, string>()
  const used = () => [...items].reduce((n, [k, v]) => n + k.length + v.length, 0)
  return {
    items,
    get length() {
      return items.size
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem(k: string, v: string) {
      if (used() - (items.get(k)?.length ?? 0) + v.length > quota)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      items.set(k, v)
    },
    removeItem: (k: string) => void items.delete(k),
  }
}

/** One browser profile: its IndexedDB and its localStorage. */
function browser(quota?: number) {
  const kv = memoryKv()
  return { kv, local: webStorage(quota), repo: createDesignRepo(kv, { now }) }
}
type Browser = ReturnType<typeof browser>

/** The kv as a page sees it: once the page has gone, nothing it asks of IndexedDB ever completes. */
function unloading(kv: Kv, gone: () => boolean): Kv {
  const never = new Promise<never>(() => undefined)
  return {
    get: (k) => (gone() ? never : kv.get(k)),
    set: (k, v) => (gone() ? never : kv.set(k, v)),
    del: (k) => (gone() ? never : kv.del(k)),
    keys: () => (gone() ? never : kv.keys()),
    update: (k, change) => (gone() ? never : kv.update(k, change)),
  }
}

/** A page of a tab (`tab`: its sessionStorage, which a reload keeps), with its own window for pagehide/pageshow. */
function page(
  b: Browser,
  design: Design,
  opened: Opened | null,
  tab = webStorage(),
  readOnly = false,
  channel: Channel | null = null,
) {
  const win = new EventTarget()
  vi.stubGlobal('window', win)
  let gone = false
  const repo = createDesignRepo(
    unloading(b.kv, () => gone),
    { now },
  )
  const stores = createStores(design, { readOnly })
  const session = createLocalSession(stores, { repo, tab, now, tabId: `tab-${now()}`, journal: b.local }, opened)
  stores.library = session
  session.start(channel)
  return {
    stores,
    session,
    tab,
    rename: (name: string) => stores.design.getState().edit('rename', (d) => ({ ...d, name })),
    /** pagehide; the page lives on (a back/forward cache) unless `unload` */
    hide(unload = true) {
      win.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: !unload }))
      gone = unload
    },
    show: () => win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true })),
  }
}

async function stored(repo: DesignRepo, design: Design): Promise<Opened> {
  const text = serialise(design)
  const d = await repo.create({ name: design.name, text })
  return { id: d.id, rev: d.rev, text }
}

const boot = (b: Browser, tab: JournalStore | null = null, tell?: (m: TabMessage) => void) =>
  startingDesign({ repo: b.repo, tab, legacy: async () => undefined, journal: b.local, tell })

/** A browser's BroadcastChannel: what is posted reaches every tab's session listening on it. */
function broadcast() {
  const listeners = new Set<(e: { data: TabMessage }) => void>()
  return {
    post: (data: TabMessage) => {
      for (const listen of listeners) listen({ data })
    },
    channel(): Channel {
      return {
        postMessage: () => undefined,
        addEventListener: (_type, listen) => void listeners.add(listen),
        close: () => listeners.clear(),
      }
    },
  }
}
const journals = (b: Browser) => [...b.local.items.keys()].filter((k) => k.startsWith(JOURNAL_PREFIX))
const names = async (repo: DesignRepo) => (await repo.list()).map((d) => d.name).sort()
const myWork = () => ({ ...loadExample('two-zones'), name: 'My work' })

describe('edits made just before the page went', () => {
  it('are written into the stored design they were made on at the next boot, which opens it and says so', async () => {
    const b = browser()
    const opened = await stored(b.repo, myWork())
    const a = page(b, myWork(), opened)
    a.rename('Edited just before the reload')
    a.hide()
    // the autosave's write into IndexedDB never finished
    expect((await b.repo.get(opened.id))?.name).toBe('My work')
    const start = await boot(b, a.tab)
    expect(start).toMatchObject({ kind: 'ok', design: { name: 'Edited just before the reload' } })
    expect(start.recovered).toEqual([
      'The last edits to "Edited just before the reload", made just before the page closed, were recovered.',
    ])
    // through the repo: the next revision of the same design, the one before it kept as usual by the next session
    expect(await b.repo.get(opened.id)).toMatchObject({ name: 'Edited just before the reload', rev: 2 })
    expect(await names(b.repo)).toEqual(['Edited just before the reload'])
    expect(journals(b)).toEqual([])
    expect((await boot(b, a.tab)).recovered).toBeUndefined()
  })

  it('never come from a tab that is still open: only a tab that went leaves a journal', async () => {
    const b = browser()
    const opened = await stored(b.repo, myWork())
    const a = page(b, myWork(), opened)
    const open = page(b, myWork(), opened)
    open.rename('Still being edited in another tab')
    a.rename('Edited in the tab that closed')
    a.hide()
    expect(journals(b)).toHaveLength(2) // one journal: its header and its text
    const start = await boot(b)
    expect(start).toMatchObject({ kind: 'ok', design: { name: 'Edited in the tab that closed' } })
    // the open tab's edit is its own to save: kept as a copy beside the design, as any refused write is
    await open.session.flush()
    expect(await names(b.repo)).toEqual([
      'Edited in the tab that closed',
      'Still being edited in another tab (copy from another tab)',
    ])
  })

  it('written into their design are told to a tab still showing it, which offers to load them', async () => {
    const b = browser()
    const opened = await stored(b.repo, myWork())
    const tabs = broadcast()
    const open = page(b, myWork(), opened, webStorage(), false, tabs.channel())
    const a = page(b, myWork(), opened)
    a.rename('Edited in the tab that closed')
    a.hide()
    await boot(b, null, tabs.post)
    const notice = open.stores.ui.getState().notice
    expect(notice?.lines[0]).toBe('"My work" was changed in another tab.')
    const load = notice?.actions?.find((x) => x.label === 'Load the other tab’s version')
    if (!load) throw new Error('no way to load the recovered edits')
    load.run()
    await vi.waitFor(() => expect(open.stores.design.getState().design.name).toBe('Edited in the tab that closed'))
  })

  it('are kept as a copy beside their design when another tab wrote it meanwhile, never over it', async () => {
    const b = browser()
    const opened = await stored(b.repo, myWork())
    const a = page(b, myWork(), opened)
    const other = page(b, myWork(), opened)
    a.rename('Edited in A')
    a.hide()
    other.rename('Edited in B')
    await other.session.flush()
    const start = await boot(b, a.tab)
    expect(await b.repo.get(opened.id)).toMatchObject({ name: 'Edited in B', rev: 2 })
    // the reloaded tab opens its own edits
    expect(start).toMatchObject({ kind: 'ok', design: { name: 'Edited in A (recovered edits)' } })
    expect(start.recovered?.[0]).toContain('are kept as "Edited in A (recovered edits)": another tab changed')
    expect(await names(b.repo)).toEqual(['Edited in A (recovered edits)', 'Edited in B'])
  })

  it('are kept as a new design when their design was deleted meanwhile', async () => {
    const b = browser()
    const opened = await stored(b.repo, myWork())
    await stored(b.repo, { ...loadExample('single-zone'), name: 'Another design' })
    const a = page(b, myWork(), opened)
    a.rename('Edited, then deleted elsewhere')
    a.hide()
    await b.repo.remove(opened.id)
    const start = await boot(b, a.tab)
    expect(start).toMatchObject({ kind: 'ok', design: { name: 'Edited, then deleted elsewhere' } })
    expect(start.recovered?.[0]).toContain('are kept as a new design: it had been deleted meanwhile')
    expect(await names(b.repo)).toEqual(['Another design', 'Edited, then deleted elsewhere'])
  })

  it('of an example: none when it was only looked at, a new design when it was edited', async () => {
    const b = browser()
    page(b, loadExample('single-zone'), null).hide()
    expect(journals(b)).toEqual([])
    const a = page(b, loadExample('single-zone'), null)
    a.rename('Example, edited')
    a.hide()
    const start = await boot(b, a.tab)
    expect(start).toMatchObject({ kind: 'ok', design: { name: 'Example, edited' } })
    expect(start.recovered).toEqual([
      'The last edits to "Example, edited", made just before the page closed, were recovered as a new design.',
    ])
  })

  it('of a read-only design (a lesson, a shared link) are not journaled: it is not the user’s', async () => {
    const b = browser()
    const opened = await stored(b.repo, myWork())
    const a = page(b, myWork(), opened)
    // a lesson puts the user's design aside and shows its own, read-only, in the same tab
    a.stores.ui.getState().setReadOnly(true)
    a.stores.design.getState().replace({ ...loadExample('single-zone'), name: 'Lesson 1' })
    a.hide()
    expect(journals(b)).toEqual([])
    expect(await boot(b, a.tab)).toMatchObject({ kind: 'ok', design: { name: 'My work' } })
  })

  it('of a design too large for localStorage are skipped without a crash; the autosave goes on as before', async () => {
    const large = scaleDesign()
    const b = browser(serialise(large).length / 2)
    const opened = await stored(b.repo, large)
    const a = page(b, large, opened)
    a.rename('Large, renamed')
    expect(() => a.hide(false)).not.toThrow()
    expect(journals(b)).toEqual([])
    await a.session.flush()
    expect((await b.repo.get(opened.id))?.name).toBe('Large, renamed')
  })

  it('are taken back by a tab that lives on: after its flush finishes, or back from the back/forward cache', async () => {
    const b = browser()
    const opened = await stored(b.repo, myWork())
    const cached = page(b, myWork(), opened)
    cached.rename('Back from the cache')
    cached.hide(false)
    expect(journals(b)).toHaveLength(2)
    cached.show()
    expect(journals(b)).toEqual([])
    cached.rename('Saved while hidden')
    cached.hide(false)
    await vi.waitFor(() => expect(journals(b)).toEqual([]))
    expect((await b.repo.get(opened.id))?.name).toBe('Saved while hidden')
  })
})

describe('applying a journal', () => {
  const entry = (id: string | null, rev: number | null, design: Design, inFlight?: string) => ({
    tab: 't',
    id,
    rev,
    name: design.name,
    at: 1,
    text: serialise(design),
    ...(inFlight === undefined ? {} : { inFlight }),
  })

  it('goes on top of an autosave write that was under way and landed, not beside it', async () => {
    const { repo } = browser()
    const opened = await stored(repo, myWork())
    const landed = serialise({ ...myWork(), name: 'Written as the page went' })
    await repo.write(opened.id, { name: 'Written as the page went', text: landed }, 1)
    const later = { ...myWork(), name: 'Edited after that write began' }
    expect(await applyJournal(repo, entry(opened.id, 1, later, fingerprint(landed)))).toMatchObject({ kind: 'applied' })
    expect(await repo.get(opened.id)).toMatchObject({ name: 'Edited after that write began', rev: 3 })
    // the same revision written by another tab instead: beside it
    expect(await applyJournal(repo, entry(opened.id, 2, { ...later, name: 'Late' }))).toMatchObject({ kind: 'copy' })
    expect(await names(repo)).toEqual(['Edited after that write began', 'Late (recovered edits)'])
  })

  it('that does not open is kept for Recover…, never written over its design', async () => {
    const { repo } = browser()
    const opened = await stored(repo, myWork())
    const r = await applyJournal(repo, { ...entry(opened.id, 1, myWork()), text: '{"format": "gwlb-st' })
    expect(r).toMatchObject({ kind: 'unreadable', name: 'My work' })
    expect((await repo.get(opened.id))?.text).toBe(opened.text)
    expect((await repo.list()).filter((d) => d.problem !== undefined)).toHaveLength(1)
  })

  it('that cannot be written (the browser’s storage failed) is kept for the next boot', async () => {
    const b = browser()
    const opened = await stored(b.repo, myWork())
    const a = page(b, myWork(), opened)
    a.rename('Edited')
    a.hide()
    const failing = createDesignRepo({ ...b.kv, get: () => Promise.reject(new Error('IndexedDB is unavailable')) })
    expect(await recoverJournals(b.local, failing, null)).toEqual({ lines: [] })
    expect(journals(b)).toHaveLength(2)
    expect((await recoverJournals(b.local, b.repo, null)).lines).toHaveLength(1)
    expect((await b.repo.get(opened.id))?.name).toBe('Edited')
  })
})
