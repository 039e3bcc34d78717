// What one tab knows of the designs kept in the browser: the stored design it is editing (if any) and at which
// revision, the text it last read or wrote there, and how it tells other tabs. The autosave, the listening to
// other tabs and the library's actions (session.ts puts them together) all read and move this one binding.
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

/** One tab's binding to a stored design, and the means to tell the page and other tabs that something changed. */
export interface Tab {
  readonly stores: Stores
  readonly deps: SessionDeps
  /** the other tabs, once the session has started (null: none to tell, or not started) */
  channel: Channel | null
  /** the stored design this tab writes into, at the revision it last read or wrote */
  bound: { id: string; rev: number } | null
  /** the text last read from or written to the bound design: an unchanged design is not written again */
  lastText: string | null
  /** when this tab last kept a version of the bound design (null: not yet in this session) */
  versionedAt: number | null
  /** another tab wrote the bound design after this tab read it */
  stale: boolean
  /** the text of the autosave's write under way, if one is: the journal notes it (journal.ts) */
  writing: string | null
  /** the page's listeners to the library (the Designs dialog) */
  readonly listeners: Set<() => void>
}

export function openTab(stores: Stores, deps: SessionDeps, opened: Opened | null): Tab {
  return {
    stores,
    deps,
    channel: null,
    bound: opened ? { id: opened.id, rev: opened.rev } : null,
    lastText: opened?.text ?? null,
    versionedAt: null,
    stale: false,
    writing: null,
    listeners: new Set(),
  }
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

/** Makes `design` the one this tab writes into (null: none; the next save starts a new one). */
export function bind(t: Tab, design: StoredDesign | null) {
  t.bound = design ? { id: design.id, rev: design.rev } : null
  t.lastText = design?.text ?? null
  t.versionedAt = null
  t.stale = false
  if (design) {
    t.deps.tab?.setItem(TAB_KEY, design.id)
    // only which design a new tab opens first: failing to note it loses nothing
    t.deps.repo.setMeta({ lastId: design.id }).catch(() => undefined)
  } else t.deps.tab?.removeItem(TAB_KEY)
}

/** Puts a stored design on the canvas, as the design this tab now edits. */
export function show(t: Tab, stored: StoredDesign, design: Design) {
  const { stores } = t
  bind(t, stored)
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
