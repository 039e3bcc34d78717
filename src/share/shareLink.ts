// Share links: the whole document (resources, layout, scenarios) compressed into the URL fragment,
// which browsers never send to a server. Pure: no DOM; the app passes its own base URL.
//
// Format: #d=<link version>.<base64url(raw DEFLATE(UTF-8 compact JSON of the document))>
// The link version is the encoding's, not the document's: the document's own version travels inside
// and parse() migrates or refuses it. Other fragment parameters (a view flag, say) may sit beside d,
// separated by "&".
import { deflateSync } from 'fflate'
import { type Design, loadError, parse } from '../model'
import { fromBase64Url, fromUtf8, inflateBounded, toBase64Url, utf8 } from './bytes'
import { type DesignLoad, MAX_DESIGN_TEXT_BYTES, notOurs, withMessages } from './load'

export const SHARE_PARAM = 'd'
export const SHARE_LINK_VERSION = 1

/**
 * The longest link we hand out, counting the whole URL. Browsers accept far longer fragments, but
 * links pasted into chat, e-mail and issue trackers are cut or refused beyond a few thousand
 * characters, and 8,000 is the request-line length HTTP asks every recipient to support (RFC 9110,
 * 4.1). The two-zone reference design takes about 3,000. Beyond the limit, share the file instead.
 */
export const MAX_SHARE_URL_LENGTH = 8000

export type ShareEncodeResult =
  | { ok: true; url: string; fragment: string; size: number }
  | { ok: false; reason: 'too-large'; size: number; limit: number }

export interface ShareEncodeOptions {
  /** the page the link opens, without a fragment (location.origin + location.pathname); default "" */
  baseUrl?: string
  /** default MAX_SHARE_URL_LENGTH */
  maxUrlLength?: number
}

/** The link for a design, or too-large with the length it would have had. */
export function encodeShareLink(design: Design, options: ShareEncodeOptions = {}): ShareEncodeResult {
  const baseUrl = (options.baseUrl ?? '').replace(/#.*$/, '')
  const limit = options.maxUrlLength ?? MAX_SHARE_URL_LENGTH
  const payload = toBase64Url(deflateSync(utf8(JSON.stringify(design)), { level: 9 }))
  const fragment = `#${SHARE_PARAM}=${SHARE_LINK_VERSION}.${payload}`
  const url = baseUrl + fragment
  if (url.length > limit) return { ok: false, reason: 'too-large', size: url.length, limit }
  return { ok: true, url, fragment, size: url.length }
}

/** The value of d in a URL or fragment ("https://…#d=…", "#d=…" or "d=…"), or null. */
function shareParam(urlOrFragment: string): string | null {
  const hash = urlOrFragment.includes('#') ? urlOrFragment.slice(urlOrFragment.indexOf('#') + 1) : urlOrFragment
  for (const part of hash.split('&')) if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1)
  return null
}

/** Whether a URL or fragment carries a shared design (the app then opens it read-only). */
export function isShareLink(urlOrFragment: string): boolean {
  return shareParam(urlOrFragment) !== null
}

const DAMAGED = 'a complete share link: this one looks cut short or changed; ask for the link again, or for the design file'

/** Opens a shared design through parse(). Never throws; every failure says what was wrong. */
export function decodeShareLink(urlOrFragment: string): DesignLoad {
  const value = shareParam(urlOrFragment)
  if (value === null) return notOurs('link', 'GWLB-L001', urlOrFragment.slice(0, 40), `a link made by "Share" in GWLB Studio (#${SHARE_PARAM}=…)`)
  const m = /^(\d{1,6})\.(.*)$/s.exec(value)
  if (!m) return notOurs('link', 'GWLB-L001', value.slice(0, 40), DAMAGED)
  const version = Number(m[1])
  if (version > SHARE_LINK_VERSION) {
    const error = loadError('GWLB-L003', '', version, `share link version ${SHARE_LINK_VERSION} or older: this link was made by a newer GWLB Studio`)
    return withMessages({ ok: false, reason: 'too-new', errors: [error] }, 'link')
  }
  if (version !== SHARE_LINK_VERSION) return notOurs('link', 'GWLB-L001', version, `share link version ${SHARE_LINK_VERSION}`)
  const compressed = fromBase64Url(m[2])
  if (!compressed) return notOurs('link', 'GWLB-L001', m[2].slice(0, 40), DAMAGED)
  const inflated = inflateBounded(compressed, 'deflate', MAX_DESIGN_TEXT_BYTES)
  if (!inflated.ok) {
    const expected = inflated.problem === 'too-large' ? `a design of at most ${MAX_DESIGN_TEXT_BYTES} bytes` : DAMAGED
    return notOurs('link', 'GWLB-L001', `${compressed.length} compressed bytes`, expected)
  }
  const text = fromUtf8(inflated.bytes)
  if (text === null) return notOurs('link', 'GWLB-L001', `${inflated.bytes.length} bytes`, DAMAGED)
  return withMessages(parse(text), 'link')
}
