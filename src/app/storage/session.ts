// This tab's side of the designs kept in the browser: which stored design it is editing (if any) and at
// which revision, the autosave into it, and what other tabs say. Rules that keep work from being lost:
// - a tab writes only into the design it opened, at the revision it last read or wrote;
// - a write refused because another tab wrote first is kept as a new design (a fork), never dropped;
// - before another design replaces the one on the canvas, it is saved, and the next save starts a new one;
// - the first write of each session, and one every ten minutes, keeps the text it replaces as a version;
// - what the autosave has not stored when the page goes is left in a journal, applied at the next boot.
// The pieces: tab.ts (the binding), autosave.ts, otherTabs.ts, libraryActions.ts, journal.ts; this puts them
// together.
import type { Stores } from '../../store/context'
import type { DesignLibrary, LibraryAnswer, LibraryEntry } from '../../store/library'
import { type Autosave, createAutosave } from './autosave'
import { clearJournal, journalOnHide, settleJournal } from './journal'
import { designActions, versionActions } from './libraryActions'
import { hearOtherTab } from './otherTabs'
import {
  bind,
  type Channel,
  changed,
  type Opened,
  openTab,
  type SessionDeps,
  safeParse,
  show,
  type Tab,
  type TabMessage,
} from './tab'

// what boot, the app and the tests take from here, wherever it lives now
export { type Channel, type Opened, safeParse, TAB_KEY } from './tab'

export const CHANNEL_NAME = 'gwlb-studio/designs'

export type LocalSession = DesignLibrary & {
  /** starts autosave and listening to other tabs (through `channel`, where there is one); returns the stop */
  start(channel: Channel | null): () => void
  /** saves now what is waiting for the debounce */
  flush(): Promise<void>
  /** the stored design this tab writes into, if any */
  current(): { id: string; rev: number } | null
}

export function createLocalSession(stores: Stores, deps: SessionDeps, opened: Opened | null): LocalSession {
  const t = openTab(stores, deps, opened)
  const autosave = createAutosave(t)
  const { flush } = autosave
  const session: LocalSession = {
    start: (channel) => startSession(t, channel, autosave, (id) => session.open(id)),
    flush,
    current: () => t.bound,
    async list(): Promise<LibraryEntry[]> {
      return (await deps.repo.list()).map(({ rev: _rev, ...e }) => ({ ...e, open: e.id === t.bound?.id }))
    },
    subscribe(listener) {
      t.listeners.add(listener)
      return () => t.listeners.delete(listener)
    },
    async keepBeforeReplace() {
      if (stores.ui.getState().readOnly) return null
      await flush()
      if (!t.bound) return null
      const name = stores.design.getState().design.name
      const id = t.bound.id
      bind(t, null)
      return {
        name,
        line: `Your design "${name}" is kept in this browser: Designs… opens it again.`,
        reopen: () => session.open(id),
      }
    },
    open: (id) => openStored(t, id, flush),
    ...designActions(t, flush),
    ...versionActions(t, flush),
  }
  return session
}

/** Starts autosave and listening to other tabs; returns the stop. */
function startSession(t: Tab, channel: Channel | null, autosave: Autosave, open: (id: string) => unknown): () => void {
  const { stores } = t
  t.channel = channel
  const stopDesign = stores.design.subscribe((s, prev) => {
    if (s.design !== prev.design && !stores.ui.getState().readOnly) autosave.schedule()
  })
  // leaving read-only (a shared link's "Make my copy", a lesson closed) saves what is now the user's
  const stopUi = stores.ui.subscribe((s, prev) => {
    if (prev.readOnly && !s.readOnly) autosave.schedule()
  })
  const onMessage = ({ data }: { data: TabMessage }) => hearOtherTab(t, data, open)
  t.channel?.addEventListener('message', onMessage)
  const { onHide, onShow } = pageLeaving(t, autosave)
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onHide)
    window.addEventListener('pageshow', onShow)
  }
  return () => {
    stopDesign()
    stopUi()
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', onHide)
      window.removeEventListener('pageshow', onShow)
    }
    autosave.stop()
    t.channel?.close()
    t.channel = null
  }
}

/**
 * The page going (a reload, a tab closed, another address): the autosave's flush starts, but IndexedDB's write
 * does not finish once the page unloads, so what it has not stored is first written into the journal, at once.
 */
function pageLeaving(t: Tab, autosave: Autosave) {
  return {
    onHide() {
      const journaled = journalOnHide(t, autosave.edited(), t.writing)
      void autosave.flush().then(() => journaled && settleJournal(t))
    },
    // back from the back/forward cache: the tab is open again, and its journal is not for another tab to apply
    onShow(e: { persisted: boolean }) {
      if (e.persisted && t.deps.journal) clearJournal(t.deps.journal, t.deps.tabId)
    },
  }
}

/** Saves the design on the canvas and puts a stored one in its place; a text that does not open is marked, kept. */
async function openStored(t: Tab, id: string, flush: () => Promise<void>): Promise<LibraryAnswer> {
  if (id === t.bound?.id && !t.stale) return { ok: true }
  await flush()
  const stored = await t.deps.repo.get(id)
  if (!stored) return { ok: false, lines: ['That design is no longer stored in this browser.'] }
  const r = safeParse(stored.text)
  if (!r.ok) {
    await t.deps.repo.markProblem(id, r.problem)
    changed(t)
    return { ok: false, lines: [`"${stored.name}" does not open: ${r.problem}`, 'Recover… keeps its text.'] }
  }
  // the design that was on the canvas is saved in its own record (flushed above); leaving it is safe
  show(t, stored, r.design)
  changed(t)
  return { ok: true }
}
