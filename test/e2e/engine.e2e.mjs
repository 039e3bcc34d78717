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

const JUMBO = 'Jumbo frames (MTU 8500; needed for 1,500 + 68 bytes of Geneve)'
/** The linter's GWLB-E012 (an appliance without jumbo frames) in the Problems panel, and its badge on Firewall H1. */
const jumboProblem = (page) => page.getByTestId('problems-panel').getByTestId('problem-GWLB-E012')
const jumboBadge = (page) => page.locator('.react-flow__node[data-id="fw-h1"] [data-testid="problem-badge-fw-h1"]')

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
    // and it keeps answering: an edit that breaks a rule is checked by the new worker, in the Problems panel and on
    // the node, and so is the fix
    await page.getByTestId('node-fw-h1').click()
    await page.getByTestId('inspector').getByLabel(JUMBO, { exact: true }).uncheck()
    await jumboProblem(page).waitFor()
    assert.match(await jumboProblem(page).textContent(), /Firewall H1.*without jumbo frames/)
    await jumboBadge(page).waitFor()
    assert.match(await jumboBadge(page).getAttribute('title'), /GWLB-E012/)
    await jumboProblem(page).getByTestId('fix-GWLB-E012').click()
    await jumboProblem(page).waitFor({ state: 'detached' })
    await jumboBadge(page).waitFor({ state: 'detached' })
    assert.equal(await page.getByTestId('problem-count').textContent(), '(0)')
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
    // the new worker's report is of the edited design: the route's absence, in the panel and badged on the vSwitch
    const missing = page.getByTestId('problems-panel').getByTestId('problem-GWLB-E032')
    await missing.waitFor()
    assert.match(await missing.textContent(), /Service vSwitch H.* has no 0\.0\.0\.0\/0 route/)
    const badge = page.locator('.react-flow__node[data-id="vsw-app-h"] [data-testid="problem-badge-vsw-app-h"]')
    await badge.waitFor()
    assert.match(await badge.getAttribute('title'), /GWLB-E032/)
    await page.screenshot({ path: 'test-results/e2e-engine-restarted.png' })
    await context.close()
  })
})
