// Share links: the whole document (resources, layout, scenarios) compressed into the URL fragment,
// which browsers never send to a server. Pure: no DOM; the app passes its own base URL.
//
// Format: #d=2.<base64url(raw DEFLATE(UTF-8 compact JSON of the document))>.<Adler-32 of that JSON, 8 hex>
// Version 1 links (the same without the checksum) still open. Raw DEFLATE has no checksum of its own, so a
// link changed in transit (a chat app "fixing" a character) could inflate to another valid design; the
// checksum refuses it. The link version is the encoding's, not the document's: the document's own version
// travels inside and parse() migrates or refuses it. Other fragment parameters (a view flag, say) may sit
// beside d, separated by "&".
import { deflateSync } from 'fflate'
import { type Design, loadError, parse } from '../model'
import { fromBase64Url, fromUtf8, inflateBounded, toBase64Url, utf8 } from './bytes'
import { ACTIVITY_PARAM, SHARE_PARAM, shareParam } from './linkKinds'
import { type DesignLoad, MAX_DESIGN_TEXT_BYTES, notOurs, tooLarge, withMessages } from './load'

// what a link is, without decoding it: cheap, and free of the compression code, for the app's start
export {
  ACTIVITY_PARAM,
  EMBED_VIEW,
  isActivityLink,
  isEmbedView,
  isShareLink,
  SHARE_PARAM,
  VIEW_PARAM,
} from './linkKinds'

export const SHARE_LINK_VERSION = 2

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
  return encodeJsonLink(SHARE_PARAM, design, options)
}

/**
 * The link for an activity (a = the activity file's JSON, in the design links' encoding): it opens the activity for
 * whoever follows it, as opening the file does. The file carries the goals and the broken design, never the answer.
 */
export function encodeActivityLink(raw: unknown, options: ShareEncodeOptions = {}): ShareEncodeResult {
  return encodeJsonLink(ACTIVITY_PARAM, raw, options)
}

function encodeJsonLink(param: string, value: unknown, options: ShareEncodeOptions): ShareEncodeResult {
  const baseUrl = (options.baseUrl ?? '').replace(/#.*$/, '')
  const limit = options.maxUrlLength ?? MAX_SHARE_URL_LENGTH
  const text = utf8(JSON.stringify(value))
  const payload = toBase64Url(deflateSync(text, { level: 9 }))
  const fragment = `#${param}=${SHARE_LINK_VERSION}.${payload}.${adler32(text)}`
  const url = baseUrl + fragment
  if (url.length > limit) return { ok: false, reason: 'too-large', size: url.length, limit }
  return { ok: true, url, fragment, size: url.length }
}

/** Adler-32 (RFC 1950) as 8 hex digits: cheap, and enough to tell a changed link from the one made. */
export function adler32(bytes: Uint8Array): string {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b * 65536 + a) >>> 0).toString(16).padStart(8, '0')
}

const DAMAGED =
  'a complete share link: this one looks cut short or changed; ask for the link again, or for the design file'

/** Opens a shared design through parse(). Never throws; every failure says what was wrong. */
export function decodeShareLink(urlOrFragment: string): DesignLoad {
  const r = linkText(urlOrFragment, SHARE_PARAM)
  return r.ok ? withMessages(parse(r.text), 'link') : r.refusal
}

/**
 * The activity file's JSON text from an activity link, for the activity loader (which checks it as it checks a
 * file); a damaged link is refused as a damaged design link is, with the same messages.
 */
export function activityLinkText(
  urlOrFragment: string,
): { ok: true; text: string } | { ok: false; messages: string[] } {
  const r = linkText(urlOrFragment, ACTIVITY_PARAM)
  return r.ok ? r : { ok: false, messages: r.refusal.messages }
}

type LinkText = { ok: true; text: string } | { ok: false; refusal: DesignLoad }

/** Inflates and checks the payload of a link's parameter: the text it carries, or why it cannot be read. */
function linkText(urlOrFragment: string, param: string): LinkText {
  const refused = (refusal: DesignLoad): LinkText => ({ ok: false, refusal })
  const value = shareParam(urlOrFragment, param)
  if (value === null)
    return refused(
      notOurs('link', 'GWLB-L001', urlOrFragment.slice(0, 40), `a link made by "Share" in GWLB Studio (#${param}=…)`),
    )
  const m = /^(\d{1,6})\.(.*)$/s.exec(value)
  if (!m) return refused(notOurs('link', 'GWLB-L001', value.slice(0, 40), DAMAGED))
  const version = Number(m[1])
  if (version > SHARE_LINK_VERSION) {
    const error = loadError(
      'GWLB-L003',
      '',
      version,
      `share link version ${SHARE_LINK_VERSION} or older: this link was made by a newer GWLB Studio`,
    )
    return refused(withMessages({ ok: false, reason: 'too-new', errors: [error] }, 'link'))
  }
  if (version !== 1 && version !== 2)
    return refused(notOurs('link', 'GWLB-L001', version, `share link version 1 or ${SHARE_LINK_VERSION}`))
  const sum = version === 2 ? /^(.*)\.([0-9a-f]{8})$/s.exec(m[2]) : null
  if (version === 2 && !sum) return refused(notOurs('link', 'GWLB-L001', m[2].slice(-12), DAMAGED))
  const payload = sum ? sum[1] : m[2]
  // base64 of a compressed design within the cap is shorter than this: refuse before decoding a byte
  if (payload.length > Math.ceil((MAX_DESIGN_TEXT_BYTES * 4) / 3))
    return refused(
      tooLarge('link', `${payload.length} characters`, `a link to a design of at most ${MAX_DESIGN_TEXT_BYTES} bytes`),
    )
  const compressed = fromBase64Url(payload)
  if (!compressed) return refused(notOurs('link', 'GWLB-L001', m[2].slice(0, 40), DAMAGED))
  const inflated = inflateBounded(compressed, 'deflate', MAX_DESIGN_TEXT_BYTES)
  if (!inflated.ok) {
    if (inflated.problem === 'too-large')
      return refused(
        tooLarge('link', `${compressed.length} compressed bytes`, `a design of at most ${MAX_DESIGN_TEXT_BYTES} bytes`),
      )
    return refused(notOurs('link', 'GWLB-L001', `${compressed.length} compressed bytes`, DAMAGED))
  }
  if (sum && adler32(inflated.bytes) !== sum[2])
    return refused(notOurs('link', 'GWLB-L001', `checksum ${sum[2]}`, DAMAGED))
  const text = fromUtf8(inflated.bytes)
  if (text === null) return refused(notOurs('link', 'GWLB-L001', `${inflated.bytes.length} bytes`, DAMAGED))
  return { ok: true, text }
}
