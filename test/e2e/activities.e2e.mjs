// Activities in Chromium: a student opens one, checks, fixes it on the canvas and sees the score; an author takes
// a design as the answer, breaks it, adds goals and saves a file that opens for a student; and the command line's
// SCORM 1.2 and cmi5 packages run from their own files in an LMS-like page, reporting score and completion —
// SCORM to scorm-again's runtime (as an LMS provides it), cmi5 to a small xAPI endpoint started here.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize } from 'node:path'
import { describe, it } from 'node:test'
import { unzipSync } from 'fflate'
import { openApp, openWithStoredDesign, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

/** Serves a folder on a free port; `routes` answers other paths first (the LRS). */
async function serve(root, routes = () => false) {
  const server = createServer(async (req, res) => {
    if (await routes(req, res)) return
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    try {
      const body = readFileSync(join(root, path === '/' ? 'index.html' : path))
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() }
}

/** The command line's package for an activity or a lesson, unzipped into a fresh folder. */
function unpack(activity, to) {
  const dir = mkdtempSync(join(tmpdir(), `gwlb-${to}-`))
  const zip = join(dir, 'package.zip')
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'cli/main.ts', 'export', activity, '--to', to, '--out', zip],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const root = join(dir, 'package')
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), bytes)
  }
  return root
}

/**
 * An LMS page around an unpacked SCORM 1.2 package: scorm-again's runtime as window.API (as an LMS provides it), the
 * package's launch page in a frame; it counts commits and notes every value the SCO sets (session_time is write-only
 * in the data model). Returns the page, its errors, the frame and the server to close.
 */
