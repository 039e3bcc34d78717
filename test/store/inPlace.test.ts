// Opening another design in place, the one way every path takes (an example, New, a file, an import, an
// activity, a share link): the design on the canvas is kept in its stored record before the edit, the notice
// offers Undo and Reopen, and nothing opens while a lesson holds the user's design.
import { describe, expect, it, vi } from 'vitest'
import { createDesignRepo } from '../../src/app/storage/designRepo'
import { createLocalSession } from '../../src/app/storage/session'
import { createLessonRunner } from '../../src/lessons/runner'
import { type Design, serialise } from '../../src/model'
import { createStores, type Stores } from '../../src/store/context'
import { keepForReplace, openInPlace } from '../../src/store/inPlace'
import type { DesignLibrary, KeptDesign } from '../../src/store/library'
import { traceOn } from '../../worker/traceReport'
import { memoryKv } from '../app/storage/memoryKv'
import { loadExample } from '../helpers'

const mine = (): Design => ({ ...loadExample('two-zones'), name: 'My work' })
const example = (): Design => loadExample('single-zone')
const opening = (design: Design) => ({
  label: 'open example “One zone”',
  design,
  what: 'The example "One zone"',
  lines: ['Opened the example "One zone".'],
})

/** A library that notes when it is asked to keep the design, and what was on the canvas then. */
function notingLibrary(stores: Stores, events: string[]) {
  const reopen = vi.fn(async () => ({ ok: true as const }))
  const kept: KeptDesign = { name: 'My work', line: 'Your design "My work" is kept in this browser.', reopen }
  const library = {
    keepBeforeReplace: async () => {
      events.push(`keep "${stores.design.getState().design.name}"`)
      return kept
    },
  } as Partial<DesignLibrary> as DesignLibrary
  return { library, reopen }
}

function withNotingLibrary() {
  const stores = createStores(mine())
  const events: string[] = []
  const { library, reopen } = notingLibrary(stores, events)
  stores.library = library
  stores.design.subscribe((s, prev) => {
    if (s.design !== prev.design) events.push(`canvas "${s.design.name}"`)
  })
  return { stores, events, reopen }
}

describe('opening a design in place', () => {
  it('keeps the design on the canvas before the edit that replaces it', async () => {
    const { stores, events } = withNotingLibrary()
    expect(await openInPlace(stores, opening(example()))).toBe(true)
    expect(events).toEqual(['keep "My work"', `canvas "${example().name}"`])
    // one undoable edit that opens a design: the canvas fits it to the window
    expect(stores.design.getState().labels).toEqual(['open example “One zone”'])
    expect(stores.design.getState().opened).toBe(1)
  })

  it('says what opened, with Undo that brings the design back and Reopen that opens its stored record', async () => {
    const { stores, reopen } = withNotingLibrary()
    const before = stores.design.getState().design
    await openInPlace(stores, opening(example()))
    const notice = stores.ui.getState().notice
    expect(notice?.tone).toBe('info')
    expect(notice?.lines).toEqual([
      'Opened the example "One zone".',
      'Undo (Ctrl+Z) brings "My work" back.',
      'Your design "My work" is kept in this browser.',
    ])
    expect(notice?.actions?.map((a) => a.label)).toEqual(['Undo', 'Reopen "My work"'])
    notice?.actions?.[0]?.run()
    expect(stores.design.getState().design).toBe(before)
    notice?.actions?.[1]?.run()
    expect(reopen).toHaveBeenCalledOnce()
  })

  it('opens read-only when asked (a shared link); its Undo gives the design back editable, then what goes with it', async () => {
    const { stores } = withNotingLibrary()
    const afterUndo = vi.fn()
    await openInPlace(stores, { ...opening(example()), readOnly: true, afterUndo })
    expect(stores.ui.getState().readOnly).toBe(true)
    const notice = stores.ui.getState().notice
    // Ctrl+Z edits nothing in a read-only view: the notice does not offer it
    expect(notice?.lines).toContain('Undo brings "My work" back.')
    notice?.actions?.find((a) => a.label === 'Undo')?.run()
    expect(stores.design.getState().design.name).toBe('My work')
    expect(stores.ui.getState().readOnly).toBe(false)
    expect(afterUndo).toHaveBeenCalledOnce()
  })

  it('refuses while a lesson holds the user’s design, saying why, and keeps and changes nothing', async () => {
    const { stores, events } = withNotingLibrary()
    const lessons = createLessonRunner(stores, {
      loadDesign: async (name) => ({ ok: true, design: loadExample(name) }),
      trace: async (design, packet) => traceOn(design, packet),
      simulate: async () => true,
      playUntil: () => {},
      stopSimulation: () => {},
      routeLines: () => [],
    })
    await lessons.getState().open('inbound')
    const lesson = stores.design.getState().design
    events.length = 0
    expect(await openInPlace(stores, opening(example()))).toBe(false)
    expect(await keepForReplace(stores, 'The live session')).toBe(false)
    expect(events).toEqual([])
    expect(stores.design.getState().design).toBe(lesson)
    expect(stores.ui.getState().notice).toEqual({
      tone: 'error',
      lines: [
        'The live session was not opened: close the lesson first (it gives your design back when it closes).',
        'Your design is unchanged.',
      ],
    })
    // the lesson closed, the user's design is back and may be replaced again
    lessons.getState().close()
    expect(stores.design.getState().design.name).toBe('My work')
    expect(await openInPlace(stores, opening(example()))).toBe(true)
    expect(events).toEqual(['canvas "My work"', 'keep "My work"', `canvas "${example().name}"`])
  })
})

describe('opening in place over the designs kept in this browser', () => {
  it('Undo of the open goes back to the kept record: each design is listed once, and edits go into its own', async () => {
    const repo = createDesignRepo(memoryKv(), { now: Date.now })
    const text = serialise(mine())
    const record = await repo.create({ name: 'My work', text })
    const stores = createStores(mine())
    const session = createLocalSession(
      stores,
      { repo, tab: null, now: Date.now, tabId: 'tab' },
      { id: record.id, rev: record.rev, text },
    )
    stores.library = session
    session.start(null)
    const names = async () => (await repo.list()).map((d) => d.name).sort()
    const rename = (name: string) => stores.design.getState().edit('rename', (d) => ({ ...d, name }))
    await openInPlace(stores, { ...opening(example()), lines: [] })
    await session.flush()
    stores.design.getState().undo()
    await session.flush()
    expect(await names()).toEqual([example().name, 'My work'])
    rename('My work, edited')
    await session.flush()
    expect(await names()).toEqual([example().name, 'My work, edited'])
    expect(session.current()?.id).toBe(record.id)
  })
})
