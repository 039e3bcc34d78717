// Sharing in Chromium, on the built app under its CSP: a link reopens the same picture read-only;
// an exported PNG dropped back gives the same document; a broken file leaves the design as it was.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { Resvg } from '@resvg/resvg-js'
import { deflateSync } from 'fflate'
import { BASE_URL, launch, openWithStoredDesign } from './browser.mjs'

let browser
let context

before(async () => {
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
})
after(async () => {
  await browser?.close()
})

async function open(path = '') {
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  // a CSP violation is only a console message
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(BASE_URL + path)
  await page.waitForSelector('.react-flow__node')
  return { page, errors }
}

/** Every node's box in flow coordinates: the screen box through the inverse of the viewport's transform. */
function flowBoxes(page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect()
    const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform)
    const out = {}
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect()
      out[el.getAttribute('data-id')] = [
        (r.left - pane.left - m.e) / m.a,
        (r.top - pane.top - m.f) / m.d,
        r.width / m.a,
        r.height / m.d,
      ]
    }
    return out
  })
}

/** The same nodes, each within half a flow unit: the two pages fit different zooms, so the last digits differ. */
function assertSameBoxes(actual, expected) {
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort())
  for (const [id, box] of Object.entries(expected))
    assert.ok(
      box.every((v, i) => Math.abs(actual[id][i] - v) < 0.5),
      `${id} is at ${actual[id].map((v) => v.toFixed(1))}, expected ${box.map((v) => v.toFixed(1))}`,
    )
}

function moved(actual, expected, id) {
  return Math.abs(actual[id][0] - expected[id][0]) >= 0.5 || Math.abs(actual[id][1] - expected[id][1]) >= 0.5
}

async function downloadOf(page, click) {
  const wait = page.waitForEvent('download')
  await click()
  const d = await wait
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) }
}

/** Runs a command to its end; rejects with its stderr when it fails. */
function run(file, args) {
  return new Promise((resolve, reject) =>
    execFile(file, args, (e, stdout, stderr) => (e ? reject(new Error(`${e.message}\n${stderr}`)) : resolve(stdout))),
  )
}

/** A PNG's size, from its IHDR chunk. */
function pngSize(bytes) {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** The share of RGBA pixels that are not (near) white: what is drawn. */
function ink(rgba) {
  let n = 0
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i] + rgba[i + 1] + rgba[i + 2] < 750) n++
  return n / (rgba.length / 4)
}

const saveFile = (page) => downloadOf(page, () => page.getByRole('button', { name: 'Save file' }).click())

async function exportPng(page) {
  return downloadOf(page, async () => {
    await page.getByRole('button', { name: 'Export ▾' }).click()
    await page.getByRole('menuitem', { name: /PNG of the design/ }).click()
  })
}

/** Drops a file on the window as the operating system would, through a real DataTransfer. */
async function dropFile(page, name, type, bytes) {
  await page.evaluate(
    ({ name, type, data }) => {
      const dt = new DataTransfer()
      dt.items.add(new File([Uint8Array.from(data)], name, { type }))
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    },
    { name, type, data: [...bytes] },
  )
}

async function dragNode(page, id, dx, dy) {
  const box = await page.locator(`[data-testid="node-${id}"]`).boundingBox()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + dx / 2, box.y + box.height / 2 + dy / 2, { steps: 4 })
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 4 })
  await page.mouse.up()
}

