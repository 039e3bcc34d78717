// Importing in the browser (issue 14): the generated 2,001-resource design (the canvas bench's) as a state JSON
// and as HCL (as the Terraform export writes it), chosen in Import… in Chromium on the built app. The import
// runs in its worker, ELK lays the result out from there, and the page receives it in slices (transfer.ts), so
// the page's thread has no long task (> 50 ms) of its own from the file chosen until the design is handed to
// the canvas (the app's marks gwlb-import:start and gwlb-import:open): target 0. Long tasks are kept by a
// PerformanceObserver that runs before the page's first script. On a shared machine any task can pass 50 ms, so
// a second tab of the app, idle, is observed over the same span in the same browser: a task is the import's when
// it is longer than 50 ms and than the idle tab's longest. What follows the hand-over — the canvas's first render
// of 2,001 resources, then autosave — is what opening the same design from a file (Open file…) does too: shown
// beside that, measured the same way in the same run; that span too must have no long task of its own (> 50 ms
// and longer than the idle tab's longest over it): a large design opens straight to its bitmap, without mounting
// its nodes (src/canvas/largeDesign.ts). Every wait is for something the page shows (the report,
// the design's name, data-autosave="saved", the page idle), each with a limit and a message naming it.
import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { type Design, serialise } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { toTerraform } from '../../src/share/terraform'
import { launch } from '../e2e/browser.mjs'
import { freePort } from '../e2e/relay.mjs'
import { startPreview } from '../e2e/server.mjs'
import { scaleDesign } from '../fixtures/canvas/design'
import { toStateJson } from '../import/stateJson'
import type { BenchRow } from './types'

/** A long task: when it started (ms since the epoch, so two pages compare) and how long it took. */
interface Task {
  at: number
  ms: number
}

/** What one round measured. */
interface Round {
  /** file chosen → design handed to the canvas, ms (imports only) */
  importMs: number
  /** the page's long tasks in that time, and the idle tab's in the same span */
  importing: Task[]
  idleImporting: Task[]
  /** the tasks from the design handed to the canvas (for Open file…: from the file chosen) until idle, and the idle tab's */
  opening: Task[]
  idleOpening: Task[]
}

/** Runs in a page before its own scripts: keeps every long task, with when it started. */
const OBSERVE = `(() => {
  window.benchLongTasks = []
  const keep = (entries) => {
    for (const e of entries) window.benchLongTasks.push({ at: performance.timeOrigin + e.startTime, ms: e.duration })
  }
  window.benchTakeTasks = () => {
    keep(window.benchObserver.takeRecords())
    return window.benchLongTasks
  }
  window.benchObserver = new PerformanceObserver((list) => keep(list.getEntries()))
  window.benchObserver.observe({ type: 'longtask' })
})()`

/**
 * Once the page is idle (requestIdleCallback: no task waiting), the import's marks (ms since the epoch; for
 * Open file… both are when the file was chosen) and the long tasks since then.
 */
const COLLECT = `((from) => new Promise((done) => requestIdleCallback(() => {
  const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime
  const start = performance.timeOrigin + (at('gwlb-import:start') ?? from)
  const open = performance.timeOrigin + (at('gwlb-import:open') ?? from)
  done({ start, open, tasks: window.benchTakeTasks().filter((t) => t.at >= performance.timeOrigin + from) })
})))`

/** Waits for what the page shows, failing with what was awaited (not a bare timeout). */
async function shows(page: Page, selector: string, what: string, timeout: number) {
  try {
    await page.waitForSelector(selector, { timeout })
  } catch {
    const notice = await page
      .getByTestId('notice')
      .textContent({ timeout: 1000 })
      .catch(() => null)
    throw new Error(`${what} did not show within ${timeout / 1000} s${notice ? ` (the notice says: ${notice})` : ''}`)
  }
}

/** The app on the reference design, observing long tasks from its first script. */
async function appPage(browser: Browser, url: string) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
  await page.addInitScript(OBSERVE)
  await page.goto(url)
  await shows(page, '[data-testid="node-gwlb-inspection"]', 'the reference design', 60_000)
  return page
}

/** Gives the file through Import… or Open file…, and waits until the design is open and autosaved. */
async function give(page: Page, file: string, how: 'import' | 'open', name: string) {
  if (how === 'import') {
    await page.getByTestId('import-button').click()
    await page.getByTestId('import-files-input').setInputFiles(file)
    await shows(
      page,
      '[data-testid="import-report"], [data-testid="notice"][role="alert"]',
      `the import report of ${file}`,
      300_000,
    )
    const failed = page.locator('[data-testid="notice"][role="alert"]')
    if (await failed.count()) throw new Error(`the import of ${file} failed: ${await failed.textContent()}`)
  } else await page.getByTestId('open-file-input').setInputFiles(file)
  await page.getByTestId('design-name').filter({ hasText: name }).waitFor({ timeout: 300_000 })
  // the edit marked autosave pending as it opened the design: saved means the canvas and autosave are done
  await shows(page, 'html[data-autosave="saved"]', `autosave of ${name}`, 120_000)
}

/**
 * One round in a browser of its own, always closed: the file given in one tab while a second tab of the app
 * stays idle, so the long tasks the machine alone causes over the same span (a shared, loaded machine) are
 * measured beside the import's.
 */
