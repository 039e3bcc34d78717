// A dead engine worker in Chromium: ended as a crash would (its error event) or silently (a worker that stops
// answering), the app says so, starts another, and checks the design on screen again; the problems shown are
// the new worker's, never the dead one's "0 problems" standing for a design it never saw.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BASE_URL, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

async function open() {
  const context = await browser().newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  // the test hook (ending the worker) exists only with this flag
  await page.goto(`${BASE_URL}?example=two-zones&testhooks`)
  await page
    .getByTestId('engine-status')
    .filter({ hasText: /^Loaded: \d+ resources$/ })
    .waitFor()
  return { context, page, errors }
}

const kill = (page, how) => page.evaluate((how) => window.gwlbStudioTest.killEngine(how), how)

describe('a dead engine worker', () => {
  it('after a crash: says so, restarts, and reports on the design again', async () => {
    const { context, page, errors } = await open()
    assert.equal(await page.getByTestId('problem-count').textContent(), '(0)')
    assert.equal(await kill(page, 'crash'), true)
    const notice = page.getByTestId('notice').filter({ hasText: 'The engine stopped, and was restarted.' })
    await notice.waitFor()
    assert.match(await notice.textContent(), /it failed \(ended by a test\)/)
    assert.match(await notice.textContent(), /Your design is unchanged/)
    // the new worker's report, of the design on screen
    await page
      .getByTestId('engine-status')
      .filter({ hasText: /^Loaded: \d+ resources$/ })
      .waitFor()
    assert.equal(await page.getByTestId('problem-count').textContent(), '(0)')
    // and it keeps answering: an edit is checked by the new worker
    await page.getByLabel('Design name', { exact: true }).fill('Checked by the new worker')
    await page
      .getByTestId('engine-status')
      .filter({ hasText: /^Loaded: \d+ resources$/ })
      .waitFor()
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('after a silent death: the edit made meanwhile is reported by the new worker, not the old "0 problems"', async () => {
    const { context, page } = await open()
    assert.equal(await kill(page, 'hang'), true)
    // an edit the dead worker never sees: a route to the GWLB endpoint removed, so traffic bypasses inspection
    await page.locator('[data-testid="route-table-badge-rtb-app-h"]').dispatchEvent('click')
    await page.getByTestId('route-table-panel').getByRole('button', { name: 'Delete entry' }).first().click()
    // until the heartbeat finds the worker gone, nothing claims the edited design is checked
    await page
      .getByTestId('notice')
      .filter({ hasText: 'The engine stopped, and was restarted.' })
      .waitFor({ timeout: 30_000 })
    assert.match(await page.getByTestId('notice').textContent(), /did not answer for 10 s/)
    await page.getByTestId('engine-status').filter({ hasText: 'Loaded' }).waitFor()
    const count = await page.getByTestId('problem-count').textContent()
    assert.notEqual(count, '(0)', 'the problems list still shows the dead worker’s report')
    await page.screenshot({ path: 'test-results/e2e-engine-restarted.png' })
    await context.close()
  })
})
