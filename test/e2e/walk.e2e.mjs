// The packet walk in Chromium: trace from the form, step hop by hop with the current hop lit on the canvas,
// the Geneve header where the packet is encapsulated, the reply on demand, and picking on the canvas.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openApp, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

async function open() {
  const opened = await openApp(browser())
  await opened.page.getByTestId('tab-walk').click()
  return opened
}

const focusOf = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-lit="focus"], [data-lit="drop"]')].map((n) => n.getAttribute('data-testid')),
  )

describe('packet walk in Chromium', () => {
  it('walks a request hop by hop, then its reply', async () => {
    const { page, errors } = await open()
    const walk = page.getByTestId('walk-panel')
    await walk.getByLabel('From').selectOption('internet-client')
    await walk.getByLabel('Address').fill('47.98.10.11')
    await page.getByTestId('walk-trace').click()
    await page.getByTestId('trace-player').waitFor()
    // the first hop is lit an effect after the player shows
    await page.locator('[data-testid="node-internet-client"][data-lit="focus"]').waitFor()
    assert.deepEqual(await focusOf(page), ['node-internet-client'])
    assert.equal(await page.getByTestId('walk-position').textContent(), 'hop 1 of 10')
    // forward to the GWLB: the IPv4 gateway, the GWLBe, the endpoint service, then the GWLB
    for (const id of ['igw-service', 'gwlbe-h', 'epsrv-inspection', 'gwlb-inspection']) {
      await page.getByTestId('walk-next').click()
      assert.deepEqual(await focusOf(page), [`node-${id}`])
    }
    const hop = page.getByTestId('current-hop')
    assert.match(
      await hop.getByTestId('outer-header').first().textContent(),
      /UDP 6081 \(Geneve\), 1568 bytes \(\+68\)/,
    )
    assert.match(await hop.textContent(), /5TCH symmetric hash/)
    // the edge from the gateway to the GWLBe is on the lit path
    assert.deepEqual((await page.evaluate(() => document.querySelectorAll('[data-lit="path"]').length)) >= 3, true)
    await page.screenshot({ path: 'test-results/e2e-walk.png' })
    // the arrow keys go back and forward too
    await page.keyboard.press('ArrowLeft')
    assert.deepEqual(await focusOf(page), ['node-epsrv-inspection'])
    await page.getByRole('button', { name: 'Last hop' }).click()
    assert.deepEqual(await focusOf(page), ['node-ecs-web-1'])
    assert.equal(await page.getByTestId('walk-disposition').getAttribute('data-disposition'), 'DELIVERED')

    await page.getByTestId('walk-show-reply').click()
    assert.equal(await page.getByTestId('trace-player').getAttribute('data-leg'), 'reply')
    assert.match(await page.getByTestId('walk-packet').textContent(), /Reply: 10\.0\.1\.10:443 → 203\.0\.113\.10:49152/)
    await page.getByRole('button', { name: 'Last hop' }).click()
    assert.deepEqual(await focusOf(page), ['node-internet-client'])
    assert.equal(await page.getByTestId('walk-disposition').getAttribute('data-disposition'), 'DELIVERED')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('picks the source and destination by clicking the canvas, and shows a drop in red where it happens', async () => {
    const { page } = await open()
    await page.getByTestId('walk-pick').click()
    await page.locator('.react-flow__node[data-id="internet-client"]').click()
    await page.getByTestId('walk-pick-prompt').filter({ hasText: 'From internet-client' }).waitFor()
    await page.locator('.react-flow__node[data-id="ecs-web-2"]').click()
    // from the internet, a server is reached at its EIP
    assert.equal(await page.getByTestId('walk-panel').getByLabel('Address').inputValue(), '47.98.10.12')
    await page.getByTestId('walk-panel').getByLabel('Destination port').fill('22')
    await page.getByTestId('walk-trace').click()
    await page.getByRole('button', { name: 'Last hop' }).click()
    // port 22 is not in the firewalls' policy: the appliance drops it
    assert.equal(await page.getByTestId('walk-disposition').getAttribute('data-disposition'), 'APPLIANCE_DENIED')
    const [dropped] = await page.evaluate(() =>
      [...document.querySelectorAll('[data-lit="drop"]')].map((n) => n.getAttribute('data-testid')),
    )
    assert.match(dropped, /^node-fw-/)
    assert.equal(await page.getByTestId('walk-show-reply').isDisabled(), true)
    await page.screenshot({ path: 'test-results/e2e-walk-drop.png' })
    await page.close()
  })
})
