// The few key-value operations the design library needs from IndexedDB, behind an interface so the
// library's rules (revisions, versions, forks) run in Node tests over a Map. `update` reads and writes
// one key in a single IndexedDB transaction, so two tabs comparing a revision cannot interleave.
import { createStore, del, get, keys, set, update } from 'idb-keyval'

export interface Kv {
  get<T>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  del(key: string): Promise<void>
  keys(): Promise<string[]>
  /** reads the value and writes what `change` returns, atomically */
  update<T>(key: string, change: (old: T | undefined) => T): Promise<void>
}

/** The database and object store the library lives in (the old single autosave used idb-keyval's default one). */
export const DATABASE = 'gwlb-studio'
export const OBJECT_STORE = 'designs'

export function indexedDbKv(): Kv | null {
  if (typeof indexedDB === 'undefined') return null
  const store = createStore(DATABASE, OBJECT_STORE)
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
    update: (key, change) => update(key, change, store),
  }
}

/** The single autosave of earlier versions, in idb-keyval's default store: read once and kept as a design. */
export const LEGACY_AUTOSAVE_KEY = 'gwlb-studio/autosave'

export async function readLegacyAutosave(): Promise<{ text: string; savedAt: string } | undefined> {
  if (typeof indexedDB === 'undefined') return undefined
  const saved = await get<unknown>(LEGACY_AUTOSAVE_KEY)
  if (!saved || typeof saved !== 'object') return undefined
  const { text, savedAt } = saved as { text?: unknown; savedAt?: unknown }
  return {
    text: typeof text === 'string' ? text : JSON.stringify(saved),
    savedAt: typeof savedAt === 'string' ? savedAt : new Date(0).toISOString(),
  }
}
