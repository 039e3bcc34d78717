// The designer in Chromium: build reference design (a) from an empty canvas through the UI alone, then
// check the saved document equals the reference up to ids and layout, with no problems.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { BASE_URL, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

/** The UI, in the words a user would use. */
function ui(page) {
  const inspector = page.getByTestId('inspector')
  const idOfNode = async (name) => {
    const node = page
      .locator('.react-flow__node')
      .filter({ has: page.locator(`[data-testid^="node-"]`).filter({ hasText: name }) })
      .last()
    return node.getAttribute('data-id')
  }
  const self = {
    inspector,
    /** drags a palette entry onto the page (an empty corner) or onto a node, by its id */
    async drop(kind, onto) {
      const source = page.getByTestId(`palette-${kind}`)
      if (!onto) {
        await source.dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 12, y: 12 } })
      } else {
        // onto the container's own caption or title, not onto a child
        const target = page.locator(`.react-flow__node[data-id="${onto}"]`)
        // a container made a step before is drawn a frame or two later, hidden until measured; the forced drag
        // below does not wait for it, and a drop on a hidden node lands on what is under it
        await target.waitFor()
        const box = await target.boundingBox()
        const kindOf = await target.getAttribute('class')
        const at = kindOf.includes('react-flow__node-vswitch') ? { x: 8, y: box.height - 6 } : { x: 14, y: 10 }
        await source.dragTo(target, { targetPosition: at, force: true })
      }
      const notice = page.getByTestId('notice')
      if (await notice.isVisible()) assert.fail(`drop of ${kind} refused: ${await notice.textContent()}`)
      // the new resource is selected: its id is the inspector's
      return (await inspector.locator('span.font-mono').first().textContent()).trim()
    },
    async select(id) {
      const node = page.locator(`.react-flow__node[data-id="${id}"]`)
      const box = await node.boundingBox()
      const type = await node.getAttribute('class')
      // click a container on its title or caption, where no child is
      const at = type.includes('react-flow__node-vswitch')
        ? { x: 8, y: box.height - 6 }
        : type.includes('react-flow__node-vpc')
          ? { x: 20, y: 12 }
          : undefined
      // on a loaded machine a click can land while the canvas re-renders: click again until the inspector shows it
      const shown = inspector.locator(`span.font-mono:text-is("${id}")`)
      for (let attempt = 0; attempt < 4; attempt++) {
        await node.click({ position: at, force: true })
        try {
          await shown.waitFor({ timeout: 5000 })
          return
        } catch {
          // not selected yet: try again
        }
      }
      await shown.waitFor()
    },
    async field(label, value, index = 0) {
      const input = inspector.getByLabel(label, { exact: true }).nth(index)
      if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value)
      else await input.fill(value)
      const invalid = await input.getAttribute('aria-invalid')
      if (invalid === 'true')
        assert.fail(`${label} = ${value} refused: ${await inspector.getByRole('alert').first().textContent()}`)
    },
    async check(label, on = true) {
      const box = inspector.getByLabel(label, { exact: true })
      if ((await box.isChecked()) !== on) await box.click()
    },
    /** fills one rule of a list editor: fields in the order given, so each step stays valid */
    async rule(noun, index, cells) {
      const row = inspector.getByTestId(`${noun}-${index}`)
      for (const [label, value] of cells) {
        const input = inspector.getByTestId(`${noun}-${index}`).getByLabel(label, { exact: true })
        if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value)
        else await input.fill(value)
        assert.notEqual(await input.getAttribute('aria-invalid'), 'true', `${noun} ${index} ${label}=${value}`)
      }
      return row
    },
    async addRule(noun, cells) {
      const count = await inspector.locator(`[data-testid^="${noun}-"]`).count()
      await inspector.getByRole('button', { name: `+ Add ${noun}` }).click()
      await self.rule(noun, count, cells)
    },
    /** draws a line from one node to another, from handle to handle */
    async connect(from, to) {
      const source = page
        .locator(`.react-flow__node[data-id="${from}"] .react-flow__handle[data-handleid="right-source"]`)
        .first()
      const target = page
        .locator(`.react-flow__node[data-id="${to}"] .react-flow__handle[data-handleid="left-target"]`)
        .first()
      const a = await source.boundingBox()
      const b = await target.boundingBox()
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
      await page.mouse.down()
      await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 })
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 })
      await page.mouse.up()
      await page.getByTestId('connect-dialog').waitFor()
    },
    idOfNode,
  }
  return self
}

