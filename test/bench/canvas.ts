// Canvas figures in Chromium (issue 5, item 8): frame times while panning and while dragging a node, for
// the app on a generated design of 2,001 resources and for React Flow's bare stress graph with as many nodes
// and edges, in the same browser run (target: app ≤ 1.25× bare); and the JavaScript the built app loads
// before it is idle, gzipped (target ≤ 250 KB: elkjs and the exporters load on demand).
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { launch } from '../e2e/browser.mjs'
import type { BenchRow } from './types'

const ROOT = resolve(import.meta.dirname, '../..')
const MOVES = 60
const RUNS = 2

/** Builds the app (or the bench page) into outDir with the app's vite.config, CSP included, and serves it. */
async function serve(outDir: string, port: number, input?: string) {
  execFileSync(process.execPath, ['test/bench/pages/build.mjs', outDir, ...(input ? [input] : [])], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  // vite's own binary, so that stopping it stops the server (npx would stay behind as a parent that kill does not reach)
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const url = `http://localhost:${port}/`
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).status < 500) return { url, close: () => server.kill() }
    } catch {
      await sleep(100)
    }
  }
  server.kill()
  throw new Error(`vite preview did not answer on ${url}`)
}

/** Mean and 95th-percentile frame interval (ms) while `act` runs, from requestAnimationFrame. */
async function frameTimes(page: Page, act: () => Promise<void>): Promise<{ mean: number; p95: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; framing: boolean }
    w.frames_ = []
    w.framing = true
    const loop = (t: number) => {
      w.frames_.push(t)
      if (w.framing) requestAnimationFrame(loop)
    }
    requestAnimationFrame(loop)
  })
  await act()
  const stamps = await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; framing: boolean }
    w.framing = false
    return w.frames_
  })
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i])
  const sorted = [...gaps].sort((a, b) => a - b)
  return { mean: gaps.reduce((a, b) => a + b, 0) / gaps.length, p95: sorted[Math.floor(sorted.length * 0.95)] }
}

/** A point of empty pane near the middle of the canvas, where a press pans instead of dragging a node. */
async function emptyPane(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect()
    if (!pane) return null
    const cx = pane.left + pane.width / 2
    const cy = pane.top + pane.height / 2
    for (let r = 0; r < Math.max(pane.width, pane.height) / 2; r += 8)
      for (let a = 0; a < 16; a++) {
        const x = cx + r * Math.cos((a * Math.PI) / 8)
        const y = cy + r * Math.sin((a * Math.PI) / 8)
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y }
      }
    return null
  })
  if (!p) throw new Error('no empty pane to pan from')
  return p
}

/** The centre of the visible node (of the given selector) nearest the middle of the canvas. */
async function nodeNearMiddle(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((sel) => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect()
    if (!pane) return null
    const cx = pane.left + pane.width / 2
    const cy = pane.top + pane.height / 2
    let best: { x: number; y: number; d: number } | null = null
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect()
      const x = r.left + r.width / 2
      const y = r.top + r.height / 2
      const d = Math.hypot(x - cx, y - cy)
      if (
        r.width > 4 &&
        document.elementFromPoint(x, y)?.closest('.react-flow__node') === el.closest('.react-flow__node') &&
        (!best || d < best.d)
      )
        best = { x, y, d }
    }
    return best
  }, selector)
  if (!p) throw new Error(`no visible ${selector} to drag`)
  return p
}

