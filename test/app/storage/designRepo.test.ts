// The stored designs: a write based on an old revision is refused and changes nothing; versions keep
// what a write replaced; a removed design comes back whole with Undo.
import { describe, expect, it } from 'vitest'
import { createDesignRepo } from '../../../src/app/storage/designRepo'
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
