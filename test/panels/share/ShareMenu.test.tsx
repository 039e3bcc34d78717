// Files, links, code and the read-only view in jsdom: whatever comes in goes through parse(); a file
// that does not load leaves the current design as it was; labels stay text.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { serialise } from '../../../src/model'
import { embedDesignInPng } from '../../../src/share/pngText'
import { decodeShareLink } from '../../../src/share/shareLink'
import { exampleJson, exampleText, loadExample } from '../../helpers'
import { PLAIN_PNG, renderShare } from './harness'

afterEach(() => window.history.replaceState(null, '', '/'))

function chooseFile(content: BlobPart, name: string) {
  const input = screen.getByTestId('open-file-input') as HTMLInputElement
  fireEvent.change(input, { target: { files: [new File([content], name)] } })
}

function dropFile(content: BlobPart, name: string) {
  const file = new File([content], name)
  const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' }
  const drop = new Event('drop', { bubbles: true, cancelable: true })
  Object.defineProperty(drop, 'dataTransfer', { value: dataTransfer })
  window.dispatchEvent(drop)
  return drop
}

describe('opening a design file', () => {
  it('opens a valid JSON file through parse() and says what it opened', async () => {
    const { stores } = renderShare(loadExample('two-zones'))
    chooseFile(exampleText('single-zone'), 'one-zone.gwlb.json')
    await waitFor(() => expect(stores.design.getState().design).toEqual(loadExample('single-zone')))
    expect(screen.getByTestId('notice').textContent).toContain(`Opened "${loadExample('single-zone').name}".`)
  })

  it('keeps the design it replaces one Undo away', async () => {
    const before = loadExample('two-zones')
    const { stores } = renderShare(before)
    chooseFile(exampleText('single-zone'), 'one-zone.gwlb.json')
    await waitFor(() => expect(stores.design.getState().design).toEqual(loadExample('single-zone')))
    expect(stores.design.getState().labels.at(-1)).toBe('open “one-zone.gwlb.json”')
    stores.design.getState().undo()
    expect(stores.design.getState().design).toBe(before)
  })

  it('shows each error of an invalid file with its field and value, and leaves the current design as it was', async () => {
    const before = loadExample('two-zones')
    const { stores } = renderShare(before)
    const doc = exampleJson('single-zone')
    const vswitch = doc.resources.find((r) => r.kind === 'vswitch')
    if (!vswitch) throw new Error('no vSwitch')
    vswitch.cidrBlock = '10.0.1.0/33'
    chooseFile(JSON.stringify(doc), 'broken.json')
    const notice = await screen.findByRole('alert')
    expect(notice.textContent).toContain('broken.json: The design has 1 problem, so it was not opened.')
    expect(notice.textContent).toMatch(/cidrBlock/)
    expect(notice.textContent).toContain('10.0.1.0/33')
    expect(notice.textContent).toContain('Your current design is unchanged.')
    expect(stores.design.getState().design).toBe(before)
  })

  it('refuses a design made by a newer version', async () => {
    const before = loadExample('two-zones')
    const { stores } = renderShare(before)
    chooseFile(JSON.stringify({ ...exampleJson('single-zone'), version: 99 }), 'future.json')
    expect((await screen.findByRole('alert')).textContent).toMatch(/newer version of GWLB Studio/)
    expect(stores.design.getState().design).toBe(before)
  })

  it('refuses a file that is not JSON, and a PNG that carries no design', async () => {
    const before = loadExample('two-zones')
    const { stores } = renderShare(before)
    chooseFile('this is { not json', 'notes.txt')
    expect((await screen.findByRole('alert')).textContent).toMatch(/notes\.txt: This file is not a GWLB Studio design/)
    chooseFile(PLAIN_PNG, 'photo.png')
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(
        /photo\.png: This image does not carry a GWLB Studio design/,
      ),
    )
    expect(stores.design.getState().design).toBe(before)
  })

  it('shows a notice for 5,000 nested arrays (10 KB), chosen or dropped, and keeps the design', async () => {
    const before = loadExample('two-zones')
    const { stores } = renderShare(before)
    const deep = `{"format":"gwlb-studio/design","version":0,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`
    chooseFile(deep, 'deep.json')
    const notice = await screen.findByRole('alert')
    expect(notice.textContent).toContain('deep.json: The design has 1 problem, so it was not opened.')
    expect(notice.textContent).toContain('GWLB-L020')
    expect(notice.textContent).toContain('at most 64 levels')
    dropFile(deep, 'dropped.json')
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('dropped.json: The design has 1 problem'),
    )
    expect(stores.design.getState().design).toBe(before)
  })

  it('refuses a file past 5 MB from its size, without reading it whole', async () => {
    const before = loadExample('two-zones')
    const { stores } = renderShare(before)
    const file = new File([new Uint8Array(5_000_001).fill(32)], 'huge.json')
    // reading the whole file would end in "Could not read the file"
    file.arrayBuffer = () => Promise.reject(new Error('read whole'))
    fireEvent.change(screen.getByTestId('open-file-input'), { target: { files: [file] } })
    const notice = await screen.findByRole('alert')
    expect(notice.textContent).toContain('GWLB-L021')
    expect(notice.textContent).toContain('a design file of at most 5000000 bytes')
    expect(stores.design.getState().design).toBe(before)
  })

  it('opens a PNG dropped on the window that carries a design', async () => {
    const { stores } = renderShare(loadExample('two-zones'))
    const png = embedDesignInPng(PLAIN_PNG, loadExample('single-zone'))
    if (!png.ok) throw new Error(png.problem)
    const drop = dropFile(png.png.slice(), 'design.png')
    // the browser must not leave the app to show the dropped file
    expect(drop.defaultPrevented).toBe(true)
    await waitFor(() => expect(stores.design.getState().design).toEqual(loadExample('single-zone')))
  })

  it('shows the drop zone while a file is dragged over the window', () => {
    renderShare(loadExample('two-zones'))
    const enter = new Event('dragenter', { bubbles: true })
    Object.defineProperty(enter, 'dataTransfer', { value: { types: ['Files'] } })
    fireEvent(window, enter)
    expect(screen.getByTestId('drop-zone').textContent).toMatch(/Drop a design file/)
    const leave = new Event('dragleave', { bubbles: true })
    Object.defineProperty(leave, 'dataTransfer', { value: { types: ['Files'] } })
    fireEvent(window, leave)
    expect(screen.queryByTestId('drop-zone')).toBeNull()
  })
})

