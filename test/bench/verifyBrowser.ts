// Verify in the browser (issue 15): the engine bench's design of 2,001 resources opened in the built app, then
// its Verify tab, in Chromium. The check runs in the engine worker; the page's main thread only posts the design
// and shows the answer. The figures for the main thread, from the tab opened until every intent is listed, stand
// beside the same figures for the app left idle as long just before: on this loaded machine the idle app on a
// canvas of 2,001 resources has long tasks (> 50 ms) of its own, so "no long task" reads as "none beyond the
// idle app's". Script time is Chromium's own count (CDP Performance.getMetrics). The wait for the answer is a
// MutationObserver in the page, not a polling locator, whose queries would count as the page's script time.
// The wall time counts other jobs' time too: the CPU figure is `npm run bench -- verify`'s. Serve on another port
// than the default with E2E_PORT.
import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, serialise } from '../../src/model'
import { launch } from '../e2e/browser.mjs'
import { startPreview } from '../e2e/server.mjs'
import { generateDesign } from '../fixtures/engine/generate'
import type { BenchRow } from './types'
import { BIG } from './verify'

/** Runs in the page: keeps every long task, with when it started. */
const OBSERVE = `(() => {
  window.benchLongTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchLongTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask' })
})()`

/** Runs in the page: resolves once the Verify tab's status says it is done (or failed), with its text. */
const ANSWERED = `new Promise((done) => {
  const answered = () => {
    const s = document.querySelector('[data-testid="verify-status"]')
    const status = s?.getAttribute('data-status')
    return status === 'done' || status === 'failed' ? s.textContent : null
  }
  const now = answered()
  if (now !== null) return done(now)
  const watch = new MutationObserver(() => {
    const text = answered()
    if (text !== null) {
      watch.disconnect()
      done(text)
    }
  })
  watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] })
})`

/** The main thread over a span: its long tasks, and its script time in seconds. */
interface Span {
  ms: number
  tasks: number[]
  scriptS: number
}

interface Measure {
  idle: Span
  verify: Span
  status: string
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof launch>>['newPage']>>

/** Runs `during` and measures the main thread meanwhile. */
async function span(
  page: Page,
  cdp: { send(m: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> },
  during: () => Promise<unknown>,
): Promise<Span> {
  const script = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0
  const s0 = await script()
  const start = (await page.evaluate('performance.now()')) as number
  await during()
  const end = (await page.evaluate('performance.now()')) as number
  const scriptS = (await script()) - s0
  const all = (await page.evaluate('window.benchLongTasks')) as { start: number; duration: number }[]
  return {
    ms: end - start,
    tasks: all.filter((t) => t.start >= start && t.start <= end).map((t) => t.duration),
    scriptS,
  }
}

/** Resolves once the page has drawn 300 frames: the idle span is counted in frames, not waited out on a timer. */
const IDLE_FRAMES =
  'new Promise((done) => { let n = 0; const frame = () => (++n >= 300 ? done() : requestAnimationFrame(frame)); requestAnimationFrame(frame) })'

async function verifyIn(url: string, file: string, name: string): Promise<Measure> {
  const browser = await launch()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(url)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    await page.getByTestId('open-file-input').setInputFiles(file)
    await page.getByTestId('design-name').filter({ hasText: name }).waitFor({ timeout: 120_000 })
    // the canvas's first render of the design is one task: it has ended once the page is idle (no task waiting)
    await page.evaluate('new Promise((done) => requestIdleCallback(() => done()))')
    await page.evaluate(OBSERVE)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    // the idle app first, over 300 frames drawn (5 s at 60 Hz): what the machine and the canvas alone cause
    const idle = await span(page, cdp, () => page.evaluate(IDLE_FRAMES))
    let status = ''
    const verify = await span(page, cdp, async () => {
      await page.getByTestId('tab-verify').click()
      status = (await page.evaluate(ANSWERED)) as string
    })
    if (!/flow classes checked/.test(status)) throw new Error(`the check did not answer: ${status}`)
    await page.screenshot({ path: 'test-results/bench-verify-browser.png' })
    return { idle, verify, status }
  } finally {
    await browser.close()
  }
}

const perSecond = (n: number, ms: number) => (n * 1000) / ms

export async function bench(): Promise<BenchRow[]> {
  execSync('npm run build', { stdio: 'ignore' })
  const loaded = parse(generateDesign(BIG))
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'))
  const design = loaded.design
  const dir = mkdtempSync(join(tmpdir(), 'gwlb-verify-bench-'))
  const file = join(dir, 'big.gwlb.json')
  writeFileSync(file, serialise(design))
  const preview = await startPreview()
  try {
    const m = await verifyIn(preview.url, file, design.name)
    const { idle, verify } = m
    return [
      {
        name: `browser verify of ${design.resources.length.toLocaleString('en-US')} resources, Verify tab opened → intents listed (${m.status}), wall time`,
        value: verify.ms / 1000,
        unit: 's',
        better: 'lower',
      },
      {
        name: `main-thread long tasks (> 50 ms) a second meanwhile (${verify.tasks.length}; baseline: the idle app before it, ${idle.tasks.length} in ${(idle.ms / 1000).toFixed(1)} s)`,
        value: perSecond(verify.tasks.length, verify.ms),
        unit: '/s',
        baseline: perSecond(idle.tasks.length, idle.ms),
        better: 'lower',
      },
      {
        name: 'main-thread script time a second meanwhile (baseline: the idle app)',
        value: perSecond(verify.scriptS * 1000, verify.ms),
        unit: 'ms/s',
        baseline: perSecond(idle.scriptS * 1000, idle.ms),
        better: 'lower',
      },
      {
        name: 'longest main-thread task meanwhile (baseline: the idle app)',
        value: Math.max(0, ...verify.tasks),
        unit: 'ms',
        baseline: Math.max(0, ...idle.tasks),
        better: 'lower',
      },
    ]
  } finally {
    preview.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
