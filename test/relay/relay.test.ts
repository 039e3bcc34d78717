// The relay's door: a token made for the room lets its holder in (an editor writes, a follower reads only), any
// other token is turned away by the authentication hook before a byte of the document is sent.
import { HocuspocusProvider } from '@hocuspocus/provider'
import type { Extension } from '@hocuspocus/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { type Relay, startRelay } from '../../relay/relay'
import { classCodeOf, newEditorKey, roomIdOf } from '../../src/live/roomKeys'

let relay: Relay
const open: HocuspocusProvider[] = []

beforeAll(async () => {
  relay = await startRelay({ port: 0, quiet: true, limits: { perRoom: 3 } })
})
afterAll(async () => {
  for (const p of open) p.destroy()
  await relay.stop()
})

type Outcome =
  | { kind: 'synced'; provider: HocuspocusProvider; doc: Y.Doc }
  | { kind: 'in' }
  | { kind: 'refused'; reason: string }

/**
 * Connects with `token` and answers once the relay let the provider in and synced (or, `until: 'in'`, as soon as
 * it let it in), or refused it.
 */
function connect(roomId: string, token: string, to = { url: relay.url, until: 'synced' }): Promise<Outcome> {
  const doc = new Y.Doc()
  return new Promise((resolve) => {
    const provider: HocuspocusProvider = new HocuspocusProvider({
      url: to.url,
      name: roomId,
      token,
      document: doc,
      // Node 20 has no WebSocket of its own; the provider hands the url options to its socket, polyfill included
      ...({ WebSocketPolyfill: WebSocket } as object),
      onAuthenticated: () => to.until === 'in' && resolve({ kind: 'in' }),
      onSynced: () => resolve({ kind: 'synced', provider, doc }),
      onAuthenticationFailed: ({ reason }) => {
        provider.destroy()
        resolve({ kind: 'refused', reason })
      },
    })
    open.push(provider)
  })
}

async function session() {
  const editorKey = newEditorKey()
  const classCode = await classCodeOf(editorKey)
  return { editorKey, classCode, roomId: await roomIdOf(classCode) }
}

/** Resolves when `doc`'s map `m` holds `key`. */
function when(doc: Y.Doc, key: string): Promise<unknown> {
  const map = doc.getMap('m')
  return new Promise((resolve) => {
    const check = () => map.has(key) && resolve(map.get(key))
    map.observe(check)
    check()
  })
}

describe('relay', () => {
  it('lets an editor in, and passes an editor’s change to a follower', async () => {
    const s = await session()
    const editor = await connect(s.roomId, s.editorKey)
    const follower = await connect(s.roomId, s.classCode)
    if (editor.kind !== 'synced' || follower.kind !== 'synced') throw new Error('both should be let in')
    editor.doc.getMap('m').set('step', 3)
    expect(await when(follower.doc, 'step')).toBe(3)
  })

  it('turns away a token of another room, a made-up token and no token', async () => {
    const s = await session()
    const other = await session()
    for (const token of [other.editorKey, other.classCode, 'ABCDEFGHJKMNPQRSTVWXYZ0123', '', s.roomId]) {
      const r = await connect(s.roomId, token)
      expect(r).toEqual({ kind: 'refused', reason: 'bad-token' })
    }
  })

  it('keeps a follower’s change out of the room: the follower’s token cannot write', async () => {
    const s = await session()
    const editor = await connect(s.roomId, s.editorKey)
    const follower = await connect(s.roomId, s.classCode)
    if (editor.kind !== 'synced' || follower.kind !== 'synced') throw new Error('both should be let in')
    follower.doc.getMap('m').set('forged', true)
    // the editor's own change, sent after the follower's, arrives; the follower's never does
    editor.doc.getMap('m').set('after', true)
    await when(follower.doc, 'after')
    const late = await connect(s.roomId, s.editorKey)
    if (late.kind !== 'synced') throw new Error('editor refused')
    expect(late.doc.getMap('m').get('after')).toBe(true)
    expect(late.doc.getMap('m').has('forged')).toBe(false)
    expect(editor.doc.getMap('m').has('forged')).toBe(false)
  })

  it('turns a follower away from a room no editor is in: a mistyped code opens no session', async () => {
    const s = await session()
    expect(await connect(s.roomId, s.classCode)).toEqual({ kind: 'refused', reason: 'no-session' })
    expect((await connect(s.roomId, s.editorKey)).kind).toBe('synced')
    expect((await connect(s.roomId, s.classCode)).kind).toBe('synced')
  })

  it('turns people away past the room’s limit', async () => {
    const s = await session()
    expect((await connect(s.roomId, s.editorKey)).kind).toBe('synced')
    for (let i = 0; i < 2; i++) expect((await connect(s.roomId, s.classCode)).kind).toBe('synced')
    expect(await connect(s.roomId, s.classCode)).toEqual({ kind: 'refused', reason: 'room-full' })
  })
})

describe('a session that is starting', () => {
  it('lets a follower in while the room’s first editor is still being set up', async () => {
    // a store that takes its time to load a room's document, as one across the network does: the relay has told
    // the editor it is in, and holds its connection until the document is loaded
    let release = () => {}
    const held = new Promise<void>((r) => {
      release = r
    })
    let loadStarted = () => {}
    const loading = new Promise<void>((r) => {
      loadStarted = r
    })
    const slowStore: Extension = {
      async onLoadDocument() {
        loadStarted()
        await held
      },
    }
    const slow = await startRelay({ port: 0, quiet: true, extensions: [slowStore] })
    try {
      const s = await session()
      const editor = connect(s.roomId, s.editorKey, { url: slow.url, until: 'synced' })
      await loading
      expect(await connect(s.roomId, s.classCode, { url: slow.url, until: 'in' })).toEqual({ kind: 'in' })
      release()
      expect((await editor).kind).toBe('synced')
      // a class code of a room no editor has opened is still turned away
      const other = await session()
      expect(await connect(other.roomId, other.classCode, { url: slow.url, until: 'in' })).toEqual({
        kind: 'refused',
        reason: 'no-session',
      })
    } finally {
      release()
      for (const p of open.splice(0)) p.destroy()
      await slow.stop()
    }
  })
})
