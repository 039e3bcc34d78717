// The toolbar fits the window: at 1024 px every control is on screen and can be clicked (the right end used to be
// off-screen), and at 1440 px the design's name shows in full on one line with the controls (it was squeezed to a
// few letters); a name longer than its room shows in full on hover. Screenshots go to test-results/.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BASE_URL, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

async function openAt(width, path = '?example=two-zones') {
  const page = await browser().newPage({ viewport: { width, height: 768 } })
  await page.goto(BASE_URL + path)
  await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
  // Import… appears once the importer is wired: the last control to arrive
  await page.getByTestId('import-button').waitFor()
  return page
}

/** Each control of the toolbar whose box is not wholly inside the window, with its box. */
function offScreen(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="toolbar"] :is(button, select, a, input:not([type="file"]))')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width === 0 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight)
      .map(
        ({ el, r }) =>
          `${el.getAttribute('aria-label') ?? el.textContent.trim()} at ${Math.round(r.left)}–${Math.round(r.right)}`,
      ),
  )
}

describe('the toolbar fits the window', () => {
  it('1024 px: every control is on screen and can be clicked where it is', async () => {
    const page = await openAt(1024)
    await page.screenshot({ path: 'test-results/e2e-toolbar-1024.png', clip: { x: 0, y: 0, width: 1024, height: 120 } })
    assert.deepEqual(await offScreen(page), [])
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1024, 'the page scrolls sideways')
    const controls = page.getByTestId('toolbar').locator('button:visible, select:visible')
    const count = await controls.count()
    assert.ok(count >= 15, `only ${count} controls found`)
    // trial: Chromium checks the control is visible, enabled where it can be, and not covered, without clicking
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i)
      if (await control.isEnabled()) await control.click({ trial: true, timeout: 2000 })
    }
    await page.close()
  })

  it('1440 px: the design’s name shows in full, and the controls stay on one line with it', async () => {
    const page = await openAt(1440)
    await page.screenshot({ path: 'test-results/e2e-toolbar-1440.png', clip: { x: 0, y: 0, width: 1440, height: 120 } })
    assert.deepEqual(await offScreen(page), [])
    const name = page.getByTestId('design-name')
    const shown = await name.evaluate((el) => {
      const text = el.querySelector('bdi').getBoundingClientRect()
      const box = el.getBoundingClientRect()
      return {
        nameRight: text.right,
        boxRight: box.right,
        top: box.top,
        newTop: document.querySelector('[data-testid="toolbar"] button').getBoundingClientRect().top,
      }
    })
    assert.ok(
      shown.nameRight <= shown.boxRight,
      `the name is cut at ${shown.boxRight}, its text ends at ${shown.nameRight}`,
    )
    assert.ok(Math.abs(shown.top - shown.newTop) < 12, 'the toolbar wrapped onto a second line at 1440 px')
    assert.equal(await name.getAttribute('title'), 'GWLB inspection, two zones · cn-hangzhou')
    await page.close()
  })

  it('a name of 128 characters is cut with an ellipsis, keeps its room, and shows in full on hover', async () => {
    const page = await openAt(1440)
    const long = `Production inspection ${'x'.repeat(106)}`
    await page.getByLabel('Design name').fill(long)
    const name = page.getByTestId('design-name')
    await page.waitForFunction((n) => document.querySelector('[data-testid="design-name"]')?.title.startsWith(n), long)
    const width = await name.evaluate((el) => el.getBoundingClientRect().width)
    assert.ok(width >= 160, `the name has ${width} px`)
    assert.equal(await name.getAttribute('title'), `${long} · cn-hangzhou`)
    assert.deepEqual(await offScreen(page), [])
    await page.close()
  })
})