describe('sharing and export in Chromium', () => {
  it('opens a share link pasted into the address bar of an open tab, after keeping the design on screen', async () => {
    // a profile of its own: the user's design is the only one stored
    const { own, page, errors } = await openWithStoredDesign(browser, 'My work')
    // a link to another design, made by the app
    const other = await own.newPage()
    await other.goto(`${BASE_URL}?example=single-zone`)
    await other.getByRole('button', { name: 'Share link…' }).click()
    const { hash } = new URL(await other.getByTestId('share-link').inputValue())
    await other.close()

    const pasteLink = () => page.evaluate((h) => (window.location.hash = h), hash)
    const notice = page.getByTestId('notice')
    await pasteLink()
    await page.locator('.react-flow__node[data-id="fw-1"]').waitFor()
    await page.getByTestId('read-only-banner').waitFor()
    assert.equal(await page.locator('.react-flow__node[data-id="fw-h1"]').count(), 0)
    assert.match(await notice.textContent(), /Opened "GWLB inspection, one zone"\./)
    assert.match(await notice.textContent(), /Your design "My work" is kept in this browser/)
    await page.screenshot({ path: 'test-results/e2e-share-link-pasted.png' })

    // Undo brings the user's design back, editable, and the link leaves the address bar
    await notice.getByRole('button', { name: 'Undo', exact: true }).click()
    await page.locator('.react-flow__node[data-id="fw-h1"]').waitFor()
    assert.match(await page.getByTestId('design-name').textContent(), /^My work/)
    assert.equal(await page.getByTestId('read-only-banner').count(), 0)
    assert.equal(new URL(page.url()).hash, '')

    // pasted again, and Reopen from the notice: the stored design, once in Designs…
    await pasteLink()
    await page.locator('.react-flow__node[data-id="fw-1"]').waitFor()
    await notice.getByRole('button', { name: 'Reopen "My work"' }).click()
    await page.locator('.react-flow__node[data-id="fw-h1"]').waitFor()
    assert.match(await page.getByTestId('design-name').textContent(), /^My work/)
    assert.equal(await page.getByTestId('read-only-banner').count(), 0)
    await page.getByRole('button', { name: 'Designs…' }).click()
    const listed = page.getByRole('dialog', { name: 'Designs in this browser' }).getByTestId('design-entry')
    await listed.first().waitFor()
    const names = await listed.locator('p.font-medium').allTextContents()
    assert.deepEqual(
      names.map((n) => n.replace(/on the canvas$/, '').trim()),
      ['My work'],
    )
    assert.deepEqual(errors, [])
    await own.close()
  })

  it('makes a link that opens the same nodes at the same positions, read-only until "Make my copy"', async () => {
    const { page, errors } = await open()
    // a moved node shows that the layout travels in the link, not only the resources
    const start = await flowBoxes(page)
    await dragNode(page, 'internet-client', -120, 0)
    const boxes = await flowBoxes(page)
    assert.ok(moved(boxes, start, 'internet-client'), 'the drag did not move the node')
    await page.getByRole('button', { name: 'Share link…' }).click()
    await page.screenshot({ path: 'test-results/e2e-share-link-dialog.png' })
    const link = await page.getByTestId('share-link').inputValue()
    assert.match(link, /#d=2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/)

    const shared = await open(link.slice(BASE_URL.length))
    await shared.page.getByTestId('read-only-banner').waitFor()
    assert.match(await shared.page.getByTestId('notice').textContent(), /Opened "GWLB inspection, two zones"/)
    assertSameBoxes(await flowBoxes(shared.page), boxes)
    await shared.page.screenshot({ path: 'test-results/e2e-share-read-only.png' })

    // read-only: a drag moves nothing
    await dragNode(shared.page, 'internet-client', 200, 80)
    assertSameBoxes(await flowBoxes(shared.page), boxes)

    await shared.page.getByRole('button', { name: 'Make my copy' }).click()
    assert.equal(await shared.page.getByTestId('read-only-banner').count(), 0)
    assert.equal(new URL(shared.page.url()).hash, '')
    await dragNode(shared.page, 'internet-client', 200, 0)
    assert.ok(moved(await flowBoxes(shared.page), boxes, 'internet-client'), 'the copy cannot be edited')
    assert.deepEqual([...errors, ...shared.errors], [])
    await page.close()
    await shared.page.close()
  })

  it('shows a link in the embed view: the canvas, no share menu, no editing', async () => {
    const { page } = await open()
    await page.getByRole('button', { name: 'Share link…' }).click()
    const embed = await page.getByTestId('share-embed').inputValue()
    const src = /src="([^"]+)"/.exec(embed)[1]
    const view = await open(src.slice(BASE_URL.length))
    await view.page.getByTestId('embed-strip').waitFor()
    assert.equal(await view.page.getByRole('button', { name: 'Share link…' }).count(), 0)
    assert.equal(await view.page.getByTestId('read-only-banner').count(), 0)
    const before = await flowBoxes(view.page)
    await dragNode(view.page, 'gwlb-inspection', 150, 0)
    assertSameBoxes(await flowBoxes(view.page), before)
    assert.doesNotMatch(
      await view.page.getByRole('link', { name: /Open in GWLB Studio/ }).getAttribute('href'),
      /view=embed/,
    )
    await view.page.screenshot({ path: 'test-results/e2e-share-embed.png' })
    await page.close()
    await view.page.close()
  })

  it('an embed link pasted into an open tab switches into the embed view, after keeping the design', async () => {
    // a profile of its own: the user's design is the only one stored
    const { own, page, errors } = await openWithStoredDesign(browser, 'My work')
    // the frame's address for another design, made by the app
    const other = await own.newPage()
    await other.goto(`${BASE_URL}?example=single-zone`)
    await other.getByRole('button', { name: 'Share link…' }).click()
    const src = /src="([^"]+)"/.exec(await other.getByTestId('share-embed').inputValue())[1]
    await other.close()

    await page.evaluate((h) => (window.location.hash = h), new URL(src).hash)
    await page.getByTestId('embed-strip').waitFor()
    await page.locator('.react-flow__node[data-id="fw-1"]').waitFor()
    assert.equal(await page.locator('.react-flow__node[data-id="fw-h1"]').count(), 0)
    assert.match(await page.getByTestId('embed-strip').textContent(), /GWLB inspection, one zone/)
    // the canvas only, as a first load of the frame's address shows it
    assert.equal(await page.getByRole('button', { name: 'Share link…' }).count(), 0)
    assert.equal(await page.getByTestId('read-only-banner').count(), 0)
    assert.match(await page.getByTestId('notice').textContent(), /Your design "My work" is kept in this browser/)
    await page.screenshot({ path: 'test-results/e2e-share-embed-pasted.png' })

    // the design is kept: the full app in another tab lists it
    const full = await own.newPage()
    await full.goto(BASE_URL)
    await full.getByRole('button', { name: 'Designs…' }).click()
    const listed = full.getByRole('dialog', { name: 'Designs in this browser' }).getByTestId('design-entry')
    await listed.first().waitFor()
    const names = await listed.locator('p.font-medium').allTextContents()
    assert.ok(
      names.some((n) => n.replace(/on the canvas$/, '').trim() === 'My work'),
      `Designs… lists ${JSON.stringify(names)}`,
    )
    assert.deepEqual(errors, [])
    await own.close()
  })

  it('exports a PNG that carries the design: dropped on the app, it opens the same document', async () => {
    const { page, errors } = await open()
    await dragNode(page, 'update-server', 90, 0)
    const json = await saveFile(page)
    await page.getByRole('button', { name: 'Export ▾' }).click()
    await page.screenshot({ path: 'test-results/e2e-share-export-menu.png' })
    await page.keyboard.press('Escape')
    const png = await exportPng(page)
    assert.match(png.name, /\.png$/)
    assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10])
    assert.ok(png.bytes.includes(Buffer.from('gwlb-studio/design')), 'the PNG has no design chunk')

    const other = await open('?example=single-zone')
    assert.match(await other.page.getByTestId('design-name').textContent(), /one zone/)
    await dropFile(other.page, png.name, 'image/png', png.bytes)
    await other.page.waitForSelector('[data-testid="node-gwlbe-i"]')
    assert.match(await other.page.getByTestId('notice').textContent(), /Opened "GWLB inspection, two zones"/)
    assert.equal((await saveFile(other.page)).bytes.toString('utf8'), json.bytes.toString('utf8'))
    assert.deepEqual([...errors, ...other.errors], [])
    await page.close()
    await other.page.close()
  })

  it('exports an SVG drawn with the command line’s renderer, which resvg draws as the PNG shows it', async () => {
    const { page, errors } = await open()
    const svg = await downloadOf(page, async () => {
      await page.getByRole('button', { name: 'Export ▾' }).click()
      await page.getByRole('menuitem', { name: 'SVG of the design' }).click()
    })
    const text = svg.bytes.toString('utf8')
    assert.match(text, /^<\?xml[^>]*>\s*<svg /)
    // plain shapes and text: a DOM copy in a foreignObject is what other programs drew blank
    assert.doesNotMatch(text, /foreignObject/)
    for (const name of ['Service VPC', 'Security VPC', 'GWLBe H', 'Inspection GWLB', 'Firewall I2', '10.0.1.0/24'])
      assert.match(text, new RegExp(`<text[^>]*>[^<]*${name.replace(/[./]/g, '\\$&')}`), `${name} is not drawn as text`)
    assert.ok((text.match(/<path /g) ?? []).length >= 10, 'the edges are not drawn')

    // the very picture the command line draws of the same design (the app badges the same linter problems)
    const saved = await saveFile(page)
    const dir = await mkdtemp(join(tmpdir(), 'gwlb-svg-'))
    await writeFile(join(dir, 'design.gwlb.json'), saved.bytes)
    await run(process.execPath, [
      '--import',
      'tsx',
      'cli/main.ts',
      'export',
      join(dir, 'design.gwlb.json'),
      '--to',
      'svg',
      '--out',
      join(dir, 'cli.svg'),
    ])
    assert.equal(text, await readFile(join(dir, 'cli.svg'), 'utf8'))

    // resvg draws it: about as much of the picture is ink as in the app's PNG of the same design (the old
    // foreignObject export came out of resvg as a title on white)
    const drawn = new Resvg(text, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render()
    const png = await exportPng(page)
    const size = pngSize(png.bytes)
    const wrapper = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><image width="${size.width}" height="${size.height}" href="data:image/png;base64,${png.bytes.toString('base64')}"/></svg>`
    const shown = new Resvg(wrapper).render()
    const [svgInk, pngInk] = [ink(drawn.pixels), ink(shown.pixels)]
    await writeFile('test-results/e2e-share-svg-resvg.png', drawn.asPng())
    assert.ok(pngInk > 0.03, `the PNG is ${(pngInk * 100).toFixed(1)}% ink`)
    assert.ok(
      svgInk > pngInk / 2 && svgInk < pngInk * 2,
      `SVG ${(svgInk * 100).toFixed(1)}% ink, PNG ${(pngInk * 100).toFixed(1)}%`,
    )
    // the same shape of picture: the header and the diagram under it
    assert.ok(
      Math.abs(drawn.width / drawn.height - size.width / size.height) < 0.25,
      `${drawn.width}×${drawn.height} vs ${size.width}×${size.height}`,
    )
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('refuses a broken file with a message naming the field, and keeps the design on screen', async () => {
    const { page, errors } = await open()
    const before = await saveFile(page)
    const doc = JSON.parse(before.bytes.toString('utf8'))
    doc.resources.find((r) => r.kind === 'vswitch').cidrBlock = '10.0.1.0/33'
    await page.getByTestId('open-file-input').setInputFiles({
      name: 'broken.gwlb.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    })
    const alert = page.getByRole('alert')
    await alert.waitFor()
    const text = await alert.textContent()
    assert.match(text, /broken\.gwlb\.json: The design has 1 problem/)
    assert.match(text, /cidrBlock/)
    assert.match(text, /10\.0\.1\.0\/33/)
    assert.equal((await saveFile(page)).bytes.toString('utf8'), before.bytes.toString('utf8'))
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('shows the error of 5,000 nested arrays, in a 366-character link and in a file, never a page error', async () => {
    const deep = Buffer.from(`{"format":"gwlb-studio/design","version":0,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`)
    let [a, b] = [1, 0]
    for (const byte of deep) [a, b] = [(a + byte) % 65521, (b + ((a + byte) % 65521)) % 65521]
    const sum = ((b * 65536 + a) >>> 0).toString(16).padStart(8, '0')
    const link = `#d=2.${Buffer.from(deflateSync(deep, { level: 9 })).toString('base64url')}.${sum}`
    // the app once stayed on "Loading the design…" for ever here
    const { page, errors } = await open(link)
    const alert = page.getByRole('alert')
    assert.match(await alert.textContent(), /GWLB-L020 .*at most 64 levels/)
    assert.match(await alert.textContent(), /design ".*" is shown instead/)
    await page.getByTestId('open-file-input').setInputFiles({
      name: 'deep.gwlb.json',
      mimeType: 'application/json',
      buffer: deep,
    })
    await page.waitForFunction(() =>
      document.querySelector('[role="alert"]')?.textContent?.includes('deep.gwlb.json: The design has 1 problem'),
    )
    assert.match(await alert.textContent(), /GWLB-L020/)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('shows the error of a broken link over the reference design', async () => {
    const { page, errors } = await open('#d=1.broken')
    assert.match(await page.getByRole('alert').textContent(), /This link does not hold a GWLB Studio design/)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    assert.equal(await page.getByTestId('read-only-banner').count(), 0)
    assert.deepEqual(errors, [])
    await page.close()
  })
})
