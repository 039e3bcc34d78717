// Binds the design store to a shared Yjs document, both ways:
// - a local edit is written into the document as what changed (field by field), with this person's origin, so
//   the undo manager, which tracks that origin only, undoes this person's edits and nobody else's;
// - a change from elsewhere (another person, or an undo) is read back through the loader: a design that loads
//   replaces what is shown, without an undo step; one that does not is reported as load errors, and the last
//   design that loaded stays on screen — the shared document is left as merged, for someone to fix.
import * as Y from 'yjs'
import type { Design, LoadError, Resource } from '../model'
import type { DesignStore } from '../store/designStore'
import { hasDesign, loadShared, sharedDesign, touchesDesign, writeDesign } from './sharedDesign'

export interface BindOptions {
  /** write this person's edits into the document (false: a follower, whose view only follows) */
  writes: boolean
  /** the document is new: the design on screen goes in first (the person who starts the session) */
  starts: boolean
  /**
   * Appended to the id of each resource this person adds, so that two people adding the same kind at once
   * (both given "ecs-3" by the palette) add two resources instead of one overwriting the other.
   */
  tag: string
  /** the merged document does not load (errors), or loads again (null) */
  onLoadErrors(errors: LoadError[] | null): void
  /** the first design read from the document, before it is shown: the joiner's own design can be kept first */
  onFirstDesign?(design: Design): void
  /** resources this person added were given their tagged ids (the selection follows them) */
  onRenamed?(renames: ReadonlyMap<string, string>): void
}

export interface Binding {
  undoManager: Y.UndoManager
  /** reads the document again and shows it (after something else replaced what is shown, e.g. a lesson closing) */
  resync(): void
  dispose(): void
}

/** The origin of this person's edits in the shared document. */
export const LOCAL_EDIT = Symbol('local edit')
const SESSION_START = Symbol('session start')

export function bindDesign(doc: Y.Doc, store: DesignStore, options: BindOptions): Binding {
  const shared = sharedDesign(doc)
  /** the design both sides agree on: what the next local edit is a change from */
  let synced: Design | null = null
  /** the store is being set from the document: its change is not an edit to write back */
  let applying = false
  let first = true

  const show = (design: Design) => {
    applying = true
    try {
      if (first) store.getState().replace(design)
      else store.getState().receive(design)
    } finally {
      applying = false
    }
    first = false
  }

  function pull() {
    if (!hasDesign(doc)) return
    const r = loadShared(doc)
    if (!r.ok) return options.onLoadErrors(r.errors)
    options.onLoadErrors(null)
    if (first) options.onFirstDesign?.(r.design)
    synced = r.design
    show(r.design)
  }

  if (options.starts) {
    synced = store.getState().design
    writeDesign(doc, null, synced, SESSION_START)
    first = false
  } else pull()

  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === LOCAL_EDIT || tr.origin === SESSION_START || !touchesDesign(doc, tr)) return
    pull()
  }
  doc.on('afterTransaction', onTransaction)

  const unsubscribe = store.subscribe((s) => {
    if (applying || !options.writes || synced === null || s.design === synced) return
    const before = synced
    const { design: after, renames } = tagAdded(before, s.design, options.tag)
    synced = after
    if (renames.size) {
      applying = true
      try {
        store.getState().receive(after)
      } finally {
        applying = false
      }
      options.onRenamed?.(renames)
    }
    writeDesign(doc, before, after, LOCAL_EDIT)
  })

  const undoManager = new Y.UndoManager([shared.envelope, shared.resources, shared.order, shared.layout], {
    trackedOrigins: new Set([LOCAL_EDIT]),
    // one store edit, one undo step (a drag is one edit, written when it ends)
    captureTimeout: 0,
  })

  // while bound, undo and redo are this person's, in the shared document
  if (options.writes) store.getState().setUndoer({ undo: () => undoManager.undo(), redo: () => undoManager.redo() })

  return {
    undoManager,
    resync: pull,
    dispose() {
      if (options.writes) store.getState().setUndoer(null)
      unsubscribe()
      doc.off('afterTransaction', onTransaction)
      undoManager.destroy()
    },
  }
}

/** Ids are letters, digits, "-", "_" and "."; at most 64. */
const MAX_ID = 64

/**
 * The design with each resource added since `before` renamed `<id>-<tag>`, and every reference to it (a route's
 * next hop, a server-group member, its layout entry) renamed with it; `after` itself when nothing was added.
 */
export function tagAdded(
  before: Design,
  after: Design,
  tag: string,
): { design: Design; renames: ReadonlyMap<string, string> } {
  const had = new Set(before.resources.map((r) => r.id))
  const renames = new Map<string, string>()
  for (const r of after.resources) {
    if (had.has(r.id) || r.id.endsWith(`-${tag}`)) continue
    renames.set(r.id, `${r.id.slice(0, MAX_ID - tag.length - 1)}-${tag}`)
  }
  if (renames.size === 0) return { design: after, renames }
  const rename = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key === 'name' || key === 'description' ? v : (renames.get(v) ?? v)
    if (Array.isArray(v)) return v.map((x) => rename(x))
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rename(x, k)]))
    return v
  }
  const design = {
    ...after,
    resources: after.resources.map((r) => (touches(r, renames) ? (rename(r) as Resource) : r)),
    layout: Object.fromEntries(Object.entries(after.layout).map(([id, place]) => [renames.get(id) ?? id, place])),
    scenarios: rename(after.scenarios) as Design['scenarios'],
  }
  return { design, renames }
}

function touches(v: unknown, renames: Map<string, string>): boolean {
  if (typeof v === 'string') return renames.has(v)
  if (Array.isArray(v)) return v.some((x) => touches(x, renames))
  if (v && typeof v === 'object') return Object.values(v).some((x) => touches(x, renames))
  return false
}
