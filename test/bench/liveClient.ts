// A Node client of the relay for the live bench: Hocuspocus' provider on ws (Node 20 has no WebSocket of its own).
import { HocuspocusProvider } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'

/**
 * ws throws an error no one listens to, and a socket the provider has let go of (after 30 s without a message on a
 * loaded machine) may still report one while it closes: that one is the provider's business, not the process's end.
 */
class ProviderSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => undefined)
  }
}

/** Resolves once the relay let this client into the room and the document is in step. */
export function connect(url: string, name: string, token: string): Promise<HocuspocusProvider> {
  return new Promise((resolve, reject) => {
    const p: HocuspocusProvider = new HocuspocusProvider({
      url,
      name,
      token,
      document: new Y.Doc(),
      // the provider hands the url options to its socket
      ...({ WebSocketPolyfill: ProviderSocket } as object),
      onSynced: () => resolve(p),
      onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
    })
  })
}
