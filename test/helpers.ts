// Shared by tests: the reference designs as shipped, loaded through parse().
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { type Design, parse } from '../src/model'

export type ExampleFile = 'single-zone' | 'two-zones' | 'zone-failover'

export function exampleText(name: ExampleFile): string {
  // from the repository root, where vitest runs: import.meta.url is not a file URL under jsdom
  return readFileSync(resolve(process.cwd(), 'public/examples', `${name}.json`), 'utf8')
}

export function loadExample(name: ExampleFile): Design {
  const r = parse(exampleText(name))
  if (!r.ok) throw new Error(`example ${name} does not load: ${r.errors.map((e) => e.message).join('; ')}`)
  return r.design
}

/** A design built in code, loaded through parse() as a file would be; throws with the loader's messages. */
export function loadDesign(d: Design): Design {
  const r = parse(d)
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  return r.design
}

/** A mutable deep copy of an example as plain JSON, for tests that break it on purpose. */
export function exampleJson(name: ExampleFile): Record<string, unknown> & { resources: Record<string, unknown>[] } {
  return JSON.parse(exampleText(name))
}

export function indexOfResource(doc: { resources: Record<string, unknown>[] }, id: string): number {
  const i = doc.resources.findIndex((r) => r.id === id)
  if (i < 0) throw new Error(`no resource ${id}`)
  return i
}
