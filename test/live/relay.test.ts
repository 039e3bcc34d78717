// The relay as `npm run relay` starts it: on localhost unless told otherwise (README: Live sessions, Safety), and
// letting a class in while its trainer's connection is coming back.
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { startRelay } from '../../relay/relay'
import type { LessonRunner } from '../../src/lessons/runner'
import { createConnection } from '../../src/live/connection'
import { classCodeOf, newEditorKey, roomOfToken } from '../../src/live/roomKeys'
import { createLiveStore } from '../../src/live/state'

afterEach(() => {
  vi.unstubAllGlobals()
})

/** A person's connection to a room with a token: resolves with "in", or the relay's reason for turning it away. */
async function enter(url: string, token: string): Promise<{ answer: string; provider: HocuspocusProvider }> {
  const room = await roomOfToken(token)
  if (!room) throw new Error('not a token')
  let provider: HocuspocusProvider | undefined
  const answer = await new Promise<string>((resolve) => {
    provider = new HocuspocusProvider({
      url,
      name: room.roomId,
      token,
      document: new Y.Doc(),
      onAuthenticated: () => resolve('in'),
      onAuthenticationFailed: ({ reason }) => resolve(reason),
    })
  })
  if (!provider) throw new Error('no provider')
  return { answer, provider }
}

describe('the relay', () => {
  it('listens on localhost only by default, and on the host it is given', async () => {
    const local = await startRelay({ port: 0, quiet: true })
    const any = await startRelay({ port: 0, quiet: true, host: '0.0.0.0' })
    try {
      expect(local.address).toBe('127.0.0.1')
      expect(local.url).toBe(`ws://127.0.0.1:${local.port}`)
      expect(any.address).toBe('0.0.0.0')
    } finally {
      await local.stop()
      await any.stop()
    }
  })

  it('lets a follower in while the trainer’s dropped connection may come back, and not once it has had its time', async () => {
    // Node 20 has no WebSocket of its own; the provider uses the global one, as in the browser
    vi.stubGlobal('WebSocket', WebSocket)
    for (const [editorReturnMs, expected] of [
      [10_000, 'in'],
      [0, 'no-session'],
    ] as const) {
      const relay = await startRelay({ port: 0, quiet: true, limits: { editorReturnMs } })
      try {
        const key = newEditorKey()
        const trainer = await enter(relay.url, key)
        expect(trainer.answer).toBe('in')
        // the trainer's connection drops: the room, now empty, is unloaded
        trainer.provider.destroy()
        await vi.waitFor(() => expect(relay.rooms()).toBe(0), { timeout: 10_000 })
        const student = await enter(relay.url, await classCodeOf(key))
        expect(student.answer).toBe(expected)
        student.provider.destroy()
      } finally {
        await relay.stop()
      }
    }
  })

  it('turns a follower away once the trainer left on purpose: the page says so, and the relay keeps no grace', async () => {
    vi.stubGlobal('WebSocket', WebSocket)
    const relay = await startRelay({ port: 0, quiet: true })
    try {
      const key = newEditorKey()
      const room = await roomOfToken(key)
      if (!room) throw new Error('an editor key names a room')
      // the trainer's page, as the Live menu starts and leaves a session (src/live/connection.ts)
      const store = createLiveStore(
        { lessons: {} as LessonRunner, location: { origin: 'http://localhost', pathname: '/' } },
        relay.url,
      )
      const events = {
        leaving: () => false,
        onAuthenticated: () => undefined,
        onAwareness: () => undefined,
        onSynced: () => undefined,
        onRefused: () => undefined,
      }
      const trainer = createConnection(store, events)
      trainer.open(HocuspocusProvider, new Y.Doc(), room.roomId, key)
      await vi.waitFor(() => expect(store.getState().status).toBe('live'), { timeout: 10_000 })
      trainer.close()
      await vi.waitFor(() => expect(relay.rooms()).toBe(0), { timeout: 10_000 })
      const student = await enter(relay.url, await classCodeOf(key))
      expect(student.answer).toBe('no-session')
      student.provider.destroy()
    } finally {
      await relay.stop()
    }
  })
})
