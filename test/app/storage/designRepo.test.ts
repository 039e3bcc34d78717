// The stored designs: a write based on an old revision is refused and changes nothing; versions keep
// what a write replaced; a removed design comes back whole with Undo.
import { describe, expect, it } from 'vitest'
import { createDesignRepo, type StoredDesign, versionOf, writeOver } from '../../../src/app/storage/designRepo'
import { memoryKv } from './memoryKv'

function repo() {
  let clock = Date.parse('2026-12-01T10:00:00Z')
  let n = 0
  const kv = memoryKv()
  return {
    kv,
    repo: createDesignRepo(kv, { now: () => (clock += 1000), newId: () => `d${++n}` }),
  }
}

describe('design repository', () => {
  it('lists designs newest first without their text, with their size', async () => {
    const { repo: r } = repo()
    await r.create({ name: 'Old', text: 'aaaa' })
    await r.create({ name: 'New', text: 'bb' })
    const list = await r.list()
    expect(list.map((d) => [d.name, d.bytes])).toEqual([
      ['New', 2],
      ['Old', 4],
    ])
    expect(list[0]).not.toHaveProperty('text')
  })

  it('writes when the revision matches and refuses, changing nothing, when another write came first', async () => {
    const { repo: r } = repo()
    const d = await r.create({ name: 'A', text: 'v1' })
    const first = await r.write(d.id, { name: 'A', text: 'v2 from tab 1' }, d.rev)
    expect(first.kind).toBe('saved')
    const second = await r.write(d.id, { name: 'A', text: 'v2 from tab 2' }, d.rev)
    expect(second).toMatchObject({ kind: 'conflict', current: { text: 'v2 from tab 1', rev: 2 } })
    expect((await r.get(d.id))?.text).toBe('v2 from tab 1')
  })

  it('says a deleted design is missing instead of bringing it back empty', async () => {
    const { repo: r, kv } = repo()
    const d = await r.create({ name: 'A', text: 'v1' })
    await r.remove(d.id)
    expect(await r.write(d.id, { name: 'A', text: 'v2' }, 1)).toEqual({ kind: 'missing' })
    expect([...kv.data.keys()].filter((k) => k.startsWith('design:'))).toEqual([])
  })

  it('keeps the text a write replaces as a version, once per revision', async () => {
    const { repo: r } = repo()
    const d = await r.create({ name: 'A', text: 'first' })
    await r.snapshot(d.id, 'before a session')
    await r.snapshot(d.id, 'before a session')
    await r.write(d.id, { name: 'A2', text: 'second' }, 1)
    await r.snapshot(d.id, 'later')
    const versions = await r.versions(d.id)
    expect(versions.map((v) => [v.name, v.text, v.reason])).toEqual([
      ['A2', 'second', 'later'],
      ['A', 'first', 'before a session'],
    ])
  })

  it('notes a problem without touching the text or the revision', async () => {
    const { repo: r } = repo()
    const d = await r.create({ name: 'Bad', text: '{"garbage' })
    await r.markProblem(d.id, 'not JSON')
    expect(await r.get(d.id)).toMatchObject({ text: '{"garbage', rev: 1, problem: 'not JSON' })
  })

  it('puts a removed design back with its versions', async () => {
    const { repo: r } = repo()
    const d = await r.create({ name: 'A', text: 'first' })
    await r.snapshot(d.id, 'x')
    const removed = await r.remove(d.id)
    expect(await r.list()).toEqual([])
    if (!removed) throw new Error('not removed')
    await r.putBack(removed)
    expect((await r.get(d.id))?.text).toBe('first')
    expect(await r.versions(d.id)).toHaveLength(1)
  })
})

describe('a write over a stored record', () => {
  const old: StoredDesign = {
    id: 'd1',
    name: 'Mine',
    text: 'old text',
    rev: 3,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T11:00:00.000Z',
    problem: 'did not open',
  }
  const at = () => '2026-12-01T12:00:00.000Z'

  it('at the revision it read: the next revision, the new text and time, the problem cleared', () => {
    const { next, result } = writeOver(old, { name: 'Renamed', text: 'new text' }, 3, at)
    expect(next).toEqual({ ...old, problem: undefined, name: 'Renamed', text: 'new text', rev: 4, updatedAt: at() })
    expect(next).not.toHaveProperty('problem')
    expect(result).toEqual({ kind: 'saved', design: next })
  })

  it('at another revision: the record stays as it was and the writer is told what is there', () => {
    let read = false
    const { next, result } = writeOver(old, { name: 'Renamed', text: 'new text' }, 2, () => {
      read = true
      return at()
    })
    expect(next).toBe(old)
    expect(result).toEqual({ kind: 'conflict', current: old })
    // a refused write stamps nothing
    expect(read).toBe(false)
  })

  it('over nothing (deleted meanwhile): nothing is stored and the writer hears it is missing', () => {
    expect(writeOver(undefined, { name: 'x', text: 'y' }, 1, at)).toEqual({
      next: undefined,
      result: { kind: 'missing' },
    })
  })

  it('keeps a version named by the revision it holds, dated when that revision was written', () => {
    expect(versionOf(old, 'before it was renamed')).toEqual({
      id: 'd1@3',
      name: 'Mine',
      text: 'old text',
      savedAt: old.updatedAt,
      reason: 'before it was renamed',
    })
  })
})
