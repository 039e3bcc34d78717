// The reference designs, loaded as the app loads them, for the share tests.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Design, parse } from '../../src/model'

export const EXAMPLE_NAMES = ['single-zone', 'two-zones', 'zone-failover'] as const

export function exampleText(name: (typeof EXAMPLE_NAMES)[number]): string {
  return readFileSync(fileURLToPath(new URL(`../../public/examples/${name}.json`, import.meta.url)), 'utf8')
}

export function example(name: (typeof EXAMPLE_NAMES)[number]): Design {
  const r = parse(exampleText(name))
  if (!r.ok) throw new Error(`example ${name} does not load: ${r.errors.map((e) => e.message).join('; ')}`)
  return r.design
}
