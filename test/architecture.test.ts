// The layering check bites: `npm run layers` (part of `npm run lint`) run over a scratch tree with one planted
// violation per rule of the layer table fails and names the rule, and passes once the plant is gone. The plants
// live in a temporary directory with a copy of the configuration, so a crash never leaves one in the tree.
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const CONFIG_FILES = ['.dependency-cruiser.cjs', '.dependency-cruiser.babel.json', 'tsconfig.json', 'package.json']

/** The layering command exactly as `npm run layers` runs it, words split as the shell would. */
function layersCommand(): string[] {
  const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.layers
  return [...script.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2])
}

let scratch = ''

/**
 * The violations the check printed: `error rule: from → to`, a cycle's or a reach's path continuing on the
 * lines below it. `to` is where the path ends, without the scratch tree's way to node_modules.
 */
function violations(output: string): { rule: string; from: string; to: string }[] {
  return output.split(/\n(?=\s*error )/).flatMap((block) => {
    const m = /error ([\w-]+): (\S+) →([\s\S]*)/.exec(block)
    if (!m) return []
    const path = m[3]
      .split(/\n\s*\n/)[0]
      .split(/→|\n/)
      .map((s) => s.trim())
    const to = (path.filter(Boolean).at(-1) ?? '').replace(/^.*?(node_modules\/)/, '$1')
    return [{ rule: m[1], from: m[2], to }]
  })
}

/** Writes the scratch tree's files (path → source), replacing the previous plant. */
function plant(files: Record<string, string>): void {
  for (const dir of ['src', 'worker', 'cli']) rmSync(join(scratch, dir), { recursive: true, force: true })
  // one harmless file per root, so every glob of the command matches something
  const all: Record<string, string> = {
    'src/model/ids.ts': 'export const id = 1\n',
    'worker/engine/hash.ts': 'export const h = 1\n',
    ...files,
  }
  all['cli/main.ts'] ??= "import { h } from '../worker/engine/hash'\nexport const main = h\n"
  for (const [path, source] of Object.entries(all)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true })
    writeFileSync(join(scratch, path), source)
  }
}

/** Runs the layering command in the scratch tree: its exit code and what it printed. */
function check(): Promise<{ code: number; output: string }> {
  const [command, ...args] = layersCommand()
  return new Promise((resolve) => {
    execFile(join(root, 'node_modules/.bin', command), args, { cwd: scratch }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    )
  })
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'gwlb-layers-'))
  for (const file of CONFIG_FILES) copyFileSync(join(root, file), join(scratch, file))
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir')
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

// each check starts node and Babel: seconds, more on a loaded machine
const SLOW = 60_000

/** One planted violation: what it is, the rule that must name it, its files, and the import the rule reports. */
type Plant = { what: string; rule: string; files: Record<string, string>; reported: [from: string, to: string] }

// Each plant has files of its own, so all of them go into one tree and one run of the check.
const PLANTS: Plant[] = [
  {
    what: 'a three-line import of React in the engine',
    rule: 'core-without-ui',
    files: { 'worker/engine/state.ts': "import {\n  useState\n} from 'react'\nexport const s = useState\n" },
    reported: ['worker/engine/state.ts', 'node_modules/react/index.js'],
  },
  {
    what: 'a dynamic import of react-dom in the engine',
    rule: 'core-without-ui',
    files: { 'worker/engine/later.ts': "export async function later() {\n  return await import('react-dom')\n}\n" },
    reported: ['worker/engine/later.ts', 'node_modules/react-dom/index.js'],
  },
  {
    what: 'a panel importing the app',
    rule: 'panels',
    files: {
      'src/app/workerClient.ts': 'export const engineWorker = {}\n',
      'src/panels/SimPanel.tsx': "import { engineWorker } from '../app/workerClient'\nexport const p = engineWorker\n",
    },
    reported: ['src/panels/SimPanel.tsx', 'src/app/workerClient.ts'],
  },
  {
    what: 'the model re-exporting the store',
    rule: 'model',
    files: {
      'src/store/designStore.ts': 'export const store = 1\n',
      'src/model/design.ts': "export { store } from '../store/designStore'\n",
    },
    reported: ['src/model/design.ts', 'src/store/designStore.ts'],
  },
  {
    what: 'a cycle between two modules',
    rule: 'no-circular',
    files: {
      'src/canvas/a.ts': "import { b } from './b'\nexport const a = () => b\n",
      'src/canvas/b.ts': "import { a } from './a'\nexport const b = () => a\n",
    },
    reported: ['src/canvas/a.ts', 'src/canvas/a.ts'], // a → b → a
  },
  {
    what: 'a page layer running engine code',
    rule: 'store-worker-code',
    files: { 'src/store/simStore.ts': "import { h } from '../../worker/engine/hash'\nexport const s = h\n" },
    reported: ['src/store/simStore.ts', 'worker/engine/hash.ts'],
  },
  {
    what: 'a folder the table names before it exists (worker/verify) importing the store',
    rule: 'verify',
    files: {
      'worker/verify/intents.ts': "import { store } from '../../src/store/designStore'\nexport const i = store\n",
    },
    reported: ['worker/verify/intents.ts', 'src/store/designStore.ts'],
  },
  {
    what: 'the command line reaching React through a module that may load it',
    rule: 'cli-without-react',
    files: {
      'src/share/look.ts': "export { Glyph } from './glyph'\n",
      'src/share/glyph.ts': "import { jsx } from 'react/jsx-runtime'\nexport const Glyph = jsx\n",
      'cli/export.ts': "import { Glyph } from '../src/share/look'\nexport const main = Glyph\n",
    },
    reported: ['cli/export.ts', 'node_modules/react/jsx-runtime.js'],
  },
  {
    what: 'browser code importing a Node built-in',
    rule: 'page-without-node',
    files: { 'src/model/ids.ts': "import { readFileSync } from 'node:fs'\nexport const id = readFileSync\n" },
    reported: ['src/model/ids.ts', 'fs'],
  },
]

describe('the layering check', () => {
  it(
    'fails on each planted violation and names its rule, then passes once the plants are removed',
    async () => {
      plant(Object.assign({}, ...PLANTS.map((p) => p.files)))
      const planted = await check()
      expect(planted.code, planted.output).not.toBe(0)
      const found = violations(planted.output)
      for (const { what, rule, reported } of PLANTS)
        expect(found, what).toContainEqual(expect.objectContaining({ rule, from: reported[0], to: reported[1] }))

      // the plants removed; what stays keeps the table, type-only imports of the worker from the page included
      plant({
        'src/store/simStore.ts': "import type { h } from '../../worker/engine/hash'\nexport type H = typeof h\n",
        'src/canvas/Edge.tsx': "import { useState } from 'react'\nexport const edge = useState\n",
      })
      const clean = await check()
      expect(clean.output).toContain('no dependency violations')
      expect(clean.code).toBe(0)
    },
    SLOW,
  )
})
