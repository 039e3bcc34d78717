// The connection to the relay with Hocuspocus' own provider and the relay `npm run relay` starts: a session's
// first socket is the one it keeps. Hocuspocus reports the socket's status while its provider is being constructed;
// a handler that threw there made the library count the working connection attempt as failed and open a second
// socket a second later, closing the first — and a follower who arrived in between was told no session was open.
import { HocuspocusProvider } from '@hocuspocus/provider'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { startRelay } from '../../relay/relay'
import type { LessonRunner } from '../../src/lessons/runner'
import { createConnection } from '../../src/live/connection'
import { newEditorKey, roomOfToken } from '../../src/live/roomKeys'
import { createLiveStore } from '../../src/live/state'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the connection to the relay', () => {
  it('keeps the socket it opened: the attempt that let the editor in is the one the provider counts', async () => {
    // Node 20 has no WebSocket of its own; the provider uses the global one, as in the browser
    vi.stubGlobal('WebSocket', WebSocket)
    const relay = await startRelay({ port: 0, quiet: true })
    const store = createLiveStore(
      { lessons: {} as LessonRunner, location: { origin: 'http://localhost', pathname: '/' } },
      relay.url,
    )
    const refusals: string[] = []
    const connection = createConnection(store, {
      leaving: () => false,
      onAuthenticated: () => undefined,
      onAwareness: () => undefined,
      onSynced: () => undefined,
      onRefused: (message) => refusals.push(message),
    })
    try {
      const key = newEditorKey()
      const room = await roomOfToken(key)
      if (!room) throw new Error('an editor key names a room')
      connection.open(HocuspocusProvider, new Y.Doc(), room.roomId, key)
      // the library says "connect" when the attempt that opened the socket succeeds; an attempt that failed never
      // says it, and its retry replaces the socket a second later
      let connected = 0
      connection.current()?.on('connect', () => connected++)
      await vi.waitFor(() => expect(store.getState().status).toBe('live'), { timeout: 10_000 })
      await vi.waitFor(() => expect(connected).toBe(1), { timeout: 10_000 })
      expect(connection.current()?.configuration.websocketProvider.identifier).toBe(1)
      expect(refusals).toEqual([])
    } finally {
      connection.close()
      await relay.stop()
    }
  })
})
