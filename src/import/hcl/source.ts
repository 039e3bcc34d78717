// The parsed files of a configuration and the blocks they declare, as hcl2json's JSON gives them; one module's
// declarations are merged over the files of its folder.
import type { LineFinder } from './lines'

export type Body = Record<string, unknown>

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export interface ParsedFile {
  path: string
  json: Body
  lines: LineFinder
}

/** One module's declarations, merged over its files (a folder). */
export interface ModuleSource {
  dir: string
  files: ParsedFile[]
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i < 0 ? '' : path.slice(0, i)
}

export function joinPath(dir: string, rel: string): string {
  const parts = dir ? dir.split('/') : []
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop()
      else parts.push('..')
    } else parts.push(seg)
  }
  return parts.join('/')
}

/** Labelled blocks of one kind across a module's files: resource → [type, name, body, file]. */
export function* blocks2(mod: ModuleSource, kind: 'resource' | 'data'): Generator<[string, string, Body, ParsedFile]> {
  for (const f of mod.files) {
    const byType = f.json[kind]
    if (!isRecord(byType)) continue
    for (const [type, byName] of Object.entries(byType))
      if (isRecord(byName))
        for (const [name, bodies] of Object.entries(byName))
          for (const body of Array.isArray(bodies) ? bodies : [bodies]) if (isRecord(body)) yield [type, name, body, f]
  }
}

export function* blocks1(
  mod: ModuleSource,
  kind: 'variable' | 'module' | 'output',
): Generator<[string, Body, ParsedFile]> {
  for (const f of mod.files) {
    const byName = f.json[kind]
    if (!isRecord(byName)) continue
    for (const [name, bodies] of Object.entries(byName))
      for (const body of Array.isArray(bodies) ? bodies : [bodies]) if (isRecord(body)) yield [name, body, f]
  }
}
