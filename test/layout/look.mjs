// Auto-layout in the built app, to look at: npm run build && node test/layout/look.mjs
// Clicks Auto-layout on each reference design (and on one selected VPC), checks that ELK's worker ran under
// the page's CSP, that no two sibling containers overlap, and saves screenshots in test-results/.
import { mkdirSync } from 'node:fs'
import { launch } from '../e2e/browser.mjs'
import { startPreview } from '../e2e/server.mjs'

mkdirSync('test-results', { recursive: true })
const preview = await startPreview(4175)
const browser = await launch()
let failed = false

/** Sibling containers (same parent in React Flow's DOM order of parents) whose boxes overlap on screen. */
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

async function shoot(name, path, select) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(preview.url + path)
  await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
  if (select) await page.locator(`[data-testid="node-${select}"]`).click({ position: { x: 40, y: 12 } })
  await page.getByRole('button', { name: select ? 'Auto-layout selection' : 'Auto-layout' }).click()
  await page.waitForFunction(() => !document.body.textContent.includes('Laying out…'))
  await page.getByRole('button', { name: 'Undo' }).waitFor()
  await page.locator('.react-flow__controls-fitview').click()
  await page.waitForTimeout(400)
  await page.screenshot({ path: `test-results/auto-layout-${name}.png` })
  const crossing = await overlaps(page)
  const notice = await page
    .locator('[data-testid="notice"]')
    .textContent()
    .catch(() => '')
  console.log(
    `${name}: overlaps ${crossing.length ? crossing.join(', ') : 'none'}; errors ${errors.length ? errors.join(' | ') : 'none'}${notice ? `; notice: ${notice}` : ''}`,
  )
  if (crossing.length || errors.length) failed = true
  await page.close()
}

try {
  await shoot('two-zones', '')
  await shoot('single-zone', '?example=single-zone')
  await shoot('two-zones-vpc', '', 'vpc-service')
} finally {
  await browser.close()
  preview.stop()
}
process.exit(failed ? 1 : 0)
