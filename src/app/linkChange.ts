// A share link pasted into the address bar of a tab where the app is open changes only the fragment: no page
// load, so boot.ts never reads it. It opens here as a first load of the link shows it (read-only, the loader's
// notice; a broken link says why and changes nothing), but in place of the design on the canvas: that design is
// kept in its stored record first (openInPlace), and the notice's Undo and Reopen bring it back.
import { useEffect } from 'react'
import { leaveSharedLink } from '../panels/share/sharedLink'
import { isShareLink } from '../share/linkKinds'
import type { Stores } from '../store/context'
import { openInPlace } from '../store/inPlace'

export async function openLinkInPlace(stores: Stores, hash: string): Promise<void> {
  // the decoder (and its DEFLATE code) loads only for a link that carries a design, as at start
  const shared = (await import('../share/shareLink')).decodeShareLink(hash)
  const { ui } = stores
  if (!shared.ok) {
    ui.getState().notify({ tone: 'error', lines: shared.messages })
    return
  }
  // an embed shows the picture and nothing else, and keeps nothing: its frame was pointed at another design
  if (ui.getState().embed) {
    stores.design.getState().replace(shared.design)
    return
  }
  const wasReadOnly = ui.getState().readOnly
  const opened = await openInPlace(stores, {
    label: 'open a shared link',
    design: shared.design,
    what: `The shared design "${shared.design.name}"`,
    lines: shared.messages,
    readOnly: true,
    // the design undone to is the user's again: a reload opens it, not the link
    afterUndo: () => {
      if (!wasReadOnly) leaveSharedLink(stores)
    },
  })
  if (opened) ui.getState().select(null)
}

/** Opens a share link the address bar changes to, while the app is open. */
export function useLinkChange(stores: Stores): void {
  useEffect(() => {
    const onChange = () => {
      if (isShareLink(window.location.hash)) void openLinkInPlace(stores, window.location.hash)
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [stores])
}
