// Leaving a shared link's read-only view: the design becomes the user's own, editable (and, once
// autosave runs, saved), and the link leaves the address bar so a reload opens the user's copy.
import { isShareLink } from '../../share/linkKinds'
import type { Stores } from '../../store/context'

export function leaveSharedLink(stores: Stores): void {
  stores.ui.getState().setReadOnly(false)
  forgetLink(isShareLink)
}

/**
 * Takes the link out of the address bar when `holdsIt` says the fragment there is still it: a reload then opens the
 * user's design.
 */
export function forgetLink(holdsIt: (hash: string) => boolean): void {
  if (typeof window !== 'undefined' && holdsIt(window.location.hash))
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
}
