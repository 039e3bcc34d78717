// What the Designs dialog does to the designs kept in the browser besides opening one: rename, delete (with its
// undo), recover the raw text, open a file as a new design, and the versions of each. Each write names the revision
// it read, so another tab's write in between is refused, not overwritten; a restore keeps what it replaces.
import { type Design, parse, serialise } from '../../model'
import type { DesignLibrary, LibraryAnswer, RemovedEntry } from '../../store/library'
import type { RemovedDesign } from './designRepo'
import { announce, safeParse, show, type Tab } from './tab'

export function fileNameFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'design'}.gwlb.json`
}

const time = (iso: string) => new Date(iso).toLocaleString()

/** Why a design cannot take this name (too long, control characters: docs/format.md), in the loader's words; or null. */
function nameRefused(design: Design, name: string): LibraryAnswer | null {
  const r = parse({ ...design, name })
  return r.ok ? null : { ok: false, lines: ['That name cannot be used.', ...r.errors.map((e) => e.message)] }
}

const GONE: LibraryAnswer = { ok: false, lines: ['That design is no longer stored in this browser.'] }
const CHANGED_MEANWHILE: LibraryAnswer = { ok: false, lines: ['Another tab changed it meanwhile; try again.'] }

type DesignActions = Pick<DesignLibrary, 'rename' | 'remove' | 'undoRemove' | 'rawText' | 'openText'>

/** The stored designs' own actions; `flush` saves what waits for the autosave's debounce first. */
export function designActions(t: Tab, flush: () => Promise<void>): DesignActions {
  const { stores, deps } = t
  const { repo } = deps
  /** what this tab deleted, so its undo puts it back with its versions */
  const removedHere = new Map<string, RemovedDesign>()
  return {
    async rename(id, name): Promise<LibraryAnswer> {
      const trimmed = name.trim()
      if (!trimmed) return { ok: false, lines: ['A design needs a name.'] }
      if (id === t.binding.bound?.id) {
        const refused = nameRefused(stores.design.getState().design, trimmed)
        if (refused) return refused
        stores.design.getState().edit('rename the design', (d) => ({ ...d, name: trimmed }))
        await flush()
        return { ok: true }
      }
      const stored = await repo.get(id)
      if (!stored) return GONE
      const r = safeParse(stored.text)
      if (!r.ok) return { ok: false, lines: [`"${stored.name}" cannot be renamed: its text does not open.`] }
      const refused = nameRefused(r.design, trimmed)
      if (refused) return refused
      await repo.snapshot(id, 'before it was renamed')
      const text = serialise({ ...r.design, name: trimmed })
      const written = await repo.write(id, { name: trimmed, text }, stored.rev)
      if (written.kind !== 'saved') return CHANGED_MEANWHILE
      announce(t, { kind: 'saved', id, rev: written.design.rev, from: deps.tabId })
      return { ok: true }
    },

    async remove(id) {
      if (id === t.binding.bound?.id)
        return { ok: false, lines: ['This is the design on the canvas: open another one before deleting it.'] }
      const removed = await repo.remove(id)
      if (!removed) return GONE
      removedHere.set(id, removed)
      announce(t, { kind: 'removed', id, from: deps.tabId })
      return { id, name: removed.design.name } satisfies RemovedEntry
    },

    async undoRemove(entry) {
      const removed = removedHere.get(entry.id)
      if (!removed) return
      await repo.putBack(removed)
      removedHere.delete(entry.id)
      announce(t, { kind: 'listed', from: deps.tabId })
    },

    async rawText(id) {
      const stored = await repo.get(id)
      return stored && { fileName: fileNameFor(stored.name), text: stored.text }
    },

    async openText(text): Promise<LibraryAnswer> {
      const r = safeParse(text)
      if (!r.ok) return { ok: false, lines: [`It does not open yet: ${r.problem}`] }
      await flush()
      const created = await repo.create({ name: r.design.name, text: serialise(r.design) })
      show(t, created, r.design)
      t.binding.versionedAt = deps.now()
      announce(t, { kind: 'saved', id: created.id, rev: created.rev, from: deps.tabId })
      return { ok: true }
    },
  }
}

type VersionActions = Pick<DesignLibrary, 'versions' | 'versionText' | 'restoreVersion'>

/** The earlier versions of a stored design, and putting one back (the text it replaces is kept as a version). */
export function versionActions(t: Tab, flush: () => Promise<void>): VersionActions {
  const { deps } = t
  const { repo } = deps
  return {
    async versions(id) {
      return (await repo.versions(id)).map(({ text: _text, ...v }) => v)
    },

    async versionText(id, versionId) {
      return (await repo.versions(id)).find((v) => v.id === versionId)?.text
    },

    async restoreVersion(id, versionId): Promise<LibraryAnswer> {
      if (id === t.binding.bound?.id) await flush()
      const version = (await repo.versions(id)).find((v) => v.id === versionId)
      const stored = await repo.get(id)
      if (!version || !stored) return { ok: false, lines: ['That version is no longer stored.'] }
      const r = safeParse(version.text)
      if (!r.ok) return { ok: false, lines: [`That version does not open: ${r.problem}`] }
      await repo.snapshot(id, `before the version of ${time(version.savedAt)} was restored`)
      const written = await repo.write(id, { name: version.name, text: version.text }, stored.rev)
      if (written.kind !== 'saved') return CHANGED_MEANWHILE
      announce(t, { kind: 'saved', id, rev: written.design.rev, from: deps.tabId })
      if (id === t.binding.bound?.id) {
        show(t, written.design, r.design)
        t.binding.versionedAt = deps.now()
      }
      return { ok: true }
    },
  }
}
