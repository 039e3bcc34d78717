// Frames per second of the packet overlay with 2,000 packets in flight while a scenario plays, and
// main-thread long tasks (> 50 ms) meanwhile, in Chromium on the built app (issue 6: ≥ 55 fps, 0 long tasks).
// Baseline: the same page, playing, with only the scenario's own sampled packets.
import { execSync } from 'node:child_process'
import { launch } from '../e2e/browser.mjs'
import { startPreview } from '../e2e/server.mjs'
import type { BenchRow } from './types'

const IN_FLIGHT = 2000
const MEASURE_MS = 5000

interface Measure {
  fps: number
  longTasks: number
  inFlightPeak: number
}

/** Runs in the page: pushes packets into the overlay's feed, counts frames and long tasks. */
const PAGE_MEASURE = `async ({ inFlight, measureMs, flood }) => {
  const hook = window.gwlbStudioBench
  if (!hook) throw new Error('no bench hook: open the page with ?bench')
  // the inbound path of reference design (b), Geneve between the GWLB and the appliance
  const path = ['internet-client', 'igw-service', 'gwlbe-h', 'epsrv-inspection', 'gwlb-inspection', 'fw-i1', 'gwlb-inspection', 'epsrv-inspection', 'gwlbe-h', 'ecs-web-1']
  const geneve = path.slice(1).map((_, i) => i === 4 || i === 5)
  const lifetimeMs = (path.length - 1) * 240
  let longTasks = 0
  new PerformanceObserver((list) => { longTasks += list.getEntries().length }).observe({ type: 'longtask' })
  let frames = 0
  let pushed = 0
  const start = performance.now()
  await new Promise((done) => {
    const loop = (now) => {
      frames++
      if (flood) {
        // keep about inFlight packets flying: each lives lifetimeMs
        const want = Math.ceil(((now - start) / lifetimeMs) * inFlight) - pushed
        const batch = []
        for (let i = 0; i < want; i++) batch.push({ path, geneve, direction: i % 2 ? 'inbound' : 'outbound', drop: null })
        hook.feed.push(batch)
        pushed += want
      }
      if (now - start < measureMs) requestAnimationFrame(loop)
      else done()
    }
    requestAnimationFrame(loop)
  })
  const elapsed = performance.now() - start
  return { fps: (frames / elapsed) * 1000, longTasks, inFlightPeak: flood ? Math.min(inFlight, Math.round((pushed / elapsed) * lifetimeMs)) : 0 }
}`

async function measure(url: string, flood: boolean): Promise<Measure> {
  const browser = await launch()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(url)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    await page.getByLabel('Scenario').selectOption('appliance-failure')
    await page.getByTestId('sim-clock').waitFor()
    await page.getByLabel('Speed').selectOption('10')
    await page.getByTestId('sim-play').click()
    // sent as text: tsx would wrap a function in helpers that do not exist in the page
    return (await page.evaluate(
      `(${PAGE_MEASURE})(${JSON.stringify({ inFlight: IN_FLIGHT, measureMs: MEASURE_MS, flood })})`,
    )) as Measure
  } finally {
    await browser.close()
  }
}

export async function bench(): Promise<BenchRow[]> {
  // always the current code: a dist/ left from an earlier build would measure that build
  execSync('npm run build', { stdio: 'ignore' })
  // E2E_PORT: several people benching on one machine each pick their own port
  const preview = await startPreview(Number(process.env.E2E_PORT) || 4175)
  try {
    const url = `${preview.url}?bench`
    const plain = await measure(url, false)
    const flooded = await measure(url, true)
    return [
      {
        name: `overlay fps, ${flooded.inFlightPeak.toLocaleString('en-US')} packets in flight, scenario playing at 10×`,
        value: flooded.fps,
        unit: 'fps',
        baseline: plain.fps,
        target: 55,
      },
      {
        name: 'main-thread long tasks (> 50 ms) in those 5 s',
        value: flooded.longTasks,
        unit: 'tasks',
        target: 0,
        better: 'lower',
      },
      {
        name: 'main-thread long tasks, scenario playing without the extra packets',
        value: plain.longTasks,
        unit: 'tasks',
        target: 0,
        better: 'lower',
      },
    ]
  } finally {
    preview.stop()
  }
}
