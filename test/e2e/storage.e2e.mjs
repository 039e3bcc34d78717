// The designs kept in the browser, in Chromium: each way another design can take the canvas (an
// ?example= link, a shared link's copy, an autosave that does not load, a second tab, opening a file or
// an example) ends with the user's own design still there, found and reopened through Designs….
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { BASE_URL, launch } from './browser.mjs'

let browser
before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

/** A fresh browser profile: its own IndexedDB, as a first visit. */
const freshContext = () => browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })

async function open(context, path = '') {
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(BASE_URL + path)
  await page.waitForSelector('.react-flow__node')
  return { page, errors }
}

const nameOnCanvas = async (page) => (await page.getByTestId('design-name').textContent()).split(' · ')[0].trim()

/** Renames the design (an edit, autosaved) through the inspector's design form. */
async function rename(page, name) {
  await page.keyboard.press('Escape')
  await page.getByLabel('Design name', { exact: true }).fill(name)
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="design-name"]')?.textContent.startsWith(n),
    name,
  )
}

async function openDesigns(page) {
  await page.getByRole('button', { name: 'Designs…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Designs in this browser' })
  await dialog.getByTestId('designs-list').waitFor()
  return dialog
}

const entry = (dialog, name) => dialog.getByTestId('design-entry').filter({ hasText: name })

/** Waits until Designs… lists `name` (the autosave has written it), then closes the dialog. */
async function waitSaved(page, name) {
  const dialog = await openDesigns(page)
  await entry(dialog, name).first().waitFor()
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
}

async function listed(page) {
  const dialog = await openDesigns(page)
  const names = await dialog.getByTestId('design-entry').locator('p.font-medium').allTextContents()
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  return names.map((n) => n.replace(/(on the canvas|does not open)$/g, '').trim()).sort()
}

/** Opens a stored design from Designs… and waits until it is on the canvas. */
async function reopen(page, name) {
  const dialog = await openDesigns(page)
  await dialog.getByRole('button', { name: `Open ${name}`, exact: true }).click()
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="design-name"]')?.textContent.startsWith(n),
    name,
  )
}

async function dragNode(page, id, dx, dy) {
  const box = await page.locator(`[data-testid="node-${id}"]`).boundingBox()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 6 })
  await page.mouse.up()
}

/** A fresh profile holding one design of the user's, "My work", saved. */
async function withMyWork() {
  const context = await freshContext()
  const { page, errors } = await open(context)
  await rename(page, 'My work')
  await waitSaved(page, 'My work')
  return { context, page, errors }
}

