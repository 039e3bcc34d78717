// This tab's side of the designs kept in the browser: which stored design it is editing (if any) and at
// which revision, the autosave into it, and what other tabs say. Rules that keep work from being lost:
// - a tab writes only into the design it opened, at the revision it last read or wrote;
// - a write refused because another tab wrote first is kept as a new design (a fork), never dropped;
// - before another design replaces the one on the canvas, it is saved, and the next save starts a new one;
// - the first write of each session, and one every ten minutes, keeps the text it replaces as a version.
import { type Design, parse, serialise } from '../../model'
import { leaveSharedLink } from '../../panels/share/sharedLink'
import type { Stores } from '../../store/context'
import type { DesignLibrary, LibraryAnswer, LibraryEntry, RemovedEntry } from '../../store/library'
import type { DesignRepo, RemovedDesign, StoredDesign } from './designRepo'
import { VERSION_POLICY } from './versions'

export const AUTOSAVE_DEBOUNCE_MS = 500
/** sessionStorage: the stored design this tab is editing, so a reload reopens it rather than another tab's */
export const TAB_KEY = 'gwlb-studio/open-design'
export const CHANNEL_NAME = 'gwlb-studio/designs'

/** What tabs tell each other; every write is announced so a tab editing the same design learns at once. */
export type TabMessage =
  | { kind: 'saved'; id: string; rev: number; from: string }
  | { kind: 'listed'; from: string }
  | { kind: 'removed'; id: string; from: string }

export interface Channel {
  postMessage(message: TabMessage): void
  addEventListener(type: 'message', listener: (e: { data: TabMessage }) => void): void
  close(): void
}

export interface SessionDeps {
  repo: DesignRepo
  tab: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null
  now(): number
  tabId: string
}

/** The stored design a tab starts on, as boot found it. */
export interface Opened {
  id: string
  rev: number
  text: string
}

export function safeParse(text: string): { ok: true; design: Design } | { ok: false; problem: string } {
  try {
    const r = parse(text)
    if (r.ok) return { ok: true, design: r.design }
    const first = r.errors[0]
    if (!first) return { ok: false, problem: r.reason }
    const at = first.path && !first.message.includes(first.path) ? ` (at ${first.path})` : ''
    return { ok: false, problem: `${first.message}${at}` }
  } catch (e) {
    // the loader is meant never to throw; if it does, the text is still kept
    return { ok: false, problem: e instanceof Error ? e.message : String(e) }
  }
}

