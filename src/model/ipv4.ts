// IPv4 addresses and CIDR blocks as unsigned 32-bit numbers. Pure: no DOM, no React.

export interface Cidr {
  /** network address, host bits zero */
  readonly base: number
  readonly prefix: number
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

export function parseIpv4(text: string): number | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  let n = 0
  for (const p of parts) {
    if (!OCTET.test(p)) return null
    n = n * 256 + Number(p)
  }
  return n >>> 0
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
}

export type CidrParse = { ok: true; cidr: Cidr } | { ok: false; problem: string }

/** Parses "a.b.c.d/n". Host bits must be zero, as the console requires. */
export function parseCidr(text: string): CidrParse {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text)
  if (!m?.[1] || !m[2]) return { ok: false, problem: 'not of the form a.b.c.d/n' }
  const addr = parseIpv4(m[1])
  const prefix = Number(m[2])
  if (addr === null) return { ok: false, problem: `"${m[1]}" is not an IPv4 address` }
  if (prefix > 32) return { ok: false, problem: `prefix /${prefix} is longer than 32` }
  const base = (addr & maskOf(prefix)) >>> 0
  if (base !== addr) {
    return { ok: false, problem: `host bits are set; the block is ${formatIpv4(base)}/${prefix}` }
  }
  return { ok: true, cidr: { base, prefix } }
}

export function cidrOrThrow(text: string): Cidr {
  const r = parseCidr(text)
  if (!r.ok) throw new Error(`bad CIDR ${text}: ${r.problem}`)
  return r.cidr
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.base)}/${c.prefix}`
}

export function cidrContainsAddress(c: Cidr, addr: number): boolean {
  return (addr & maskOf(c.prefix)) >>> 0 === c.base
}

/** true when inner lies wholly inside outer (equal counts as inside) */
export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && cidrContainsAddress(outer, inner.base)
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContainsCidr(a, b) || cidrContainsCidr(b, a)
}

export function lastAddress(c: Cidr): number {
  return (c.base + 2 ** (32 - c.prefix) - 1) >>> 0
}

/** A vSwitch reserves its first address and its last three (docs/cloud.md 6.1). */
export function isReservedInVswitch(c: Cidr, addr: number): boolean {
  const last = lastAddress(c)
  return addr === c.base || addr >= last - 2
}

/** The first address of a vSwitch that is neither reserved nor taken. */
export function nextFreeAddress(c: Cidr, taken: ReadonlySet<number>): number | null {
  const last = lastAddress(c)
  for (let a = c.base + 1; a <= last - 3; a++) if (!taken.has(a >>> 0)) return a >>> 0
  return null
}

/**
 * The blocks the internet does not route: RFC 1918's private blocks and the shared address space 100.64.0.0/10.
 * The one list of them: isPrivateAddress() tests an address against it, verification cuts the address space at it.
 */
export const NOT_INTERNET_ROUTED: readonly { base: number; prefix: number }[] = [
  { base: 0x0a000000, prefix: 8 }, // 10.0.0.0/8
  { base: 0xac100000, prefix: 12 }, // 172.16.0.0/12
  { base: 0xc0a80000, prefix: 16 }, // 192.168.0.0/16
  { base: 0x64400000, prefix: 10 }, // 100.64.0.0/10
]

/** The same blocks as signed 32-bit base and mask: the engine asks isPrivateAddress() for every packet it sends out. */
const NOT_ROUTED_WORDS = NOT_INTERNET_ROUTED.map(({ base, prefix }) => ({ base: base | 0, mask: maskOf(prefix) | 0 }))

/** Whether the internet would refuse to route the address (see NOT_INTERNET_ROUTED). */
export function isPrivateAddress(a: number): boolean {
  for (const b of NOT_ROUTED_WORDS) if ((a & b.mask) === b.base) return true
  return false
}
