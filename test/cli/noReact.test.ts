// The command line runs in Node without React: loading its commands (export draws the SVG from the drawing the
// canvas shares) must not load React, React DOM, React Flow or zustand. Checked in a fresh Node process, whose
// module cache lists every CommonJS package the import pulled in (React's packages are CommonJS).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const UI = /\/node_modules\/(react|react-dom|scheduler|zustand|@xyflow\/[^/]+|use-sync-external-store)\//

/** The packages a fresh Node process has loaded after importing `modules` (paths from the repository's root). */
function packagesLoadedBy(...modules: string[]): Promise<string[]> {
  const script = `
    for (const m of ${JSON.stringify(modules.map((m) => `${root}${m}`))}) await import(m)
    const { createRequire } = await import('node:module')
    console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)))`
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: root },
      (error, stdout, stderr) => (error ? reject(new Error(stderr || String(error))) : resolve(JSON.parse(stdout))),
    ),
  )
}

describe('the command line', () => {
  it('loads no React, React Flow or zustand when its commands load', async () => {
    // each command is its own module (main.ts loads the one asked for and runs it)
    const loaded = await packagesLoadedBy('cli/export.ts', 'cli/trace.ts', 'cli/lint.ts', 'cli/simulate.ts')
    // the probe sees packages: the export command's PNG renderer is one
    expect(loaded.some((p) => p.includes('/node_modules/@resvg/'))).toBe(true)
    expect(loaded.filter((p) => UI.test(p))).toEqual([])
  }, 60_000)

  it('would see React if a module on its path loaded it (the canvas glyph does)', async () => {
    const loaded = await packagesLoadedBy('src/canvas/glyphs.tsx')
    expect(loaded.some((p) => p.includes('/node_modules/react/jsx-runtime'))).toBe(true)
  }, 60_000)
})
