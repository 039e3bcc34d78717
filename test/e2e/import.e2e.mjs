// Importing a deployment in Chromium: a folder of .tf files (with a .tfvars file, a local module, a hidden
// .terraform folder and a README) dropped on the app as the operating system drops it, and picked with
// Choose a folder…; a folder and a zip of aliyun CLI output, and one output file alone; each time the design
// on the canvas, its import report, a packet walked through it. Undo. Bad input (a syntax error, a file that
// is none of the inputs, too many files) names the file and line and leaves the canvas as it was.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, it } from 'node:test'
import { zipSync } from 'fflate'
import { openApp, sharedBrowser } from './browser.mjs'

const browser = sharedBrowser()
const FOLDER = resolve(import.meta.dirname, 'fixtures/shop-infra')
// what the aliyun CLI prints for the describe/list calls of the single-zone deployment, one folder per account
const API_FOLDER = resolve(import.meta.dirname, 'fixtures/aliyun-output')

/** Drops files or folders from disk on the page as a drag from the file manager does (real directory entries). */
async function dropFromDisk(page, paths) {
  const cdp = await page.context().newCDPSession(page)
  const data = { items: [], files: paths, dragOperationsMask: 1 }
  for (const type of ['dragEnter', 'dragOver', 'drop'])
    await cdp.send('Input.dispatchDragEvent', { type, x: 640, y: 420, data })
  await cdp.detach()
}

/** Drops files made in the page (name → text) on the window, as a DataTransfer built there. */
async function dropMade(page, files) {
  await page.evaluate((entries) => {
    const dt = new DataTransfer()
    for (const [name, text] of entries) dt.items.add(new File([text], name, { type: 'text/plain' }))
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }))
  }, Object.entries(files))
}

