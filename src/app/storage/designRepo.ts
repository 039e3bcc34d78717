// The designs kept in this browser: records with a name, a date, the design's text and a revision, and
// the earlier versions of each. A write names the revision it was based on and is refused when the
// stored one differs (another tab wrote in between): nothing here ever overwrites what it did not read.
// The text is stored as it was given, loadable or not, so a design this version cannot open stays intact.
import type { Kv } from './kv'
import { pruneVersions, type Version } from './versions'

export interface StoredDesign {
  id: string
  name: string
  text: string
  /** counts the writes; a write based on an older revision is refused */
  rev: number
  createdAt: string
  updatedAt: string
  /** why the text did not open the last time it was tried; the text is kept as it was */
  problem?: string
}

export type StoredSummary = Omit<StoredDesign, 'text'> & { bytes: number }

export type WriteResult =
  | { kind: 'saved'; design: StoredDesign }
  | { kind: 'conflict'; current: StoredDesign }
  | { kind: 'missing' }

export interface RemovedDesign {
  design: StoredDesign
  versions: Version[]
}

interface Meta {
  /** the design a new tab opens: the one last opened or saved */
  lastId?: string
  /** the single autosave of earlier versions has been kept as a design */
  legacyImported?: boolean
}

const designKey = (id: string) => `design:${id}`
const versionsKey = (id: string) => `versions:${id}`
const META = 'meta'

export interface RepoDeps {
  now(): number
  newId(): string
}

function randomId(): string {
  // randomUUID needs a secure context; a served preview over plain http on another host is not one
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/**
 * A write over the stored record `old`, based on revision `basedOn`: the record to store and what the writer is told.
 * A record written by someone else since (another revision) is left as it is; a write clears the problem noted on
 * it. `at` is read only when the write happens.
 */
export function writeOver(
  old: StoredDesign | undefined,
  fields: { name: string; text: string },
  basedOn: number,
  at: () => string,
): { next: StoredDesign | undefined; result: WriteResult } {
  if (!old) return { next: old, result: { kind: 'missing' } }
  if (old.rev !== basedOn) return { next: old, result: { kind: 'conflict', current: old } }
  const { problem: _cleared, ...rest } = old
  const next = { ...rest, ...fields, rev: old.rev + 1, updatedAt: at() }
  return { next, result: { kind: 'saved', design: next } }
}

/** The version that keeps a stored design's text as it is now, named by its revision. */
export function versionOf(design: StoredDesign, reason: string): Version {
  return { id: `${design.id}@${design.rev}`, name: design.name, text: design.text, savedAt: design.updatedAt, reason }
}

export function createDesignRepo(kv: Kv, deps: Partial<RepoDeps> = {}) {
  const now = deps.now ?? Date.now
  const records = designRecords(kv, now, deps.newId ?? randomId)
  return {
    ...records,
    ...designVersions(kv, now, records.get),
    ...removal(kv, records.get),
    meta: async (): Promise<Meta> => (await kv.get<Meta>(META)) ?? {},
    async setMeta(change: Partial<Meta>): Promise<void> {
      await kv.update<Meta>(META, (old = {}) => ({ ...old, ...change }))
    },
  }
}

/** The designs' records: listed newest first, created, written at the revision they were read at. */
function designRecords(kv: Kv, now: () => number, newId: () => string) {
  const iso = () => new Date(now()).toISOString()
  return {
    async list(): Promise<StoredSummary[]> {
      const ids = (await kv.keys()).filter((k) => k.startsWith('design:'))
      const records = await Promise.all(ids.map((k) => kv.get<StoredDesign>(k)))
      return records
        .filter((r): r is StoredDesign => r !== undefined && r !== null)
        .map(({ text, ...rest }) => ({ ...rest, bytes: text.length }))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    },

    get: (id: string) => kv.get<StoredDesign>(designKey(id)),

    async create(fields: { name: string; text: string; problem?: string }): Promise<StoredDesign> {
      const at = iso()
      const design: StoredDesign = { id: newId(), ...fields, rev: 1, createdAt: at, updatedAt: at }
      if (fields.problem === undefined) delete design.problem
      await kv.set(designKey(design.id), design)
      return design
    },

    /** Writes the text when the stored revision is still `basedOn`; otherwise says what is there now. */
    async write(id: string, fields: { name: string; text: string }, basedOn: number): Promise<WriteResult> {
      let result: WriteResult = { kind: 'missing' }
      await kv.update<StoredDesign | undefined>(designKey(id), (old) => {
        const written = writeOver(old, fields, basedOn, iso)
        result = written.result
        return written.next
      })
      // a design deleted meanwhile: update wrote an empty value under its key, which is removed again
      if (result.kind === 'missing') await kv.del(designKey(id))
      return result
    },

    /** Notes that the text does not open (and why), leaving the text and the revision as they are. */
    async markProblem(id: string, problem: string | undefined): Promise<void> {
      await kv.update<StoredDesign | undefined>(designKey(id), (old) => {
        if (!old) return old
        const { problem: _old, ...rest } = old
        return problem === undefined ? rest : { ...rest, problem }
      })
    },
  }
}

type Get = (id: string) => Promise<StoredDesign | undefined>

/** The earlier versions of each design, pruned by the version policy as they are kept and as they are read. */
function designVersions(kv: Kv, now: () => number, get: Get) {
  return {
    /** Keeps the stored text of a design as a version, before something replaces it. */
    async snapshot(id: string, reason: string): Promise<Version | undefined> {
      const design = await get(id)
      if (!design) return undefined
      const version = versionOf(design, reason)
      await kv.update<Version[]>(versionsKey(id), (old = []) =>
        // the same revision kept twice would be the same text twice
        pruneVersions([version, ...old.filter((v) => v.id !== version.id)], now()),
      )
      return version
    },

    async versions(id: string): Promise<Version[]> {
      return pruneVersions((await kv.get<Version[]>(versionsKey(id))) ?? [], now())
    },
  }
}

/** A delete takes the design with its versions, and hands them back for the undo. */
function removal(kv: Kv, get: Get) {
  return {
    async remove(id: string): Promise<RemovedDesign | undefined> {
      const design = await get(id)
      if (!design) return undefined
      const versions = (await kv.get<Version[]>(versionsKey(id))) ?? []
      await kv.del(designKey(id))
      await kv.del(versionsKey(id))
      return { design, versions }
    },

    /** Undoes a remove: the design comes back with its versions, as it was. */
    async putBack(removed: RemovedDesign): Promise<void> {
      await kv.set(designKey(removed.design.id), removed.design)
      if (removed.versions.length > 0) await kv.set(versionsKey(removed.design.id), removed.versions)
    },
  }
}
export type DesignRepo = ReturnType<typeof createDesignRepo>
