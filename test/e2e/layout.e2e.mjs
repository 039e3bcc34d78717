// Auto-layout in Chromium: on each reference design (and on one selected VPC) ELK's worker runs under the
// page's CSP, no two sibling containers overlap afterwards, and Undo is offered. Screenshots go to test-results/.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BASE_URL, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

/** Boxes on the canvas that cross without one holding the other: containers, zone bands and cards. */
async function overlaps(page) {
  return page.evaluate(() => {
    const boxes = [
      ...document.querySelectorAll(
        '[data-kind="vpc"], [data-testid^="zone-"], [data-kind="vswitch"], .react-flow__node:not(.react-flow__node-vpc):not(.react-flow__node-zone):not(.react-flow__node-vswitch) [data-testid^="node-"]',
      ),
    ].map((el) => ({
      id: el.closest('.react-flow__node').getAttribute('data-id'),
      r: el.getBoundingClientRect(),
    }))
    const inside = (a, b) =>
      a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1
    const out = []
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r
        const b = boxes[j].r
        const cross = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1
        if (cross && !inside(a, b) && !inside(b, a)) out.push(`${boxes[i].id} × ${boxes[j].id}`)
      }
    return out
  })
}

async function autoLayout(name, query, select) {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 } })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  // a worker refused by the CSP shows up as a console error, not a page error
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(BASE_URL + query)
  await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
  if (select) await page.locator(`[data-testid="node-${select}"]`).click({ position: { x: 40, y: 12 } })
  const undoBefore = await page.getByRole('button', { name: 'Undo', exact: true }).isEnabled()
  await page.getByRole('button', { name: select ? 'Auto-layout selection' : 'Auto-layout' }).click()
  // the layout is one edit: Undo becomes available once it is applied
  await page.waitForFunction(
    () =>
      !document.body.textContent.includes('Laying out…') &&
      !document.querySelector('button[aria-label="Undo"], button[title^="Undo"]')?.disabled,
  )
  assert.equal(undoBefore, false, 'the page opened with an edit to undo')
  await page.locator('.react-flow__controls-fitview').click()
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  await page.screenshot({ path: `test-results/e2e-auto-layout-${name}.png` })
  assert.deepEqual(await overlaps(page), [], 'boxes that overlap after auto-layout')
  const notice = await page.getByTestId('notice').count()
  if (notice) assert.doesNotMatch(await page.getByTestId('notice').textContent(), /fail|could not/i)
  assert.deepEqual(errors, [])
  await page.close()
}

describe('auto-layout', () => {
  it('lays out reference design (b) without overlaps', () => autoLayout('two-zones', ''))
  it('lays out reference design (a) without overlaps', () => autoLayout('single-zone', '?example=single-zone'))
  it('lays out one selected VPC without overlaps', () => autoLayout('two-zones-vpc', '', 'vpc-service'))
})
