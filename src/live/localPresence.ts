// What this person tells the others through awareness: who they are from the start, and each field published
// since (pointer, selection, the presenter's follow state, a quiz answer), said again to each new connection.
import type { HocuspocusProvider } from '@hocuspocus/provider'
import type { Presence } from './presence'

export interface LocalPresence {
  /** who this person is, said to the others once the relay lets them in */
  begin(presence: Presence): void
  publish(patch: Partial<Presence>): void
  /** everything said so far, again: a new connection (after the relay came back) starts with nobody knowing it */
  sayAgain(provider: HocuspocusProvider): void
  reset(): void
}

export function createLocalPresence(provider: () => HocuspocusProvider | null): LocalPresence {
  /** what this person last told the others: said again to a new connection after the relay came back */
  let presence: Presence | null = null
  /** the fields published since joining, said again on a new connection */
  let lastSaid: Partial<Presence> = {}
  return {
    begin(p) {
      presence = p
    },
    publish(patch) {
      lastSaid = { ...lastSaid, ...patch }
      // before the relay let us in, a presence update could arrive ahead of the token and be lost: it is said
      // once authenticated instead
      const p = provider()
      const awareness = p?.isAuthenticated ? p.awareness : null
      if (!awareness) return
      awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...patch })
    },
    sayAgain(p) {
      if (presence) p.awareness?.setLocalState({ ...presence, ...lastSaid })
    },
    reset() {
      presence = null
      lastSaid = {}
    },
  }
}
