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

export function createDesignRepo(kv: Kv, deps: Partial<RepoDeps> = {}) {
  const now = deps.now ?? Date.now
  const newId = deps.newId ?? randomId
  const iso = () => new Date(now()).toISOString()

  const repo = {
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
        if (!old) return old
        if (old.rev !== basedOn) {
          result = { kind: 'conflict', current: old }
          return old
        }
        const { problem: _cleared, ...rest } = old
        const next = { ...rest, ...fields, rev: old.rev + 1, updatedAt: iso() }
        result = { kind: 'saved', design: next }
        return next
      })
      // a design deleted meanwhile: update wrote an empty value under its key, which is removed again
      if (result.kind === 'missing') await kv.del(designKey(id))
      return result
    },

    /** Keeps the stored text of a design as a version, before something replaces it. */
    async snapshot(id: string, reason: string): Promise<Version | undefined> {
      const design = await repo.get(id)
      if (!design) return undefined
      const version: Version = {
        id: `${design.id}@${design.rev}`,
        name: design.name,
        text: design.text,
        savedAt: design.updatedAt,
        reason,
      }
      await kv.update<Version[]>(versionsKey(id), (old = []) =>
        // the same revision kept twice would be the same text twice
        pruneVersions([version, ...old.filter((v) => v.id !== version.id)], now()),
      )
      return version
    },

    async versions(id: string): Promise<Version[]> {
      return pruneVersions((await kv.get<Version[]>(versionsKey(id))) ?? [], now())
    },

    /** Notes that the text does not open (and why), leaving the text and the revision as they are. */
    async markProblem(id: string, problem: string | undefined): Promise<void> {
      await kv.update<StoredDesign | undefined>(designKey(id), (old) => {
        if (!old) return old
        const { problem: _old, ...rest } = old
        return problem === undefined ? rest : { ...rest, problem }
      })
    },

    async remove(id: string): Promise<RemovedDesign | undefined> {
      const design = await repo.get(id)
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

    meta: async (): Promise<Meta> => (await kv.get<Meta>(META)) ?? {},
    async setMeta(change: Partial<Meta>): Promise<void> {
      await kv.update<Meta>(META, (old = {}) => ({ ...old, ...change }))
    },
  }
  return repo
}
export type DesignRepo = ReturnType<typeof createDesignRepo>
