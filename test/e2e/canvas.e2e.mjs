// The built app in Chromium: reference design (b) on the canvas, the real engine worker, a readable picture.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openApp, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

const open = (path = '') => openApp(browser(), path)

describe('reference design (b) in Chromium', () => {
  it('shows the VPCs, the GWLB, the GWLBes and the appliances, and the worker reports the design loaded', async () => {
    const { page, errors } = await open()
    for (const id of [
      'vpc-service',
      'vpc-security',
      'gwlb-inspection',
      'gwlbe-h',
      'gwlbe-i',
      'fw-h1',
      'fw-h2',
      'fw-i1',
      'fw-i2',
    ]) {
      assert.ok(await page.locator(`[data-testid="node-${id}"]`).isVisible(), `${id} is not visible`)
    }
    await page.waitForSelector('[data-testid="engine-status"]:has-text("Loaded: 27 resources")', { timeout: 5000 })
    assert.equal(await page.locator('[data-testid="count-gwlbEndpoint"]').textContent(), '2')
    await page.screenshot({ path: 'test-results/e2e-two-zones.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('fits the whole design in a 1440×900 window with text large enough to read', async () => {
    const { page } = await open()
    const canvas = await page.locator('main').boundingBox()
    for (const id of ['internet-client', 'fw-i2', 'vpc-security', 'vpc-service']) {
      const box = await page.locator(`[data-testid="node-${id}"]`).boundingBox()
      assert.ok(
        box &&
          box.x >= canvas.x &&
          box.y >= canvas.y &&
          box.x + box.width <= canvas.x + canvas.width + 1 &&
          box.y + box.height <= canvas.y + canvas.height + 1,
        `${id} is outside the view`,
      )
    }
    // a node name of 13 px must stay at least 8 px on screen at fit view
    const nameHeight = await page
      .locator('[data-testid="node-gwlbe-h"] .font-semibold')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height)
    assert.ok(nameHeight >= 8, `names are ${nameHeight}px tall`)
    await page.close()
  })

  it('draws no edge across a label, and no label over another', async () => {
    const { page } = await open()
    const problems = await page.evaluate(() => {
      const rect = (el) => el.getBoundingClientRect()
      const texts = [
        ...document.querySelectorAll(
          '.react-flow__node [data-testid^="node-"] .truncate, .react-flow__node [data-testid^="node-"] .line-clamp-2, .react-flow__node [data-testid^="node-"] .font-bold, .react-flow__node [data-testid^="zone-"] div',
        ),
      ].map((el) => ({
        name: `${el.closest('.react-flow__node')?.getAttribute('data-id')}: ${el.textContent}`,
        r: rect(el),
      }))
      const labels = [...document.querySelectorAll('[data-testid^="edge-label-"]')].map((el) => ({
        name: el.getAttribute('data-testid'),
        r: rect(el),
      }))
      const out = []
      const hit = (p, r) => p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1
      for (const path of document.querySelectorAll('.react-flow__edge-path')) {
        const id = path.closest('.react-flow__edge')?.getAttribute('data-id') ?? path.id
        const ctm = path.getScreenCTM()
        const len = path.getTotalLength()
        for (let at = 0; at <= len; at += 3) {
          const local = path.getPointAtLength(at)
          const p = new DOMPoint(local.x, local.y).matrixTransform(ctm)
          for (const t of texts) if (t.r.width > 0 && hit(p, t.r)) out.push(`edge ${id} crosses "${t.name}"`)
          for (const l of labels)
            if (!l.name.endsWith(id) && hit(p, l.r)) out.push(`edge ${id} crosses label ${l.name}`)
        }
      }
      const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
      for (const l of labels)
        for (const t of texts) if (t.r.width > 0 && meets(l.r, t.r)) out.push(`${l.name} covers "${t.name}"`)
      for (const a of labels)
        for (const b of labels)
          if (
            a.name < b.name &&
            a.r.left < b.r.right &&
            b.r.left < a.r.right &&
            a.r.top < b.r.bottom &&
            b.r.top < a.r.bottom
          )
            out.push(`${a.name} overlaps ${b.name}`)
      return [...new Set(out)]
    })
    assert.deepEqual(problems, [])
    await page.close()
  })

  it('opens the gateway route table from the IPv4 gateway’s badge', async () => {
    const { page } = await open()
    await page.locator('[data-testid="route-table-badge-rtb-gateway"]').click()
    const panel = page.locator('[data-testid="route-table-panel"]')
    await panel.waitFor()
    assert.equal(await panel.getByTestId('route-10.0.1.0/24').getByRole('combobox').inputValue(), 'gwlbe-h')
    assert.equal(await panel.getByTestId('route-10.0.2.0/24').getByRole('combobox').inputValue(), 'gwlbe-i')
    await page.close()
  })

  it('brings a route table into view when its badge is clicked below a long inspector', async () => {
    const { page } = await open()
    // the GWLB's inspector is taller than the side panel: the route table opens below it
    await page.locator('.react-flow__node[data-id="gwlb-inspection"]').click()
    await page.getByTestId('inspector').getByText('gwlb-inspection', { exact: true }).waitFor()
    await page.locator('[data-testid="route-table-badge-rtb-app-h"]').click()
    const panel = page.locator('[data-testid="route-table-panel"]')
    await panel.waitFor()
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-testid="route-table-panel"]').getBoundingClientRect()
      return r.top >= 0 && r.top < window.innerHeight - 40
    })
    await page.close()
  })

  it('opens example (a) from the URL', async () => {
    const { page } = await open('?example=single-zone')
    assert.match(await page.locator('[data-testid="design-name"]').textContent(), /one zone/)
    assert.equal(await page.locator('[data-testid="node-gwlbe-i"]').count(), 0)
    await page.waitForSelector('[data-testid="engine-status"]:has-text("Loaded")')
    await page.close()
  })

  it('keeps a dragged server inside its vSwitch: dragged far out, it stops at the edge, and undo puts it back', async () => {
    const { page, errors } = await open()
    const server = page.locator('.react-flow__node[data-id="ecs-web-1"]')
    const box = async (id) => page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()
    const start = await box('ecs-web-1')
    const vswitch = await box('vsw-app-h')
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
    await page.mouse.down()
    for (let i = 1; i <= 8; i++)
      await page.mouse.move(start.x + start.width / 2 + i * 60, start.y + start.height / 2 + i * 40)
    await page.mouse.up()
    const end = await server.boundingBox()
    assert.ok(end.x > start.x + 5, 'the drag did not move the server')
    assert.ok(
      end.x + end.width <= vswitch.x + vswitch.width + 1 && end.y + end.height <= vswitch.y + vswitch.height + 1,
      `the server left its vSwitch: ${JSON.stringify({ end, vswitch })}`,
    )
    await page.keyboard.press('Control+z')
    await page.waitForFunction(
      ([x]) =>
        Math.abs(document.querySelector('.react-flow__node[data-id="ecs-web-1"]').getBoundingClientRect().x - x) < 1,
      [start.x],
    )
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('keeps the user’s zoom while the design is edited, fits an opened example, and Undo brings the design back', async () => {
    const { page, errors } = await open()
    const transform = () => page.locator('.react-flow__viewport').evaluate((el) => el.style.transform)
    const scaleOf = (t) => Number(/scale\(([\d.]+)\)/.exec(t)?.[1])
    const fitted = scaleOf(await transform())
    await page.locator('.react-flow__controls-zoomin').click()
    await page.locator('.react-flow__controls-zoomin').click()
    // each click zooms by 1.2
    await page.waitForFunction(
      (want) =>
        Math.abs(
          Number(/scale\(([\d.]+)\)/.exec(document.querySelector('.react-flow__viewport').style.transform)?.[1]) - want,
        ) < 1e-3,
      fitted * 1.44,
    )
    const zoomed = await transform()
    // An edit marks autosave pending at once and "saved" 500 ms after it has settled: a fit caused by the
    // edit comes a render after it, long before. So "saved" is the moment the view can be judged.
    const settled = () => page.waitForFunction(() => document.documentElement.dataset.autosave === 'saved')
    // typing the design's name and deleting a route are edits of this design: the view stays
    await page.getByLabel('Design name', { exact: true }).fill('Inspection, edited')
    await settled()
    assert.equal(await transform(), zoomed)
    // zoomed in, the badge may be out of sight: a click event opens it all the same
    await page.locator('[data-testid="route-table-badge-rtb-app-h"]').dispatchEvent('click')
    const entries = page.getByTestId('route-table-panel').getByRole('button', { name: 'Delete entry' })
    // the route-table editor loads on first use: count its entries once it shows them
    await entries.first().waitFor()
    const before = await entries.count()
    await entries.first().click()
    await page.waitForFunction(
      (n) =>
        [...document.querySelectorAll('[data-testid="route-table-panel"] button')].filter(
          (b) => b.textContent === 'Delete entry',
        ).length < n,
      before,
    )
    // the route's line from Service vSwitch H to its GWLBe is gone from the canvas
    const routeLine = page.locator('.react-flow__edge[data-id="route:vsw-app-h:0.0.0.0/0"]')
    await routeLine.waitFor({ state: 'detached' })
    await settled()
    assert.equal(await transform(), zoomed)
    // another design is fitted to the window
    await page.getByLabel('Open example').selectOption('single-zone')
    await page.locator('.react-flow__node[data-id="fw-1"]').waitFor()
    await page.waitForFunction((z) => document.querySelector('.react-flow__viewport').style.transform !== z, zoomed)
    // opening it was one edit: the notice's Undo brings back the design as it was, name and deleted route included
    await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click()
    await page.locator('.react-flow__node[data-id="fw-h1"]').waitFor()
    assert.equal(await page.getByLabel('Design name', { exact: true }).inputValue(), 'Inspection, edited')
    // the canvas is the edited design's: the other route lines are drawn (Service vSwitch I's), the deleted one is not
    await page.locator('.react-flow__edge[data-id="route:vsw-app-i:0.0.0.0/0"]').waitFor()
    assert.equal(await routeLine.count(), 0, 'the deleted route is drawn again')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('zoomed far out draws an overview of names only, and zoomed back in every detail and line end returns', async () => {
    const { page } = await open()
    // screen distance from each end of a line to the box of the node it joins
    const endGaps = (edgeId, source, target) =>
      page.evaluate(
        ([edgeId, source, target]) => {
          const path = document.querySelector(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edge-path`)
          const ctm = path.getScreenCTM()
          const at = (len) =>
            new DOMPoint(path.getPointAtLength(len).x, path.getPointAtLength(len).y).matrixTransform(ctm)
          const gap = (p, id) => {
            const r = document.querySelector(`.react-flow__node[data-id="${id}"]`).getBoundingClientRect()
            return Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom))
          }
          return [gap(at(0), source), gap(at(path.getTotalLength()), target)]
        },
        [edgeId, source, target],
      )
    const joined = async () => {
      for (const [edge, from, to] of [
        ['privatelink:gwlbe-h', 'gwlbe-h', 'epsrv-inspection'],
        ['server:gwlb-inspection:fw-i2', 'gwlb-inspection', 'fw-i2'],
      ])
        for (const gap of await endGaps(edge, from, to)) assert.ok(gap < 10, `${edge} ends ${gap}px from its node`)
    }
    const labels = () => page.locator('[data-testid^="edge-label-"]').count()
    assert.ok((await labels()) > 5, 'the detailed view labels its routes')
    await joined()
    while (!(await page.locator('.react-flow.overview').count()))
      await page.locator('.react-flow__controls-zoomout').click()
    assert.equal(await labels(), 0, 'no edge labels in the overview')
    assert.equal(await page.locator('[data-testid="node-gwlbe-h"]').textContent(), 'GWLBe H')
    assert.equal(await page.locator('[data-testid="node-gwlbe-h"] svg').count(), 0, 'no glyph in the overview')
    await joined()
    await page.locator('.react-flow__controls-fitview').click()
    await page.waitForSelector('.react-flow:not(.overview)')
    assert.ok((await labels()) > 5, 'the labels are back')
    assert.match(await page.locator('[data-testid="node-gwlbe-h"]').textContent(), /Connected/)
    await joined()
    await page.close()
  })
})
