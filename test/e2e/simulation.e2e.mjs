// A scenario playing on the diagram in Chromium: packets move while playing and stand still, drawn, when paused;
// Step moves on by the amount it states; the timeline jumps in time, and the failed appliance shows what the GWLB's
// health checks concluded, its kind and status whole; the rates on the GWLB's lines keep apart; log lines wrap.
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

/** The texts of the elements matching `selector` whose content is wider than their box: cut off, or ellipsed. */
function clipped(page, selector) {
  return page
    .locator(selector)
    .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent))
}

describe('a scenario on the diagram', () => {
  it('moves packets while playing, holds them when paused, steps evenly, and jumps along the timeline', async () => {
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
      // waits for the page to draw this many frames: the observable thing a "nothing moves" check waits for
      window.frames = (k) =>
        new Promise((done) => {
          let n = 0
          const next = () => (++n >= k ? done() : requestAnimationFrame(next))
          requestAnimationFrame(next)
        })
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
    // the rate on each of the GWLB's lines to its four appliances: whole, and clear of the others
    const rates = page.locator('[data-testid^="edge-label-server:gwlb-inspection:"]')
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid^="edge-label-server:gwlb-inspection:"]')].filter((l) =>
          /^\d+(\.\d)?[kM]? pkt\/s$/.test(l.textContent ?? ''),
        ).length === 4,
    )
    const boxes = await rates.evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().toJSON()))
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        assert.ok(
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
          `rate labels overlap: ${JSON.stringify([a, b])}`,
        )
    assert.deepEqual(await clipped(page, '[data-testid^="edge-label-server:gwlb-inspection:"]'), [])

    await page.getByTestId('sim-play').click()
    await page.waitForFunction(() => document.querySelector('[data-testid="sim-play"]')?.textContent === 'Play')
    // the worker's frames until it takes the pause still move the clock; its first paused frame ends that
    await page.waitForSelector('[data-testid="sim-clock"][data-running="false"]')
    const clock = await page.getByTestId('sim-clock').textContent()
    // paused, the packets in flight stay drawn where they are: sixty frames later the overlay is the same picture
    const still = await overlay(page)
    assert.ok(still.painted > 50, `packets stay drawn while paused (${still.painted} pixels)`)
    await page.evaluate(() => frames(60))
    assert.equal((await overlay(page)).url, still.url, 'paused packets stand still')
    assert.equal(await page.getByTestId('sim-clock').textContent(), clock, 'the clock stands still while paused')

    // Step: the amount it states, on every press, and the packets in flight at the new moment are drawn
    const step = page.getByTestId('sim-step')
    assert.equal(await step.textContent(), 'Step +5 s')
    const seconds = async () =>
      Number.parseFloat((await page.getByTestId('sim-clock').textContent()).replace('t = ', ''))
    let before = await seconds()
    for (let press = 0; press < 2; press++) {
      const picture = (await overlay(page)).url
      await step.click()
      const expected = `t = ${(before + 5).toFixed(1)} s`
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid="sim-clock"]')?.textContent === text,
        expected,
      )
      before += 5
      await page.waitForFunction((url) => overlayUrl() !== url && painted() > 50, picture, { polling: 'raf' })
    }
    await page.screenshot({ path: 'test-results/e2e-simulation-stepped.png' })

    // jump to 50 s: fw-h1 stopped at 30 s and was marked unhealthy about 13 s later
    const bar = await page.getByTestId('sim-timeline').boundingBox()
    await page.mouse.click(bar.x + bar.width * (50 / 120), bar.y + bar.height / 2)
    await page.waitForFunction(() => {
      const t = Number.parseFloat(document.querySelector('[data-testid="sim-clock"]')?.textContent?.replace('t = ', ''))
      return t >= 49 && t < 52
    })
    await page.getByTestId('timeline-marked-unhealthy').first().waitFor()
    assert.match(await page.getByTestId('appliance-state-fw-h1').textContent(), /stopped.*unhealthy/)
    assert.match(await page.getByTestId('sim-log').textContent(), /marked unhealthy/)
    // nothing of the stopped firewall's card or of the log is cut off: its kind and both pills, each entry whole
    assert.deepEqual(await clipped(page, '[data-testid="node-fw-h1"] span'), [])
    assert.deepEqual(await clipped(page, '[data-testid="sim-log"] li *'), [])
    await page.screenshot({ path: 'test-results/e2e-simulation-50s.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })
})
