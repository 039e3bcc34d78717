// Two people's design stores bound to one shared document (the relay stood in for by passing updates across):
// edits reach the other side, undo undoes only one's own, a merge that does not load is reported, not shown.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindDesign } from '../../src/live/binding'
import type { Design, LoadError } from '../../src/model'
import { createResource } from '../../src/model/edits/create'
import { createDesignStore } from '../../src/store/designStore'
import { loadExample } from '../helpers'

interface Person {
  doc: Y.Doc
  store: ReturnType<typeof createDesignStore>
  errors: LoadError[] | null
}

/** Two people in one room; while `connected` is false, updates wait, as they would on a dropped connection. */
function room(design: Design) {
  let connected = true
  const waiting: [Y.Doc, Uint8Array][] = []
  const people: Person[] = []
  const join = (starts: boolean, tag: string, start: Design): Person => {
    const doc = new Y.Doc()
    const person: Person = { doc, store: createDesignStore(start), errors: null }
    for (const other of people) Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc), 'relay')
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'relay') return
      for (const other of people)
        if (other !== person) {
          if (connected) Y.applyUpdate(other.doc, u, 'relay')
          else waiting.push([other.doc, u])
        }
    })
    people.push(person)
    bindDesign(doc, person.store, {
      writes: true,
      starts,
      tag,
      onLoadErrors: (errors) => {
        person.errors = errors
      },
    })
    return person
  }
  const a = join(true, 'a', design)
  // the joiner starts on a design of their own, which the shared one replaces
  const b = join(false, 'b', loadExample('single-zone'))
  return {
    a,
    b,
    disconnect: () => {
      connected = false
    },
    reconnect: () => {
      connected = true
      for (const [doc, u] of waiting.splice(0)) Y.applyUpdate(doc, u, 'relay')
    },
  }
}

const nameOf = (p: Person, id: string) => p.store.getState().design.resources.find((r) => r.id === id)?.name
const rename = (id: string, name: string) => (d: Design) => ({
  ...d,
  resources: d.resources.map((r) => (r.id === id ? { ...r, name } : r)),
})

describe('design store bound to a shared document', () => {
  it('shows the joiner the shared design, then each person’s edits to the other', () => {
    const { a, b } = room(loadExample('two-zones'))
    expect(b.store.getState().design).toEqual(a.store.getState().design)
    a.store.getState().edit('rename', rename('fw-h1', 'From A'))
    expect(nameOf(b, 'fw-h1')).toBe('From A')
    b.store.getState().edit('rename', rename('fw-i1', 'From B'))
    expect(nameOf(a, 'fw-i1')).toBe('From B')
  })

  it('undoes only one’s own edit, keeping the other person’s', () => {
    const { a, b } = room(loadExample('two-zones'))
    const before = nameOf(a, 'fw-h1')
    a.store.getState().edit('rename', rename('fw-h1', 'From A'))
    b.store.getState().edit('rename', rename('fw-i1', 'From B'))
    a.store.getState().undo()
    expect(nameOf(a, 'fw-h1')).toBe(before)
    expect(nameOf(b, 'fw-h1')).toBe(before)
    expect(nameOf(a, 'fw-i1')).toBe('From B')
    a.store.getState().redo()
    expect(nameOf(b, 'fw-h1')).toBe('From A')
  })

  it('keeps both of two resources added at once that the palette gave the same id', () => {
    const { a, b, disconnect, reconnect } = room(loadExample('two-zones'))
    disconnect()
    const addVpc = (d: Design) => {
      const r = createResource(d, 'vpc', { kind: 'page' })
      if (!r.ok) throw new Error(r.message)
      return r.design
    }
    a.store.getState().edit('add', addVpc)
    b.store.getState().edit('add', addVpc)
    reconnect()
    const vpcIds = (p: Person) =>
      p.store
        .getState()
        .design.resources.filter((r) => r.kind === 'vpc')
        .map((r) => r.id)
        .sort()
    expect(a.errors).toBeNull()
    expect(vpcIds(a)).toEqual(vpcIds(b))
    expect(vpcIds(a)).toEqual(['vpc-3-a', 'vpc-3-b', 'vpc-security', 'vpc-service'])
  })

  it('reports a merge that does not load and keeps the last design that did; a fix clears it', () => {
    const design = loadExample('two-zones')
    const { a, b, disconnect, reconnect } = room(design)
    const endpoint = design.resources.find((r) => r.id === 'gwlbe-h')
    if (!endpoint) throw new Error('gwlbe-h')
    const secondEndpoint = (d: Design) => ({
      ...d,
      resources: [...d.resources, { ...endpoint, id: 'gwlbe-h2', ipAddress: '10.0.10.6' }],
    })
    disconnect()
    a.store.getState().edit('add endpoint', secondEndpoint)
    b.store.getState().edit('add endpoint', secondEndpoint)
    const shownByA = a.store.getState().design
    reconnect()
    expect(a.errors?.some((e) => e.message.includes('10.0.10.6'))).toBe(true)
    expect(b.errors).not.toBeNull()
    // no crash, no revert: A still shows its own design, and its endpoint is still in the shared document
    expect(a.store.getState().design).toBe(shownByA)
    // A undoes its endpoint: the merge loads again, on both sides
    a.store.getState().undo()
    expect(a.errors).toBeNull()
    expect(b.errors).toBeNull()
    const endpoints = (p: Person) => p.store.getState().design.resources.filter((r) => r.kind === 'gwlbEndpoint')
    expect(endpoints(a).map((r) => r.id)).toEqual(endpoints(b).map((r) => r.id))
    expect(endpoints(a)).toHaveLength(3)
  })
})
