// Opening the designs kept in this browser at start: which one a tab opens, the single autosave of earlier
// versions kept as a design, and an unreadable one reported (and left as it is) instead of opened.
import type { Design } from '../../model'
import { createDesignRepo, type DesignRepo, type StoredDesign } from './designRepo'
import { hasJournal, JOURNAL_TAB_KEY, type JournalStore } from './journal'
import { indexedDbKv, readLegacyAutosave } from './kv'
import { CHANNEL_NAME, type Opened, safeParse, TAB_KEY } from './session'
import type { TabMessage } from './tab'

export interface BootStorage {
  repo: DesignRepo
  /** this tab's sessionStorage: which design it was editing before a reload */
  tab: Pick<Storage, 'getItem'> | null
  legacy(): Promise<{ text: string; savedAt: string } | undefined>
  /** localStorage, where a tab that went left what the autosave had not stored yet (journal.ts) */
  journal?: JournalStore | null
  /** tells the tabs open now of a design written at boot (the edits recovered from a journal) */
  tell?: (message: TabMessage) => void
}

/** Posts one message to the other tabs of this browser, as their sessions' channels hear each other. */
function tellOtherTabs(message: TabMessage) {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(CHANNEL_NAME)
  channel.postMessage(message)
  channel.close()
}

export function browserStorage(): BootStorage | null {
  const kv = indexedDbKv()
  if (!kv) return null
  let tab: Storage | null = null
  let journal: Storage | null = null
  try {
    tab = window.sessionStorage
    journal = window.localStorage
  } catch {
    // storage blocked for this page: a reload opens the last design saved, which is the usual one anyway
  }
  return { repo: createDesignRepo(kv), tab, legacy: readLegacyAutosave, journal, tell: tellOtherTabs }
}

export type StartingDesign = (
  | { kind: 'none'; stored: number }
  | { kind: 'ok'; stored: StoredDesign; design: Design; opened: Opened }
  | { kind: 'unreadable'; stored: StoredDesign; problem: string }
  | { kind: 'failed'; message: string }
) & {
  /** the notice's lines for edits recovered from the journal of a tab that went (journalRecovery.ts) */
  recovered?: string[]
}

/** The name a design that does not load still carries, if its text is JSON with a name. */
function nameIn(text: string): string | undefined {
  try {
    const name: unknown = JSON.parse(text)?.name
    return typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : undefined
  } catch {
    return undefined
  }
}

/** The earlier single autosave becomes a stored design once, loadable or not, under its own date. */
async function keepLegacyAutosave(storage: BootStorage) {
  const meta = await storage.repo.meta()
  if (meta.legacyImported) return
  const legacy = await storage.legacy()
  if (legacy) {
    const r = safeParse(legacy.text)
    const created = await storage.repo.create({
      name: r.ok ? r.design.name : (nameIn(legacy.text) ?? 'Autosaved design'),
      text: legacy.text,
      ...(r.ok ? {} : { problem: r.problem }),
    })
    await storage.repo.setMeta({ lastId: created.id })
  }
  await storage.repo.setMeta({ legacyImported: true })
}

export async function startingDesign(storage: BootStorage): Promise<StartingDesign> {
  try {
    await keepLegacyAutosave(storage)
    // before a design is opened: the edits a tab had not stored when it went go into their design first
    // (the recovery loads only when there is a journal: most starts have none, and it is not the page's first code)
    const { journal } = storage
    const { lines: recovered, open } =
      journal && hasJournal(journal)
        ? await (await import('./journalRecovery')).recoverJournals(
            journal,
            storage.repo,
            storage.tab?.getItem(JOURNAL_TAB_KEY) ?? null,
            storage.tell,
          )
        : { lines: [] }
    const found = await chooseStored(storage, open)
    return recovered.length ? { ...found, recovered } : found
  } catch (e) {
    return {
      kind: 'failed',
      message: `The browser's storage could not be read (${e instanceof Error ? e.message : String(e)}).`,
    }
  }
}

/** The stored design this tab opens: `recovered`, else the one it had before a reload, else the last one. */
async function chooseStored(storage: BootStorage, recovered: string | undefined): Promise<StartingDesign> {
  const list = await storage.repo.list()
  if (list.length === 0) return { kind: 'none', stored: 0 }
  const meta = await storage.repo.meta()
  const mine = storage.tab?.getItem(TAB_KEY)
  const id = [recovered, mine, meta.lastId].find((c) => c && list.some((d) => d.id === c)) ?? list[0]?.id
  const stored = id ? await storage.repo.get(id) : undefined
  if (!stored) return { kind: 'none', stored: list.length }
  const r = safeParse(stored.text)
  if (!r.ok) {
    await storage.repo.markProblem(stored.id, r.problem)
    return { kind: 'unreadable', stored, problem: r.problem }
  }
  if (stored.problem !== undefined) await storage.repo.markProblem(stored.id, undefined)
  return { kind: 'ok', stored, design: r.design, opened: { id: stored.id, rev: stored.rev, text: stored.text } }
}
