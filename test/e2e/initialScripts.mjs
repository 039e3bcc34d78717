// The JavaScript the built app fetches before it is idle, gzipped: the page's scripts and the engine worker's.
// One measure for the canvas bench's row and for the e2e budget check, so both say the same number.
import { gzipSync } from 'node:zlib'

/** The budget for page + engine worker, in KB of 1,000 bytes (issue 16): what loads later must wait for use. */
export const INITIAL_JS_BUDGET_KB = 250

/**
 * Opens url in page and returns the gzipped bytes of every script fetched until the engine worker has reported on
 * the design and the network is quiet: all of them, the page's own (those index.html names), and each file's.
 */
export async function initialScripts(page, url) {
  const scripts = []
  const pending = []
  page.context().on('response', (r) => {
    if (!/\.m?js(\?|$)/.test(r.url())) return
    pending.push(
      r
        .body()
        .then((b) => void scripts.push({ url: r.url(), gz: gzipSync(b).length }))
        .catch(() => undefined),
    )
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  // the engine worker has loaded (and fetched its scripts) once it reports the design
  await page.waitForSelector('[data-testid="engine-status"]:has-text("Loaded")', { timeout: 120_000 })
  await page.waitForLoadState('networkidle')
  await Promise.all(pending)
  // the page's own scripts are the ones index.html names; the rest is the engine worker's
  const named = await page.evaluate(() =>
    [...document.querySelectorAll('script[src], link[rel="modulepreload"]')].map((e) => ('src' in e ? e.src : e.href)),
  )
  const main = scripts.filter((s) => named.includes(s.url)).reduce((a, s) => a + s.gz, 0)
  const files = scripts.map((s) => ({ file: s.url.replace(/^.*\/assets\//, ''), gz: s.gz }))
  return { all: scripts.reduce((a, s) => a + s.gz, 0), main, files }
}
