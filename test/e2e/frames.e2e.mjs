// Presenter mode and the embed view fit the design to their frame: entering presenter mode shows every resource
// beside the narration (none under it or under a minimap), an embed at the snippet's 960×600 shows readable
// cards and no simulator bar, and an embed refits when its frame is resized.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BASE_URL, openApp, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

/** The nodes wholly inside the canvas, those not, and the zoom: what the user sees of the design. */
function view(page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect()
    const inside = []
    const outside = []
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect()
      const fits =
        r.left >= pane.left - 1 && r.right <= pane.right + 1 && r.top >= pane.top - 1 && r.bottom <= pane.bottom + 1
      ;(fits ? inside : outside).push(el.getAttribute('data-id'))
    }
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a
    return {
      inside,
      outside,
      zoom,
      pane: { left: pane.left, right: pane.right, width: pane.width, height: pane.height },
    }
  })
}

/** Waits until every node is wholly inside the canvas; says which are not if that never happens. */
async function allInView(page) {
  try {
    await page.waitForFunction(
      () => {
        const pane = document.querySelector('.react-flow').getBoundingClientRect()
        return [...document.querySelectorAll('.react-flow__node')].every((el) => {
          const r = el.getBoundingClientRect()
          return (
            r.left >= pane.left - 1 && r.right <= pane.right + 1 && r.top >= pane.top - 1 && r.bottom <= pane.bottom + 1
          )
        })
      },
      undefined,
      { timeout: 15_000 },
    )
  } catch (e) {
    const seen = await view(page)
    throw new Error(
      `not in view: ${seen.outside.join(', ')} (zoom ${seen.zoom}, canvas ${JSON.stringify(seen.pane)})`,
      { cause: e },
    )
  }
}

/**
 * The zoom once the view has settled, other than `from` if given: the same on 10 drawn frames in a row (a refit
 * lands a frame or two after the canvas's new size, a zoom button's move and a fit with F are animations).
 */
async function settledZoom(page, from) {
  await page.evaluate(() => {
    window.zoomSeen = null
  })
  const handle = await page.waitForFunction(
    (from) => {
      const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a
      if (zoom === from) return false
      if (window.zoomSeen?.zoom !== zoom) window.zoomSeen = { zoom, frames: 0 }
      window.zoomSeen.frames++
      return window.zoomSeen.frames >= 10 && zoom
    },
    from ?? null,
    { polling: 'raf', timeout: 15_000 },
  )
  return handle.jsonValue()
}

/** The rendered size in pixels of a card's name: its font size times the zoom. */
function nameSize(page, id, name) {
  return page.evaluate(
    ({ id, name }) => {
      const card = document.querySelector(`[data-testid="node-${id}"]`)
      const el = [...card.querySelectorAll('*')].find((e) => e.childElementCount === 0 && e.textContent === name)
      const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a
      return parseFloat(getComputedStyle(el).fontSize) * zoom
    },
    { id, name },
  )
}

