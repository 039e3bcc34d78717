// The connection to the relay: Hocuspocus' provider for one room (it resends what the relay lacks after a
// reconnect), the session's status as the connection goes, the relay's refusals in words, and a follower let in
// nowhere after the relay restarted trying again until an editor is back.
import type { HocuspocusProvider } from '@hocuspocus/provider'
import type * as Y from 'yjs'
import { LEAVING } from './roomKeys'
import type { LiveStore } from './state'

/** a follower let in nowhere after the relay restarted tries again this often, until an editor is back */
const RETRY_MS = 2000

const REFUSALS: Record<string, string> = {
  'bad-token': 'The relay turned this link away: it opens no session. Ask for a new link.',
  'no-session': 'No session is open with this code: check the code, or ask the presenter for the link.',
  'room-full': 'This session is full.',
  'relay-full': 'The relay holds as many sessions as it may: try again later.',
  'too-many-attempts': 'Too many wrong codes from this address: wait a minute, then try again.',
}

export interface ConnectionEvents {
  /** the session is being left: nothing the closing connection says counts */
  leaving(): boolean
  /** the relay let this person in (again: after it restarted) */
  onAuthenticated(provider: HocuspocusProvider): void
  onAwareness(): void
  /** the room's document is in step with the relay's (it arrives after the others' awareness states) */
  onSynced(): void
  /** the relay turned the session away for good: why, in words */
  onRefused(message: string): void
}

export interface Connection {
  /** `Provider`: Hocuspocus' client, loaded with the session (session.ts) */
  open(Provider: typeof HocuspocusProvider, doc: Y.Doc, roomId: string, token: string): void
  /** the provider of the room, while connected or trying to */
  current(): HocuspocusProvider | null
  close(): void
}

export function createConnection(store: LiveStore, events: ConnectionEvents): Connection {
  let provider: HocuspocusProvider | null = null
  /** which opening is the current one: a provider's events after another opening (or a close) are stale */
  let opening = 0
  let everLive = false
  let retry: ReturnType<typeof setTimeout> | undefined
  const set = store.setState

  function open(Provider: typeof HocuspocusProvider, doc: Y.Doc, roomId: string, token: string) {
    // Hocuspocus' provider connects, and reports its status, while it is being constructed: a handler that read the
    // provider it is given (`p`, not yet assigned then) threw inside the library's connection attempt, which then
    // counted as failed and was retried a second later, closing the working socket; a follower arriving in that gap
    // was told no session was open. Whether an event is current is asked of a number known before construction.
    const mine = ++opening
    const stale = () => mine !== opening || events.leaving()
    const p: HocuspocusProvider = new Provider({
      url: store.getState().relayUrl,
      name: roomId,
      token,
      document: doc,
      onAuthenticated: () => {
        everLive = true
        set({ status: 'live', message: null })
        events.onAuthenticated(p)
      },
      onAuthenticationFailed: ({ reason }) => {
        if (stale()) return
        // a relay that restarted knows no editor in the room until one is back: a follower waits and tries again
        if (reason === 'no-session' && everLive) {
          set({ status: 'offline' })
          p.destroy()
          retry = setTimeout(() => {
            if (stale()) return
            open(Provider, doc, roomId, token)
          }, RETRY_MS)
          return
        }
        events.onRefused(REFUSALS[reason] ?? `The relay turned the session away (${reason}).`)
      },
      onStatus: ({ status }) => {
        if (stale()) return
        if (status === 'disconnected' && store.getState().status === 'live') set({ status: 'offline' })
      },
      onAwarenessChange: events.onAwareness,
      onSynced: events.onSynced,
    })
    provider = p
  }

  return {
    open,
    current: () => provider,
    close() {
      opening++
      clearTimeout(retry)
      // on purpose: the relay need not keep the room for this editor's return (a follower's saying it is ignored)
      if (provider?.isAuthenticated) provider.sendStateless(LEAVING)
      provider?.destroy()
      provider = null
      everLive = false
    },
  }
}
