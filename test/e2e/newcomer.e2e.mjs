// A newcomer's first design, in Chromium: the guide's single-zone deployment built from New with what is on
// the screen (palette drags to where the user points, lines drawn from a node's edge to another node's body,
// the one-click steps refusals offer, inspector buttons), never a handle's position taken from the DOM; then
// a packet traced through it. Every user action is counted: the README quotes the count.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openApp, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

/** Where a node is drawn, in canvas units: its screen box through the viewport's pan and zoom. */
async function canvasBox(page, id) {
  return page.evaluate((nodeId) => {
    const el = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`)
    const viewport = document.querySelector('.react-flow__viewport')
    const pane = document.querySelector('.react-flow').getBoundingClientRect()
    if (!el || !viewport) return null
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform)
    const r = el.getBoundingClientRect()
    return {
      x: (r.left - pane.left - m.e) / m.a,
      y: (r.top - pane.top - m.f) / m.a,
      width: r.width / m.a,
      height: r.height / m.a,
    }
  }, id)
}

/** A screen point as a canvas point. */
async function toCanvas(page, point) {
  return page.evaluate(({ x, y }) => {
    const viewport = document.querySelector('.react-flow__viewport')
    const pane = document.querySelector('.react-flow').getBoundingClientRect()
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform)
    return { x: (x - pane.left - m.e) / m.a, y: (y - pane.top - m.f) / m.a }
  }, point)
}

// a few canvas units: the drag's release point and the zoom's rounding
const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 4, `${what}: ${a} is not ${b}`)

function newcomer(page) {
  const inspector = page.getByTestId('inspector')
  let steps = 0
  const selectedId = async () => (await inspector.locator('span.font-mono').first().textContent()).trim()
  const self = {
    get steps() {
      return steps
    },
    inspector,
    /** one palette drag, released at a screen point on the canvas; returns the id of what was made */
    async drop(kind, at) {
      steps++
      const pane = page.locator('.react-flow__pane')
      const box = await pane.boundingBox()
      await page.getByTestId(`palette-${kind}`).dragTo(pane, {
        targetPosition: { x: at.x - box.x, y: at.y - box.y },
        force: true,
      })
    },
    /**
     * drops, and checks that it landed where it was dropped (or, dropped on a sibling, beside it) and that
     * nothing drawn before moved
     */
    async place(kind, at, onSibling) {
      const drawn = await page.$$eval('.react-flow__node', (els) => els.map((e) => e.getAttribute('data-id')))
      const before = new Map()
      for (const id of drawn) before.set(id, await canvasBox(page, id))
      const point = await toCanvas(page, at)
      await self.drop(kind, at)
      const notice = page.getByTestId('notice')
      if (await notice.isVisible()) assert.fail(`drop of ${kind} refused: ${await notice.textContent()}`)
      const id = await selectedId()
      await page.locator(`.react-flow__node[data-id="${id}"]`).waitFor()
      const mine = await canvasBox(page, id)
      if (onSibling) {
        const sibling = await canvasBox(page, onSibling)
        near(mine.y, sibling.y, `${kind} beside ${onSibling}`)
        assert.ok(mine.x >= sibling.x + sibling.width, `${kind} clear of ${onSibling}`)
      } else if (kind === 'vpc' || kind === 'vswitch') {
        near(mine.x, point.x - 12, `${kind} ${id} left`)
        near(mine.y, point.y - 12, `${kind} top`)
      } else if (kind === 'ipv4Gateway') {
        near(mine.x + mine.width / 2, point.x, 'gateway centre')
      } else {
        near(mine.x + mine.width / 2, point.x, `${kind} centre x`)
        near(mine.y + mine.height / 2, point.y, `${kind} centre y`)
      }
      // containers grow; nothing else moves
      for (const [other, was] of before) {
        if (other.includes('/')) continue
        const now = await canvasBox(page, other)
        near(now.x, was.x, `${other} x after dropping ${kind}`)
        near(now.y, was.y, `${other} y after dropping ${kind}`)
      }
      return id
    },
    async click(locator) {
      steps++
      await locator.click()
    },
    async field(label, value) {
      steps++
      const input = inspector.getByLabel(label, { exact: true })
      if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value)
      else await input.fill(value)
    },
    /** a point inside a node's box, as a fraction of its width and height */
    async pointIn(id, fx, fy) {
      const b = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()
      return { x: b.x + b.width * fx, y: b.y + b.height * fy }
    },
    /** presses on the right edge of one node and releases on the middle of another's body: a line, not a move */
    async line(from, to) {
      steps++
      const was = await canvasBox(page, from)
      const a = await page.locator(`.react-flow__node[data-id="${from}"]`).boundingBox()
      const b = await page.locator(`.react-flow__node[data-id="${to}"]`).boundingBox()
      await page.mouse.move(a.x + a.width - 1, a.y + a.height / 2)
      await page.mouse.down()
      await page.mouse.move(a.x + a.width + 20, a.y + a.height / 2, { steps: 4 })
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 })
      await page.mouse.up()
      await page.getByTestId('connect-dialog').waitFor()
      const now = await canvasBox(page, from)
      near(now.x, was.x, `${from} x after a line from its edge`)
      near(now.y, was.y, `${from} y after a line from its edge`)
    },
    selectedId,
  }
  return self
}

describe("a newcomer's first design", () => {
  it("builds the guide's single-zone design from New with what is on the screen, and traces through it", async () => {
    const { page, errors } = await openApp(browser())
    const u = newcomer(page)
    await u.click(page.getByRole('button', { name: 'New', exact: true }))
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 0)
    // a new design says what an internet trace needs
    assert.match(await page.getByTestId('start-hint').textContent(), /internet trace starts at an Internet host/)

    const pane = await page.locator('.react-flow__pane').boundingBox()
    const at = (fx, fy) => ({ x: pane.x + pane.width * fx, y: pane.y + pane.height * fy })
    const client = await u.place('internetHost', at(0.45, 0.08))
    await page.getByTestId('start-hint').waitFor({ state: 'detached' })
    // the service VPC under it
    const host = await page.locator(`.react-flow__node[data-id="${client}"]`).boundingBox()
    const service = await u.place('vpc', { x: host.x - 60, y: host.y + host.height + 30 })

    // the service VPC: the servers' vSwitch, the GWLBe's vSwitch beside it, the gateway on its top edge
    const appVsw = await u.place('vswitch', await u.pointIn(service, 0.15, 0.86))
    const gwlbeVsw = await u.place('vswitch', await u.pointIn(service, 0.8, 0.86))
    const igw = await u.place('ipv4Gateway', await u.pointIn(service, 0.5, 0.1))
    const web = await u.place('ecs', await u.pointIn(appVsw, 0.5, 0.45))
    await u.field('EIP (public address)', '47.98.10.11')

    // the security VPC under it, the provider's: a vSwitch, two firewalls, then the GWLB (it takes the
    // firewalls as its servers)
    // zoomed out for room below it
    for (let i = 0; i < 2; i++) await u.click(page.getByRole('button', { name: /zoom out/i }))
    await page.waitForFunction(() => !document.querySelector('.react-flow.moving'))
    const serviceBox = await page.locator(`.react-flow__node[data-id="${service}"]`).boundingBox()
    const security = await u.place('vpc', { x: serviceBox.x + 12, y: serviceBox.y + serviceBox.height + 40 })
    await u.field('Account', '6543210987654321')
    const secVsw = await u.place('vswitch', await u.pointIn(security, 0.15, 0.86))
    await u.place('appliance', await u.pointIn(secVsw, 0.5, 0.45))
    const fwBox = await page.locator('.react-flow__node[data-id="fw-1"]').boundingBox()
    // dropped on the first one: it steps aside, and the vSwitch grows to hold it
    await u.place('appliance', { x: fwBox.x + fwBox.width * 0.8, y: fwBox.y + fwBox.height / 2 }, 'fw-1')
    await u.place('gwlb', await u.pointIn(security, 0.75, 0.24))

    // the GWLBe: refused twice, each refusal offering its missing step in one click
    const gwlbePoint = await u.pointIn(gwlbeVsw, 0.5, 0.45)
    await u.drop('gwlbEndpoint', gwlbePoint)
    const notice = page.getByTestId('notice')
    assert.match(await notice.textContent(), /Create the endpoint service first/)
    await page.screenshot({ path: 'test-results/e2e-newcomer-refusal-service.png', clip: await notice.boundingBox() })
    await u.click(notice.getByRole('button', { name: 'Create the endpoint service' }))
    assert.match(await notice.textContent(), /does not admit account 1234567890123456/)
    await page.screenshot({ path: 'test-results/e2e-newcomer-refusal-whitelist.png', clip: await notice.boundingBox() })
    await u.click(notice.getByRole('button', { name: /^Add account .* to the whitelist$/ }))
    await notice.waitFor({ state: 'detached' })
    const gwlbe = await u.selectedId()
    assert.match(await u.inspector.getByTestId('connection-status').textContent(), /awaiting the provider/)
    await u.click(u.inspector.getByRole('button', { name: 'Accept connection (provider)' }))

    // the routes, drawn from a node's edge to another node's body
    // the pointer over the vSwitch shows its connection points
    const appBox = await page.locator(`.react-flow__node[data-id="${appVsw}"]`).boundingBox()
    await page.mouse.move(appBox.x + 10, appBox.y + appBox.height - 8)
    await page.waitForFunction(
      (id) =>
        [...document.querySelectorAll(`.react-flow__node[data-id="${id}"] .gs-handle`)].every(
          (h) => getComputedStyle(h).opacity === '1',
        ),
      appVsw,
    )
    await page.screenshot({
      path: 'test-results/e2e-newcomer-handles.png',
      clip: await page.locator(`.react-flow__node[data-id="${service}"]`).boundingBox(),
    })
    await u.line(appVsw, gwlbe)
    assert.equal(await page.getByLabel('Destination CIDR block').inputValue(), '0.0.0.0/0')
    await u.click(page.getByRole('button', { name: 'Add route' }))
    await u.line(gwlbeVsw, igw)
    await u.click(page.getByRole('button', { name: 'Add route' }))
    await u.line(igw, gwlbe)
    assert.equal(await page.getByLabel('Destination CIDR block').inputValue(), '10.0.1.0/24')
    await u.click(page.getByRole('button', { name: 'Add route' }))

    // security groups: the linter's one-click fixes open the firewalls to Geneve and the health checks; the
    // web server gets a new group with the form's first rule (HTTPS from anywhere)
    const problems = page.getByTestId('problems-panel')
    for (let i = 0; i < 8; i++) {
      const fix = problems.locator('[data-testid="fix-GWLB-E010"], [data-testid="fix-GWLB-E011"]').first()
      if (!(await fix.count())) break
      const label = await fix.textContent()
      await u.click(fix)
      // the linter has seen the fixed design when that fix is no longer offered
      await page.waitForFunction(
        (text) => ![...document.querySelectorAll('[data-testid^="fix-GWLB-"]')].some((b) => b.textContent === text),
        label,
      )
    }
    assert.equal(await page.getByTestId('notice').count(), 0, 'no fix was refused')
    await u.click(page.locator(`.react-flow__node[data-id="${web}"]`))
    await u.click(u.inspector.getByRole('button', { name: '+ New security group' }))
    await u.click(u.inspector.getByRole('button', { name: '+ Add rule' }))

    // F fits the whole design into the window (not counted: the build needs no fit)
    const allInView = () => {
      const pane = document.querySelector('.react-flow').getBoundingClientRect()
      return [...document.querySelectorAll('.react-flow__node')].every((n) => {
        const r = n.getBoundingClientRect()
        return (
          r.left >= pane.left - 1 && r.top >= pane.top - 1 && r.right <= pane.right + 1 && r.bottom <= pane.bottom + 1
        )
      })
    }
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: /zoom in/i }).click()
    await page.waitForFunction(() => !document.querySelector('.react-flow.moving'))
    assert.equal(await page.evaluate(allInView), false, 'zoomed in, part of the design is out of view')
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('f')
    await page.waitForFunction(allInView, null, { timeout: 5000 })

    // trace: from the internet client to the web server's EIP
    await u.click(page.getByTestId('tab-walk'))
    const walk = page.getByTestId('walk-panel')
    await walk.getByLabel('From').selectOption(client)
    await walk.getByLabel('Address').fill('47.98.10.11')
    await u.click(page.getByTestId('walk-trace'))
    await page.getByTestId('trace-player').waitFor()
    await page.getByRole('button', { name: 'Last hop' }).click()
    const disposition = await page.getByTestId('walk-disposition').getAttribute('data-disposition')
    const hops = await page.getByTestId('walk-position').textContent()
    await page.screenshot({ path: 'test-results/e2e-newcomer-built.png' })
    assert.equal(disposition, 'DELIVERED', `the trace ended ${disposition} (${hops})`)
    // the trace passed the firewalls: the GWLB chose one
    assert.match(await page.getByTestId('trace-player').textContent(), /Firewall/)
    const total = u.steps + 2 // the walk's From and Address
    console.log(`# newcomer build: ${total} user actions`)
    assert.ok(total <= 40, `${total} actions`)
    assert.deepEqual(errors, [])
    void security
    await page.close()
  })
})