const canvasIds = (page) =>
  page.evaluate(() => [...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id')).sort())

/** Waits until the canvas shows these nodes and no other (it follows a new design a frame or two later). */
async function canvasShows(page, ids) {
  const want = [...ids].sort()
  try {
    await page.waitForFunction(
      (w) =>
        JSON.stringify(
          [...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id')).sort(),
        ) === JSON.stringify(w),
      want,
      { timeout: 15_000 },
    )
  } catch (e) {
    throw new Error(`the canvas shows ${(await canvasIds(page)).join(', ')}, not ${want.join(', ')}`, { cause: e })
  }
}

const focusOf = (page) =>
  page.evaluate(() => document.querySelector('[data-lit="focus"], [data-lit="drop"]')?.getAttribute('data-testid'))

/** The ids the imports give: Terraform's addresses, or the names the API output gives the resources. */
const TERRAFORM_IDS = { web: 'ecs_web_1', endpoint: 'gwlbe_h', firewall: /^node-inspection\.fw_[12]$/ }
const API_IDS = { web: 'Web-server-1', endpoint: 'GWLBe-H', firewall: /^node-Firewall-[12]$/ }

/** A packet from a web server to the internet, walked hop by hop on the canvas, crosses a firewall on its way. */
async function walksThroughAFirewall(page, ids = TERRAFORM_IDS) {
  await page.getByTestId('tab-walk').click()
  const walk = page.getByTestId('walk-panel')
  await walk.getByLabel('From').selectOption(ids.web)
  await walk.getByLabel('Address').fill('8.8.8.8')
  await page.getByTestId('walk-trace').click()
  await page.getByTestId('trace-player').waitFor()
  // the first hop is lit an effect after the player shows
  await page.locator(`[data-testid="node-${ids.web}"][data-lit="focus"]`).waitFor()
  const visited = [await focusOf(page)]
  const [, total] = (await page.getByTestId('walk-position').textContent()).match(/of (\d+)/)
  for (let i = 1; i < Number(total); i++) {
    await page.getByTestId('walk-next').click()
    visited.push(await focusOf(page))
  }
  assert.deepEqual(visited.slice(0, 2), [`node-${ids.web}`, `node-${ids.endpoint}`])
  assert.ok(
    visited.some((id) => ids.firewall.test(id)),
    `a firewall on the way: ${visited.join(' → ')}`,
  )
  assert.equal(await page.getByTestId('walk-disposition').getAttribute('data-disposition'), 'EXITS_TO_INTERNET')
}

describe('importing a deployment in Chromium', () => {
  it('drops a folder of .tf files: the design on the canvas, its report, a packet walked through it, and Undo', async () => {
    const { page, errors } = await openApp(browser())
    const before = await canvasIds(page)
    await dropFromDisk(page, [FOLDER])
    const report = page.getByTestId('import-report')
    await report.waitFor({ timeout: 60_000 })

    // the design: both VPCs, the module's GWLB and firewalls, the web servers, laid out and fitted
    await page.locator('.react-flow__node[data-id="inspection.gwlb_inspection"]').waitFor()
    const ids = await canvasIds(page)
    for (const id of ['vpc_service', 'inspection.vpc_security', 'ecs_web_1', 'ecs_web_2', 'gwlbe_h', 'inspection.fw_1'])
      assert.ok(ids.includes(id), `${id} on the canvas (${ids.join(', ')})`)
    // 18 resources: the three route tables are badges on their vSwitches and gateway, the rest are nodes
    assert.equal(ids.length, 15)
    assert.match(await page.getByTestId('design-name').textContent(), /Imported from shop-infra/)
    assert.match(await page.getByTestId('notice').textContent(), /18 resources from 6 files \(39 mapped\)/)

    // the report: what was mapped, the files read (not the README, not .terraform), what was assumed and where
    assert.equal(await report.getByTestId('import-mapped').textContent(), '39 Terraform resources mapped')
    const files = await report.getByTestId('import-files').textContent()
    assert.match(files, /shop-infra\/modules\/inspection\/main\.tf/)
    assert.match(files, /shop-infra\/terraform\.tfvars/)
    assert.doesNotMatch(files, /README|\.terraform/)
    const assumed = report.getByTestId('import-assumed')
    assert.match(
      await assumed.textContent(),
      /module\.inspection\.alicloud_instance\.fw_1: a GWLB server group lists it/,
    )
    assert.match(await assumed.textContent(), /shop-infra\/modules\/inspection\/main\.tf:\d+/)
    // the module's resources are in the account of the provider its call passes (alicloud.account_6543210987654321)
    assert.doesNotMatch(await assumed.textContent(), /\(account\)/)
    assert.match(
      await page.locator('.react-flow__node[data-id="inspection.vpc_security"]').textContent(),
      /Account 6543210987654321/,
    )
    // the engine lints it as any design: the problems list speaks of the imported GWLB
    await page.getByText('GWLB-W003').first().waitFor()
    await page.screenshot({ path: 'test-results/e2e-import.png' })

    await walksThroughAFirewall(page)

    // one undoable edit: Undo puts the reference design back, and the report goes with the imported design
    await page.getByTestId('tab-details').click()
    // the toolbar's Undo (the notice offers one too)
    await page.locator('header').getByRole('button', { name: 'Undo', exact: true }).click()
    await page.locator('[data-testid="node-gwlb-inspection"]').waitFor()
    assert.deepEqual(await canvasIds(page), before)
    assert.equal(await report.count(), 0)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('imports a folder picked with Choose a folder…: its .tfvars values, then a variable from the dialog that wins', async () => {
    const { page, errors } = await openApp(browser())
    await page.getByTestId('import-button').click()
    // the file chooser on a folder (webkitdirectory): every file under it, .terraform and the README included
    await page.getByTestId('import-folder-input').setInputFiles(FOLDER)
    const report = page.getByTestId('import-report')
    await report.waitFor({ timeout: 120_000 })
    const files = await report.getByTestId('import-files').textContent()
    assert.match(files, /6 files read/)
    assert.match(files, /shop-infra\/terraform\.tfvars/)
    assert.doesNotMatch(files, /README|\.terraform/)
    // the zone has no default: terraform.tfvars says zone = "h", so nothing is left unresolved and the canvas
    // draws the service VPC's zone H, with the vSwitch at the address the configuration gives it
    assert.equal(await report.getByTestId('import-unresolved').count(), 0)
    await page.getByTestId('zone-vpc_service-cn-hangzhou-h').waitFor()
    await page.locator('.react-flow__node[data-id="vsw_app_h"]').getByText('10.0.1.0/24').waitFor()
    await page.screenshot({ path: 'test-results/e2e-import-folder.png' })
    await walksThroughAFirewall(page)

    // the same folder again, with zone=k in the dialog: a variable given there wins over the .tfvars file
    await page.getByTestId('import-button').click()
    await page.getByLabel('Variables').fill('zone=k')
    await page.getByTestId('import-folder-input').setInputFiles(FOLDER)
    await page.getByTestId('zone-vpc_service-cn-hangzhou-k').waitFor({ timeout: 120_000 })
    assert.equal(await page.getByTestId('zone-vpc_service-cn-hangzhou-h').count(), 0)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('imports a folder of aliyun CLI output dropped on the app: each file known by its top-level keys', async () => {
    const { page, errors } = await openApp(browser())
    await dropFromDisk(page, [API_FOLDER])
    const report = page.getByTestId('import-report')
    await report.waitFor({ timeout: 120_000 })
    assert.match(await report.getByTestId('import-files').textContent(), /Alibaba Cloud API output, 27 files read/)
    assert.match(await page.getByTestId('notice').textContent(), /18 resources from 27 files/)
    // both accounts' resources, under the names the API output gives them, with the accounts it states
    for (const id of ['Service-VPC', 'Security-VPC', 'Inspection-GWLB', 'Firewall-1', 'GWLBe-H', 'Web-server-1'])
      await page.locator(`.react-flow__node[data-id="${id}"]`).waitFor()
    assert.match(await page.locator('.react-flow__node[data-id="Security-VPC"]').textContent(), /6543210987654321/)
    await page.screenshot({ path: 'test-results/e2e-import-aliyun.png' })
    await walksThroughAFirewall(page, API_IDS)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('imports a zip of aliyun CLI output chosen with Choose files…, and one output file dropped alone', async () => {
    const { page, errors } = await openApp(browser())
    const files = {}
    // the whole folder, its README too: a zip without .tf files is read for its JSON
    for (const path of readdirSync(API_FOLDER, { recursive: true }))
      if (statSync(join(API_FOLDER, path)).isFile())
        files[`aliyun-output/${path}`] = readFileSync(join(API_FOLDER, path))
    await page.getByTestId('import-button').click()
    // the dialog says it reads this: aliyun CLI output as a folder, a zip or a file, within its limits
    const dialog = page.getByTestId('import-dialog')
    const reads = dialog.getByRole('list', { name: 'It reads, recognised from the content:' }).getByRole('listitem')
    await reads.filter({ hasText: 'Alibaba Cloud API output' }).waitFor()
    assert.deepEqual(
      (await reads.allTextContents()).map((t) => t.replace(/:.*/s, '')),
      ['Terraform configuration', 'Terraform state or plan', 'Alibaba Cloud API output'],
    )
    assert.match(await dialog.textContent(), /as a folder \(one per account\), a zip or a single file/)
    assert.match(await dialog.textContent(), /At most 2,000 files and 64 MB in all; reading stops after 60 s/)
    await dialog.screenshot({ path: 'test-results/e2e-import-dialog.png' })
    await page.getByTestId('import-files-input').setInputFiles({
      name: 'aliyun-output.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipSync(files)),
    })
    await page.getByTestId('import-report').waitFor({ timeout: 120_000 })
    assert.match(await page.getByTestId('import-files').textContent(), /Alibaba Cloud API output, 27 files read/)
    await page.locator('.react-flow__node[data-id="Inspection-GWLB"]').waitFor()

    // one DescribeVpcs output dropped on the window: its keys say it is cloud output, so it is imported, not
    // opened as a design file
    const vpcs = readFileSync(join(API_FOLDER, '6543210987654321/DescribeVpcs.json'), 'utf8')
    await dropMade(page, { 'DescribeVpcs.json': vpcs })
    await page.getByTestId('design-name').filter({ hasText: 'Imported from DescribeVpcs.json' }).waitFor()
    await canvasShows(page, ['Security-VPC'])
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('opens a plan dropped on the window as the state after it, lists its actions, and opens the state before it', async () => {
    const { page, errors } = await openApp(browser())
    const res = (type, name, values) => ({ address: `${type}.${name}`, mode: 'managed', type, name, values })
    const vpc = res('alicloud_vpc', 'app', { id: 'vpc-1', cidr_block: '10.0.0.0/16', vpc_name: 'App VPC' })
    const vsw = res('alicloud_vswitch', 'app', {
      id: 'vsw-1',
      vpc_id: 'vpc-1',
      cidr_block: '10.0.1.0/24',
      zone_id: 'cn-hangzhou-h',
      vswitch_name: 'app',
    })
    const web = res('alicloud_instance', 'web', { id: 'i-1', vswitch_id: 'vsw-1', private_ip: '10.0.1.10' })
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.8',
      planned_values: { root_module: { resources: [vpc, vsw, web] } },
      resource_changes: [
        { address: 'alicloud_vpc.app', type: 'alicloud_vpc', name: 'app', change: { actions: ['no-op'] } },
        { address: 'alicloud_vswitch.app', type: 'alicloud_vswitch', name: 'app', change: { actions: ['create'] } },
        { address: 'alicloud_instance.web', type: 'alicloud_instance', name: 'web', change: { actions: ['create'] } },
      ],
      prior_state: { format_version: '1.0', terraform_version: '1.9.8', values: { root_module: { resources: [vpc] } } },
    }
    // one JSON file dropped: its first bytes say it is Terraform's, so it is imported rather than opened
    await dropMade(page, { 'plan.json': JSON.stringify(plan, null, 2) })
    const report = page.getByTestId('import-report')
    await report.waitFor({ timeout: 60_000 })
    await page.locator('.react-flow__node[data-id="web"]').waitFor()
    assert.match(await page.getByTestId('design-name').textContent(), /Imported from plan\.json \(after the plan\)/)
    const actions = await report.getByTestId('import-planned-actions').locator('li').allTextContents()
    // the VPC's no-op is no action: the two creates are listed
    assert.deepEqual(actions, ['createalicloud_vswitch.app', 'createalicloud_instance.web'])

    await report.getByRole('button', { name: 'Open the state before it' }).click()
    await page.getByTestId('design-name').filter({ hasText: '(before the plan)' }).waitFor()
    await canvasShows(page, ['app'])
    assert.match(await report.textContent(), /The canvas shows the state before the plan\./)
    await report.getByRole('button', { name: 'Open the state after it' }).click()
    await page.locator('.react-flow__node[data-id="web"]').waitFor()
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('refuses a .tf with a syntax error, naming the file and line; the canvas stays as it was', async () => {
    const { page, errors } = await openApp(browser())
    const before = await canvasIds(page)
    const name = await page.getByTestId('design-name').textContent()
    await dropMade(page, {
      'main.tf': 'resource "alicloud_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
      'broken.tf': 'resource "alicloud_vswitch" "a" {\n  vpc_id = \n}\n',
    })
    const notice = page.locator('[data-testid="notice"][role="alert"]')
    await notice.waitFor({ timeout: 60_000 })
    const text = await notice.textContent()
    assert.match(text, /Could not import/)
    assert.match(text, /broken\.tf:2: /)
    assert.match(text, /Nothing was imported; the design is unchanged\./)
    assert.deepEqual(await canvasIds(page), before)
    assert.equal(await page.getByTestId('design-name').textContent(), name)
    assert.equal(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled(), true)
    assert.equal(await page.getByTestId('import-report').count(), 0)
    await page.screenshot({ path: 'test-results/e2e-import-bad.png' })
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('refuses a .tf that maps nothing (a provider and a NAT gateway), listing what is not modelled; the canvas stays', async () => {
    const { page, errors } = await openApp(browser())
    const before = await canvasIds(page)
    const name = await page.getByTestId('design-name').textContent()
    await dropMade(page, {
      'nat.tf':
        'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\nresource "alicloud_nat_gateway" "nat" {\n  vpc_id = "vpc-1"\n}\n',
    })
    const notice = page.locator('[data-testid="notice"][role="alert"]')
    await notice.waitFor({ timeout: 60_000 })
    const text = await notice.textContent()
    assert.match(text, /Could not import nat\.tf\./)
    assert.match(
      text,
      /nat\.tf: Terraform configuration with 1 resource, none of which the design models; not modelled: alicloud_nat_gateway\.nat \(nat\.tf:5\)/,
    )
    assert.match(text, /Nothing was imported; the design is unchanged\./)
    assert.deepEqual(await canvasIds(page), before)
    assert.equal(await page.getByTestId('design-name').textContent(), name)
    assert.equal(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled(), true)
    assert.deepEqual(errors, [])
    await page.close()
  })

  it('says what a file that is none of the inputs is, and refuses too many files before reading them', async () => {
    const { page } = await openApp(browser())
    const before = await canvasIds(page)
    await page.getByTestId('import-button').click()
    await page.getByTestId('import-files-input').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"todo": ["ask the network team"]}'),
    })
    const notice = page.locator('[data-testid="notice"][role="alert"]')
    await notice.waitFor({ timeout: 60_000 })
    assert.match(await notice.textContent(), /notes\.json: not an input the importer reads: JSON with keys todo/)
    await page.getByRole('button', { name: 'Dismiss' }).click()

    await page.evaluate(() => {
      const dt = new DataTransfer()
      for (let i = 0; i < 2001; i++) dt.items.add(new File([`# ${i}\n`], `f${i}.tf`))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    })
    await notice.waitFor()
    assert.match(await notice.textContent(), /2001 files: at most 2000 are imported at once/)
    assert.deepEqual(await canvasIds(page), before)
    await page.close()
  })
})
