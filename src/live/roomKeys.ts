// The keys of a live session, and the one check the relay makes with them. Pure: WebCrypto only (the browser's and
// Node's), no React, no DOM, so the relay imports this file and nothing else of the page.
//
// One random editor key (128 bits) is all a session is made of. The class code is derived from it one way, the room
// id from the class code one way:
//     editor key ──SHA-256──▶ class code (80 bits) ──SHA-256──▶ room id (128 bits)
// so the relay, knowing only a room's id, can tell an editor's token from a follower's without storing anything
// (a restarted relay checks the same way), a follower cannot work out the editor key, and nobody who has neither
// can name a room that exists.

export type Role = 'editor' | 'follower'

/** Crockford's base32: no I, L, O or U, so a code read aloud or off a projector is typed right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const EDITOR_KEY_CHARS = 26 // 130 bits of text for 128 random bits
const CLASS_CODE_CHARS = 16 // 80 bits
const ROOM_ID_CHARS = 26

function base32(bytes: Uint8Array, chars: number): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (out.length < chars && bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out.slice(0, chars)
}

async function digest(label: string, text: string, chars: number): Promise<string> {
  const bytes = new TextEncoder().encode(`gwlb-studio/live/${label}:${text}`)
  return base32(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), chars)
}

/** A code as typed: upper case, dashes and spaces dropped, the letters people confuse with digits mapped to them. */
export function normaliseKey(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
}

/** Whether a text is shaped like a class code or an editor key (what a join field or a link may hold). */
export function keyRole(text: string): Role | null {
  const key = normaliseKey(text)
  if (![...key].every((c) => ALPHABET.includes(c))) return null
  if (key.length === EDITOR_KEY_CHARS) return 'editor'
  if (key.length === CLASS_CODE_CHARS) return 'follower'
  return null
}

/** A new session's editor key, from the platform's cryptographic random source. */
export function newEditorKey(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return base32(bytes, EDITOR_KEY_CHARS)
}

/** The class code of an editor key: what followers type or open. */
export function classCodeOf(editorKey: string): Promise<string> {
  return digest('class', normaliseKey(editorKey), CLASS_CODE_CHARS)
}

/** The relay's name for the room of a class code. */
export function roomIdOf(classCode: string): Promise<string> {
  return digest('room', normaliseKey(classCode), ROOM_ID_CHARS)
}

/** The class code in groups of four, for reading aloud: 7K3M-… */
export function groupedCode(code: string): string {
  return (normaliseKey(code).match(/.{1,4}/g) ?? []).join('-')
}

/** Where a token lets its holder into a room: its room id and role. Null for a token of no shape we make. */
export async function roomOfToken(token: string): Promise<{ roomId: string; role: Role } | null> {
  const role = keyRole(token)
  if (role === 'editor') return { roomId: await roomIdOf(await classCodeOf(token)), role }
  if (role === 'follower') return { roomId: await roomIdOf(token), role }
  return null
}

/**
 * What an editor's page says to the relay as it leaves a session on purpose (a stateless message): the relay then
 * stops counting the room as having an editor at once, where a dropped connection keeps it for a few seconds.
 */
export const LEAVING = 'gwlb-studio/leaving'

/** The relay's check: the role a token has in `roomId`, or null (refused). */
export async function authorize(roomId: string, token: string): Promise<Role | null> {
  const r = await roomOfToken(token)
  return r && r.roomId === roomId ? r.role : null
}
