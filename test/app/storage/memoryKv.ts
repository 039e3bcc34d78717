// An in-memory stand-in for the IndexedDB object store: the same four operations, and `update` as one
// step, as IndexedDB's single transaction makes it. Values are cloned, as IndexedDB stores copies.
import type { Kv } from '../../../src/app/storage/kv'

export function memoryKv(): Kv & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v))
  return {
    data,
    get: async <T>(key: string) => copy(data.get(key)) as T | undefined,
    set: async (key, value) => {
      data.set(key, copy(value))
    },
    del: async (key) => {
      data.delete(key)
    },
    keys: async () => [...data.keys()],
    update: async <T>(key: string, change: (old: T | undefined) => T) => {
      data.set(key, copy(change(copy(data.get(key)) as T | undefined)))
    },
  }
}

/** Two tabs' BroadcastChannels on one name: what one posts, the others receive (not itself). */
export function channelPair() {
  type Listener = (e: { data: never }) => void
  const ends: { listeners: Listener[] }[] = []
  const make = () => {
    const end = { listeners: [] as Listener[] }
    ends.push(end)
    return {
      postMessage(message: unknown) {
        for (const other of ends) if (other !== end) for (const l of other.listeners) l({ data: message as never })
      },
      addEventListener(_type: 'message', listener: Listener) {
        end.listeners.push(listener)
      },
      close() {
        end.listeners = []
      },
    }
  }
  return [make(), make()] as const
}