export function fileNameFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'design'}.gwlb.json`
}

/**
 * Where autosave stands, on the page's root element: `data-autosave="pending"` from an edit until the design
 * as it is after that edit is stored, then `"saved"` (or `"failed"`). Nothing on screen shows it, so this is
 * what end-to-end tests (and anyone scripting the page) wait for instead of guessing how long saving takes.
 */
function markAutosave(state: 'pending' | 'saved' | 'failed') {
  if (typeof document !== 'undefined') document.documentElement.dataset.autosave = state
}

const time = (iso: string) => new Date(iso).toLocaleString()

export type LocalSession = DesignLibrary & {
  /** starts autosave and listening to other tabs (through `channel`, where there is one); returns the stop */
  start(channel: Channel | null): () => void
  /** saves now what is waiting for the debounce */
  flush(): Promise<void>
  /** the stored design this tab writes into, if any */
  current(): { id: string; rev: number } | null
}

export function createLocalSession(stores: Stores, deps: SessionDeps, opened: Opened | null): LocalSession {
  const { repo, tab } = deps
  let channel: Channel | null = null
  let bound: { id: string; rev: number } | null = opened ? { id: opened.id, rev: opened.rev } : null
  /** the text last read from or written to the bound design: an unchanged design is not written again */
  let lastText: string | null = opened?.text ?? null
  /** when this tab last kept a version of the bound design (null: not yet in this session) */
  let versionedAt: number | null = null
  /** another tab wrote the bound design after this tab read it */
  let stale = false
  let timer: ReturnType<typeof setTimeout> | undefined
  /** the design changed (or became the user's) since the last save */
  let pending = false
  let queue: Promise<void> = Promise.resolve()
  let warned = false
  const listeners = new Set<() => void>()

  const notify = (...args: Parameters<ReturnType<Stores['ui']['getState']>['notify']>) =>
    stores.ui.getState().notify(...args)
  const changed = () => {
    for (const l of listeners) l()
  }
  const announce = (message: TabMessage) => {
    channel?.postMessage(message)
    changed()
  }

  function bind(design: StoredDesign | null) {
    bound = design ? { id: design.id, rev: design.rev } : null
    lastText = design?.text ?? null
    versionedAt = null
    stale = false
    if (design) {
      tab?.setItem(TAB_KEY, design.id)
      // only which design a new tab opens first: failing to note it loses nothing
      repo.setMeta({ lastId: design.id }).catch(() => undefined)
    } else tab?.removeItem(TAB_KEY)
  }

  /** One write at a time, in order: a save must know the revision the previous one produced. */
  function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job)
    queue = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  async function writeNow(): Promise<void> {
    if (stores.ui.getState().readOnly) return
    const design = stores.design.getState().design
    const text = serialise(design)
    const edited = pending
    pending = false
    // nothing new: a write would only bump the revision (and could fork a tab that merely looked)
    if (bound && text === lastText) return
    if (!bound) {
      // a tab that opened an example or a link and changed nothing has nothing of its own to keep
      if (!edited) return
      const created = await repo.create({ name: design.name, text })
      bind(created)
      versionedAt = deps.now()
      announce({ kind: 'saved', id: created.id, rev: created.rev, from: deps.tabId })
      return
    }
    if (versionedAt === null || deps.now() - versionedAt >= VERSION_POLICY.everyMs) {
      await repo.snapshot(
        bound.id,
        versionedAt === null ? 'as it was before a new session edited it' : 'autosaved during editing',
      )
      versionedAt = deps.now()
    }
    const result = await repo.write(bound.id, { name: design.name, text }, bound.rev)
    if (result.kind === 'saved') {
      bound = { id: result.design.id, rev: result.design.rev }
      lastText = text
      announce({ kind: 'saved', id: bound.id, rev: bound.rev, from: deps.tabId })
      return
    }
    // another tab wrote it first, or deleted it: this tab's design becomes a design of its own
    const theirs = result.kind === 'conflict' ? result.current.name : design.name
    const copyName = result.kind === 'conflict' ? `${design.name} (copy from another tab)` : design.name
    const forked = await repo.create({ name: copyName, text: serialise({ ...design, name: copyName }) })
    bind(forked)
    versionedAt = deps.now()
    if (copyName !== design.name)
      // the canvas shows which one this tab is now editing; the edit is saved into the copy
      stores.design.getState().edit('keep as a copy', (d) => ({ ...d, name: copyName }))
    lastText = serialise(stores.design.getState().design)
    announce({ kind: 'saved', id: forked.id, rev: forked.rev, from: deps.tabId })
    notify({
      tone: 'info',
      lines:
        result.kind === 'conflict'
          ? [
              `Another tab saved "${theirs}" after this tab opened it, so this tab's changes are kept as "${copyName}".`,
              `"${theirs}" keeps the other tab's changes. Designs… lists both.`,
            ]
          : [`"${design.name}" was deleted in another tab; this tab's design is kept as a new design.`],
    })
  }

  const save = () =>
    enqueue(async () => {
      await writeNow()
      // saved only when no edit came after the one just stored (and no write waits for the debounce)
      if (!pending && timer === undefined) markAutosave('saved')
    }).catch((e: unknown) => {
      markAutosave('failed')
      if (warned) return
      warned = true
      notify({
        tone: 'error',
        lines: [
          'Autosave failed: this design is not being kept in the browser.',
          e instanceof Error ? e.message : String(e),
          'Use Save file to keep it.',
        ],
      })
    })

  function schedule() {
    pending = true
    markAutosave('pending')
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void save()
    }, AUTOSAVE_DEBOUNCE_MS)
  }

  async function flush() {
    if (timer !== undefined) {
      clearTimeout(timer)
      timer = undefined
    }
    await save()
  }

  /** Puts a stored design on the canvas, as the design this tab now edits. */
  function show(stored: StoredDesign, design: Design) {
    bind(stored)
    stores.design.getState().replace(design)
    stores.ui.getState().select(null)
    // a shared link on screen is left, address bar included, so a reload opens the design chosen here
    if (stores.ui.getState().readOnly && !stores.ui.getState().embed) leaveSharedLink(stores)
  }

  function onMessage({ data }: { data: TabMessage }) {
    if (!data || data.from === deps.tabId) return
    changed()
    if (!bound) return
    if (data.kind === 'saved' && data.id === bound.id && data.rev !== bound.rev) {
      stale = true
      const id = bound.id
      const name = stores.design.getState().design.name
      notify({
        tone: 'info',
        lines: [
          `"${name}" was changed in another tab.`,
          'If you edit it here too, your changes are kept as a separate copy: neither tab loses work.',
        ],
        actions: [{ label: 'Load the other tab’s version', run: () => void session.open(id) }],
      })
    }
    if (data.kind === 'removed' && data.id === bound.id) {
      // the next save keeps this tab's design as a new stored design
      bind(null)
      lastText = null
      notify({
        tone: 'info',
        lines: [
          `"${stores.design.getState().design.name}" was deleted in another tab.`,
          'The design stays on this canvas; your next edit keeps it as a new design.',
        ],
      })
    }
  }

  const removedHere = new Map<string, RemovedDesign>()

  const session: LocalSession = {
    start(tabs) {
      channel = tabs
      const stopDesign = stores.design.subscribe((s, prev) => {
        if (s.design !== prev.design && !stores.ui.getState().readOnly) schedule()
      })
      // leaving read-only (a shared link's "Make my copy", a lesson closed) saves what is now the user's
      const stopUi = stores.ui.subscribe((s, prev) => {
        if (prev.readOnly && !s.readOnly) schedule()
      })
      channel?.addEventListener('message', onMessage)
      // a tab closed within the debounce still saves its last edit
      const onHide = () => void flush()
      if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide)
      return () => {
        stopDesign()
        stopUi()
        if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide)
        clearTimeout(timer)
        channel?.close()
        channel = null
      }
    },
    flush,
    current: () => bound,

    async list(): Promise<LibraryEntry[]> {
      return (await repo.list()).map(({ rev: _rev, ...e }) => ({ ...e, open: e.id === bound?.id }))
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    async keepBeforeReplace() {
      if (stores.ui.getState().readOnly) return null
      await flush()
      if (!bound) return null
      const name = stores.design.getState().design.name
      const id = bound.id
      bind(null)
      return {
        name,
        line: `Your design "${name}" is kept in this browser: Designs… opens it again.`,
        reopen: () => session.open(id),
      }
    },

    async open(id): Promise<LibraryAnswer> {
      if (id === bound?.id && !stale) return { ok: true }
      await flush()
      const stored = await repo.get(id)
      if (!stored) return { ok: false, lines: ['That design is no longer stored in this browser.'] }
      const r = safeParse(stored.text)
      if (!r.ok) {
        await repo.markProblem(id, r.problem)
        changed()
        return { ok: false, lines: [`"${stored.name}" does not open: ${r.problem}`, 'Recover… keeps its text.'] }
      }
      // the design that was on the canvas is saved in its own record (flushed above); leaving it is safe
      show(stored, r.design)
      changed()
      return { ok: true }
    },

    async rename(id, name): Promise<LibraryAnswer> {
      const trimmed = name.trim()
      if (!trimmed) return { ok: false, lines: ['A design needs a name.'] }
      if (id === bound?.id) {
        stores.design.getState().edit('rename the design', (d) => ({ ...d, name: trimmed }))
        await flush()
        return { ok: true }
      }
      const stored = await repo.get(id)
      if (!stored) return { ok: false, lines: ['That design is no longer stored in this browser.'] }
      const r = safeParse(stored.text)
      if (!r.ok) return { ok: false, lines: [`"${stored.name}" cannot be renamed: its text does not open.`] }
      await repo.snapshot(id, 'before it was renamed')
      const written = await repo.write(
        id,
        { name: trimmed, text: serialise({ ...r.design, name: trimmed }) },
        stored.rev,
      )
      if (written.kind !== 'saved') return { ok: false, lines: ['Another tab changed it meanwhile; try again.'] }
      announce({ kind: 'saved', id, rev: written.design.rev, from: deps.tabId })
      return { ok: true }
    },

    async remove(id) {
      if (id === bound?.id)
        return { ok: false, lines: ['This is the design on the canvas: open another one before deleting it.'] }
      const removed = await repo.remove(id)
      if (!removed) return { ok: false, lines: ['That design is no longer stored in this browser.'] }
      removedHere.set(id, removed)
      announce({ kind: 'removed', id, from: deps.tabId })
      return { id, name: removed.design.name } satisfies RemovedEntry
    },

    async undoRemove(entry) {
      const removed = removedHere.get(entry.id)
      if (!removed) return
      await repo.putBack(removed)
      removedHere.delete(entry.id)
      announce({ kind: 'listed', from: deps.tabId })
    },

    async rawText(id) {
      const stored = await repo.get(id)
      return stored && { fileName: fileNameFor(stored.name), text: stored.text }
    },

    async versions(id) {
      return (await repo.versions(id)).map(({ text: _text, ...v }) => v)
    },

    async versionText(id, versionId) {
      return (await repo.versions(id)).find((v) => v.id === versionId)?.text
    },

    async restoreVersion(id, versionId): Promise<LibraryAnswer> {
      if (id === bound?.id) await flush()
      const version = (await repo.versions(id)).find((v) => v.id === versionId)
      const stored = await repo.get(id)
      if (!version || !stored) return { ok: false, lines: ['That version is no longer stored.'] }
      const r = safeParse(version.text)
      if (!r.ok) return { ok: false, lines: [`That version does not open: ${r.problem}`] }
      await repo.snapshot(id, `before the version of ${time(version.savedAt)} was restored`)
      const written = await repo.write(id, { name: version.name, text: version.text }, stored.rev)
      if (written.kind !== 'saved') return { ok: false, lines: ['Another tab changed it meanwhile; try again.'] }
      announce({ kind: 'saved', id, rev: written.design.rev, from: deps.tabId })
      if (id === bound?.id) {
        show(written.design, r.design)
        versionedAt = deps.now()
      }
      return { ok: true }
    },

    async openText(text): Promise<LibraryAnswer> {
      const r = safeParse(text)
      if (!r.ok) return { ok: false, lines: [`It does not open yet: ${r.problem}`] }
      await flush()
      const serialised = serialise(r.design)
      const created = await repo.create({ name: r.design.name, text: serialised })
      show(created, r.design)
      versionedAt = deps.now()
      announce({ kind: 'saved', id: created.id, rev: created.rev, from: deps.tabId })
      return { ok: true }
    },
  }
  return session
}
