// Autosave in this browser (IndexedDB): the design is kept on every change and restored on the next visit.
// What is restored goes through parse() like any file; a design shown read-only (a shared link, an embed)
// is never saved, so opening someone's link cannot overwrite the user's own work.
import { get, set } from 'idb-keyval'
import { useEffect } from 'react'
import { type Design, parse, serialise } from '../model'
import type { Stores } from '../store/context'

const KEY = 'gwlb-studio/autosave'
const DEBOUNCE_MS = 500

interface Saved {
  text: string
  savedAt: string
}

export type Restored =
  | { kind: 'none' }
  | { kind: 'restored'; design: Design; savedAt: string }
  | { kind: 'failed'; message: string }

export async function restoreAutosave(): Promise<Restored> {
  if (typeof indexedDB === 'undefined') return { kind: 'none' }
  let saved: Saved | undefined
  try {
    saved = await get<Saved>(KEY)
  } catch (e) {
    return {
      kind: 'failed',
      message: `The browser's storage could not be read (${e instanceof Error ? e.message : String(e)}).`,
    }
  }
  if (!saved) return { kind: 'none' }
  const r = parse(saved.text)
  if (!r.ok)
    return {
      kind: 'failed',
      message: `The autosaved design does not load: ${r.errors[0]?.message ?? r.reason}. It was left in storage untouched.`,
    }
  return { kind: 'restored', design: r.design, savedAt: saved.savedAt }
}

export async function saveNow(design: Design): Promise<void> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB')
  await set(KEY, { text: serialise(design), savedAt: new Date().toISOString() } satisfies Saved)
}

/**
 * Where autosave stands, on the page's root element: `data-autosave="pending"` from an edit until the design
 * as it is after that edit is stored, then `"saved"` (or `"failed"`). Nothing on screen shows it, so this is
 * what end-to-end tests (and anyone scripting the page) wait for instead of guessing how long saving takes.
 */
function markAutosave(state: 'pending' | 'saved' | 'failed') {
  if (typeof document !== 'undefined') document.documentElement.dataset.autosave = state
}

/** Saves on every change, debounced; warns once, plainly, when storage fails. */
export function useAutosave(stores: Stores) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let warned = false
    // counts the edits seen, so a save that finishes after a newer edit does not claim to hold it
    let edits = 0
    const unsubscribe = stores.design.subscribe((s, prev) => {
      if (s.design === prev.design || stores.ui.getState().readOnly) return
      const edit = ++edits
      markAutosave('pending')
      clearTimeout(timer)
      timer = setTimeout(() => {
        // read-only may have begun since the edit (a lesson opened, a shared link): then nothing is saved
        if (stores.ui.getState().readOnly) return
        saveNow(stores.design.getState().design).then(
          () => {
            if (edit === edits) markAutosave('saved')
          },
          (e: unknown) => {
            markAutosave('failed')
            if (warned) return
            warned = true
            stores.ui.getState().notify({
              tone: 'error',
              lines: [
                'Autosave failed: this design is not being kept in the browser.',
                e instanceof Error ? e.message : String(e),
                'Use Save file to keep it.',
              ],
            })
          },
        )
      }, DEBOUNCE_MS)
    })
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [stores])
}
