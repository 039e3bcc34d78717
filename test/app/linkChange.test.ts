// @vitest-environment jsdom
// A link the address bar changes to while the app is open (src/app/linkChange.ts): each kind opens as a first load
// of it would — a shared design read-only, an embed link as an embed, an activity started, a live session joined —
// in place of the design on the canvas, which is kept first and comes back; a broken link, a lesson holding the
// design or a live session under way changes nothing and says why. (jsdom: a live session reads the page's
// location and storage.)
import { afterEach, describe, expect, it } from 'vitest'
import { ACTIVITY_FILES } from '../../src/activities'
import { activityRunnerFor } from '../../src/activities/useActivity'
import { openChangedLink } from '../../src/app/linkChange'
import { loadLiveSession } from '../../src/app/live'
import { linkKind } from '../../src/share/linkKinds'
import { encodeActivityLink, encodeShareLink } from '../../src/share/shareLink'
import { createStores, type Stores } from '../../src/store/context'
import type { DesignLibrary } from '../../src/store/library'
import { TEST_ENGINE } from '../engine'
import { loadExample } from '../helpers'

const mine = () => ({ ...loadExample('two-zones'), name: 'My work' })
const inbound = ACTIVITY_FILES['01-inbound-bypass.json']
const ACTIVITY = 'Activity: Inbound traffic bypasses the firewalls'
// a class code: 16 letters and digits of the keys' alphabet
const FOLLOW = '#follow=ABCDEFGHJKMNPQRS&relay=ws://127.0.0.1:9'

function fragment(made: ReturnType<typeof encodeShareLink>): string {
  if (!made.ok) throw new Error('the link was not made')
  return made.fragment
}
const shareLink = () => fragment(encodeShareLink(loadExample('single-zone')))
const activityLink = () => fragment(encodeActivityLink(inbound))
const at = (hash: string) => ({ search: '', hash })

/** The browser's designs, as far as keeping goes: what was on the canvas when the app asked to keep it. */
function keeping(stores: Stores): string[] {
  const kept: string[] = []
  stores.library = {
    keepBeforeReplace: async () => {
      kept.push(stores.design.getState().design.name)
      return {
        name: 'My work',
        line: 'Your design "My work" is kept in this browser.',
        reopen: async () => ({ ok: true }),
      }
    },
  } as Partial<DesignLibrary> as DesignLibrary
  return kept
}

function expectUnchanged(stores: Stores, before: unknown, says: RegExp) {
  expect(stores.design.getState().design).toBe(before)
  expect(stores.design.getState().past).toEqual([])
  const notice = stores.ui.getState().notice
  expect(notice?.tone).toBe('error')
  expect(notice?.lines.join('\n')).toMatch(says)
  expect(notice?.lines.at(-1)).toMatch(/^Your (current )?design is unchanged\.$/)
}

const sessions: Stores[] = []
afterEach(async () => {
  // a session a failed test left open stops trying its relay
  for (const stores of sessions.splice(0)) await (await loadLiveSession(stores)).leave()
})

describe('the kind of link, as the start decides it', () => {
  it('a shared design before an activity, an activity before a live session; other fragments are no link', () => {
    expect(linkKind(`${shareLink()}&view=embed`)).toBe('share')
    expect(linkKind(activityLink())).toBe('activity')
    expect(linkKind(FOLLOW)).toBe('session')
    expect(linkKind('#edit=X')).toBe('session')
    expect(linkKind('#overview')).toBeNull()
    expect(linkKind('')).toBeNull()
  })
})

describe('a share link pasted into an open tab', () => {
  it('opens read-only with the loader’s notice, and the notice’s Undo gives the design back editable', async () => {
    const stores = createStores(mine())
    await openChangedLink(stores, at(shareLink()))
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
    await openChangedLink(stores, at('#d=2.not-a-design.00000000'))
    expectUnchanged(stores, stores.design.getState().design, /link/)
  })
})

