// What kind of link the app was opened with (a shared design, an activity, the embed view), read without
// decoding it: the app asks this at start, and the decoding (shareLink.ts, with its DEFLATE code) loads only when
// a link carries something to decode.

export const SHARE_PARAM = 'd'
/** an activity's link: `#a=2.<payload>.<sum>`, the same encoding */
export const ACTIVITY_PARAM = 'a'

/** The value of d (or another parameter) in a URL or fragment ("https://…#d=…", "#d=…" or "d=…"), or null. */
export function shareParam(urlOrFragment: string, param = SHARE_PARAM): string | null {
  const hash = urlOrFragment.includes('#') ? urlOrFragment.slice(urlOrFragment.indexOf('#') + 1) : urlOrFragment
  for (const part of hash.split('&')) if (part.startsWith(`${param}=`)) return part.slice(param.length + 1)
  return null
}

/** Whether a URL or fragment carries a shared design (the app then opens it read-only). */
export function isShareLink(urlOrFragment: string): boolean {
  return shareParam(urlOrFragment) !== null
}

/** Whether a URL or fragment carries an activity (the app then opens it for a student). */
export function isActivityLink(urlOrFragment: string): boolean {
  return shareParam(urlOrFragment, ACTIVITY_PARAM) !== null
}

/** The parameters of a live session's link: `#follow=<class code>` or `#edit=<editor key>` (src/live/session.ts reads them). */
const SESSION_PARAMS = ['follow', 'edit']

/** The kinds of link the app opens: a shared design, an activity, a live session. */
export type LinkKind = 'share' | 'activity' | 'session'

/**
 * Which kind of link a fragment carries, or null for none: a shared design first, then an activity, then a live
 * session. The one answer for the app's start and for a link pasted into an open tab (src/app/linkChange.ts).
 */
export function linkKind(fragment: string): LinkKind | null {
  if (isShareLink(fragment)) return 'share'
  if (isActivityLink(fragment)) return 'activity'
  const params = fragmentParams(fragment)
  return SESSION_PARAMS.some((p) => params.has(p)) ? 'session' : null
}

/** Where the app was opened: a Location's query and fragment. */
type Where = Pick<Location, 'search' | 'hash'>

/** The view flag's name and its one value: `?view=embed` or `#d=2.…&view=embed`. */
export const VIEW_PARAM = 'view'
export const EMBED_VIEW = 'embed'

function fragmentParams(hash: string): URLSearchParams {
  // the share payload is base64url, which URLSearchParams leaves as it is
  return new URLSearchParams(hash.slice(hash.indexOf('#') + 1))
}

/** Whether the URL asks for the embed view: the canvas only, no editing. */
export function isEmbedView(location: Where): boolean {
  return (
    new URLSearchParams(location.search).get(VIEW_PARAM) === EMBED_VIEW ||
    fragmentParams(location.hash).get(VIEW_PARAM) === EMBED_VIEW
  )
}
