// The initial JavaScript budget, checked on every CI run: the built app, opened on its first design, fetches at
// most INITIAL_JS_BUDGET_KB of gzipped script (page and engine worker) before it is idle, measured as the canvas
// bench measures it. What was moved out of that load is exercised where it is used (live, lessons, share, import
// and simulation e2e files).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BASE_URL, sharedBrowser } from './browser.mjs'
import { INITIAL_JS_BUDGET_KB, initialScripts } from './initialScripts.mjs'

const browser = sharedBrowser()

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`

describe('the initial JavaScript', () => {
  it(`is at most ${INITIAL_JS_BUDGET_KB} KB gzipped, page and engine worker, before the app is idle`, async () => {
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } })
    try {
      const page = await context.newPage()
      const js = await initialScripts(page, BASE_URL)
      const largest = [...js.files]
        .sort((a, b) => b.gz - a.gz)
        .slice(0, 8)
        .map((f) => `${f.file} ${kb(f.gz)}`)
      assert.ok(
        js.all <= INITIAL_JS_BUDGET_KB * 1000,
        `${kb(js.all)} fetched before idle (page ${kb(js.main)}), over the budget of ${INITIAL_JS_BUDGET_KB} KB; ` +
          `the largest: ${largest.join(', ')}. Load what is not needed at start on first use (npm run bundle-report)`,
      )
      // the studio is up and usable on what it fetched: the canvas drew the design
      assert.ok((await page.locator('.react-flow__node').count()) > 0)
    } finally {
      await context.close()
    }
  })
})
