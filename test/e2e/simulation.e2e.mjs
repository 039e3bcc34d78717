// A scenario playing on the diagram in Chromium: packets move while playing and stop when paused, the
// timeline jumps in time, and the failed appliance shows what the GWLB's health checks concluded.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BASE_URL, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

/** The overlay's pixels as a data URL, and how many are not transparent. */
async function overlay(page) {
  return page.getByTestId('packet-overlay').evaluate((c) => {
    const ctx = c.getContext('2d')
    const data = ctx.getImageData(0, 0, c.width, c.height).data
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++
    return { url: c.toDataURL(), painted }
  })
}

describe('a scenario on the diagram', () => {
  it('moves packets while playing, stops them when paused, and jumps along the timeline', async () => {
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 } })
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    // the overlay's pixels, read inside the page so that waitForFunction can poll them frame by frame
    await page.addInitScript(() => {
      const canvas = () => document.querySelector('[data-testid="packet-overlay"]')
      window.overlayUrl = () => canvas()?.toDataURL() ?? ''
      window.painted = () => {
        const c = canvas()
        if (!c) return -1
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
        let n = 0
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
        return n
      }
    })
    await page.goto(BASE_URL)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    await page.getByLabel('Scenario').selectOption('appliance-failure')
    await page.getByTestId('sim-clock').waitFor()
    await page.getByLabel('Speed').selectOption('5')
    await page.getByTestId('sim-play').click()
    await page.waitForFunction(() => painted() > 50, undefined, { polling: 'raf' })
    const a = await overlay(page)
    // packets move: a later frame differs from this one
    await page.waitForFunction((url) => overlayUrl() !== url, a.url, { polling: 100 })
    await page.screenshot({ path: 'test-results/e2e-simulation-playing.png' })

    await page.getByTestId('sim-play').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="sim-play"]')?.textContent === 'Play')
    // the worker's frames until it takes the pause still move the clock; its first paused frame ends that
    await page.waitForSelector('[data-testid="sim-clock"][data-running="false"]')
    const clock = await page.getByTestId('sim-clock').textContent()
    // packets already in flight finish their path (a few seconds); a simulation still running would keep
    // drawing new ones, and the overlay would never empty
    await page.waitForFunction(() => painted() === 0, undefined, { polling: 'raf', timeout: 15_000 })
    assert.equal(await page.getByTestId('sim-clock').textContent(), clock, 'the clock stands still while paused')

    // jump to 50 s: fw-h1 stopped at 30 s and was marked unhealthy about 13 s later
    const bar = await page.getByTestId('sim-timeline').boundingBox()
    await page.mouse.click(bar.x + bar.width * (50 / 120), bar.y + bar.height / 2)
    await page.waitForFunction(
      () =>
        Number.parseFloat(
          document.querySelector('[data-testid="sim-clock"]')?.textContent?.replace('t = ', '') ?? '0',
        ) >= 49,
    )
    await page.getByTestId('timeline-marked-unhealthy').first().waitFor()
    assert.match(await page.getByTestId('appliance-state-fw-h1').textContent(), /stopped.*unhealthy/)
    assert.match(await page.getByTestId('sim-log').textContent(), /marked unhealthy/)
    await page.screenshot({ path: 'test-results/e2e-simulation-50s.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })
})
