// Launches Debian's Chromium through playwright-core (never Playwright's own browser download).
import { existsSync } from 'node:fs'
import { after, before } from 'node:test'
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launch() {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}

/** One Chromium for a test file: launched before its tests, closed after them. */
export function sharedBrowser() {
  let browser
  before(async () => {
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
  })
  return () => browser
}

/** The built app under test, served by test/e2e/run.mjs. */
export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:4173/'

/** A 1440×900 page of the app at `path`, once the reference design's GWLB is drawn; `errors` collects page errors. */
export async function openApp(browser, path = '') {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(BASE_URL + path)
  await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
  return { page, errors }
}

/**
 * A browser profile of its own whose one stored design is the reference design renamed `name` (autosaved): what a
 * user who has work of their own sees when a link arrives in their open tab.
 */
export async function openWithStoredDesign(browser, name) {
  const own = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await own.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(BASE_URL)
  await page.locator('.react-flow__node[data-id="fw-h1"]').waitFor()
  await page.keyboard.press('Escape')
  await page.getByLabel('Design name', { exact: true }).fill(name)
  await page.waitForFunction(() => document.documentElement.dataset.autosave === 'saved')
  return { own, page, errors }
}
