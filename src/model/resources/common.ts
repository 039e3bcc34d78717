// Field schemas shared by every resource kind. Imports nothing of ours but ipv4.
import * as z from 'zod/mini'
import { parseCidr, parseIpv4 } from '../ipv4'

// zod/mini registers no locale, so every message not written here would read "Invalid input"; the loader's
// and the lessons' errors quote zod's English ones ("Too big: expected string to have <=128 characters").
// Every schema of ours imports this module, so the locale is in place before anything is parsed.
z.config(z.locales.en())

export const resourceIdSchema = z
  .string()
  .check(
    z.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'an id: a letter, then letters, digits, "-", "_" or "." (64 at most)'),
  )

/**
 * What names and descriptions may not hold: C0 and C1 control characters, which reach a terminal as escape
 * sequences and stop the PNG export, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which reorder the text shown after the name. Labels and names are text (CONTRIBUTING.md).
 */
export const TEXT_CONTROLS =
  'control characters (U+0000–U+001F, U+007F–U+009F) or bidirectional controls (U+202A–U+202E, U+2066–U+2069)'

/** One line of text: a name, a zone, an account's name. A pattern rather than a function, so the JSON Schema says it too. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/
/** A description: the same, but tab, line feed and carriage return, which a description written in lines holds. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/

/** The check that a string holds none of TEXT_CONTROLS. */
export function withoutControls() {
  return z.regex(ONE_LINE, `text without ${TEXT_CONTROLS}`)
}

/** Text of at most `max` characters, without control characters. */
export function textSchema(max: number, what = 'a name') {
  return z.string().check(z.maxLength(max, `${what} of at most ${max} characters`), withoutControls())
}

/** A description: text in lines, of at most `max` characters. */
export function descriptionSchema(max: number) {
  return z
    .string()
    .check(
      z.maxLength(max, `a description of at most ${max} characters`),
      z.regex(LINES, `text without ${TEXT_CONTROLS} but tab and line breaks`),
    )
}

export const nameSchema = textSchema(128)

export const cidrBlockSchema = z.string().check(
  z.superRefine((text, ctx) => {
    const r = parseCidr(text)
    if (!r.ok)
      ctx.addIssue({
        code: 'custom',
        message: `an IPv4 CIDR block such as 10.0.1.0/24 (${r.problem})`,
        params: { loadCode: 'GWLB-L008' },
      })
  }),
)

export const ipv4AddressSchema = z
  .string()
  .check(z.refine((t) => parseIpv4(t) !== null, 'an IPv4 address such as 10.0.1.10'))

export const accountIdSchema = z.string().check(z.regex(/^\d{6,20}$/, 'an account UID of 6 to 20 digits'))

export const zoneIdSchema = z.string().check(z.minLength(1, 'a zone id such as cn-hangzhou-h'), withoutControls())

export const ipProtocolSchema = z.enum(['tcp', 'udp', 'icmp', 'all'])

/** Alibaba's "from/to" port range; -1/-1 means all ports (ICMP, all protocols). */
export const portRangeSchema = z.string().check(
  z.superRefine((text, ctx) => {
    const m = /^(-1|\d{1,5})\/(-1|\d{1,5})$/.exec(text)
    const ok =
      m && (m[1] === '-1' ? m[2] === '-1' : Number(m[1]) >= 1 && Number(m[2]) <= 65535 && Number(m[1]) <= Number(m[2]))
    if (!ok) ctx.addIssue({ code: 'custom', message: 'a port range "from/to" within 1/65535, or -1/-1 for all' })
  }),
)

export function parsePortRange(text: string): { from: number; to: number } {
  // the schema lets only "from/to" through; read leniently all the same: a lone port is that port
  const [a = -1, b = a] = text.split('/').map(Number)
  return a === -1 ? { from: 0, to: 65535 } : { from: a, to: b }
}

export const base = { id: resourceIdSchema, name: z.optional(nameSchema) }