describe('designs kept in the browser', () => {
  it('story 1: ?example= opens beside the user’s design, and an edit of the example does not replace it', async () => {
    const { context, page } = await withMyWork()
    await page.goto(`${BASE_URL}?example=single-zone`)
    await page.locator('.react-flow__node[data-id="fw-1"]').waitFor()
    assert.match(await page.getByTestId('notice').textContent(), /Your design "My work" is kept in this browser/)
    await dragNode(page, 'fw-1', 120, 40)
    await rename(page, 'Example, edited')
    await waitSaved(page, 'Example, edited')
    await page.reload()
    await page.waitForSelector('.react-flow__node')
    assert.deepEqual(await listed(page), ['Example, edited', 'My work'])
    await reopen(page, 'My work')
    assert.equal(await nameOnCanvas(page), 'My work')
    // the canvas draws "My work" (the two-zone design), not the example it replaced
    await page.locator('.react-flow__node[data-id="fw-h1"]').waitFor()
    assert.equal(await page.locator('.react-flow__node[data-id="fw-1"]').count(), 0)
    await page.screenshot({ path: 'test-results/e2e-storage-story1.png' })
    await context.close()
  })

  it('story 2: a shared link’s "Make my copy" saves the copy as a new design; the user’s own is kept', async () => {
    const { context, page, errors } = await withMyWork()
    await page.getByRole('button', { name: 'Share link…' }).click()
    const link = await page.getByTestId('share-link').inputValue()
    await page.keyboard.press('Escape')
    // someone else's design arrives by link: the same document, renamed by them
    const shared = await open(context, link.slice(BASE_URL.length))
    await shared.page.getByRole('button', { name: 'Make my copy' }).click()
    assert.match(await shared.page.getByTestId('notice').textContent(), /saved in this browser as a new design/)
    await dragNode(shared.page, 'internet-client', 150, 0)
    await rename(shared.page, 'Their design, my copy')
    await waitSaved(shared.page, 'Their design, my copy')
    await shared.page.reload()
    await shared.page.waitForSelector('.react-flow__node')
    assert.equal(await nameOnCanvas(shared.page), 'Their design, my copy')
    assert.deepEqual(await listed(shared.page), ['My work', 'Their design, my copy'])
    await reopen(shared.page, 'My work')
    assert.deepEqual([...errors, ...shared.errors], [])
    await context.close()
  })

  for (const [what, text] of [
    ['garbage', '{"format": "gwlb-studio/de'],
    ['a newer version', JSON.stringify({ format: 'gwlb-studio/design', version: 99, name: 'From the future' })],
    ['a bad CIDR', null],
  ])
    it(`story 3: an autosave that does not load (${what}) is kept, never overwritten, and recovered`, async () => {
      const context = await freshContext()
      let raw = text
      if (raw === null) {
        const doc = JSON.parse(await readFile('public/examples/single-zone.json', 'utf8'))
        doc.name = 'Broken CIDR'
        doc.resources.find((r) => r.kind === 'vswitch').cidrBlock = '10.0.1.0/33'
        raw = JSON.stringify(doc)
      }
      // the autosave of an earlier version of the app, left in this browser
      const page = await context.newPage()
      await page.goto(`${BASE_URL}examples/single-zone.json`)
      await page.evaluate(
        (value) =>
          new Promise((resolve, reject) => {
            const req = indexedDB.open('keyval-store')
            req.onupgradeneeded = () => req.result.createObjectStore('keyval')
            req.onsuccess = () => {
              const tx = req.result.transaction('keyval', 'readwrite')
              tx.objectStore('keyval').put(value, 'gwlb-studio/autosave')
              tx.oncomplete = () => resolve()
              tx.onerror = () => reject(tx.error)
            }
          }),
        { text: raw, savedAt: '2026-11-30T09:00:00.000Z' },
      )
      await page.goto(BASE_URL)
      await page.waitForSelector('.react-flow__node')
      const notice = page.getByTestId('notice')
      assert.match(await notice.textContent(), /could not be opened/)
      assert.match(await notice.textContent(), /Recover…/)
      // the first edit saves the design on screen as a new design, beside the unreadable one
      await rename(page, 'Fresh work')
      await waitSaved(page, 'Fresh work')
      await page.reload()
      await page.waitForSelector('.react-flow__node')
      const dialog = await openDesigns(page)
      const broken = dialog.getByTestId('design-entry').filter({ hasText: 'does not open' })
      await broken.getByRole('button', { name: /^Recover/ }).click()
      await dialog.getByTestId('recover-text').waitFor()
      await page.screenshot({ path: 'test-results/e2e-storage-recover.png' })
      const download = page.waitForEvent('download')
      await dialog.getByRole('button', { name: 'Download its text' }).click()
      assert.equal(await readFile(await (await download).path(), 'utf8'), raw)
      // fixed, it opens as a new design
      const fixed = JSON.parse(await readFile('public/examples/single-zone.json', 'utf8'))
      fixed.name = 'Recovered'
      await dialog.getByTestId('recover-text').fill(JSON.stringify(fixed))
      await dialog.getByRole('button', { name: 'Open as a new design' }).click()
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="design-name"]')?.textContent.startsWith('Recovered'),
      )
      const names = await listed(page)
      assert.equal(names.length, 3, names.join(', '))
      assert.ok(names.includes('Fresh work') && names.includes('Recovered'))
      await context.close()
    })

  it('story 4: two tabs on one design: the second writer’s edits are kept as a copy, and each tab is told', async () => {
    const { context, page: a } = await withMyWork()
    const { page: b } = await open(context)
    assert.equal(await nameOnCanvas(b), 'My work')
    await rename(a, 'My work, edited in A')
    // B hears of A's save before it writes anything
    await b.getByTestId('notice').filter({ hasText: 'was changed in another tab' }).waitFor()
    await rename(b, 'My work, edited in B')
    const forked = b.getByTestId('notice').filter({ hasText: 'kept as "My work, edited in B (copy from another tab)"' })
    await forked.waitFor()
    assert.equal(await nameOnCanvas(b), 'My work, edited in B (copy from another tab)')
    await b.screenshot({ path: 'test-results/e2e-storage-two-tabs.png' })
    await waitSaved(b, 'My work, edited in B (copy from another tab)')
    assert.deepEqual(await listed(b), ['My work, edited in A', 'My work, edited in B (copy from another tab)'])
    // A's design is as A left it: each tab reloads its own
    await a.reload()
    await a.waitForSelector('.react-flow__node')
    assert.equal(await nameOnCanvas(a), 'My work, edited in A')
    await b.reload()
    await b.waitForSelector('.react-flow__node')
    assert.equal(await nameOnCanvas(b), 'My work, edited in B (copy from another tab)')
    await context.close()
  })

  it('New then Undo: the design back on the canvas is edited in its own record, and each design is listed once', async () => {
    const { context, page, errors } = await withMyWork()
    await page.getByRole('button', { name: 'New', exact: true }).click()
    await page.getByTestId('notice').filter({ hasText: '"My work" is kept in this browser' }).waitFor()
    await waitSaved(page, 'Untitled design')
    await page.locator('header').getByRole('button', { name: 'Undo', exact: true }).click()
    await page.locator('.react-flow__node[data-id="fw-h1"]').waitFor()
    await rename(page, 'My work, after Undo')
    await waitSaved(page, 'My work, after Undo')
    await page.reload()
    await page.waitForSelector('.react-flow__node')
    assert.equal(await nameOnCanvas(page), 'My work, after Undo')
    assert.deepEqual(await listed(page), ['My work, after Undo', 'Untitled design'])
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('story 5: opening an example, a file, a dropped file or New keeps the design it replaces after a reload', async () => {
    const { context, page, errors } = await withMyWork()
    await page.getByLabel('Open example').selectOption('single-zone')
    await page.locator('.react-flow__node[data-id="fw-1"]').waitFor()
    assert.match(await page.getByTestId('notice').textContent(), /"My work" is kept in this browser/)
    await page.getByRole('button', { name: 'Reopen "My work"' }).waitFor()
    await rename(page, 'Second')
    await waitSaved(page, 'Second')
    // a file, chosen
    const file = JSON.parse(await readFile('public/examples/two-zones.json', 'utf8'))
    file.name = 'From a file'
    await page.getByTestId('open-file-input').setInputFiles({
      name: 'from-a-file.gwlb.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    })
    await page.getByTestId('notice').filter({ hasText: '"Second" is kept in this browser' }).waitFor()
    await rename(page, 'Third')
    await waitSaved(page, 'Third')
    // a file, dropped
    file.name = 'Dropped'
    await page.evaluate((text) => {
      const dt = new DataTransfer()
      dt.items.add(new File([text], 'dropped.gwlb.json', { type: 'application/json' }))
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    }, JSON.stringify(file))
    await page.getByTestId('notice').filter({ hasText: '"Third" is kept in this browser' }).waitFor()
    await waitSaved(page, 'Dropped')
    await page.getByRole('button', { name: 'New', exact: true }).click()
    await page.getByTestId('notice').filter({ hasText: '"Dropped" is kept in this browser' }).waitFor()
    await rename(page, 'Fourth, from New')
    await waitSaved(page, 'Fourth, from New')
    // an activity started
    await page.getByTestId('tab-activity').click()
    await page.getByTestId('activity-start-zone-i-inspection').click()
    await page.getByTestId('notice').filter({ hasText: '"Fourth, from New" is kept in this browser' }).waitFor()
    const activity = (await page.getByTestId('design-name').textContent()).replace(/ · .*$/, '').trim()
    assert.match(activity, /^Activity: /)
    await waitSaved(page, activity)
    await page.reload()
    await page.waitForSelector('[data-testid="design-name"]')
    assert.deepEqual(await listed(page), [activity, 'Dropped', 'Fourth, from New', 'My work', 'Second', 'Third'])
    await reopen(page, 'My work')
    await page.locator('.react-flow__node[data-id="fw-h1"]').waitFor()
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('story 6: an edit made just before a reload (within the autosave’s half second) is on the canvas after it', async () => {
    const { context, page, errors } = await withMyWork()
    await rename(page, 'Renamed, then reloaded at once')
    // no wait for data-autosave="saved": the reload comes within the debounce, as a user's F5 after typing does
    await page.reload()
    await page.waitForSelector('.react-flow__node')
    assert.equal(await nameOnCanvas(page), 'Renamed, then reloaded at once')
    // by the journal, or by the page's last write if it reached IndexedDB after all (a reload sometimes lets it)
    assert.match(
      await page.getByTestId('notice').textContent(),
      /made just before the page closed, were recovered|Restored "Renamed, then reloaded at once"/,
    )
    // recovered into the design it belonged to, not beside it
    assert.deepEqual(await listed(page), ['Renamed, then reloaded at once'])
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('story 7: a resource added just before the tab is closed is on the canvas of the next tab', async () => {
    const { context, page } = await withMyWork()
    const nodes = page.locator('.react-flow__node-vpc')
    const before = await nodes.count()
    await page
      .getByTestId('palette-vpc')
      .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 12, y: 12 } })
    // closed as soon as the drop is an edit the autosave waits to store (its half-second debounce has begun): what
    // the tab holds then is only the journal's to keep (waiting for the new node to be drawn first let the autosave
    // store it now and then, and the journal had nothing to do)
    await page.waitForFunction(() => document.documentElement.dataset.autosave === 'pending')
    await page.close({ runBeforeUnload: true })
    const next = await open(context)
    await next.page.waitForFunction((n) => document.querySelectorAll('.react-flow__node-vpc').length === n, before + 1)
    // the journal recovered it ("were recovered"), or the page's last write reached IndexedDB after all (a close
    // sometimes gives it the time): either way the VPC is there, and the design opens as the user's own
    assert.match(await next.page.getByTestId('notice').textContent(), /were recovered|Restored "My work"/)
    await next.page.screenshot({ path: 'test-results/e2e-storage-recovered.png' })
    await context.close()
  })

  it('story 8: a tab still showing the design hears of the edits recovered from a tab that closed, and loads them', async () => {
    const { context, page: first, errors } = await withMyWork()
    // a second tab on the same design renames it and is closed at once, within the autosave's half second
    const second = await open(context)
    await rename(second.page, 'Renamed in a tab closed at once')
    await second.page.close({ runBeforeUnload: true })
    // the next tab to open recovers the edit from the journal, or the closed tab's last write landed after all
    // (here about two closes in three): either way the first tab is told, as of any save of its design elsewhere.
    // The journal's path alone, deterministically: test/app/storage/journal.test.ts
    const third = await open(context)
    assert.equal(await nameOnCanvas(third.page), 'Renamed in a tab closed at once')
    const notice = first.getByTestId('notice')
    await first.waitForFunction(() =>
      document.querySelector('[data-testid="notice"]')?.textContent?.includes('"My work" was changed in another tab.'),
    )
    await first.screenshot({ path: 'test-results/e2e-storage-told.png' })
    await notice.getByRole('button', { name: 'Load the other tab’s version' }).click()
    await first.waitForFunction(() =>
      document.querySelector('[data-testid="design-name"]')?.textContent?.startsWith('Renamed in a tab closed at once'),
    )
    assert.deepEqual(await listed(first), ['Renamed in a tab closed at once'])
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('renames, exports, deletes with Undo, and restores an earlier version, all from the keyboard-reachable dialog', async () => {
    const { context, page } = await withMyWork()
    // a new session's first edit keeps the design as it was as a version
    await page.reload()
    await page.waitForSelector('.react-flow__node')
    await rename(page, 'My work, later')
    await waitSaved(page, 'My work, later')
    await page.getByLabel('Open example').selectOption('single-zone')
    await page.locator('.react-flow__node[data-id="fw-1"]').waitFor()
    await rename(page, 'Scratch')
    await waitSaved(page, 'Scratch')

    const dialog = await openDesigns(page)
    await page.screenshot({ path: 'test-results/e2e-storage-designs-dialog.png' })
    // rename another design
    await dialog.getByRole('button', { name: 'Rename My work, later' }).click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Renamed work')
    await page.keyboard.press('Enter')
    await entry(dialog, 'Renamed work').waitFor()
    // export its text
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export Renamed work' }).click()
    const exported = await download
    assert.equal(exported.suggestedFilename(), 'renamed-work.gwlb.json')
    assert.equal(JSON.parse(await readFile(await exported.path(), 'utf8')).name, 'Renamed work')
    // versions: the one before this session's edit, and the one before the rename
    await dialog.getByRole('button', { name: 'Versions of Renamed work' }).click()
    const versions = dialog.getByTestId('design-version')
    await versions.first().waitFor()
    assert.deepEqual(
      (await versions.allTextContents()).map((t) => /"([^"]+)"/.exec(t)[1]),
      ['My work, later', 'My work'],
    )
    await page.screenshot({ path: 'test-results/e2e-storage-versions.png' })
    // delete, confirmed by keyboard, then Undo
    await dialog.getByRole('button', { name: 'Delete Renamed work' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await dialog.getByText('Deleted "Renamed work" from this browser.').waitFor()
    // the list refreshes on its own, after the notice
    await entry(dialog, 'Renamed work').waitFor({ state: 'detached' })
    await dialog.getByRole('button', { name: 'Undo' }).click()
    await entry(dialog, 'Renamed work').waitFor()
    // restore the oldest version, then open it
    await dialog.getByRole('button', { name: 'Versions of Renamed work' }).click()
    await versions
      .last()
      .getByRole('button', { name: /^Restore/ })
      .click()
    // the design is back to its oldest name, and what the restore replaced is a version of its own
    await versions.first().filter({ hasText: '"Renamed work" · before the version of' }).waitFor()
    await dialog.getByRole('button', { name: 'Open My work', exact: true }).click()
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="design-name"]')?.textContent.startsWith('My work ·'),
    )
    assert.deepEqual(await listed(page), ['My work', 'Scratch'])
    await context.close()
  })
})
