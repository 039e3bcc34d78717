// The characters a design's strings may not hold (docs/format.md, "Shared field types"), for the loader's tests.

/** Every character a name may not hold: C0, DEL, C1, U+202A–U+202E, U+2066–U+2069. */
export const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069],
].map((c) => String.fromCharCode(c))
/** What a description keeps of them: a text in lines */
export const IN_LINES = new Set(['\t', '\n', '\r'])

/** Does this string, at this key, hold a character the loader must refuse? */
function holdsControl(text: string, key: string | number | undefined): boolean {
  return [...text].some((c) => CONTROLS.includes(c) && !(key === 'description' && IN_LINES.has(c)))
}

/** Every string and every object key of a value that holds a character the loader must refuse. */
export function controlsIn(v: unknown, key?: string | number, at = ''): string[] {
  if (typeof v === 'string') return holdsControl(v, key) ? [at] : []
  if (Array.isArray(v)) return v.flatMap((x, i) => controlsIn(x, i, `${at}[${i}]`))
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [
      ...(holdsControl(k, undefined) ? [`${at}{key ${JSON.stringify(k)}}`] : []),
      ...controlsIn(x, k, `${at}.${k}`),
    ])
  return []
}