describe('an embed link pasted into an open tab', () => {
  it('switches into the embed view, as a first load does, after keeping the design on the canvas', async () => {
    const stores = createStores(mine())
    const kept = keeping(stores)
    await openChangedLink(stores, at(`${shareLink()}&view=embed`))
    expect(kept).toEqual(['My work'])
    expect(stores.ui.getState()).toMatchObject({ embed: true, readOnly: true })
    expect(stores.design.getState().design.name).toBe(loadExample('single-zone').name)
    expect(stores.ui.getState().notice?.lines).toEqual(['Your design "My work" is kept in this browser.'])
  })

  it('an embed shows another shared design, and starts no activity', async () => {
    const stores = createStores(loadExample('two-zones'), { embed: true, readOnly: true })
    await openChangedLink(stores, at(shareLink()))
    expect(stores.design.getState().design.name).toBe(loadExample('single-zone').name)
    expect(stores.ui.getState().notice).toBeNull()
    const before = stores.design.getState().design
    await openChangedLink(stores, at(activityLink()))
    expectUnchanged(stores, before, /does not open in an embedded view/)
    expect(activityRunnerFor(stores).getState().prepared).toBeNull()
  })
})

describe('an activity link pasted into an open tab', () => {
  it('starts the activity after keeping the design, and Undo brings the design back', async () => {
    const stores = createStores(mine())
    const kept = keeping(stores)
    await openChangedLink(stores, at(activityLink()))
    expect(kept).toEqual(['My work'])
    expect(stores.design.getState().design.name).toBe(ACTIVITY)
    expect(activityRunnerFor(stores).getState().prepared?.activity.title).toBe('Inbound traffic bypasses the firewalls')
    const notice = stores.ui.getState().notice
    expect(notice?.lines[0]).toBe('Started the activity "Inbound traffic bypasses the firewalls".')
    notice?.actions?.find((a) => a.label === 'Undo')?.run()
    expect(stores.design.getState().design.name).toBe('My work')
  })

  it('is refused while a lesson holds the design, saying why', async () => {
    const stores = createStores(mine())
    stores.ui.getState().holdForLesson(true)
    const before = stores.design.getState().design
    await openChangedLink(stores, at(activityLink()))
    expectUnchanged(stores, before, /close the lesson first/)
    expect(activityRunnerFor(stores).getState().prepared).toBeNull()
  })

  it('a broken activity link says why', async () => {
    const stores = createStores(mine())
    const before = stores.design.getState().design
    await openChangedLink(stores, at('#a=2.not-an-activity.00000000'))
    expectUnchanged(stores, before, /The activity link does not open\./)
  })
})

describe('a live session link pasted into an open tab', () => {
  it('follows the session: the design is held aside read-only, and leaving gives it back', async () => {
    // the engine: a follower's simulator follows the presenter's clock, and leaving hands it back
    const stores = createStores(mine(), {}, TEST_ENGINE)
    const before = stores.design.getState().design
    sessions.push(stores)
    await openChangedLink(stores, at(FOLLOW))
    const live = await loadLiveSession(stores)
    expect(live.store.getState()).toMatchObject({ role: 'follower', relayUrl: 'ws://127.0.0.1:9' })
    expect(live.store.getState().status).not.toBe('off')
    expect(stores.ui.getState().readOnly).toBe(true)
    // in the session, another link is refused: it would replace the room's design
    await openChangedLink(stores, at(shareLink()))
    expect(stores.ui.getState().notice?.lines[0]).toMatch(/leave the live session first/)
    await live.leave()
    expect(stores.design.getState().design).toBe(before)
    expect(stores.ui.getState().readOnly).toBe(false)
  })

  it('a link with no session code says why, and one pasted during a lesson is refused', async () => {
    const stores = createStores(mine())
    const before = stores.design.getState().design
    await openChangedLink(stores, at('#follow=nonsense'))
    expectUnchanged(stores, before, /holds no session code/)
    stores.ui.getState().holdForLesson(true)
    await openChangedLink(stores, at(FOLLOW))
    expectUnchanged(stores, before, /close the lesson first/)
    expect((await loadLiveSession(stores)).store.getState().status).toBe('off')
  })
})
