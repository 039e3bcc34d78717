// The autosave: an edit is written into the tab's stored design half a second after the last one, one write at a
// time. A write refused because another tab wrote first is kept as a new design (a fork), never dropped; the first
// write of each session, and one every ten minutes, keeps the text it replaces as a version. What it has not stored
// when the page goes is kept by the journal (journal.ts), since IndexedDB's write does not finish then.
import { type Design, serialise } from '../../model'
import type { WriteResult } from './designRepo'
import { announce, type Binding, bindTo, notify, type Tab } from './tab'
import { VERSION_POLICY } from './versions'

/** Lets the page draw and handle input between two pieces of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export const AUTOSAVE_DEBOUNCE_MS = 500

/**
 * Where autosave stands, on the page's root element: `data-autosave="pending"` from an edit until the design
 * as it is after that edit is stored, then `"saved"` (or `"failed"`). Nothing on screen shows it, so this is
 * what end-to-end tests (and anyone scripting the page) wait for instead of guessing how long saving takes.
 */
function markAutosave(state: 'pending' | 'saved' | 'failed') {
  if (typeof document !== 'undefined') document.documentElement.dataset.autosave = state
}

export interface Autosave {
  /** an edit happened: save after the debounce */
  schedule(): void
  /** saves now what is waiting for the debounce */
  flush(): Promise<void>
  /** stops the debounce's timer (the tab is going) */
  stop(): void
  /** the design changed since the last save began (or became the user's) */
  edited(): boolean
}

export function createAutosave(t: Tab): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined
  /** the design changed (or became the user's) since the last save */
  let pending = false
  let queue: Promise<void> = Promise.resolve()
  let warned = false

  /** One write at a time, in order: a save must know the revision the previous one produced. */
  function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job)
    queue = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  const save = () =>
    enqueue(async () => {
      // a read-only design (a shared link, a lesson) is not the user's: what is pending waits until it is
      if (!t.stores.ui.getState().readOnly) {
        const edited = pending
        pending = false
        try {
          await writeNow(t, edited)
        } finally {
          t.writing = null
        }
      }
      // saved only when no edit came after the one just stored (and no write waits for the debounce)
      if (!pending && timer === undefined) markAutosave('saved')
    }).catch((e: unknown) => {
      markAutosave('failed')
      if (warned) return
      warned = true
      notify(t, {
        tone: 'error',
        lines: [
          'Autosave failed: this design is not being kept in the browser.',
          e instanceof Error ? e.message : String(e),
          'Use Save file to keep it.',
        ],
      })
    })

  return {
    schedule() {
      pending = true
      markAutosave('pending')
      clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        void save()
      }, AUTOSAVE_DEBOUNCE_MS)
    },
    async flush() {
      if (timer !== undefined) {
        clearTimeout(timer)
        timer = undefined
      }
      await save()
    },
    stop: () => clearTimeout(timer),
    edited: () => pending,
  }
}

/**
 * Writes the design on the canvas into its stored design, or into a new one; `edited`: changed since. The binding
 * is the one the design had when it was read: Undo across an in-place open meanwhile moves the tab, not this write.
 */
async function writeNow(t: Tab, edited: boolean): Promise<void> {
  const { stores, deps } = t
  const b = t.binding
  const design = stores.design.getState().design
  const text = serialise(design)
  // nothing new: a write would only bump the revision (and could fork a tab that merely looked)
  if (b.bound && b.lastText === text) return
  // the text of a large design is a task's worth of work, and so is handing it to IndexedDB: one task each
  await nextTask()
  t.writing = text
  if (!b.bound) {
    // a tab that opened an example or a link and changed nothing has nothing of its own to keep
    if (!edited) return
    const created = await deps.repo.create({ name: design.name, text })
    bindTo(t, b, created)
    b.versionedAt = deps.now()
    announce(t, { kind: 'saved', id: created.id, rev: created.rev, from: deps.tabId })
    return
  }
  await keepVersionIfDue(t, b)
  const result = await deps.repo.write(b.bound.id, { name: design.name, text }, b.bound.rev)
  if (result.kind === 'saved') {
    b.bound = { id: result.design.id, rev: result.design.rev }
    b.lastText = text
    announce(t, { kind: 'saved', id: b.bound.id, rev: b.bound.rev, from: deps.tabId })
    return
  }
  await keepAsCopy(t, b, design, result)
}

/** The first write of a session, and one every ten minutes, keeps the text it replaces as a version. */
async function keepVersionIfDue(t: Tab, b: Binding) {
  const { deps } = t
  const { versionedAt, bound } = b
  if (!bound || (versionedAt !== null && deps.now() - versionedAt < VERSION_POLICY.everyMs)) return
  await deps.repo.snapshot(
    bound.id,
    versionedAt === null ? 'as it was before a new session edited it' : 'autosaved during editing',
  )
  b.versionedAt = deps.now()
}

/** Another tab wrote the design first, or deleted it: this tab's design becomes a design of its own. */
async function keepAsCopy(t: Tab, b: Binding, design: Design, result: Exclude<WriteResult, { kind: 'saved' }>) {
  const { stores, deps } = t
  const theirs = result.kind === 'conflict' ? result.current.name : design.name
  const copyName = result.kind === 'conflict' ? `${design.name} (copy from another tab)` : design.name
  const copy = { ...design, name: copyName }
  const forked = await deps.repo.create({ name: copyName, text: serialise(copy) })
  bindTo(t, b, forked)
  b.versionedAt = deps.now()
  // the canvas shows which one this tab is now editing (unless Undo took it elsewhere meanwhile); the edit is
  // saved into the copy
  if (copyName !== design.name && b === t.binding)
    stores.design.getState().edit('keep as a copy', (d) => ({ ...d, name: copyName }))
  b.lastText = serialise(b === t.binding ? stores.design.getState().design : copy)
  announce(t, { kind: 'saved', id: forked.id, rev: forked.rev, from: deps.tabId })
  notify(t, {
    tone: 'info',
    lines:
      result.kind === 'conflict'
        ? [
            `Another tab saved "${theirs}" after this tab opened it, so this tab's changes are kept as "${copyName}".`,
            `"${theirs}" keeps the other tab's changes. Designs… lists both.`,
          ]
        : [`"${design.name}" was deleted in another tab; this tab's design is kept as a new design.`],
  })
}
