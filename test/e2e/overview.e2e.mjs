// A large design zoomed out: the built app draws the 2,001-resource bench design at fit view as one bitmap
// instead of its DOM nodes, and never mounts them on the way (opened from a file or from the browser's storage),
// the pointer still hovers, selects and drags on it, and zooming in brings the DOM nodes in view back.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { describe, it } from 'node:test'
import { openApp, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

/** The bench design as a file, and the absolute box (flow coordinates) of each VPC and server, from toFlow. */
const scale = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { scaleDesign } = await import('./test/fixtures/canvas/design.ts')
       const { serialise } = await import('./src/model/index.ts')
       const { toFlow } = await import('./src/canvas/toFlow.ts')
       const design = scaleDesign()
       const at = new Map()
       const boxes = {}
       for (const n of toFlow(design).nodes) {
         const p = n.parentId ? at.get(n.parentId) : { x: 0, y: 0 }
         const box = { x: p.x + n.position.x, y: p.y + n.position.y, width: n.style.width, height: n.style.height }
         at.set(n.id, box)
         if (n.type === 'vpc' || n.type === 'ecs') boxes[n.id] = { ...box, kind: n.type, parentId: n.parentId }
       }
       process.stdout.write(JSON.stringify({ text: serialise(design), boxes }))`,
    ],
    { maxBuffer: 64 << 20 },
  ),
)

/**
 * Counts every React Flow node element put into the page from now on (in `window.nodesMounted`): a large design's
 * first render at fit view must mount none, not mount them all and then hide them.
 */
const COUNT_MOUNTED = `(() => {
  window.nodesMounted = 0
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n instanceof Element)
          window.nodesMounted += n.matches('.react-flow__node') + n.querySelectorAll('.react-flow__node').length
  }).observe(document, { childList: true, subtree: true })
})()`

const mounted = (page) => page.evaluate(() => window.nodesMounted)

/** Waits until the bitmap is drawn at fit view with the design reported on. */
async function bitmapShown(page) {
  await page.getByTestId('engine-status').filter({ hasText: 'Loaded: 2001 resources' }).waitFor({ timeout: 120_000 })
  await page.locator('.react-flow.gs-bitmap [data-testid="overview-canvas"]').waitFor({ timeout: 120_000 })
}

async function openScaleDesign() {
  const { page, errors } = await openApp(browser())
  await page.evaluate(COUNT_MOUNTED)
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'scale.gwlb.json',
    mimeType: 'application/json',
    buffer: Buffer.from(scale.text),
  })
  // opened, fitted and reported on: the notice above the canvas has moved it down for good
  await page.getByTestId('notice').filter({ hasText: 'Opened' }).waitFor({ timeout: 120_000 })
  await bitmapShown(page)
  return { page, errors }
}

/** Screen point of a flow point, through the viewport's transform. */
function toScreen(page, p) {
  return page.evaluate((p) => {
    const r = document.querySelector('.react-flow__renderer').getBoundingClientRect()
    const m = document
      .querySelector('.react-flow__viewport')
      .style.transform.match(/translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/)
    return { x: r.left + Number(m[1]) + p.x * Number(m[3]), y: r.top + Number(m[2]) + p.y * Number(m[3]) }
  }, p)
}

/** The screen rectangle of a flow box, with a pixel round it: a small box's border falls on its edge pixels. */
async function screenRect(page, box) {
  const a = await toScreen(page, box)
  const b = await toScreen(page, { x: box.x + box.width, y: box.y + box.height })
  return { x: a.x - 1, y: a.y - 1, width: b.x - a.x + 2, height: b.y - a.y + 2 }
}

/** The share of a screenshot's pixels in `clip` that are drawn (any channel under 200: not paper, not grid dots). */
async function ink(page, clip) {
  const png = await page.screenshot({ clip })
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
    const c = new OffscreenCanvas(img.width, img.height)
    const ctx = c.getContext('2d')
    ctx.drawImage(img, 0, 0)
    const d = ctx.getImageData(0, 0, img.width, img.height).data
    let drawn = 0
    for (let i = 0; i < d.length; i += 4) if (Math.min(d[i], d[i + 1], d[i + 2]) < 200) drawn++
    return drawn / (d.length / 4)
  }, png.toString('base64'))
}

/** The VPC nearest the middle of the design: the one fit view shows clear of the side panels. */
function middleVpc() {
  const vpcs = Object.entries(scale.boxes).filter(([, b]) => b.kind === 'vpc')
  const right = Math.max(...vpcs.map(([, b]) => b.x + b.width))
  const bottom = Math.max(...vpcs.map(([, b]) => b.y + b.height))
  const d = ([, b]) => Math.hypot(b.x + b.width / 2 - right / 2, b.y + b.height / 2 - bottom / 2)
  const [id, box] = vpcs.sort((a, b) => d(a) - d(b))[0]
  return { id, box }
}

/** The endpoint service's VPC: the design's last row holds it alone, in the middle. */
function lastRowVpc() {
  const vpcs = Object.values(scale.boxes).filter((b) => b.kind === 'vpc')
  return vpcs.reduce((low, b) => (b.y > low.y ? b : low))
}

/** A server inside `vpc`'s box. */
function serverIn(vpc) {
  const [id, box] = Object.entries(scale.boxes).find(
    ([, b]) => b.kind === 'ecs' && b.x > vpc.x && b.y > vpc.y && b.x + b.width < vpc.x + vpc.width,
  )
  return { id, box }
}

describe('a large design at fit view (2,001 resources)', () => {
  it('opens straight to one bitmap: no DOM node is mounted on the way, from a file or from storage', async () => {
    const { page, errors } = await openScaleDesign()
    assert.equal(await mounted(page), 0, 'React Flow nodes mounted while the design opened')
    assert.equal(await page.locator('.react-flow__node, .react-flow__edge').count(), 0)
    // autosaved: a reload boots from the browser's storage into the same design, again without a node mounted
    await page.locator('html[data-autosave="saved"]').waitFor({ timeout: 120_000 })
    await page.addInitScript(COUNT_MOUNTED)
    await page.reload()
    await bitmapShown(page)
    assert.equal(await mounted(page), 0, 'React Flow nodes mounted while the stored design loaded')
    // and it pans as a bitmap: still none
    const pane = await page.locator('.react-flow__renderer').boundingBox()
    const from = { x: pane.x + pane.width - 40, y: pane.y + pane.height - 40 }
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x - 10 * i, from.y - 5 * i)
    await page.mouse.up()
    assert.equal(await mounted(page), 0)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('is drawn as one bitmap, not as DOM nodes; zooming in brings the DOM nodes in view back', async () => {
    const { page, errors } = await openScaleDesign()
    assert.equal(await page.locator('.react-flow__node').count(), 0)
    assert.equal(await page.locator('.react-flow__edge').count(), 0)
    assert.ok(await page.getByTestId('overview-canvas').isVisible())
    const vpc = middleVpc()
    const server = serverIn(vpc.box)
    // the bitmap draws the VPC and its server where they are; the paper right of the endpoint service's VPC (the
    // design's last row, alone at its middle; clear of the zoom buttons) is blank. It is inside the design's box, so
    // it is on screen however the window shares its height between the canvas and the notice above it
    const vpcInk = await ink(page, await screenRect(page, vpc.box))
    const serverInk = await ink(page, await screenRect(page, server.box))
    const pane = await page.locator('.react-flow__renderer').boundingBox()
    const last = lastRowVpc()
    const paper = { x: last.x + last.width * 2, y: last.y + last.height / 2 - 40, width: last.width, height: 80 }
    const beside = await screenRect(page, paper)
    assert.ok(
      beside.x + beside.width < pane.x + pane.width && beside.y + beside.height < pane.y + pane.height,
      `paper beside the last row on screen: ${JSON.stringify(beside)} in ${JSON.stringify(pane)}`,
    )
    const blank = await ink(page, beside)
    assert.ok(vpcInk > 0.15, `the VPC is drawn: ${vpcInk} of ${JSON.stringify(await screenRect(page, vpc.box))}`)
    assert.ok(
      serverInk > 0.1,
      `the server is drawn: ${serverInk} of ${JSON.stringify(await screenRect(page, server.box))}`,
    )
    assert.ok(blank < 0.01, `the paper is blank: ${blank}`)
    await page.screenshot({ path: 'test-results/e2e-overview-fit.png' })

    // zoomed in past the overview line: DOM nodes again, and no bitmap (the step that crosses it draws some 2,000
    // nodes with their lines and connection points: long, on a loaded machine)
    while (await page.locator('.gs-bitmap').count())
      await page.locator('.react-flow__controls-zoomin').click({ timeout: 120_000 })
    await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 120_000 })
    assert.equal(await page.getByTestId('overview-canvas').count(), 0)
    assert.ok((await page.locator('.react-flow__edge').count()) > 0)
    // only those in view: mounting all 2,001 at once is what took seconds
    const shown = await page.locator('.react-flow__node').count()
    assert.ok(shown < Object.keys(scale.boxes).length, `${shown} nodes mounted at working zoom`)
    await page.screenshot({ path: 'test-results/e2e-overview-zoomed-in.png' })
    // and out again: the bitmap is back
    await page.locator('.react-flow__controls-fitview').click({ timeout: 120_000 })
    await page.locator('.react-flow.gs-bitmap [data-testid="overview-canvas"]').waitFor({ timeout: 120_000 })
    // Undo of the open brings the small design back, mounting its nodes only (not, for a render, the large one's)
    await page.evaluate(() => {
      window.nodesMounted = 0
    })
    await page.keyboard.press('Control+z')
    await page.getByTestId('node-gwlb-inspection').waitFor({ timeout: 120_000 })
    const back = await mounted(page)
    assert.ok(back > 0 && back < 400, `${back} nodes mounted for the design Undo brought back`)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('hovering names and outlines a box, a click selects it, a drag moves it, Undo puts it back, a drop lands inside', async () => {
    const { page, errors } = await openScaleDesign()
    const vpc = middleVpc()
    const server = serverIn(vpc.box)
    const canvas = page.getByTestId('overview-canvas')
    const s = await toScreen(page, {
      x: server.box.x + server.box.width / 2,
      y: server.box.y + server.box.height / 2,
    })
    await page.mouse.move(s.x, s.y)
    await page.getByTestId('overview-hover').waitFor({ state: 'visible' })
    assert.equal(await canvas.getAttribute('title'), server.id)
    await page.mouse.click(s.x, s.y)
    await page.getByTestId('inspector').getByText(server.id, { exact: true }).waitFor()

    // a VPC by its title band: dragged, it moves with what it holds; the edit is undoable
    const grip = await toScreen(page, { x: vpc.box.x + 40, y: vpc.box.y + 24 })
    await page.mouse.move(grip.x, grip.y)
    await page.waitForFunction((id) => document.querySelector('[data-testid="overview-canvas"]').title === id, vpc.id)
    // the ring round the hovered box stands where the box is drawn
    const ring = page.getByTestId('overview-hover')
    const before = await ring.evaluate((el) => `${el.style.left} ${el.style.top}`)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(grip.x + 4 * i, grip.y + 3 * i)
    await page.getByTestId('overview-dragged').waitFor()
    await page.mouse.up()
    await page.getByTitle(`Undo move ${vpc.id} (Ctrl+Z)`).waitFor()
    await page.getByTestId('inspector').getByText(vpc.id, { exact: true }).waitFor()
    // the bitmap now draws the VPC where it was dropped
    const moved = { ...vpc.box, x: vpc.box.x + 40 / (await zoom(page)), y: vpc.box.y + 30 / (await zoom(page)) }
    await page.mouse.move(0, 0)
    const at = await toScreen(page, { x: moved.x + 40, y: moved.y + 24 })
    await page.mouse.move(at.x, at.y)
    await page.waitForFunction((id) => document.querySelector('[data-testid="overview-canvas"]').title === id, vpc.id)
    assert.notEqual(await ring.evaluate((el) => `${el.style.left} ${el.style.top}`), before)
    // Undo puts it back where it was
    await page.keyboard.press('Control+z')
    await page.mouse.move(0, 0)
    // where the title band is on screen now: a notice above the canvas may have come or gone meanwhile
    const gripNow = await toScreen(page, { x: vpc.box.x + 40, y: vpc.box.y + 24 })
    await page.mouse.move(gripNow.x, gripNow.y)
    await page.waitForFunction(
      ([t]) => {
        const el = document.querySelector('[data-testid="overview-hover"]')
        return !el.hidden && `${el.style.left} ${el.style.top}` === t
      },
      [before],
    )

    // a server from the palette dropped on the bitmap lands in the vSwitch drawn there
    const onServer = await toScreen(page, {
      x: server.box.x + server.box.width / 2,
      y: server.box.y + server.box.height / 2,
    })
    const bitmap = await canvas.boundingBox()
    await page
      .getByTestId('palette-ecs')
      .dragTo(canvas, { targetPosition: { x: onServer.x - bitmap.x, y: onServer.y - bitmap.y }, force: true })
    await page.getByTitle(/^Undo add ecs-/).waitFor()
    await page.getByTestId('inspector').getByText(server.box.parentId, { exact: true }).waitFor()
    assert.deepEqual(errors, [])
    await page.close()
  })
})

function zoom(page) {
  return page.evaluate(() =>
    Number(document.querySelector('.react-flow__viewport').style.transform.match(/scale\(([-\d.]+)\)/)[1]),
  )
}