describe('fitting the design to its frame', () => {
  it('presenter mode refits on entering: every resource beside the narration, no minimap', async () => {
    const { page, errors } = await openApp(browser())
    await page.getByTestId('open-lessons').click()
    await page.getByTestId('lesson-start-zone-aware-routes').click()
    await page.getByTestId('lesson-title').waitFor()
    await page.waitForSelector('[data-testid="node-gwlbe-i"]')
    await page.getByTestId('lesson-present').click()
    await page.getByTestId('presenter').waitFor()
    const column = await page.getByTestId('presenter').boundingBox()
    // every resource in the canvas, which ends where the narration begins
    await allInView(page)
    const seen = await view(page)
    assert.deepEqual(seen.outside, [])
    assert.ok(seen.pane.right <= column.x + 1, 'the canvas runs under the narration')
    assert.equal(await page.locator('.react-flow__minimap').isVisible(), false)
    await page.screenshot({ path: 'test-results/e2e-frames-presenter.png' })
    // leaving gives the canvas back its room, and fits the design to it again
    await page.keyboard.press('Escape')
    await page.getByTestId('presenter').waitFor({ state: 'detached' })
    await page.waitForFunction(
      (before) => Math.abs(document.querySelector('.react-flow').getBoundingClientRect().width - before) > 1,
      seen.pane.width,
    )
    await allInView(page)
    assert.deepEqual((await view(page)).outside, [])
    // fitted to the canvas it has now, not the one it had: the zoom a fresh fit (F) gives
    const refitted = await settledZoom(page)
    // zoomed out first, so that F is seen to act whatever it gives
    await page.locator('.react-flow__controls-zoomout').click()
    const out = await settledZoom(page, refitted)
    await page.keyboard.press('f')
    const fresh = await settledZoom(page, out)
    assert.ok(Math.abs(refitted - fresh) <= 0.002, `zoom ${refitted} after leaving, ${fresh} fitted afresh with F`)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('an embed at 960×600 is readable, has no simulator bar, and refits when its frame is resized', async () => {
    const { page } = await openApp(browser())
    await page.getByRole('button', { name: 'Share link…' }).click()
    const snippet = await page.getByTestId('share-embed').inputValue()
    const [, src, width, height] = /src="([^"]+)" width="(\d+)" height="(\d+)"/.exec(snippet)
    assert.deepEqual([width, height], ['960', '600'])
    await page.close()

    const embed = await browser().newPage({ viewport: { width: 960, height: 600 } })
    await embed.goto(BASE_URL + src.slice(BASE_URL.length).replaceAll('&amp;', '&'))
    await embed.getByTestId('embed-strip').waitFor()
    await embed.waitForSelector('[data-testid="node-igw-service"]')
    assert.equal(await embed.getByTestId('sim-panel').count(), 0, 'the simulator bar is shown')
    assert.equal(await embed.locator('.react-flow__minimap').isVisible(), false)
    // card names at 8 px or more, and the way in (internet, gateway, endpoints) in view
    // (React Flow's zoom before the fit is 1, readable too: wait for the way in to be in view, which needs the fit)
    const wayIn = ['internet-client', 'igw-service', 'gwlbe-h', 'gwlbe-i']
    try {
      await embed.waitForFunction(
        (ids) => {
          const pane = document.querySelector('.react-flow').getBoundingClientRect()
          return ids.every((id) => {
            const r = document.querySelector(`.react-flow__node[data-id="${id}"]`)?.getBoundingClientRect()
            return (
              r &&
              r.left >= pane.left - 1 &&
              r.right <= pane.right + 1 &&
              r.top >= pane.top - 1 &&
              r.bottom <= pane.bottom + 1
            )
          })
        },
        wayIn,
        { timeout: 15_000 },
      )
    } catch (e) {
      const seen = await view(embed)
      throw new Error(
        `not in view: ${wayIn.filter((id) => !seen.inside.includes(id)).join(', ')} (zoom ${seen.zoom})`,
        {
          cause: e,
        },
      )
    }
    assert.ok((await nameSize(embed, 'igw-service', 'IPv4 gateway')) >= 8)
    const small = await view(embed)
    assert.ok(small.zoom >= 0.6, `zoom ${small.zoom}: card names under 8 px`)
    await embed.screenshot({ path: 'test-results/e2e-frames-embed-960x600.png' })

    // the page makes the frame larger: the design is fitted again, whole
    await embed.setViewportSize({ width: 1600, height: 1100 })
    // every node may already be inside the larger frame before the refit lands: wait for the zoom to grow first
    try {
      await embed.waitForFunction(
        (before) =>
          new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a > before,
        small.zoom,
        { timeout: 15_000 },
      )
    } catch (e) {
      throw new Error(`zoom ${(await view(embed)).zoom} after ${small.zoom}: not refitted`, { cause: e })
    }
    await allInView(embed)
    const large = await view(embed)
    assert.ok(large.zoom > small.zoom, `zoom ${large.zoom} after ${small.zoom}`)
    assert.ok((await nameSize(embed, 'igw-service', 'IPv4 gateway')) >= 8)
    await embed.close()
  })
})
