// "Prove it" in Chromium: a broken route makes a built-in intent fail in the Verify tab with its counterexample,
// which plays on the canvas in the Walk tab; a three-step plan built in the Plan tab shows its window and the safe
// order of the same steps, is kept with the design across a reload, and a guide's order loaded over it is one Undo
// away; the Compare tab lists what an edit changed and paints it.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openApp, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()

const litOf = (page, id) => page.getByTestId(`node-${id}`).getAttribute('data-lit')

/** The reference design's gateway sends vSwitch H's block straight to it again: inbound traffic skips the GWLBe. */
async function breakGatewayRoute(page) {
  await page.getByTestId('route-table-badge-rtb-gateway').click()
  await page
    .getByTestId('route-table-panel')
    .getByTestId('route-10.0.1.0/24')
    .getByRole('button', { name: 'Restore Local' })
    .click()
}

/** Opens the Plan tab and builds the plan that deletes the GWLBe before its routes, which the guide warns against. */
async function buildThreeStepPlan(page) {
  await page.getByTestId('tab-plan').click()
  const panel = page.getByTestId('plan-panel')
  const addStep = async (api, parameters) => {
    await panel.getByLabel('API of the new step').selectOption(api)
    await panel.getByTestId('plan-add-step').click()
    const editor = panel.getByTestId('step-editor')
    for (const [key, value] of Object.entries(parameters)) await editor.getByLabel(key, { exact: true }).fill(value)
  }
  await addStep('DeleteVpcEndpoint', { EndpointId: 'gwlbe-h' })
  await addStep('DeleteRouteEntry', { RouteTableId: 'rtb-app-h', DestinationCidrBlock: '0.0.0.0/0' })
  await addStep('UpdateGatewayRouteTableEntryAttribute', {
    IPv4GatewayRouteTableId: 'rtb-gateway',
    DestinationCidrBlock: '10.0.1.0/24',
    NextHopType: 'Local',
  })
  assert.equal(await panel.locator('[data-testid^="plan-step-"]').count(), 3)
  return panel
}

/** The plan's steps as the tab lists them, one line each. */
const stepLines = (panel) => panel.locator('[data-testid^="plan-step-"] > div > span.font-mono').allTextContents()

