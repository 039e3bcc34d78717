// At boot, before a design is opened: each journal left by a tab that has gone (journal.ts) is written into the
// stored design it was made on, through the repo, or kept as a new design; never dropped. The notice says which.
import { serialise } from '../../model'
import type { DesignRepo } from './designRepo'
import {
  clearJournal,
  fingerprint,
  JOURNAL_PREFIX,
  type JournalEntry,
  type JournalStore,
  textKey,
  writeJournal,
} from './journal'
import { safeParse, type TabMessage } from './tab'

/** Reads every journal and removes it, oldest first: a journal is applied once, by the tab that took it. */
export function takeJournals(store: JournalStore): JournalEntry[] {
  const keys: string[] = []
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)
    if (key?.startsWith(JOURNAL_PREFIX) && !key.endsWith('/text')) keys.push(key)
  }
  const entries: JournalEntry[] = []
  for (const key of keys) {
    const tab = key.slice(JOURNAL_PREFIX.length)
    const entry = readEntry(tab, store.getItem(key), store.getItem(textKey(tab)))
    clearJournal(store, tab)
    if (entry) entries.push(entry)
  }
  return entries.sort((a, b) => a.at - b.at)
}

/** One journal from its two items; null when the header is not ours (the text, if any, is then not a journal). */
function readEntry(tab: string, head: string | null, text: string | null): JournalEntry | null {
  if (head === null || text === null) return null
  try {
    const h: unknown = JSON.parse(head)
    if (!h || typeof h !== 'object') return null
    const { id, rev, inFlight, name, at } = h as Record<string, unknown>
    return {
      tab,
      id: typeof id === 'string' ? id : null,
      rev: typeof rev === 'number' ? rev : null,
      ...(typeof inFlight === 'string' ? { inFlight } : {}),
      name: typeof name === 'string' ? name : 'Recovered design',
      at: typeof at === 'number' ? at : 0,
      text,
    }
  } catch {
    return null
  }
}

/** What became of one journal: written into its design, kept as a new one, or nothing (it was stored after all). */
export type Recovered =
  | { kind: 'applied'; id: string; name: string; rev: number }
  | { kind: 'deleted' | 'new'; id: string; name: string }
  | { kind: 'copy'; id: string; name: string; was: string }
  | { kind: 'unreadable'; id: string; name: string; problem: string }

/**
 * Writes a journal into the stored design it was made on, when that design is still at the revision the edits
 * were made on (or at the one the write under way would have made): through the repo, a write at that revision.
 * Otherwise it is never dropped: another tab's write, or a delete, in between keeps it as a new design.
 */
export async function applyJournal(repo: DesignRepo, e: JournalEntry): Promise<Recovered | null> {
  const r = safeParse(e.text)
  if (!r.ok) {
    // kept as it is, for Designs… → Recover…, never written over a design that opens
    const created = await repo.create({ name: e.name, text: e.text, problem: r.problem })
    return { kind: 'unreadable', id: created.id, name: e.name, problem: r.problem }
  }
  const name = r.design.name
  if (e.id === null || e.rev === null) {
    const created = await repo.create({ name, text: e.text })
    return { kind: 'new', id: created.id, name }
  }
  const asNew = async (): Promise<Recovered> => ({
    kind: 'deleted',
    id: (await repo.create({ name, text: e.text })).id,
    name,
  })
  const stored = await repo.get(e.id)
  if (!stored) return asNew()
  // the autosave's flush finished after all (or another tab applied this journal first)
  if (stored.text === e.text) return null
  const landed = e.inFlight !== undefined && stored.rev === e.rev + 1 && fingerprint(stored.text) === e.inFlight
  const basedOn = landed ? stored.rev : e.rev
  if (stored.rev === basedOn) {
    const written = await repo.write(e.id, { name, text: e.text }, basedOn)
    if (written.kind === 'saved') return { kind: 'applied', id: e.id, name, rev: written.design.rev }
    if (written.kind === 'missing') return asNew()
    if (written.current.text === e.text) return null
  }
  // another tab wrote it meanwhile: kept beside it, as the autosave keeps a refused write
  const copyName = `${name} (recovered edits)`
  const created = await repo.create({ name: copyName, text: serialise({ ...r.design, name: copyName }) })
  return { kind: 'copy', id: created.id, name: copyName, was: stored.name }
}

/** The notice's line for one recovery. */
export function recoveredLine(r: Recovered): string {
  const edits = 'made just before the page closed'
  switch (r.kind) {
    case 'applied':
      return `The last edits to "${r.name}", ${edits}, were recovered.`
    case 'new':
      return `The last edits to "${r.name}", ${edits}, were recovered as a new design.`
    case 'deleted':
      return `The last edits to "${r.name}", ${edits}, are kept as a new design: it had been deleted meanwhile.`
    case 'copy':
      return `The last edits to "${r.was}", ${edits}, are kept as "${r.name}": another tab changed "${r.was}" meanwhile.`
    case 'unreadable':
      return `Edits ${edits} are kept as "${r.name}", but they do not open (${r.problem}): Designs… → Recover….`
  }
}

/**
 * Applies every journal, oldest first. `ownTab`: the id this tab wrote its journal under before a reload; the
 * design its journal went into is the one it opens (`open`). A journal that could not be applied (the browser's
 * storage failed) is put back for the next boot. `tell`: the tabs open now hear what was written, as they hear an
 * autosave — one still showing the design the edits went into says so, and offers to load them.
 */
export async function recoverJournals(
  store: JournalStore,
  repo: DesignRepo,
  ownTab: string | null,
  tell: (message: TabMessage) => void = () => {},
): Promise<{ lines: string[]; open?: string }> {
  const lines: string[] = []
  let open: string | undefined
  let last: string | undefined
  for (const entry of takeJournals(store)) {
    const r = await applyJournal(repo, entry).catch(() => {
      writeJournal(store, entry)
      return null
    })
    if (!r) continue
    lines.push(recoveredLine(r))
    tell(
      r.kind === 'applied'
        ? { kind: 'saved', id: r.id, rev: r.rev, from: RECOVERY }
        : { kind: 'listed', from: RECOVERY },
    )
    last = r.id
    if (entry.tab === ownTab) open = r.id
  }
  // a new tab opens the design whose edits were recovered last
  if (last) await repo.setMeta({ lastId: open ?? last })
  return open ? { lines, open } : { lines }
}

/** who the tabs hear it from: no tab's id, so every open tab listens */
const RECOVERY = 'journal-recovery'
