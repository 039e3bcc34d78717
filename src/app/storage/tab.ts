// What one tab knows of the designs kept in the browser: the stored design it is editing (if any) and at which
// revision, the text it last read or wrote there, and how it tells other tabs. The autosave, the listening to
// other tabs and the library's actions (session.ts puts them together) all read and move this one binding; an
// in-place open gives what it opens a binding of its own, and Undo and Redo across it take back the binding of
// the design they show (openings.ts).
import { type Design, parse } from '../../model'
import { leaveSharedLink } from '../../panels/share/sharedLink'
import type { Stores } from '../../store/context'
import type { DesignRepo, StoredDesign } from './designRepo'
import type { JournalStore } from './journal'

/** sessionStorage: the stored design this tab is editing, so a reload reopens it rather than another tab's */
export const TAB_KEY = 'gwlb-studio/open-design'

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
  /** localStorage, where the tab leaves its journal as the page goes (journal.ts); none where it is blocked */
  journal?: JournalStore | null
}

/** The stored design a tab starts on, as boot found it. */
export interface Opened {
  id: string
  rev: number
  text: string
}

type Notice = Parameters<ReturnType<Stores['ui']['getState']>['notify']>

/** Where a design is saved: the stored design written into, and what this tab last read or wrote there. */
export interface Binding {
  /** the stored design written into, at the revision last read or written (null: the next save makes a new one) */
  bound: { id: string; rev: number } | null
  /** the text last read from or written to the bound design: an unchanged design is not written again */
  lastText: string | null
  /** when this tab last kept a version of the bound design (null: not yet in this session) */
  versionedAt: number | null
  /** another tab wrote the bound design after this tab read it */
  stale: boolean
}

/** One tab's binding to a stored design, and the means to tell the page and other tabs that something changed. */
export interface Tab {
  readonly stores: Stores
  readonly deps: SessionDeps
  /** the other tabs, once the session has started (null: none to tell, or not started) */
  channel: Channel | null
  /**
   * where the design on the canvas is saved. A write holds on to the binding it started with, so a write that
   * ends after Undo crossed an in-place open still lands in the record of the design it read.
   */
  binding: Binding
  /** the text of the autosave's write under way, if one is: the journal notes it (journal.ts) */
  writing: string | null
  /** the page's listeners to the library (the Designs dialog) */
  readonly listeners: Set<() => void>
}

export function bindingOf(stored: Pick<StoredDesign, 'id' | 'rev' | 'text'> | null): Binding {
  return {
    bound: stored ? { id: stored.id, rev: stored.rev } : null,
    lastText: stored?.text ?? null,
    versionedAt: null,
    stale: false,
  }
}

export function openTab(stores: Stores, deps: SessionDeps, opened: Opened | null): Tab {
  return { stores, deps, channel: null, binding: bindingOf(opened), writing: null, listeners: new Set() }
}

export const notify = (t: Tab, ...notice: Notice) => t.stores.ui.getState().notify(...notice)

/** The library changed: the page's listeners look again. */
export function changed(t: Tab) {
  for (const l of t.listeners) l()
}

/** Tells other tabs (and this page) what this tab wrote. */
export function announce(t: Tab, message: TabMessage) {
  t.channel?.postMessage(message)
  changed(t)
}

/**
 * Makes `design` the one `binding` writes into (null: none; its next save starts a new one). Only the tab's
 * current binding is noted as the design a reload opens.
 */
export function bindTo(t: Tab, binding: Binding, design: StoredDesign | null) {
  Object.assign(binding, bindingOf(design))
  if (binding === t.binding) noteOpen(t)
}

/** Which stored design this tab edits, for a reload (this tab) and a new tab (the browser). */
export function noteOpen(t: Tab) {
  const id = t.binding.bound?.id
  if (id) {
    t.deps.tab?.setItem(TAB_KEY, id)
    // only which design a new tab opens first: failing to note it loses nothing
    t.deps.repo.setMeta({ lastId: id }).catch(() => undefined)
  } else t.deps.tab?.removeItem(TAB_KEY)
}

/** Puts a stored design on the canvas, as the design this tab now edits (its history starts there). */
export function show(t: Tab, stored: StoredDesign, design: Design) {
  const { stores } = t
  t.binding = bindingOf(stored)
  noteOpen(t)
  stores.design.getState().replace(design)
  stores.ui.getState().select(null)
  // a shared link on screen is left, address bar included, so a reload opens the design chosen here
  if (stores.ui.getState().readOnly && !stores.ui.getState().embed) leaveSharedLink(stores)
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
