// Importing in the browser (issue 14): the HCL of the generated 2,001-resource design (the canvas bench's, as the
// Terraform export writes it) chosen in Import…, in Chromium on the built app. The import runs in its worker and
// ELK lays the result out in its own, so the page has no long task (> 50 ms) from the file chosen until the design
// is handed to the canvas (target 0). Opening the design is then the canvas's first render of 2,001 resources,
// the same as opening that design from a file: shown beside it, with that as its baseline.
import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serialise } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { toTerraform } from '../../src/share/terraform'
import { launch } from '../e2e/browser.mjs'
import { startPreview } from '../e2e/server.mjs'
import { scaleDesign } from '../fixtures/canvas/design'
import type { BenchRow } from './types'

interface Measure {
  /** long tasks in as long a time before the import, the app idle: what the machine alone causes */
  idle: number[]
  /** from the import's start to the design handed to the canvas, and to the report shown */
  importMs: number
  totalMs: number
  during: number[]
  after: number[]
}

const IDLE_MS = 5000

/** Runs in the page before the import: keeps every long task, with when it started. */
const OBSERVE = `(() => {
  window.benchLongTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchLongTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask' })
})()`

/** Runs in the page after it: the long tasks between the import's marks, and after the design opened. */
const COLLECT = `((idleFrom) => {
  const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime
  const start = at('gwlb-import:start')
  const open = at('gwlb-import:open')
  const tasks = window.benchLongTasks
  return {
    idle: tasks.filter((t) => t.start >= idleFrom && t.start < idleFrom + ${IDLE_MS}).map((t) => t.duration),
    importMs: open - start,
    totalMs: performance.now() - start,
    during: tasks.filter((t) => t.start >= start && t.start < open).map((t) => t.duration),
    after: tasks.filter((t) => t.start >= open).map((t) => t.duration),
  }
})`

async function importIn(url: string, file: string): Promise<Measure> {
  const browser = await launch()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(url)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    await page.evaluate(OBSERVE)
    const idleFrom = (await page.evaluate('performance.now()')) as number
    await page.waitForTimeout(IDLE_MS)
    await page.getByTestId('import-button').click()
    await page.getByTestId('import-files-input').setInputFiles(file)
    // the report, or the notice of an import that failed (past the time limit on a busy machine, say)
    await page.waitForSelector('[data-testid="import-report"], [data-testid="notice"][role="alert"]', {
      timeout: 300_000,
    })
    const failed = page.locator('[data-testid="notice"][role="alert"]')
    if (await failed.count()) throw new Error(`the import failed: ${await failed.textContent()}`)
    return (await page.evaluate(`${COLLECT}(${idleFrom})`)) as Measure
  } finally {
    await browser.close()
  }
}

/** The longest task while the same design opens from a file (Open file…): the canvas's own first render. */
async function openIn(url: string, file: string, name: string): Promise<number> {
  const browser = await launch()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(url)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    await page.evaluate(OBSERVE)
    await page.getByTestId('open-file-input').setInputFiles(file)
    await page.getByTestId('design-name').filter({ hasText: name }).waitFor({ timeout: 120_000 })
    // the first render is one task: it has ended once a frame is drawn after it
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))')
    return page.evaluate('Math.max(0, ...window.benchLongTasks.map((t) => t.duration))') as Promise<number>
  } finally {
    await browser.close()
  }
}

const longest = (xs: number[]) => Math.max(0, ...xs)

/** IMPORT_BENCH_SMALL=1: the single-zone reference design instead, to check the bench itself quickly. */
export async function bench(): Promise<BenchRow[]> {
  execSync('npm run build', { stdio: 'ignore' })
  const dir = mkdtempSync(join(tmpdir(), 'gwlb-import-bench-'))
  const design = process.env.IMPORT_BENCH_SMALL ? buildReferenceDesign(1) : scaleDesign()
  const hcl = toTerraform(design)
  const tf = join(dir, 'scale.tf')
  const json = join(dir, 'scale.gwlb.json')
  writeFileSync(tf, hcl)
  writeFileSync(json, serialise(design))
  const preview = await startPreview(4177)
  try {
    const m = await importIn(preview.url, tf)
    const opened = await openIn(preview.url, json, design.name)
    const mb = (hcl.length / 1e6).toFixed(1)
    return [
      {
        name: `browser import of ${design.resources.length.toLocaleString('en-US')} resources as HCL (${mb} MB), file chosen → design handed to the canvas (worker, ELK)`,
        value: m.importMs / 1000,
        unit: 's',
        better: 'lower',
      },
      {
        name: 'main-thread long tasks (> 50 ms) meanwhile (baseline: in 5 s of the app idle before it)',
        value: m.during.length,
        unit: 'tasks',
        baseline: m.idle.length,
        target: 0,
        better: 'lower',
      },
      {
        name: 'longest main-thread task meanwhile',
        value: longest(m.during),
        unit: 'ms',
        better: 'lower',
      },
      {
        name: 'longest task opening the imported design (the canvas’s first render) vs opening it from a file',
        value: longest(m.after),
        unit: 'ms',
        baseline: opened,
        better: 'lower',
      },
    ]
  } finally {
    preview.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