describe('share link', () => {
  // the dialogs load on first use (lazy chunks): find them, don't get them
  it('puts the whole design in the link, and offers an embed snippet', async () => {
    const design = loadExample('two-zones')
    renderShare(design)
    fireEvent.click(screen.getByRole('button', { name: 'Share link…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Share link' })
    const url = (within(dialog).getByTestId('share-link') as HTMLInputElement).value
    expect(url.startsWith(`${window.location.origin}/#d=2.`)).toBe(true)
    const back = decodeShareLink(url)
    expect(back.ok && serialise(back.design)).toBe(serialise(design))
    expect((within(dialog).getByTestId('share-embed') as HTMLInputElement).value).toContain(`${url}&view=embed`)
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('says when a design is too large for a link, and offers the file instead', async () => {
    const design = structuredClone(loadExample('two-zones'))
    let seed = 11
    const noise = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed.toString(36)
    }
    for (let i = 0; i < 400; i++)
      design.resources.push({
        kind: 'internetHost',
        id: `host-${i}`,
        name: `${noise()} ${noise()}`,
        ipAddress: `198.51.${Math.floor(i / 200)}.${(i % 200) + 1}`,
      })
    renderShare(design)
    fireEvent.click(screen.getByRole('button', { name: 'Share link…' }))
    const alert = await screen.findByTestId('share-too-large')
    expect(alert.textContent).toMatch(/too large for a link/)
    expect(alert.textContent).toMatch(/would be \d{4,} characters long; links are kept to 8000 characters/)
    expect(within(alert).getByRole('button', { name: 'Save the design file' })).toBeTruthy()
    expect(screen.queryByTestId('share-link')).toBeNull()
  })
})

describe('export menu and infrastructure code', () => {
  it('lists the pictures and the code; the selection items wait for a selection', () => {
    renderShare(loadExample('two-zones'))
    fireEvent.click(screen.getByRole('button', { name: 'Export ▾' }))
    const menu = screen.getByRole('menu', { name: 'Export' })
    const items = within(menu).getAllByRole('menuitem')
    expect(items.map((i) => i.textContent)).toEqual([
      'PNG of the design (reopens the design)',
      'SVG of the design',
      'PNG of the selection',
      'SVG of the selection',
      'Terraform…',
      'API call sequence…',
    ])
    expect(items.filter((i) => (i as HTMLButtonElement).disabled).map((i) => i.textContent)).toEqual([
      'PNG of the selection',
      'SVG of the selection',
    ])
    fireEvent.keyDown(menu, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('shows Terraform and the API calls as text, a label with markup staying text', async () => {
    const design = loadExample('two-zones')
    const hostile = {
      ...design,
      name: '<img src=x onerror=alert(1)>',
      resources: design.resources.map((r) => (r.id === 'vpc-service' ? { ...r, name: '<b>svc</b>' } : r)),
    }
    renderShare(hostile)
    fireEvent.click(screen.getByRole('button', { name: 'Export ▾' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Terraform…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Infrastructure code' })
    const code = within(dialog).getByTestId('code-text')
    expect(code.textContent).toMatch(/resource "alicloud_vpc"/)
    expect(code.textContent).toContain('"<b>svc</b>"')
    expect(code.querySelector('b, img')).toBeNull()
    expect(within(dialog).getByRole('button', { name: /^Download .*\.tf$/ })).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('tab', { name: 'API calls' }))
    expect(code.textContent).toMatch(/1\. CreateSecurityGroup/)
    expect(code.textContent).toMatch(/\d+\. CreateVpcEndpointService/)
    expect(code.textContent).toMatch(/CreateRouteEntry/)
    expect(within(dialog).getByRole('button', { name: /^Download .*\.api-calls\.txt$/ })).toBeTruthy()
    expect(document.querySelector('img')).toBeNull()
  })
})

describe('a shared design, read-only', () => {
  it('shows the banner until "Make my copy", which makes the design editable and drops the link from the address', () => {
    window.history.replaceState(null, '', '/#d=1.abc')
    const { stores } = renderShare(loadExample('two-zones'), { readOnly: true })
    expect(screen.getByTestId('read-only-banner').textContent).toMatch(/Read-only: this design was shared with you/)
    fireEvent.click(screen.getByRole('button', { name: 'Make my copy' }))
    expect(stores.ui.getState().readOnly).toBe(false)
    expect(screen.queryByTestId('read-only-banner')).toBeNull()
    expect(window.location.hash).toBe('')
    expect(screen.getByTestId('notice').textContent).toMatch(/is now your copy/)
  })

  it('in the embed view, shows the canvas strip with a way to the full app, and no file or share menu', () => {
    window.history.replaceState(null, '', '/?example=single-zone#d=1.abc&view=embed')
    const { stores } = renderShare(loadExample('single-zone'), { readOnly: true })
    expect(stores.ui.getState().embed).toBe(true)
    expect(stores.ui.getState().readOnly).toBe(true)
    expect(screen.queryByRole('button', { name: 'Open file…' })).toBeNull()
    expect(screen.queryByTestId('read-only-banner')).toBeNull()
    const open = screen.getByRole('link', { name: /Open in GWLB Studio/ })
    expect(open.getAttribute('href')).toBe(`${window.location.origin}/?example=single-zone#d=1.abc`)
    expect(open.getAttribute('target')).toBe('_blank')
  })
})
