// A share link the address bar changes to while the app is open: it opens as a first load shows it (read-only,
// the loader's notice) in place of the design on the canvas, which Undo gives back editable; a broken link
// changes nothing and says why.
import { describe, expect, it } from 'vitest'
import { openLinkInPlace } from '../../src/app/linkChange'
import { encodeShareLink } from '../../src/share/shareLink'
import { createStores } from '../../src/store/context'
import { loadExample } from '../helpers'

const mine = () => ({ ...loadExample('two-zones'), name: 'My work' })

describe('a share link pasted into an open tab', () => {
  it('opens read-only with the loader’s notice, and the notice’s Undo gives the design back editable', async () => {
    const stores = createStores(mine())
    const link = encodeShareLink(loadExample('single-zone'))
    if (!link.ok) throw new Error('the link was not made')
    await openLinkInPlace(stores, link.fragment)
    expect(stores.design.getState().design.name).toBe(loadExample('single-zone').name)
    expect(stores.ui.getState().readOnly).toBe(true)
    const notice = stores.ui.getState().notice
    expect(notice?.lines).toEqual([`Opened "${loadExample('single-zone').name}".`, 'Undo brings "My work" back.'])
    notice?.actions?.find((a) => a.label === 'Undo')?.run()
    expect(stores.design.getState().design.name).toBe('My work')
    expect(stores.ui.getState().readOnly).toBe(false)
  })

  it('a broken link leaves the design as it was and says why', async () => {
    const stores = createStores(mine())
    const before = stores.design.getState().design
    await openLinkInPlace(stores, '#d=2.not-a-design.00000000')
    expect(stores.design.getState().design).toBe(before)
    expect(stores.design.getState().past).toEqual([])
    expect(stores.ui.getState().notice).toMatchObject({
      tone: 'error',
      lines: expect.arrayContaining(['Your current design is unchanged.']),
    })
  })
})
