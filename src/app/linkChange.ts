// A link pasted into the address bar of a tab where the app is open changes only the fragment: no page load, so
// boot.ts and the launch hooks never read it. It opens here as a first load of the link would — each kind decided
// by the same linkKind() the start uses — but in place of the design on the canvas, which is kept first:
//   a shared design   read-only, the loader's notice; kept in its stored record (openInPlace), with Undo and Reopen
//   in the embed view the design shown as an embed (the frame was in it, or the link asks for it: view=embed)
//   an activity       started as its link starts it at load (activityLaunch.ts: the runner opens it in place)
//   a live session    joined as the Live menu joins (live.ts: a follower's design held aside, an editor's kept)
// A broken link, a lesson holding the design, or a live session under way: the notice says why, nothing changes.
import { useEffect } from 'react'
import { leaveSharedLink } from '../panels/share/sharedLink'
import { isEmbedView, type LinkKind, linkKind } from '../share/linkKinds'
import type { Stores } from '../store/context'
import { openInPlace, refusesInPlace } from '../store/inPlace'
import type { KeptDesign } from '../store/library'
import { inLiveSession, joinSessionLink } from './live'

type Where = Pick<Location, 'search' | 'hash'>

const LINK_NAMES: Record<LinkKind, string> = {
  share: 'The shared design',
  activity: 'The activity',
  session: 'The live session',
}

function refuse(stores: Stores, lines: string[]): void {
  stores.ui.getState().notify({ tone: 'error', lines: [...lines, 'Your current design is unchanged.'] })
}

/** Opens the link the address bar changed to, as a first load of it would; nothing for a fragment of no kind. */
export async function openChangedLink(stores: Stores, location: Where): Promise<void> {
  const kind = linkKind(location.hash)
  if (!kind) return
  const what = LINK_NAMES[kind]
  // what opened would replace the room's design for everyone in it, or be replaced by the room's at once
  if (inLiveSession(stores))
    return refuse(stores, [`${what} was not opened: leave the live session first (Live menu → Leave).`])
  if (stores.ui.getState().embed || (kind === 'share' && isEmbedView(location))) {
    // an embed shows a shared design and nothing else: it starts no activity and joins no session, as at load
    if (kind !== 'share') return refuse(stores, [`${what} does not open in an embedded view: open it in GWLB Studio.`])
    return showAsEmbed(stores, location.hash)
  }
  if (kind === 'share') return openLinkInPlace(stores, location.hash)
  // the activity's code loads with its first link, as at start (the initial JavaScript's budget)
  if (kind === 'activity') return (await import('./activityLaunch')).openActivityLink(stores, location.hash)
  return joinSessionLink(stores, location.hash)
}

/** The decoded shared design, or null once a broken link has said why. */
async function decoded(stores: Stores, hash: string) {
  // the decoder (and its DEFLATE code) loads only for a link that carries a design, as at start
  const shared = (await import('../share/shareLink')).decodeShareLink(hash)
  if (shared.ok) return shared
  stores.ui.getState().notify({ tone: 'error', lines: shared.messages })
  return null
}

export async function openLinkInPlace(stores: Stores, hash: string): Promise<void> {
  const shared = await decoded(stores, hash)
  if (!shared) return
  const { ui } = stores
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

/**
 * A shared design in the embed view, as a first load of an embed link shows it: the picture, read-only, no undo
 * step. A frame already in the embed view keeps nothing (it edits no stored design); a tab that switches into it
 * keeps the design on its canvas in its stored record first, and the notice says where.
 */
async function showAsEmbed(stores: Stores, hash: string): Promise<void> {
  const shared = await decoded(stores, hash)
  if (!shared) return
  const { ui } = stores
  let kept: KeptDesign | null | undefined = null
  if (!ui.getState().embed) {
    const what = `The shared design "${shared.design.name}"`
    if (refusesInPlace(stores, what)) return
    kept = await stores.library?.keepBeforeReplace()
    // a lesson that opened while the design was being kept holds it now
    if (refusesInPlace(stores, what)) return
    ui.getState().setEmbed(true)
  }
  stores.design.getState().replace(shared.design)
  ui.getState().select(null)
  // no Reopen here: the embed view opens nothing; the full app's Designs… lists the kept design
  ui.getState().notify(kept ? { tone: 'info', lines: [kept.line] } : null)
}

/** Opens the link the address bar changes to, while the app is open: one listener for every kind of link. */
export function useLinkChange(stores: Stores): void {
  useEffect(() => {
    const onChange = () => void openChangedLink(stores, window.location)
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [stores])
}