/** Presses at `from`, moves round a loop of MOVES steps and lets go where it started. */
async function gesture(page: Page, from: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  for (let i = 1; i <= MOVES; i++) {
    const a = (2 * Math.PI * i) / MOVES
    await page.mouse.move(from.x + 120 * Math.sin(a), from.y + 80 * Math.sin(2 * a))
  }
  await page.mouse.up()
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function canvasFigures(page: Page, url: string, ready: string, leaf: string) {
  await page.goto(url)
  await page.waitForSelector(ready, { timeout: 60_000 })
  // let the first render, fit view, the engine worker's report and the problems badges settle
  await page.waitForTimeout(3000)
  const pan: { mean: number; p95: number }[] = []
  const drag: { mean: number; p95: number }[] = []
  for (let i = 0; i < RUNS; i++) {
    const at = await emptyPane(page)
    pan.push(await frameTimes(page, () => gesture(page, at)))
    const node = await nodeNearMiddle(page, leaf)
    drag.push(await frameTimes(page, () => gesture(page, node)))
    // dropping a node in the app is an edit: undo it so each run drags the same design
    if (url.includes('mode=app')) await page.keyboard.press('Control+z')
  }
  const counts = await page.evaluate(() => ({
    nodes: document.querySelectorAll('.react-flow__node').length,
    edges: window.canvasBench?.edges ?? 0,
  }))
  return {
    pan: { mean: median(pan.map((f) => f.mean)), p95: median(pan.map((f) => f.p95)) },
    drag: { mean: median(drag.map((f) => f.mean)), p95: median(drag.map((f) => f.p95)) },
    counts,
  }
}

/** Gzipped bytes of every script the built app fetched before it went idle: the page's and the engine worker's. */
async function initialScripts(page: Page, url: string): Promise<{ all: number; main: number; files: string[] }> {
  const scripts: { url: string; gz: number }[] = []
  const pending: Promise<void>[] = []
  page.context().on('response', (r) => {
    if (!/\.m?js(\?|$)/.test(r.url())) return
    pending.push(
      r
        .body()
        .then((b) => void scripts.push({ url: r.url(), gz: gzipSync(b).length }))
        .catch(() => undefined),
    )
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForSelector('[data-testid="engine-status"]')
  await page.waitForTimeout(1500)
  await Promise.all(pending)
  const files = scripts.map((s) => s.url.replace(/^.*\/assets\//, ''))
  // the page's own scripts are the ones index.html names; the rest is the engine worker's
  const named = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="modulepreload"]')].map(
      (e) => ('src' in e ? e.src : e.href),
    ),
  )
  const main = scripts.filter((s) => named.includes(s.url)).reduce((a, s) => a + s.gz, 0)
  return { all: scripts.reduce((a, s) => a + s.gz, 0), main, files }
}

export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gwlb-canvas-bench-'))
  const app = await serve(join(dir, 'app'), 4191)
  const page = await serve(join(dir, 'page'), 4192, join(ROOT, 'test/bench/pages/canvas.html'))
  const browser = await launch()
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    // tsx keeps function names with a __name helper, which the functions evaluated in the page then call
    await context.addInitScript('window.__name = (f) => f')
    const tab = await context.newPage()
    const js = await initialScripts(tab, app.url)
    await tab.close()
    const view = await context.newPage()
    const pageUrl = `${page.url}test/bench/pages/canvas.html`
    const ours = await canvasFigures(view, `${pageUrl}?mode=app`, '[data-testid="node-gwlb"]', '.react-flow__node-ecs')
    const bare = await canvasFigures(view, `${pageUrl}?mode=bare`, '.react-flow__node', '.react-flow__node-default')
    const what = `${ours.counts.nodes} nodes, ${ours.counts.edges} edges; bare: ${bare.counts.nodes} nodes`
    const ratio = 1.25
    return [
      {
        name: `pan at fit view, mean frame time: app on 2,001 resources (${what}) vs bare React Flow`,
        value: ours.pan.mean,
        unit: 'ms',
        baseline: bare.pan.mean,
        target: bare.pan.mean * ratio,
        better: 'lower',
      },
      {
        name: 'pan at fit view, p95 frame time',
        value: ours.pan.p95,
        unit: 'ms',
        baseline: bare.pan.p95,
        better: 'lower',
      },
      {
        name: 'drag a node at fit view, mean frame time (app vs bare)',
        value: ours.drag.mean,
        unit: 'ms',
        baseline: bare.drag.mean,
        target: bare.drag.mean * ratio,
        better: 'lower',
      },
      {
        name: 'drag a node at fit view, p95 frame time',
        value: ours.drag.p95,
        unit: 'ms',
        baseline: bare.drag.p95,
        better: 'lower',
      },
      {
        name: `initial JavaScript, gzip: page and engine worker (${js.files.length} files)`,
        value: js.all / 1000,
        unit: 'KB',
        target: 250,
        better: 'lower',
      },
      { name: 'initial JavaScript, gzip: the page alone', value: js.main / 1000, unit: 'KB', better: 'lower' },
    ]
  } finally {
    await browser.close()
    await app.close()
    await page.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
