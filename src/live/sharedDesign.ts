// The design document as a Yjs document, so that people editing it at once merge field by field:
//   envelope  Y.Map: name, description, regionId, zones, accounts, scenarios, … (each a plain JSON value)
//   resources Y.Map: resource id → Y.Map of its fields (each a plain JSON value)
//   order     Y.Array of resource ids: the order of the document's list
//   layout    Y.Map: resource id → its position (and size)
// Two people changing different fields of one resource both keep their change; the same field, the last writer
// wins (Yjs decides the same way everywhere). What comes out goes through parse(), like a file: a merge the loader
// rejects (two endpoints given the same address at once) comes back as load errors, never as a design.
// Pure: yjs and the model, no React, no stores.
import * as Y from 'yjs'
import { type Design, type ParseResult, parse } from '../model'

export interface SharedDesign {
  envelope: Y.Map<unknown>
  resources: Y.Map<Y.Map<unknown>>
  order: Y.Array<string>
  layout: Y.Map<unknown>
}

export function sharedDesign(doc: Y.Doc): SharedDesign {
  return {
    envelope: doc.getMap('envelope'),
    resources: doc.getMap('resources'),
    order: doc.getArray('order'),
    layout: doc.getMap('layout'),
  }
}

/** Whether a transaction changed the design (as opposed to nothing, or something else in the document). */
export function touchesDesign(doc: Y.Doc, tr: Y.Transaction): boolean {
  const s = sharedDesign(doc)
  const roots = new Set<unknown>([s.envelope, s.resources, s.order, s.layout])
  // changedParentTypes holds every type an event reached, up to its root
  for (const t of tr.changedParentTypes.keys()) if (roots.has(t)) return true
  return false
}

type Plain = Record<string, unknown>

function same(a: unknown, b: unknown): boolean {
  // documents share structure from one edit to the next: most unchanged values are the same object
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** The envelope's fields: everything but the resources and the layout. */
function envelopeOf(design: Design | null): Plain {
  if (!design) return {}
  const { resources: _r, layout: _l, ...rest } = design
  return rest
}

function setFields(target: Y.Map<unknown>, before: Plain, after: Plain) {
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue
    if (!(k in before) || !same(before[k], v)) target.set(k, v)
  }
  for (const k of Object.keys(before)) if (after[k] === undefined && target.has(k)) target.delete(k)
}

function resourceMap(r: Plain): Y.Map<unknown> {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(r)) if (v !== undefined) m.set(k, v)
  return m
}

/**
 * Writes what changed from `before` to `after` into the shared document, in one transaction with `origin` (the
 * undo manager tracks it). `before` null: the document is new, the whole design goes in.
 */
export function writeDesign(doc: Y.Doc, before: Design | null, after: Design, origin: unknown) {
  const s = sharedDesign(doc)
  doc.transact(() => {
    setFields(s.envelope, envelopeOf(before), envelopeOf(after))

    const was = new Map((before?.resources ?? []).map((r) => [r.id, r]))
    const now = new Map(after.resources.map((r) => [r.id, r]))
    for (const id of was.keys()) {
      if (now.has(id)) continue
      s.resources.delete(id)
      const at = s.order.toArray().indexOf(id)
      if (at >= 0) s.order.delete(at, 1)
    }
    const added: string[] = []
    for (const r of after.resources) {
      const old = was.get(r.id)
      if (old === r) continue
      const existing = s.resources.get(r.id)
      if (!old || !existing) {
        s.resources.set(r.id, resourceMap(r as Plain))
        if (!old) added.push(r.id)
      } else setFields(existing, old as Plain, r as Plain)
    }
    if (added.length) s.order.push(added)

    const layoutBefore = before?.layout ?? {}
    for (const [id, place] of Object.entries(after.layout))
      if (!same(layoutBefore[id], place) || !s.layout.has(id)) s.layout.set(id, place)
    for (const id of Object.keys(layoutBefore)) if (!(id in after.layout)) s.layout.delete(id)
  }, origin)
}

/** The shared document as plain data, resources in the list's order (a resource missing from it comes last). */
export function readDesign(doc: Y.Doc): Plain {
  const s = sharedDesign(doc)
  const seen = new Set<string>()
  const resources: unknown[] = []
  for (const id of s.order.toArray()) {
    const r = s.resources.get(id)
    if (!r || seen.has(id)) continue
    seen.add(id)
    resources.push(r.toJSON())
  }
  // two people's orders merge without loss, but a resource added while its order entry is lost still shows
  for (const id of [...s.resources.keys()].sort()) {
    if (seen.has(id)) continue
    const r = s.resources.get(id)
    if (r) resources.push(r.toJSON())
  }
  return { ...s.envelope.toJSON(), resources, layout: s.layout.toJSON() }
}

/** The shared document through the loader: a design, or the load errors of what the merge made. */
export function loadShared(doc: Y.Doc): ParseResult {
  return parse(readDesign(doc))
}

/** Whether the shared document holds a design yet (a joiner's is empty until the first sync). */
export function hasDesign(doc: Y.Doc): boolean {
  return sharedDesign(doc).envelope.has('format')
}
