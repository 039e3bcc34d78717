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
    await page.goto(BASE_URL)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    await page.getByLabel('Scenario').selectOption('appliance-failure')
    await page.getByTestId('sim-clock').waitFor()
    await page.getByLabel('Speed').selectOption('5')
    await page.getByTestId('sim-play').click()
    await page.waitForTimeout(1500)
    const a = await overlay(page)
    await page.waitForTimeout(150)
    const b = await overlay(page)
    assert.ok(a.painted > 50, `packets drawn: ${a.painted} pixels`)
    assert.notEqual(a.url, b.url, 'packets moved between two frames')
    await page.screenshot({ path: 'test-results/e2e-simulation-playing.png' })

    await page.getByTestId('sim-play').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="sim-play"]')?.textContent === 'Play')
    // packets already in flight finish their path (at most a few seconds), then nothing moves
    await page.waitForTimeout(3500)
    const c = await overlay(page)
    await page.waitForTimeout(300)
    const d = await overlay(page)
    assert.equal(c.url, d.url, 'nothing moves while paused')
    assert.equal(c.painted, 0)
    const clock = await page.getByTestId('sim-clock').textContent()
    await page.waitForTimeout(300)
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
