// The journal: what the autosave had not yet stored when the page went, written where a write finishes at once.
// The autosave writes into IndexedDB half a second after the last edit; at `pagehide` its flush starts, but it
// waits on a task and on IndexedDB's transaction, neither of which completes once the page unloads, so an edit
// made just before a reload or a tab close was lost. At `pagehide` the tab therefore also writes the design's
// text, and the stored design and revision it was made on, into localStorage (synchronous), under a key of its
// own; the next boot writes it into that stored design through the repo, before a design is opened.
//
// Only at `pagehide`, never on each edit: a journal then means "its tab has gone", so no tab ever applies the
// journal of a tab that is still open (and the cost, one `serialise` and one localStorage write, is paid once:
// medians of 1–3 ms and 2–15 ms for the 2,001-resource design in Chromium, docs/architecture.md). A tab that comes
// back from the back/forward cache takes its journal back.
import { serialise } from '../../model'
import type { Tab } from './tab'

export const JOURNAL_PREFIX = 'gwlb-studio/journal/'
/** sessionStorage: the id this tab's journal was written under, so that a reload knows its own */
export const JOURNAL_TAB_KEY = 'gwlb-studio/journal-tab'

export type JournalStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

export interface JournalEntry {
  /** the tab that wrote it */
  tab: string
  /** the stored design the edits were made on, at that revision; null: the design was not stored yet */
  id: string | null
  rev: number | null
  /** an autosave write of text with this fingerprint was under way: if it landed, the edits go on top of it */
  inFlight?: string
  /** the design's name, for the notice, should the text not open */
  name: string
  /** when the page went (ms since the epoch) */
  at: number
  text: string
}

// the text under a key of its own: inside the header's JSON it would be escaped, a second copy of its length
const headKey = (tab: string) => `${JOURNAL_PREFIX}${tab}`
export const textKey = (tab: string) => `${JOURNAL_PREFIX}${tab}/text`

/** Writes a tab's journal, at once; false when it does not fit (storage full: the autosave alone, as before). */
export function writeJournal(store: JournalStore, entry: JournalEntry): boolean {
  const { text, ...head } = entry
  try {
    store.setItem(textKey(entry.tab), text)
    // the header last: a journal without it is not one
    store.setItem(headKey(entry.tab), JSON.stringify(head))
    return true
  } catch {
    // QuotaExceededError (a large design), or storage blocked: nothing half-written stays behind
    clearJournal(store, entry.tab)
    return false
  }
}

export function clearJournal(store: JournalStore, tab: string) {
  try {
    store.removeItem(headKey(tab))
    store.removeItem(textKey(tab))
  } catch {
    // storage blocked: there is nothing of ours there either
  }
}

/** Whether a tab that went left a journal: the boot loads the recovery (journalRecovery.ts) only then. */
export function hasJournal(store: JournalStore): boolean {
  for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(JOURNAL_PREFIX)) return true
  return false
}

/** A short fingerprint of a text (its length and FNV-1a), to recognise a write that was under way. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return `${text.length}:${(h >>> 0).toString(36)}`
}

/**
 * At `pagehide`: writes what the autosave has not stored yet. `edited`: the design changed since the last save
 * began; `writing`: the text of an autosave write under way. Nothing for a read-only design (a shared link, a
 * lesson: not the user's), nor for one merely looked at. True when a journal was written.
 */
export function journalOnHide(t: Tab, edited: boolean, writing: string | null): boolean {
  const store = t.deps.journal
  const { tabId } = t.deps
  if (!store || t.stores.ui.getState().readOnly) return false
  const design = t.stores.design.getState().design
  const text = serialise(design)
  const stored = t.binding.bound ? text === t.binding.lastText : !edited
  if (stored && writing === null) {
    clearJournal(store, tabId)
    return false
  }
  const written = writeJournal(store, {
    tab: tabId,
    id: t.binding.bound?.id ?? null,
    rev: t.binding.bound?.rev ?? null,
    ...(writing !== null && t.binding.bound ? { inFlight: fingerprint(writing) } : {}),
    name: design.name,
    at: t.deps.now(),
    text,
  })
  try {
    // a reload of this tab knows its own journal by this (sessionStorage lives on across a reload)
    if (written) t.deps.tab?.setItem(JOURNAL_TAB_KEY, tabId)
  } catch {
    // sessionStorage full or blocked: the journal is still applied at the next boot, which opens the last design
  }
  return written
}

/** The autosave stored the design after all (the page lived on, or came back): the journal is not needed. */
export function settleJournal(t: Tab) {
  const store = t.deps.journal
  if (!store) return
  if (t.binding.bound && serialise(t.stores.design.getState().design) === t.binding.lastText)
    clearJournal(store, t.deps.tabId)
}