async function scormLms(root, launch, student) {
  writeFileSync(join(root, 'scorm-again.js'), readFileSync('node_modules/scorm-again/dist/scorm12.min.js'))
  writeFileSync(
    join(root, 'lms.html'),
    `<!doctype html><html><body><script src="scorm-again.js"></script><script>
      window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
      window.API.loadFromJSON({ cmi: { core: ${JSON.stringify(student)} } });
      window.API.on('LMSCommit', () => { window.commits = (window.commits || 0) + 1 });
      window.API.on('LMSSetValue.cmi.*', (element, value) => { (window.sets ||= {})[element] = value });
    </script><iframe name="sco" src="${launch}" style="width:1440px;height:860px;border:0"></iframe></body></html>`,
  )
  const server = await serve(root)
  const page = await browser().newPage({ viewport: { width: 1460, height: 900 } })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.url}lms.html`)
  return { page, errors, sco: page.frameLocator('iframe[name="sco"]'), server }
}

/** The student's side: Check my work, then each goal met or missed. */
async function checkWork(panel) {
  const before = await panel
    .getByTestId('activity-grade')
    .getAttribute('data-score')
    .catch(() => null)
  await panel.getByTestId('activity-check').click()
  await panel.getByTestId('activity-grade').waitFor()
  await panel.getByTestId('activity-check').and(panel.locator(':enabled')).waitFor()
  return { before, score: Number(await panel.getByTestId('activity-grade').getAttribute('data-score')) }
}

describe('activities in Chromium', () => {
  it('a student opens "zone I lost its inspection", checks, fixes it on the canvas and passes', async () => {
    const { page, errors } = await openApp(browser())
    await page.getByTestId('tab-activity').click()
    await page.getByTestId('activity-start-zone-i-inspection').click()
    const panel = page.getByTestId('activity-panel')
    await panel.getByTestId('activity-title').waitFor()
    assert.match(await page.getByTestId('design-name').textContent(), /Activity: Zone I lost its inspection/)
    // the fault is on the canvas: no gateway route sends zone I's servers to its endpoint
    const gatewayRoute = page.locator('[data-testid="rf__edge-route:igw-service:10.0.2.0/24"]')
    assert.equal(await gatewayRoute.count(), 0)

    await checkWork(panel)
    assert.equal(await panel.getByTestId('activity-grade').getAttribute('data-passed'), 'false')
    assert.equal(await panel.getByTestId('activity-goal-zone-i-inbound').getAttribute('data-met'), 'false')
    assert.equal(await panel.getByTestId('activity-goal-zone-h-untouched').getAttribute('data-met'), 'true')
    assert.match(await panel.getByTestId('activity-goal-zone-i-inbound').textContent(), /without crossing an appliance/)

    await panel.getByTestId('activity-show-hint-0').click()
    assert.match(await panel.getByTestId('activity-hint-0').textContent(), /Compare zone I/)

    // the student mends both routes with the linter's fixes, in the Details tab
    await page.getByTestId('tab-details').click()
    for (const code of ['E031', 'E032']) {
      await page.getByTestId(`fix-GWLB-${code}`).first().click()
      await page.getByTestId(`problem-GWLB-${code}`).first().waitFor({ state: 'detached' })
    }
    await gatewayRoute.waitFor()
    await page.getByTestId('tab-activity').click()
    await checkWork(panel)
    const grade = panel.getByTestId('activity-grade')
    assert.equal(await grade.getAttribute('data-passed'), 'true')
    // every goal met, less the hint's 5 points
    assert.equal(await grade.getAttribute('data-score'), '95')
    assert.match(await grade.textContent(), /Score 95 \/ 100 \(95 %\): passed — hints cost 5/)
    assert.deepEqual(errors, [])
    await page.screenshot({ path: 'test-results/e2e-activity-passed.png' })
    await page.close()
  })

  it('an activity link pasted into an open tab starts the activity, the design kept and brought back by Undo', async () => {
    // the link, made by the app in another browser profile ("Link for students" of a running activity)
    const teacher = await openApp(browser())
    await teacher.page.getByTestId('tab-activity').click()
    await teacher.page.getByTestId('activity-start-zone-i-inspection').click()
    await teacher.page.getByTestId('activity-make-link').click()
    const { hash } = new URL(await teacher.page.getByTestId('activity-link-url').inputValue())
    await teacher.page.close()

    // a profile of its own: the student's design is the only one stored
    const { own, page, errors } = await openWithStoredDesign(browser(), 'My work')

    // pasted into the address bar: the fragment changes, the page does not load again
    await page.evaluate((h) => (window.location.hash = h), hash)
    await page.getByTestId('activity-title').waitFor()
    // this learner's variant of it (its title may say which)
    const title = await page.getByTestId('activity-title').textContent()
    assert.match(title, /^Zone I lost its inspection/)
    assert.match(await page.getByTestId('design-name').textContent(), new RegExp(`^Activity: ${title}`))
    const notice = page.getByTestId('notice')
    assert.match(await notice.textContent(), new RegExp(`Started the activity "${title}"\\.`))
    assert.match(await notice.textContent(), /Your design "My work" is kept in this browser/)
    await page.getByTestId('activity-check').waitFor()
    await page.screenshot({ path: 'test-results/e2e-activity-link-pasted.png' })

    // the design is listed in Designs…, as it was
    await page.getByRole('button', { name: 'Designs…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Designs in this browser' })
    await dialog.getByTestId('design-entry').first().waitFor()
    const names = await dialog.getByTestId('design-entry').locator('p.font-medium').allTextContents()
    assert.ok(
      names.some((n) => n.trim() === 'My work'),
      `Designs… lists ${JSON.stringify(names)}`,
    )
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    // Undo brings it back on the canvas, editable
    await notice.getByRole('button', { name: 'Undo', exact: true }).click()
    await page.waitForFunction(() =>
      /^My work/.test(document.querySelector('[data-testid="design-name"]')?.textContent ?? ''),
    )
    await page.locator('.react-flow__node[data-id="fw-h1"]').waitFor()
    assert.equal(await page.getByTestId('read-only-banner').count(), 0)
    // and the activity is left: nothing offers to grade "My work", and a reload does not start the activity again
    await page.getByTestId('activity-title').waitFor({ state: 'detached' })
    assert.equal(await page.getByTestId('activity-check').count(), 0)
    assert.equal(await page.evaluate(() => window.location.hash), '')
    await page.reload()
    await page.locator('.react-flow__node[data-id="fw-h1"]').waitFor()
    assert.match(await page.getByTestId('design-name').textContent(), /^My work/)
    assert.equal(await page.getByTestId('activity-title').count(), 0)
    assert.deepEqual(errors, [])
    await own.close()
  })

  it('an author takes the design as the answer, breaks it, adds goals, and the saved file opens for a student', async () => {
    const { page, errors } = await openApp(browser(), '?example=single-zone')
    await page.getByTestId('tab-activity').click()
    await page.getByTestId('author-start').click()
    const author = page.getByTestId('author')
    await author.getByTestId('author-title').fill('Fix the outbound route')
    await author.getByTestId('author-task').fill('Web servers reach the internet uninspected. Fix it.')
    // a packet goal (defaults: from the first endpoint, delivered through an appliance both ways) and the linter
    await author.getByTestId('author-goal-to').selectOption('47.98.10.11')
    await author.getByTestId('author-goal-add').click()
    await author.getByTestId('author-goal-kind').selectOption('lintClean')
    await author.getByTestId('author-goal-add').click()
    assert.equal(await author.getByTestId('author-goals').locator('li').count(), 2)
    // the linter would name the fault: students find it themselves
    await author.getByTestId('author-hide-problems').check()

    // break it: the servers' vSwitch table sends 0.0.0.0/0 straight to the IPv4 gateway
    await page.locator('[data-testid="route-table-badge-rtb-app-h"]').click()
    const table = page.locator('[data-testid="route-table-panel"]')
    await table.getByTestId('route-0.0.0.0/0').getByRole('combobox').selectOption('igw-service')
    await page.getByTestId('tab-activity').click()
    await author.getByTestId('author-check').click()
    const result = author.getByTestId('author-check-result')
    await result.waitFor()
    assert.match(await result.textContent(), /The answer scores 40 \/ 40: every goal met\./)
    assert.match(await result.textContent(), /not passed, as it should be/)

    const download = page.waitForEvent('download')
    await author.getByTestId('author-save').click()
    const saved = await (await download).path()
    const activity = JSON.parse(readFileSync(saved, 'utf8'))
    assert.equal(activity.format, 'gwlb-studio/activity')
    assert.equal(activity.title, 'Fix the outbound route')
    assert.equal(activity.hideProblems, true)
    // the file carries the broken design, not the answer
    const rtb = activity.design.resources.find((r) => r.id === 'rtb-app-h')
    assert.equal(rtb.entries[0].nextHopId, 'igw-service')

    // the app packs itself with the activity, as the command line does
    const zipped = page.waitForEvent('download')
    await author.getByTestId('package-scorm12').click()
    const files = unzipSync(readFileSync(await (await zipped).path()))
    assert.ok(files['index.html'] && files['imsmanifest.xml'], 'the package holds the app and its manifest')
    assert.equal(JSON.parse(new TextDecoder().decode(files['activity.json'])).title, 'Fix the outbound route')
    assert.ok(
      Object.keys(files).some((f) => /^assets\/.+\.js$/.test(f)),
      'the built scripts ride along',
    )

    // a student opens the file
    const student = await openApp(browser())
    await student.page.getByTestId('tab-activity').click()
    await student.page.getByTestId('activity-file').setInputFiles(saved)
    await student.page.getByTestId('activity-title').waitFor()
    assert.equal(await student.page.getByTestId('activity-title').textContent(), 'Fix the outbound route')
    // a student follows the author's link instead: the same activity, and the linter's problems hidden
    await author.getByTestId('activity-make-link').click()
    const link = await author.getByTestId('activity-link-url').inputValue()
    assert.match(link, /#a=2\./)
    const follower = await openApp(browser(), new URL(link).hash)
    await follower.page.getByTestId('activity-title').waitFor()
    assert.equal(await follower.page.getByTestId('activity-title').textContent(), 'Fix the outbound route')
    await follower.page.getByTestId('tab-details').click()
    await follower.page.getByTestId('problems-hidden').waitFor()
    assert.equal(await follower.page.locator('[data-testid^="problem-badge-"]').count(), 0, 'a problem badge shows')
    assert.equal(await follower.page.locator('[data-testid^="problem-GWLB-"]').count(), 0, 'a problem is listed')
    await follower.page.getByTestId('tab-activity').click()
    await checkWork(follower.page.getByTestId('activity-panel'))
    const lintGoal = follower.page.getByTestId('activity-grade')
    assert.doesNotMatch(await lintGoal.textContent(), /GWLB-/)
    await follower.page.screenshot({ path: 'test-results/e2e-activity-link-hidden-problems.png' })
    assert.deepEqual(errors, [])
    assert.deepEqual(student.errors, [])
    assert.deepEqual(follower.errors, [])
    await follower.page.close()
    await student.page.close()
    await page.close()
  })

  it('the SCORM 1.2 package runs from its files in an LMS page and reports score, status and time', async () => {
    const root = unpack('src/activities/data/01-inbound-bypass.json', 'scorm')
    assert.match(
      readFileSync(join(root, 'imsmanifest.xml'), 'utf8'),
      /adlcp:scormtype="sco" href="index\.html\?activity=activity\.json&amp;lms=scorm12"/,
    )
    const { page, errors, sco, server } = await scormLms(root, 'index.html?activity=activity.json&lms=scorm12', {
      student_id: 'learner-42',
      student_name: 'Doe, Jane',
    })
    const panel = sco.getByTestId('activity-panel')
    await panel.getByTestId('activity-lms').waitFor()
    assert.match(await panel.getByTestId('activity-title').textContent(), /Inbound traffic bypasses the firewalls/)
    await checkWork(panel)
    await page.waitForFunction(() => window.commits >= 1)
    assert.deepEqual(await page.evaluate(() => [window.API.cmi.core.lesson_status, window.API.cmi.core.score.raw]), [
      'incomplete',
      '0',
    ])
    // the learner's own variant (picked by cmi.core.student_id): fix its gateway route with the linter's fix
    await sco.getByTestId('tab-details').click()
    await sco.getByTestId('fix-GWLB-E031').first().click()
    await sco.getByTestId('problem-GWLB-E031').first().waitFor({ state: 'detached' })
    await sco.getByTestId('tab-activity').click()
    await checkWork(panel)
    await page.waitForFunction(() => window.API.cmi.core.lesson_status === 'passed')
    const core = await page.evaluate(() => ({
      status: window.API.cmi.core.lesson_status,
      raw: window.API.cmi.core.score.raw,
      max: window.API.cmi.core.score.max,
      time: window.sets['cmi.core.session_time'],
    }))
    assert.equal(core.raw, '100')
    assert.equal(core.max, '100')
    assert.match(core.time, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/)
    assert.deepEqual(errors, [])
    await page.close()
    server.close()
  })

  it('a lesson’s SCORM 1.2 package reports incomplete with its quiz score, then completed at the last step', async () => {
    const root = unpack('src/lessons/data/05-mtu.json', 'scorm')
    assert.match(
      readFileSync(join(root, 'imsmanifest.xml'), 'utf8'),
      /href="index\.html\?lesson=lesson\.json&amp;lms=scorm12"/,
    )
    const { page, errors, sco, server } = await scormLms(root, 'index.html?lesson=lesson.json&lms=scorm12', {
      student_id: 'learner-7',
      student_name: 'Roe, Ann',
    })
    const title = sco.getByTestId('lesson-title')
    await title.waitFor()
    assert.match(await title.textContent(), /Lesson 5: /)
    // step 1 seen: not complete yet, and the quiz not answered scores 0
    await page.waitForFunction(() => window.commits >= 1)
    assert.equal(await page.evaluate(() => window.API.cmi.core.lesson_status), 'incomplete')
    await sco.getByTestId('lesson-next').click()
    await sco.getByTestId('lesson-quiz').waitFor()
    // the packet is dropped at the firewalls (either is right): answer on the canvas
    await sco.locator('.react-flow__node[data-id="fw-1"]').click()
    await sco.getByTestId('quiz-verdict').waitFor()
    await page.waitForFunction(() => window.API.cmi.core.score.raw === '100')
    assert.equal(await page.evaluate(() => window.API.cmi.core.lesson_status), 'incomplete')
    await sco.getByTestId('lesson-next').click()
    await page.waitForFunction(() => window.API.cmi.core.lesson_status === 'completed')
    assert.equal(await page.evaluate(() => window.API.cmi.core.score.raw), '100')
    await page.screenshot({ path: 'test-results/e2e-lesson-scorm.png' })
    assert.deepEqual(errors, [])
    await page.close()
    server.close()
  })

  it('the cmi5 package reports initialized, passed with its score, and completed to the LRS', async () => {
    const root = unpack('src/activities/data/02-zone-i-inspection.json', 'cmi5')
    assert.match(readFileSync(join(root, 'cmi5.xml'), 'utf8'), /masteryScore="0\.80"/)
    const statements = []
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type, x-experience-api-version',
      'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    }
    /** answers, and says the request was the LRS's */
    const json = (res, status, body) => {
      res.writeHead(status, { ...cors, 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' })
      res.end(body === undefined ? '' : JSON.stringify(body))
      return true
    }
    const body = (req) =>
      new Promise((resolve) => {
        let text = ''
        req.on('data', (c) => {
          text += c
        })
        req.on('end', () => resolve(text))
      })
    // the LRS and the LMS's token fetch, as small as cmi5 needs them
    const lrs = async (req, res) => {
      const { pathname } = new URL(req.url, 'http://x')
      if (!pathname.startsWith('/lrs/')) return false
      if (req.method === 'OPTIONS') return json(res, 204)
      if (pathname === '/lrs/fetch') return json(res, 200, { 'auth-token': 'dG9rZW4=' })
      if (pathname.endsWith('/activities/state'))
        return json(res, 200, {
          contextTemplate: {
            extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
          },
          launchMode: 'Normal',
          moveOn: 'CompletedOrPassed',
          masteryScore: 0.8,
        })
      if (pathname.endsWith('/agents/profile')) return json(res, 200, {})
      if (pathname.endsWith('/statements')) {
        const sent = JSON.parse(await body(req))
        statements.push(...(Array.isArray(sent) ? sent : [sent]))
        return json(res, 200, [String(statements.length)])
      }
      return json(res, 404, {})
    }
    const server = await serve(root, lrs)
    const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-7' }, name: 'Jane' }
    const launch = new URLSearchParams({
      activity: 'activity.json',
      lms: 'cmi5',
      endpoint: `${server.url}lrs/xapi/`,
      fetch: `${server.url}lrs/fetch`,
      actor: JSON.stringify(actor),
      registration: '3a7e3d4e-0b0a-4c1f-9d7a-5c8b1f2e3d4a',
      activityId: 'https://gwlb-studio.example/activities/zone-i-inspection/au',
    })
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 } })
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${server.url}index.html?${launch}`)
    const panel = page.getByTestId('activity-panel')
    await panel.getByTestId('activity-lms').waitFor()
    await page.getByTestId('tab-details').click()
    for (const code of ['E031', 'E032']) {
      await page.getByTestId(`fix-GWLB-${code}`).first().click()
      await page.getByTestId(`problem-GWLB-${code}`).first().waitFor({ state: 'detached' })
    }
    await page.getByTestId('tab-activity').click()
    await checkWork(panel)
    const verb = (s) => s.verb.id.split('/').at(-1)
    const waitFor = async (name) => {
      for (;;) {
        const found = statements.find((s) => verb(s) === name)
        if (found) return found
        await page.waitForEvent('requestfinished')
      }
    }
    const passed = await waitFor('passed')
    await waitFor('completed')
    assert.equal(verb(statements[0]), 'initialized')
    assert.equal(passed.result.score.raw, 100)
    assert.equal(passed.result.score.scaled, 1)
    assert.equal(passed.actor.account.name, 'learner-7')
    assert.deepEqual(errors, [])
    await page.close()
    server.close()
  })
})
