// Lessons in Chromium: lesson 1 lights each resource of the seed's inbound path in order with its narration,
// presenter mode takes the screen and Escape leaves it, a quiz is answered by clicking the canvas, and
// leaving a lesson gives the user's design back.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { openApp, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()
const lessonFile = (name) => JSON.parse(readFileSync(`src/lessons/data/${name}`, 'utf8'))

const open = (path = '') => openApp(browser(), path)

async function startLesson(page, id) {
  await page.getByTestId('open-lessons').click()
  await page.getByTestId(`lesson-start-${id}`).click()
  await page.getByTestId('lesson-title').waitFor()
}

/** The one node lit as the focus, and the resources lit along with it. */
async function lit(page) {
  return page.evaluate(() => ({
    focus: [...document.querySelectorAll('[data-lit="focus"], [data-lit="drop"]')].map((n) =>
      n.getAttribute('data-testid'),
    ),
    path: [...document.querySelectorAll('[data-lit="path"]')].map((n) => n.getAttribute('data-testid')).sort(),
  }))
}

/** The route lines drawn lit (the highlight's yellow), by edge id. */
function litRouteLines(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__edge-path[id^="route:"]')]
      .filter((p) => getComputedStyle(p).stroke === 'rgb(234, 179, 8)')
      .map((p) => p.id)
      .sort(),
  )
}

/**
 * Lesson 1's route lines lit per narration step: only the entry that decided a hop of the inbound packet there,
 * never the GWLBe vSwitch's 0.0.0.0/0 or the server vSwitch's 0.0.0.0/0, whose ends the steps light too.
 */
const LESSON_1_ROUTES = [[], ['route:igw-service:10.0.1.0/24'], [], [], []]

