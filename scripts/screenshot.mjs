// Takes the README screenshot from the real app: node scripts/screenshot.mjs [url] [out.png]
// Default: the built app served by `vite preview` on port 4173, saved to docs/screenshot.png.
import { launch } from '../test/e2e/browser.mjs'

const url = process.argv[2] ?? 'http://localhost:4173/'
const out = process.argv[3] ?? 'docs/screenshot.png'
const browser = await launch()
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto(url)
  await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
  await page.waitForSelector('[data-testid="engine-status"]')
  await page.waitForTimeout(300)
  await page.screenshot({ path: out })
  console.log(`saved ${out}`)
} finally {
  await browser.close()
}