async function round(url: string, file: string, how: 'import' | 'open', name: string): Promise<Round> {
  const browser = await launch()
  try {
    const idle = await appPage(browser, url)
    const page = await appPage(browser, url)
    const from = (await page.evaluate('performance.now()')) as number
    await give(page, file, how, name)
    const m = (await page.evaluate(`${COLLECT}(${from})`)) as { start: number; open: number; tasks: Task[] }
    const idleTasks = (await idle.evaluate('window.benchTakeTasks()')) as Task[]
    // the app marks the hand-over in the task that then edits the design and renders it, so a task belongs to the
    // import when it ends before the mark, and to the canvas when it runs on past it
    const ends = (t: Task) => t.at + t.ms
    const within = (tasks: Task[], a: number, b: number) => tasks.filter((t) => t.at >= a && ends(t) <= b)
    return {
      importMs: m.open - m.start,
      importing: within(m.tasks, m.start, m.open),
      idleImporting: within(idleTasks, m.start, m.open),
      opening: m.tasks.filter((t) => ends(t) > m.open),
      idleOpening: idleTasks.filter((t) => ends(t) > m.open),
    }
  } finally {
    await browser.close()
  }
}

const longest = (tasks: Task[]) => Math.max(0, ...tasks.map((t) => t.ms))

/** Tasks over 50 ms and longer than any the idle tab had over the same span: the page's own. */
const ownLongTasks = (tasks: Task[], idle: Task[]) => tasks.filter((t) => t.ms > Math.max(50, longest(idle))).length
/** A long task the import causes, before the hand-over. */
const attributable = (r: Round) => ownLongTasks(r.importing, r.idleImporting)
/** A long task the opening causes: the canvas's first render, autosave, the engine's report. */
const opensLong = (r: Round) => ownLongTasks(r.opening, r.idleOpening)
const openLongest = (r: Round) => longest(r.opening)

const ROUNDS = Number(process.env.IMPORT_BROWSER_ROUNDS ?? 3)

/** Median, lowest and highest of a figure over the rounds. */
function over(rounds: Round[], figure: (r: Round) => number) {
  const xs = rounds.map(figure).sort((a, b) => a - b)
  return { value: xs[Math.floor(xs.length / 2)], spread: { low: xs[0], high: xs[xs.length - 1], rounds: xs.length } }
}

/** The rows of the span from the design handed to the canvas until idle. */
function openingRows(what: string, rounds: Round[], baseline?: number): BenchRow[] {
  return [
    {
      name: `${what}: longest task from the design handed to the canvas until idle (its first render${baseline === undefined ? '' : '; baseline: Open file…'})`,
      unit: 'ms',
      better: 'lower',
      baseline,
      ...over(rounds, openLongest),
    },
    {
      name: `${what}: long tasks from the hand-over until idle that are the page's (> 50 ms and longer than the idle tab's longest)`,
      unit: 'tasks',
      better: 'lower',
      target: 0,
      ...over(rounds, opensLong),
    },
  ]
}

function rowsFor(what: string, rounds: Round[], opened: Round[]): BenchRow[] {
  return [
    {
      name: `${what}: file chosen → design handed to the canvas`,
      unit: 's',
      better: 'lower',
      ...over(rounds, (r) => r.importMs / 1000),
    },
    {
      name: `${what}: longest main-thread task meanwhile (baseline: the idle tab's longest over the same span)`,
      unit: 'ms',
      better: 'lower',
      baseline: over(rounds, (r) => longest(r.idleImporting)).value,
      ...over(rounds, (r) => longest(r.importing)),
    },
    {
      name: `${what}: long tasks meanwhile that are the import's (> 50 ms and longer than the idle tab's longest)`,
      unit: 'tasks',
      better: 'lower',
      target: 0,
      ...over(rounds, attributable),
    },
    ...openingRows(what, rounds, over(opened, openLongest).value),
  ]
}

/** IMPORT_BENCH_SMALL=1: the single-zone reference design instead, to check the bench itself quickly. */
export async function bench(): Promise<BenchRow[]> {
  execSync('npm run build', { stdio: 'ignore' })
  const dir = mkdtempSync(join(tmpdir(), 'gwlb-import-bench-'))
  const design: Design = process.env.IMPORT_BENCH_SMALL ? buildReferenceDesign(1) : scaleDesign()
  const files = { hcl: join(dir, 'scale.tf'), state: join(dir, 'state.json'), design: join(dir, 'scale.gwlb.json') }
  const hcl = toTerraform(design)
  const state = toStateJson(design)
  writeFileSync(files.hcl, hcl)
  writeFileSync(files.state, state.text)
  writeFileSync(files.design, serialise(design))
  // a port of its own (E2E_PORT, or one free now): a server left on another port is never measured instead
  const preview = await startPreview(Number(process.env.E2E_PORT) || (await freePort()))
  try {
    const results = { state: [] as Round[], hcl: [] as Round[], opened: [] as Round[] }
    for (let i = 0; i < ROUNDS; i++) {
      results.state.push(await round(preview.url, files.state, 'import', 'Imported from state.json'))
      results.hcl.push(await round(preview.url, files.hcl, 'import', 'Imported from scale.tf'))
      results.opened.push(await round(preview.url, files.design, 'open', design.name))
    }
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`
    const n = design.resources.length.toLocaleString('en-US')
    return [
      ...rowsFor(
        `browser import, state JSON of ${n} resources (${mb(state.text.length)})`,
        results.state,
        results.opened,
      ),
      ...rowsFor(`browser import, HCL of ${n} resources (${mb(hcl.length)})`, results.hcl, results.opened),
      ...openingRows(`Open file… of ${n} resources`, results.opened),
    ]
  } finally {
    preview.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