describe('lessons in Chromium', () => {
  it('lesson 1 shows each highlighted resource of the inbound path in order, with its narration', async () => {
    const { page, errors } = await open()
    await startLesson(page, 'inbound')
    const lesson = lessonFile('01-inbound.json')
    // the lesson runs on reference design (a), whatever the user had open
    assert.match(await page.getByTestId('design-name').textContent(), /Lesson 1: Inbound traffic/)
    for (const [i, step] of lesson.steps.slice(0, 5).entries()) {
      await page.waitForSelector(`[data-testid="node-${step.focus}"][data-lit="focus"]`, { timeout: 5000 })
      assert.equal(await page.getByTestId('lesson-narration').textContent(), step.narration)
      assert.equal(await page.getByTestId('lesson-position').textContent(), `step ${i + 1} of ${lesson.steps.length}`)
      const { focus, path } = await lit(page)
      assert.deepEqual(focus, [`node-${step.focus}`])
      assert.deepEqual(
        path,
        step.highlight
          .filter((id) => id !== step.focus)
          .map((id) => `node-${id}`)
          .sort(),
      )
      const routes = LESSON_1_ROUTES[i]
      // lit once the step's packet is traced in the worker
      if (routes.length)
        await page.waitForFunction(
          (ids) =>
            ids.every(
              (id) => getComputedStyle(document.getElementById(id) ?? document.body).stroke === 'rgb(234, 179, 8)',
            ),
          routes,
        )
      assert.deepEqual(await litRouteLines(page), routes, `step ${i + 1}: the route lines lit`)
      if (i === 2) await page.screenshot({ path: 'test-results/e2e-lesson-step.png' })
      await page.getByTestId('lesson-next').click()
    }
    // the last step traces the packet and plays it to the server
    await page.waitForSelector('[data-testid="walk-disposition"][data-disposition="DELIVERED"]')
    await page.waitForSelector('[data-testid="node-ecs-web-1"][data-lit="focus"]', { timeout: 20_000 })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('presenter mode fills the screen with the canvas and large narration; Escape leaves it', async () => {
    const { page } = await open()
    await startLesson(page, 'inbound')
    await page.getByTestId('lesson-next').click()
    await page.getByTestId('lesson-present').click()
    const presenter = page.getByTestId('presenter')
    await presenter.waitFor()
    assert.equal(await page.getByTestId('design-name').count(), 0, 'the toolbar is hidden')
    assert.equal(await page.locator('aside').count(), 0, 'the side panel is hidden')
    const size = await presenter
      .getByTestId('lesson-narration')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    assert.ok(size >= 22, `narration is ${size}px`)
    await page.waitForSelector('[data-testid="node-gwlbe-h"][data-lit="focus"]')
    await page.screenshot({ path: 'test-results/e2e-lesson-presenter.png' })
    await page.keyboard.press('ArrowRight')
    await page.waitForSelector('[data-testid="node-fw-2"][data-lit="focus"]')
    await page.keyboard.press('Escape')
    await presenter.waitFor({ state: 'detached' })
    assert.equal(await page.getByTestId('lesson-position').textContent(), 'step 3 of 6')
    await page.close()
  })

  it('a quiz: the learner clicks where the packet will be dropped and is told whether that was right', async () => {
    const { page, errors } = await open()
    await startLesson(page, 'teardown')
    await page.getByRole('button', { name: 'Step 5' }).click()
    const quiz = page.getByTestId('lesson-quiz')
    await quiz.waitFor()
    assert.match(await quiz.textContent(), /Where will it be dropped\?/)
    // GWLBe H is gone from this step's design: the wrong order left its routes behind
    // (the canvas follows the step's design a frame or two after the quiz shows)
    await page.getByTestId('node-gwlbe-h').waitFor({ state: 'detached' })
    await page.locator('.react-flow__node[data-id="igw-service"]').click()
    const verdict = page.getByTestId('quiz-verdict')
    await verdict.waitFor()
    assert.equal(await verdict.getAttribute('data-verdict'), 'right')
    assert.match(await verdict.textContent(), /Right: Dropped: black-hole route at IPv4 gateway/)
    await page.waitForSelector('[data-testid="node-igw-service"][data-lit="drop"]', { timeout: 10_000 })
    await page.screenshot({ path: 'test-results/e2e-lesson-quiz.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('while a quiz asks, nothing on the canvas points at the answer: no glow, no problem badges', async () => {
    const { page, errors } = await open()
    await startLesson(page, 'mtu')
    await page.getByRole('button', { name: 'Step 2' }).click()
    const quiz = page.getByTestId('lesson-quiz')
    await quiz.waitFor()
    // the linter has checked this step's design: both firewalls lack jumbo frames (GWLB-E012, only in this step)
    await page.waitForSelector('[data-testid="problem-GWLB-E012"]', { state: 'attached' })
    await page.waitForSelector('[data-testid="node-fw-1"]')
    assert.equal(await page.locator('[data-testid^="problem-badge-"]').count(), 0, 'a problem badge shows')
    assert.equal(await page.locator('[data-lit="focus"], [data-lit="path"], [data-lit="drop"]').count(), 0)
    await page.screenshot({ path: 'test-results/e2e-lesson-quiz-asking.png' })
    // answered, the badges and the packet's path come back
    await page.locator('.react-flow__node[data-id="fw-1"]').click()
    await page.getByTestId('quiz-verdict').waitFor()
    await page.waitForSelector('[data-testid="problem-badge-fw-1"]')
    await page.waitForSelector('[data-lit="drop"]', { timeout: 10_000 })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('leaving a lesson puts the user’s own design back, editable', async () => {
    const { page } = await open()
    const before = await page.getByTestId('design-name').textContent()
    await startLesson(page, 'mtu')
    // no other design opens over the lesson's (the next step would take its place): Open file… and Examples are
    // off, and a file given all the same is refused with why
    assert.equal(await page.getByRole('button', { name: 'Open file…' }).isDisabled(), true)
    assert.equal(await page.getByLabel('Open example').isDisabled(), true)
    const lessonName = await page.getByTestId('design-name').textContent()
    await page.getByTestId('open-file-input').setInputFiles({
      name: 'mine.gwlb.json',
      mimeType: 'application/json',
      buffer: readFileSync('public/examples/single-zone.json'),
    })
    await page
      .getByTestId('notice')
      .filter({ hasText: '"mine.gwlb.json" was not opened: close the lesson first' })
      .waitFor()
    assert.equal(await page.getByTestId('design-name').textContent(), lessonName)
    await page.getByTestId('lesson-next').click()
    await page.getByTestId('lesson-leave').click()
    assert.equal(await page.getByTestId('design-name').textContent(), before)
    await page.waitForSelector('[data-testid="node-fw-h1"]')
    assert.equal(await page.locator('[data-lit="focus"], [data-lit="path"], [data-lit="dim"]').count(), 0)
    assert.equal(await page.getByTestId('read-only-banner').count(), 0)
    await page.close()
  })
})