/** The document with ids replaced by kind and name, layout and scenarios left out, keys sorted. */
function canonical(doc) {
  const names = new Map(doc.resources.map((r) => [r.id, `${r.kind}:${r.name}`]))
  const walk = (v) => {
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, walk(v[k])]),
      )
    return typeof v === 'string' && names.has(v) ? names.get(v) : v
  }
  const resources = doc.resources.map(walk).sort((a, b) => a.id.localeCompare(b.id))
  return walk({ ...doc, resources, layout: undefined, scenarios: undefined })
}

describe('the designer', () => {
  it('builds reference design (a) from an empty canvas through the UI alone', async () => {
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(BASE_URL)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    const u = ui(page)
    await page.getByRole('button', { name: 'New', exact: true }).click()
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length === 0)

    // the design itself
    await u.field('Design name', 'GWLB inspection, one zone')
    await u.field(
      'Description',
      "The deployment of Alibaba Cloud's GWLB guide: internet traffic to and from two web servers is inspected by two firewalls behind a GWLB, reached through a GWLB endpoint.",
    )
    await u.field('Zones, in order', 'cn-hangzhou-h')
    await u.rule('account', 0, [['Name', 'Application team (consumer)']])
    await u.rule('account', 1, [['Name', 'Security team (provider)']])

    // the internet
    const client = await u.drop('internetHost')
    await u.field('Name', 'Internet client')
    const update = await u.drop('internetHost')
    await u.field('Name', 'Update server')
    await u.field('Address', '203.0.113.80')

    // two VPCs, two accounts
    const service = await u.drop('vpc')
    await u.field('Name', 'Service VPC')
    const security = await u.drop('vpc')
    await u.field('Name', 'Security VPC')
    await u.field('Account', '6543210987654321')

    // the service VPC: a service vSwitch, a GWLBe vSwitch, the IPv4 gateway with its gateway route table
    const appVsw = await u.drop('vswitch', service)
    await u.field('Name', 'Service vSwitch H')
    const gwlbeVsw = await u.drop('vswitch', service)
    await u.field('IPv4 CIDR block (fixed once the vSwitch holds resources)', '10.0.10.0/24')
    await u.field('Name', 'GWLBe vSwitch H')
    const igw = await u.drop('ipv4Gateway', service)

    // the security VPC: a vSwitch, a firewall with its security group and policy, duplicated
    const secVsw = await u.drop('vswitch', security)
    await u.field('Name', 'Appliance vSwitch H')
    const fw1 = await u.drop('appliance', secVsw)
    await u.field('Private IP address', '192.168.1.11')
    await u.inspector.getByRole('button', { name: '+ New security group' }).click()
    await u.field('Name', 'Appliances')
    await u.addRule('rule', [
      ['Protocol', 'udp'],
      ['Ports', '6081/6081'],
      ['Source', '192.168.0.0/16'],
      ['Description', 'Geneve from the GWLB'],
    ])
    await u.addRule('rule', [
      ['Ports', '80/80'],
      ['Source', '192.168.0.0/16'],
      ['Description', 'health checks'],
    ])
    await u.addRule('rule', [
      ['Destination', '0.0.0.0/0'],
      ['Direction', 'egress'],
      ['Source', ''],
      ['Protocol', 'all'],
      ['Ports', '-1/-1'],
    ])
    await u.select(fw1)
    await u.field('Default action', 'deny')
    await u.addRule('rule', [
      ['Destination', '10.0.0.0/16'],
      ['Description', 'HTTPS to the web servers'],
    ])
    await u.addRule('rule', [
      ['Destination', '10.0.0.0/16'],
      ['Ports', '80/80'],
      ['Description', 'HTTP to the web servers'],
    ])
    await u.addRule('rule', [
      ['Protocol', 'all'],
      ['Source', '10.0.0.0/16'],
      ['Ports', '-1/-1'],
      ['Description', 'anything the servers start'],
    ])
    await page.keyboard.press('Control+d')
    // the copy is selected once made (the clipboard's code may still be loading when the key is pressed)
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="inspector"] span.font-mono')?.textContent?.trim() === `${id}-copy`,
      fw1,
    )
    const fw2 = (await u.inspector.locator('span.font-mono').first().textContent()).trim()
    assert.notEqual(fw2, fw1)
    await u.field('Name', 'Firewall 2')
    await u.field('Private IP address', '192.168.1.12')
    await u.select(fw1)
    await u.field('Name', 'Firewall 1')

    // the GWLB with the seed's recommended settings, and its endpoint service
    const gwlb = await u.drop('gwlb', security)
    await u.field('Name', 'Inspection GWLB')
    await u.field('cn-hangzhou-h · Appliance vSwitch H · address', '192.168.1.5')
    await u.field('Listener description', 'all IP traffic, forwarded in Geneve')
    await u.field('Server group name', 'firewalls')
    await u.field('Interval, s (1–50)', '5')
    await u.field('Timeout, s (1–300)', '3')
    await u.field('Unhealthy threshold (2–10)', '3')
    await u.field('Drain timeout, s (1–3600)', '30')
    const eps = await u.drop('endpointService')
    await u.field('Name', 'Inspection service')
    await u.field('Whitelist (account UIDs, or *)', '1234567890123456')

    // the consumer's endpoint, accepted by the provider
    const gwlbe = await u.drop('gwlbEndpoint', gwlbeVsw)
    await u.field('Name', 'GWLBe H')
    await u.field('Endpoint ENI address', '10.0.10.5')
    assert.match(await u.inspector.getByTestId('connection-status').textContent(), /awaiting the provider/)
    await u.inspector.getByRole('button', { name: 'Accept connection (provider)' }).click()
    assert.match(await u.inspector.getByTestId('connection-status').textContent(), /^Connected/)

    // two web servers with EIPs and their security group
    const web1 = await u.drop('ecs', appVsw)
    await u.field('Name', 'Web server 1')
    await u.field('Private IP address', '10.0.1.10')
    await u.field('EIP (public address)', '47.98.10.11')
    await u.inspector.getByRole('button', { name: '+ New security group' }).click()
    await u.field('Name', 'Web servers')
    await u.addRule('rule', [['Description', 'HTTPS from anywhere']])
    await u.addRule('rule', [
      ['Ports', '80/80'],
      ['Description', 'HTTP from anywhere'],
    ])
    await u.addRule('rule', [
      ['Destination', '0.0.0.0/0'],
      ['Direction', 'egress'],
      ['Source', ''],
      ['Protocol', 'all'],
      ['Ports', '-1/-1'],
    ])
    await u.select(web1)
    await page.keyboard.press('Control+d')
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="inspector"] span.font-mono')?.textContent?.trim() === `${id}-copy`,
      web1,
    )
    await u.field('Name', 'Web server 2')
    await u.field('Private IP address', '10.0.1.11')
    await u.field('EIP (public address)', '47.98.10.12')

    // the seed's routes, drawn: service vSwitch → GWLBe, GWLBe vSwitch → gateway, gateway → GWLBe
    await u.connect(appVsw, gwlbe)
    assert.equal(await page.getByLabel('Destination CIDR block').inputValue(), '0.0.0.0/0')
    await page.getByRole('button', { name: 'Add route' }).click()
    await u.connect(gwlbeVsw, igw)
    await page.getByRole('button', { name: 'Add route' }).click()
    await u.connect(igw, gwlbe)
    assert.equal(await page.getByLabel('Destination CIDR block').inputValue(), '10.0.1.0/24')
    await page.getByRole('button', { name: 'Add route' }).click()
    // name the two new route tables from their badges
    for (const [vsw, name] of [
      [appVsw, 'Service route table H'],
      [gwlbeVsw, 'GWLBe vSwitch route table'],
    ]) {
      await page.locator(`.react-flow__node[data-id="${vsw}"] [data-testid^="route-table-badge-"]`).click()
      await page.getByTestId('route-table-panel').getByLabel('Route table name').fill(name)
    }

    // no problems, and the document is the reference up to ids and layout
    await page.waitForFunction(
      () => document.querySelector('[data-testid="problem-count"]')?.textContent === '(0)',
      null,
      { timeout: 5000 },
    )
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Save file' }).click()
    const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'))
    const reference = JSON.parse(readFileSync('public/examples/single-zone.json', 'utf8'))
    assert.deepEqual(canonical(saved), canonical(reference))
    assert.deepEqual(errors, [])
    await page.screenshot({ path: 'test-results/e2e-built-a.png' })
    void [client, update, eps, gwlb, fw2]
    await page.close()
  })

  it('shows each broken seed rule as a problem, and its one-click fix clears it', async () => {
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(BASE_URL)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    const u = ui(page)
    const problemCount = page.getByTestId('problem-count')
    await page.waitForFunction(() => document.querySelector('[data-testid="problem-count"]')?.textContent === '(0)')
    const breakAndFix = async (code, breakIt) => {
      await breakIt()
      await page.getByTestId(`problem-GWLB-${code}`).first().waitFor({ timeout: 5000 })
      await page.getByTestId(`fix-GWLB-${code}`).first().click()
      await page.getByTestId(`problem-GWLB-${code}`).first().waitFor({ state: 'detached', timeout: 5000 })
      assert.equal(await problemCount.textContent(), '(0)', `after fixing ${code}`)
    }
    // the seed's prerequisites on the provider's side
    await breakAndFix('E012', async () => {
      await u.select('fw-h1')
      await u.check('Jumbo frames (MTU 8500; needed for 1,500 + 68 bytes of Geneve)', false)
    })
    await breakAndFix('E001', async () => {
      await u.select('gwlb-inspection')
      await u.check('Listener (all IP traffic, Geneve to the server group)', false)
    })
    await breakAndFix('W001', async () => {
      await u.select('gwlb-inspection')
      await u.check('Health check', false)
    })
    await breakAndFix('W002', async () => {
      await u.select('gwlb-inspection')
      await u.check('Connection draining', false)
    })
    await breakAndFix('W003', async () => {
      await u.select('gwlb-inspection')
      await u.field('Existing flows when an appliance fails', 'NoRebalance')
    })
    // PrivateLink: the whitelist and the provider's acceptance
    await breakAndFix('E024', async () => {
      await u.select('gwlbe-i')
      await u.inspector.getByRole('button', { name: 'Reject / disconnect (provider)' }).click()
    })
    await breakAndFix('E023', async () => {
      await u.select('epsrv-inspection')
      await u.field('Whitelist (account UIDs, or *)', '')
    })
    // the seed's route tables
    const routes = page.getByTestId('route-table-panel')
    await breakAndFix('E032', async () => {
      await page.getByTestId('route-table-badge-rtb-app-h').click()
      await routes.getByRole('button', { name: 'Delete entry' }).click()
    })
    await breakAndFix('E033', async () => {
      await page.getByTestId('route-table-badge-rtb-gwlbe').first().click()
      await routes.getByRole('button', { name: 'Delete entry' }).click()
    })
    await breakAndFix('E031', async () => {
      await page.getByTestId('route-table-badge-rtb-gateway').click()
      await routes.getByTestId('route-10.0.2.0/24').getByRole('button', { name: 'Restore Local' }).click()
    })
    await breakAndFix('W030', async () => {
      await page.getByTestId('route-table-badge-rtb-gateway').click()
      await routes.getByTestId('route-10.0.1.0/24').getByRole('combobox').selectOption('gwlbe-i')
    })
    await page.close()
  })

  it('Undo takes back exactly the last edit, on the canvas, and Redo puts it back', async () => {
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 } })
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    // what the canvas shows of the four edits below: Web server 2's name, the route line from Service vSwitch H,
    // Firewall H2 with its line from the GWLB, and the internet host dropped
    await page.addInitScript(() => {
      window.canvasFacts = ([route, member, host]) => {
        const node = (id) => document.querySelector(`.react-flow__node[data-id="${id}"]`)
        const edge = (id) => document.querySelector(`.react-flow__edge[data-id="${id}"]`)
        const name = document.querySelector('[data-testid="node-ecs-web-2"]')?.textContent ?? ''
        return {
          name: name.includes('Web server B') ? 'Web server B' : name.includes('Web server 2') ? 'Web server 2' : name,
          route: Boolean(edge(route)),
          firewall: Boolean(node('fw-h2')) && Boolean(edge(member)),
          firewallGone: !node('fw-h2') && !edge(member),
          host: Boolean(node(host)),
        }
      }
    })
    await page.goto(BASE_URL)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    const u = ui(page)
    const ids = ['route:vsw-app-h:0.0.0.0/0', 'server:gwlb-inspection:fw-h2', 'the new internet host']
    /** Waits until the canvas shows `want` (looked at on every frame), and says what it shows if it never does. */
    const canvasShows = async (want, after) => {
      const expected = { ...want, firewallGone: !want.firewall }
      try {
        await page.waitForFunction(
          ([ids, want]) => {
            const facts = window.canvasFacts(ids)
            return Object.entries(want).every(([k, v]) => facts[k] === v)
          },
          [ids, expected],
          { timeout: 10_000 },
        )
      } catch {
        assert.deepEqual(
          await page.evaluate((ids) => window.canvasFacts(ids), ids),
          expected,
          `the canvas after ${after}`,
        )
      }
    }
    const before = { name: 'Web server 2', route: true, firewall: true, host: false }
    await canvasShows(before, 'opening the design')

    // four edits, each of another kind: a rename, a route entry deleted, a resource deleted, one dropped
    await u.select('ecs-web-2')
    await u.field('Name', 'Web server B')
    const renamed = { ...before, name: 'Web server B' }
    await canvasShows(renamed, 'the rename')
    await page.getByTestId('route-table-badge-rtb-app-h').click()
    await page.getByTestId('route-table-panel').getByRole('button', { name: 'Delete entry' }).click()
    const unrouted = { ...renamed, route: false }
    await canvasShows(unrouted, 'deleting the route entry')
    await u.select('fw-h2')
    await page.keyboard.press('Delete')
    await page.getByTestId('delete-dialog').getByRole('button', { name: 'Delete Firewall H2' }).click()
    const deleted = { ...unrouted, firewall: false }
    await canvasShows(deleted, 'deleting Firewall H2')
    ids[2] = await u.drop('internetHost')
    const dropped = { ...deleted, host: true }
    await canvasShows(dropped, 'dropping an internet host')

    // each Undo takes back the last edit and only it; each Redo puts back the one undone last
    const undo = page.getByRole('button', { name: 'Undo', exact: true })
    const redo = page.getByRole('button', { name: 'Redo', exact: true })
    const walk = [
      [dropped, 'the drop'],
      [deleted, 'the delete of Firewall H2'],
      [unrouted, 'the route entry’s delete'],
      [renamed, 'the rename'],
      [before, 'the design as opened'],
    ]
    for (let i = 1; i < walk.length; i++) {
      await undo.click()
      await canvasShows(walk[i][0], `undoing ${walk[i - 1][1]}`)
    }
    assert.equal(await undo.isDisabled(), true, 'nothing left to undo')
    for (let i = walk.length - 2; i >= 0; i--) {
      await redo.click()
      await canvasShows(walk[i][0], `redoing ${walk[i][1]}`)
    }
    assert.equal(await redo.isDisabled(), true, 'nothing left to redo')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('keeps the design in the browser and restores it on the next visit', async () => {
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await page.goto(BASE_URL)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    const u = ui(page)
    await u.field('Design name', 'My inspection design')
    // the edit marks autosave pending at once; "saved" means the design with the new name is stored
    await page.waitForFunction(() => document.documentElement.dataset.autosave === 'saved')
    await page.reload()
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    assert.match(await page.getByTestId('design-name').textContent(), /My inspection design/)
    assert.match(await page.getByTestId('notice').textContent(), /Restored "My inspection design"/)
    // an example asked for by the URL is shown as asked, and does not replace what was kept
    await page.goto(`${BASE_URL}?example=single-zone`)
    await page.waitForSelector('[data-testid="node-fw-1"]')
    await page.goto(BASE_URL)
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    assert.match(await page.getByTestId('design-name').textContent(), /My inspection design/)
    await context.close()
  })
})
