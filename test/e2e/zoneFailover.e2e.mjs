// Reference design (c) in Chromium: the route target group drawn with its two members, the active one carrying the
// traffic; its zone-failure scenario fails the group over to the standby, the zone returns, the traffic stays on the
// standby, and the inspector's switch back (SwitchActiveRouteTarget) puts it on the active member again.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BASE_URL, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

describe('zone failover through a route target group', () => {
  it('fails over, stays on the standby when the zone returns, and switches back from the inspector', async () => {
    const page = await browser().newPage({ viewport: { width: 1600, height: 1000 } })
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${BASE_URL}?example=zone-failover`)
    await page.waitForSelector('[data-testid="node-rtg-inspection"]')
    const carrying = page.getByTestId('route-target-carrying-rtg-inspection')
    assert.match(await carrying.textContent(), /active gwlbe-h carries traffic/)
    assert.match(await page.getByTestId('edge-label-routeTarget:rtg-inspection:gwlbe-h').textContent(), /active · 100/)
    assert.match(await page.getByTestId('edge-label-routeTarget:rtg-inspection:gwlbe-i').textContent(), /standby · 0/)
    await page.screenshot({ path: 'test-results/e2e-zone-failover-design.png' })

    await page.getByLabel('Scenario').selectOption('zone-failure-with-route-target-group')
    await page.getByTestId('sim-clock').waitFor()
    await page.getByLabel('Speed').selectOption('25')
    await page.getByTestId('sim-play').click()
    // zone H fails at 30 s: within 30 s the standby carries the traffic, and the bar offers the switch back
    await page.getByTestId('sim-switch-back-rtg-inspection').waitFor({ timeout: 60_000 })
    assert.match(await carrying.textContent(), /standby gwlbe-i carries traffic/)
    // when it failed over, as the log's time column says: the clock on screen has run on by the time it is read,
    // by some simulated seconds at 25× on a busy machine
    const failedOver = page.getByTestId('sim-log').locator('li', { hasText: 'rtg-inspection fails over' })
    const at = Number.parseFloat(await failedOver.locator('span').first().textContent())
    assert.ok(at > 30 && at <= 60, `failed over within 30 s of the zone failing at 30 s: at ${at} s`)
    assert.match(
      await page.getByTestId('edge-label-routeTarget:rtg-inspection:gwlbe-i').textContent(),
      /standby · 0 · carrying traffic/,
    )
    // the zone is back at 90 s and GWLBe H Healthy a few probes later (the log says so; the clock on screen runs
    // ahead of the simulation between its frames): the traffic stays on GWLBe I
    await page
      .getByTestId('sim-log')
      .locator('li', { hasText: 'gwlbe-h is Healthy again' })
      .waitFor({ timeout: 60_000 })
    await page.getByTestId('sim-play').click()
    await page.waitForSelector('[data-testid="sim-clock"][data-running="false"]')
    assert.match(await carrying.textContent(), /standby gwlbe-i carries traffic/)
    await page.screenshot({ path: 'test-results/e2e-zone-failover-stays.png' })

    await page.getByTestId('node-rtg-inspection').click()
    await page.getByRole('button', { name: 'Switch back to the active member' }).click()
    await page.waitForFunction(() =>
      /active gwlbe-h carries traffic/.test(
        document.querySelector('[data-testid="route-target-carrying-rtg-inspection"]')?.textContent ?? '',
      ),
    )
    assert.match(await page.getByTestId('sim-log').textContent(), /SwitchActiveRouteTarget/)
    assert.match(await page.getByTestId('route-target-member-gwlbe-h').textContent(), /Healthy · carries the traffic/)
    assert.equal(await page.getByTestId('sim-switch-back-rtg-inspection').count(), 0)
    await page.screenshot({ path: 'test-results/e2e-zone-failover-switched-back.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })
})
