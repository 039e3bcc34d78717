// The dependency direction of docs/architecture.md: the model and the engine import nothing of the UI.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = new URL('..', import.meta.url).pathname

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name)
    return statSync(join(root, path)).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

const FORBIDDEN = [
  /from ['"]react/,
  /from ['"]react-dom/,
  /from ['"]zustand/,
  /from ['"]@xyflow\//,
  /src\/store/,
  /src\/canvas/,
  /\.\.\/store\//,
  /\.\.\/canvas\//,
]

describe('dependency direction', () => {
  for (const dir of ['src/model', 'worker']) {
    it(`${dir} imports no React, zustand, React Flow, store or canvas`, () => {
      const files = sources(dir)
      expect(files.length).toBeGreaterThan(0)
      for (const file of files) {
        const imports = readFileSync(join(root, file), 'utf8')
          .split('\n')
          .filter((l) => /^\s*(import|export) .* from /.test(l))
        for (const line of imports) for (const f of FORBIDDEN) expect(line, `${file}: ${line}`).not.toMatch(f)
      }
    })
  }

  it('src/model imports nothing else of ours', () => {
    for (const file of sources('src/model')) {
      const text = readFileSync(join(root, file), 'utf8')
      expect(text, file).not.toMatch(
        /from ['"]\.\.\/\.\.\/(worker|src)|from ['"]\.\.\/(store|canvas|panels|share|app|lessons)/,
      )
    }
  })
})