describe('prove it in Chromium', () => {
  it('shows a built-in intent failing with its counterexample, and plays it on the canvas', async () => {
    const { page, errors } = await openApp(browser())
    await page.getByTestId('tab-verify').click()
    const inbound = page.getByTestId('intent-inbound-inspected')
    // the reference design keeps every built-in intent
    await page.locator('[data-testid="verify-status"][data-status="done"]').waitFor()
    await inbound.and(page.locator('[data-status="holds"]')).waitFor()
    assert.equal(await page.locator('[data-testid^="intent-"][data-status="violated"]').count(), 0)

    await breakGatewayRoute(page)
    await page.getByTestId('tab-verify').click()
    await inbound.and(page.locator('[data-status="violated"]')).waitFor()
    const counterexample = inbound.getByTestId('counterexample')
    assert.match(await counterexample.textContent(), /without crossing an appliance/)
    // the counterexample is a packet from the internet to a server of vSwitch H (10.0.1.0/24), at its EIP
    const packet = await counterexample.getByTestId('counterexample-packet').textContent()
    assert.match(packet, /→ 47\.98\.10\.11:\d+ (tcp|udp)|→ 47\.98\.10\.11 icmp/)
    await page.screenshot({ path: 'test-results/e2e-verify.png' })

    await inbound.getByTestId('play-inbound-inspected').click()
    const walk = page.getByTestId('walk-panel')
    await walk.getByTestId('walk-opened-from').filter({ hasText: 'Counterexample of inbound-inspected' }).waitFor()
    // it plays by itself up to the server: the packet reaches ecs-web-1 and no GWLBe is on its way
    await page.getByTestId('node-ecs-web-1').and(page.locator('[data-lit="focus"]')).waitFor()
    assert.equal(await page.getByTestId('walk-disposition').getAttribute('data-disposition'), 'DELIVERED')
    assert.equal(await litOf(page, 'gwlbe-h'), 'dim')
    assert.equal(await litOf(page, 'igw-service'), 'path')
    await page.screenshot({ path: 'test-results/e2e-verify-played.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('builds a three-step plan in the Plan tab, shows its window, and offers a safe order', async () => {
    const { page, errors } = await openApp(browser())
    const panel = await buildThreeStepPlan(page)

    // each filled field starts a new check, and the panel shows the last answer while one runs: wait for the check
    // of the finished third step, not the first black-holed window an earlier answer drew
    await page.waitForFunction(() => {
      const plan = document.querySelector('[data-testid="plan-panel"]')
      const status = plan?.querySelector('[data-testid="plan-status"]')
      return status?.getAttribute('data-status') === 'done' && /^4 states/.test(status.textContent ?? '')
    })
    const window = panel.locator('[data-testid="plan-window"][data-kind="black-holed"]')
    await window.waitFor()
    assert.equal(await window.getAttribute('data-from'), '1')
    assert.equal(await window.getAttribute('data-to'), '2')
    assert.match(await window.textContent(), /black-holed from after step 1 to after step 2: up to \d+ flow class/)
    // the timeline: the states after steps 1 and 2 are in trouble, the start and the end are not
    assert.equal(await panel.getByTestId('plan-state-0').getAttribute('data-trouble'), null)
    assert.match(await panel.getByTestId('plan-state-1').getAttribute('data-trouble'), /black-holed/)
    assert.equal(await panel.getByTestId('plan-state-3').getAttribute('data-trouble'), null)
    await page.screenshot({ path: 'test-results/e2e-plan.png' })

    // the safe order deletes the endpoint last
    const safe = panel.getByTestId('plan-safe-order')
    assert.match(await safe.textContent(), /2, 3, 1/)
    await safe.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/e2e-plan-window.png' })
    await safe.getByRole('button', { name: 'Use this order' }).click()
    await panel.getByTestId('plan-no-window').waitFor()
    assert.match(await panel.getByTestId('plan-step-3').textContent(), /DeleteVpcEndpoint/)

    // a step the cloud would refuse is named, and nothing else changes
    await panel.getByLabel('API of the new step').selectOption('DeleteVpc')
    await panel.getByTestId('plan-add-step').click()
    await panel.getByTestId('step-editor').getByLabel('VpcId', { exact: true }).fill('vpc-service')
    const refused = panel.getByTestId('plan-refused').filter({ hasText: 'still holds' })
    await refused.waitFor()
    assert.match(await refused.textContent(), /^Step 4 \(DeleteVpc\) would be refused.*VPC vpc-service still holds/)
    assert.equal(await panel.getByTestId('plan-step-4').getAttribute('data-refused'), 'true')
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('keeps the plan with the design across a reload; a guide order loaded over it is one Undo away', async () => {
    const { page, errors } = await openApp(browser())
    let panel = await buildThreeStepPlan(page)
    const built = await stepLines(panel)
    assert.equal(built[0], 'DeleteVpcEndpoint EndpointId=gwlbe-h')
    // the plan is part of the design: autosaved with it (the attribute says when the edit is stored)
    await page.waitForFunction(() => document.documentElement.dataset.autosave === 'saved')
    await page.reload()
    await page.waitForSelector('[data-testid="node-gwlb-inspection"]')
    await page.getByTestId('tab-plan').click()
    panel = page.getByTestId('plan-panel')
    await panel.getByTestId('plan-step-3').waitFor()
    assert.deepEqual(await stepLines(panel), built)

    // the guide's teardown replaces it, and the notice says how to get it back
    await panel.getByTestId('plan-guide-teardown').click()
    await panel.getByTestId('plan-step-8').waitFor()
    const notice = page.getByTestId('notice')
    assert.match(
      await notice.textContent(),
      /^Loaded the guide’s teardown as the plan\.Undo \(Ctrl\+Z\) brings back your plan \(3 steps\)\./,
    )
    await page.screenshot({ path: 'test-results/e2e-plan-replaced.png' })
    await notice.getByRole('button', { name: 'Undo' }).click()
    await panel.getByTestId('plan-step-4').waitFor({ state: 'detached' })
    assert.deepEqual(await stepLines(panel), built)
    assert.equal(await notice.count(), 0)
    await page.screenshot({ path: 'test-results/e2e-plan-undone.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('compares the design with the one before the last edit, paints it, and walks a changed class both ways', async () => {
    const { page, errors } = await openApp(browser())
    await breakGatewayRoute(page)
    await page.getByTestId('tab-compare').click()
    const panel = page.getByTestId('compare-panel')
    await panel.getByLabel('The design on the canvas against').selectOption('last-edit')
    await panel.locator('[data-testid="compare-status"][data-status="done"]').waitFor()
    const changed = panel.getByTestId('compare-resources').locator('[data-change="changed"]')
    assert.match(await changed.textContent(), /rtb-gateway.*entries\[10\.0\.1\.0\/24\]: .* → absent/)
    // painted: the gateway that holds the changed route table, and the changed flows' way to the server
    await page.getByTestId('node-igw-service').and(page.locator('[data-lit="changed"]')).waitFor()
    assert.equal(await litOf(page, 'ecs-web-1'), 'path')
    assert.ok((await panel.getByTestId('changed-flow').count()) > 0)
    await page.screenshot({ path: 'test-results/e2e-compare.png' })
    await panel.getByTestId('compare-walk').first().click()
    const dialog = page.getByTestId('compare-walk-dialog')
    await dialog.getByTestId('walk-after').locator('[data-disposition]').first().waitFor()
    assert.match(await dialog.getByTestId('walk-before').textContent(), /gwlbe-h|GWLBe/i)
    await page.screenshot({ path: 'test-results/e2e-compare-walk.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('walks the class of a multi-class entry that the user picks: its packet, and its path on the canvas', async () => {
    const { page, errors } = await openApp(browser())
    await breakGatewayRoute(page)
    await page.getByTestId('tab-compare').click()
    const panel = page.getByTestId('compare-panel')
    await panel.getByLabel('The design on the canvas against').selectOption('last-edit')
    await panel.locator('[data-testid="compare-status"][data-status="done"]').waitFor()
    // an entry standing for several classes: server 1's packets to the internet blocks no route tells apart
    const entry = panel
      .getByTestId('changed-flow')
      .filter({ has: page.getByTestId('changed-flow-alike') })
      .first()
    await entry.getByTestId('compare-walk').click()
    const dialog = page.getByTestId('compare-walk-dialog')
    const classes = dialog.getByTestId('compare-walk-class')
    assert.ok((await classes.count()) > 1)
    assert.equal(await classes.first().getAttribute('aria-pressed'), 'true')
    const second = classes.nth(1)
    const secondPacket = (await second.locator('.font-mono').textContent()).trim()
    assert.notEqual(secondPacket, (await classes.first().locator('.font-mono').textContent()).trim())
    await second.click()
    assert.equal(await second.getAttribute('aria-pressed'), 'true')
    // the dialog says which packet it walks, and walks that one
    await dialog.getByTestId('compare-walk-packet').filter({ hasText: secondPacket }).waitFor()
    const destination = secondPacket.split(' → ')[1].split(/[: ]/)[0]
    await dialog.getByTestId('walk-after').locator('[data-disposition]').first().waitFor()
    assert.match(await dialog.getByTestId('walk-after').textContent(), /Request/)
    // on the canvas: its answer comes back from the gateway to server 1 without crossing GWLBe H
    await page.getByTestId('node-ecs-web-1').and(page.locator('[data-lit="focus"]')).waitFor()
    assert.equal(await litOf(page, 'igw-service'), 'path')
    assert.equal(await litOf(page, 'gwlbe-h'), 'dim')
    await page.screenshot({ path: 'test-results/e2e-compare-walk-class.png' })
    // played in the Walk tab: the packet picked, not the entry's first
    await dialog.getByRole('button', { name: 'Play after in the Walk tab' }).click()
    await page.getByTestId('walk-panel').getByTestId('walk-packet').filter({ hasText: destination }).waitFor()
    assert.deepEqual(errors, [])
    await page.close()
  })
})
