// Takes the README screenshot from the real, built app: npm run build && npm run screenshot
// Optional arguments: a URL to shoot instead of the built app, and the output file (docs/screenshot.png).
import { launch } from '../test/e2e/browser.mjs'
import { startPreview } from '../test/e2e/server.mjs'

const preview = process.argv[2] ? null : await startPreview(4174)
const url = process.argv[2] ?? preview.url
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
  preview?.stop()
}
