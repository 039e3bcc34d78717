// This tab's side of the designs kept in the browser: which stored design it is editing (if any) and at
// which revision, the autosave into it, and what other tabs say. Rules that keep work from being lost:
// - a tab writes only into the design it opened, at the revision it last read or wrote;
// - a write refused because another tab wrote first is kept as a new design (a fork), never dropped;
// - before another design replaces the one on the canvas, it is saved, and the next save starts a new one;
// - Undo and Redo across such a replace write into the record of the design they show (openings.ts);
// - the first write of each session, and one every ten minutes, keeps the text it replaces as a version;
// - what the autosave has not stored when the page goes is left in a journal, applied at the next boot.
// The pieces: tab.ts (the binding), autosave.ts, openings.ts, otherTabs.ts, libraryActions.ts, journal.ts; this
// puts them together.
import type { Stores } from '../../store/context'
import { refusesInPlace } from '../../store/inPlace'
import type { DesignLibrary, LibraryAnswer, LibraryEntry } from '../../store/library'
import { type Autosave, createAutosave } from './autosave'
import { clearJournal, journalOnHide, settleJournal } from './journal'
import { designActions, versionActions } from './libraryActions'
import { createOpenings, type Openings } from './openings'
import { hearOtherTab } from './otherTabs'
import {
  bindingOf,
  type Channel,
  changed,
  noteOpen,
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
  const openings = createOpenings(t)
  const { flush } = autosave
  const session: LocalSession = {
    start: (channel) => startSession(t, channel, { autosave, openings }, (id) => session.open(id)),
    flush,
    current: () => t.binding.bound,
    async list(): Promise<LibraryEntry[]> {
      return (await deps.repo.list()).map(({ rev: _rev, ...e }) => ({ ...e, open: e.id === t.binding.bound?.id }))
    },
    subscribe(listener) {
      t.listeners.add(listener)
      return () => t.listeners.delete(listener)
    },
    async keepBeforeReplace() {
      if (stores.ui.getState().readOnly) return null
      await flush()
      const kept = t.binding
      // what replaces it is saved in a new record; the open remembers which record is one Undo away
      openings.keep(kept)
      t.binding = bindingOf(null)
      noteOpen(t)
      if (!kept.bound) return null
      const name = stores.design.getState().design.name
      const { id } = kept.bound
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
function startSession(
  t: Tab,
  channel: Channel | null,
  { autosave, openings }: { autosave: Autosave; openings: Openings },
  open: (id: string) => unknown,
): () => void {
  const { stores } = t
  t.channel = channel
  const stopDesign = stores.design.subscribe((s, prev) => {
    // first the binding, then the save: the save writes where the design now on the canvas belongs
    openings.follow(s, prev)
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
  if (id === t.binding.bound?.id && !t.binding.stale) return { ok: true }
  await flush()
  const stored = await t.deps.repo.get(id)
  if (!stored) return { ok: false, lines: ['That design is no longer stored in this browser.'] }
  // a lesson holds the design on the canvas aside: a design opened now would be gone at its next step, and the
  // held one put back over it bound to this record (a notice's Reopen, another tab's version)
  const refused = refusesInPlace(t.stores, `"${stored.name}"`)
  if (refused) return { ok: false, lines: [refused] }
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
