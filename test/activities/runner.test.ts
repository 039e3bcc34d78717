// The activity runner over real stores, with the engine in-process: opening is one undoable edit, hints cost,
// a check reports to the LMS, and when time runs out the last check is final and the design read-only.
import { describe, expect, it } from 'vitest'
import { NODE_GRADE_ENGINE } from '../../cli/activityEngine'
import { ACTIVITY_FILES } from '../../src/activities'
import type { Grade } from '../../src/activities/grade'
import type { LmsSession } from '../../src/activities/lms/types'
import { createActivityRunner } from '../../src/activities/runner'
import { createStores } from '../../src/store/context'
import type { DesignLibrary } from '../../src/store/library'
import { loadExample } from '../helpers'

function setup() {
  const stores = createStores(loadExample('two-zones'))
  stores.design.getState().edit('rename', (d) => ({ ...d, name: 'My own design' }))
  const clock = { now: 1_000_000 }
  const runner = createActivityRunner(stores, { engine: NODE_GRADE_ENGINE, now: () => clock.now })
  const reports: { grade: Grade; elapsedMs: number; final: boolean }[] = []
  const lms: LmsSession & { finished: number } = {
    kind: 'scorm12',
    learnerId: 'learner-1',
    finished: 0,
    report: async (grade, elapsedMs, { final }) => {
      reports.push({ grade, elapsedMs, final })
    },
    progress: async () => {},
    finish: async () => {
      lms.finished++
    },
  }
  return { stores, runner, clock, lms, reports }
}

const inbound = ACTIVITY_FILES['01-inbound-bypass.json']

describe('activity runner', () => {
  it('opens as one edit: the user’s design is one Undo away', async () => {
    const { stores, runner } = setup()
    const mine = stores.design.getState().design
    expect(await runner.getState().open(inbound, 'learner-1')).toBe(true)
    expect(stores.design.getState().design.name).toBe('Activity: Inbound traffic bypasses the firewalls')
    expect(stores.design.getState().labels.at(-1)).toBe('open activity “Inbound traffic bypasses the firewalls”')
    expect(stores.ui.getState().notice?.lines).toEqual([
      'Started the activity "Inbound traffic bypasses the firewalls".',
      'Undo (Ctrl+Z) brings "My own design" back.',
    ])
    stores.design.getState().undo()
    expect(stores.design.getState().design).toBe(mine)
  })

  it('undoing its opening sets the activity aside, Redo brings it back as it was, an edit after the undo ends it', async () => {
    const { stores, runner, lms } = setup()
    expect(await runner.getState().open(inbound, 'learner-1', lms)).toBe(true)
    runner.getState().showHint(0)
    // edits in the activity, undone one by one: the activity stays until its opening is undone
    stores.design.getState().edit('rename', (d) => ({ ...d, name: 'Answer' }))
    stores.design.getState().undo()
    expect(runner.getState().prepared?.activity.title).toBe('Inbound traffic bypasses the firewalls')
    stores.design.getState().undo()
    // the student's own design, which the activity does not grade; the LMS attempt is not ended by an undo
    expect(stores.design.getState().design.name).toBe('My own design')
    expect(runner.getState().prepared).toBeNull()
    expect(lms.finished).toBe(0)
    stores.design.getState().redo()
    expect(runner.getState()).toMatchObject({
      prepared: { activity: { title: 'Inbound traffic bypasses the firewalls' } },
      hintsShown: [0],
      lms,
    })
    // undone again, then an edit of the student's own design: the redo list is gone, and the activity with it
    stores.design.getState().undo()
    stores.design.getState().edit('rename', (d) => ({ ...d, name: 'My own design, edited' }))
    expect(lms.finished).toBe(1)
    stores.design.getState().undo()
    expect(runner.getState().prepared).toBeNull()
  })

  it('a second activity opened over the first: undoing its opening shows the first again, as it was', async () => {
    const { stores, runner } = setup()
    expect(await runner.getState().open(inbound, 'learner-1')).toBe(true)
    runner.getState().showHint(0)
    expect(await runner.getState().open(ACTIVITY_FILES['02-zone-i-inspection.json'], 'learner-1')).toBe(true)
    expect(runner.getState().prepared?.activity.title).toMatch(/^Zone I lost its inspection/)
    stores.design.getState().undo()
    expect(stores.design.getState().design.name).toBe('Activity: Inbound traffic bypasses the firewalls')
    expect(runner.getState()).toMatchObject({
      prepared: { activity: { title: 'Inbound traffic bypasses the firewalls' } },
      hintsShown: [0],
    })
    stores.design.getState().undo()
    expect(runner.getState().prepared).toBeNull()
  })

  it('keeps the user’s design where it is stored before the activity’s takes the canvas', async () => {
    const { stores, runner } = setup()
    const onCanvas: string[] = []
    const reopened: string[] = []
    stores.library = {
      keepBeforeReplace: async () => {
        onCanvas.push(stores.design.getState().design.name)
        const reopen = async () => {
          reopened.push('mine')
          return { ok: true as const }
        }
        return { name: 'My own design', line: 'kept', reopen }
      },
    } as Partial<DesignLibrary> as DesignLibrary
    await runner.getState().open(inbound, 'learner-1')
    // asked while the user's design was still on the canvas, and the notice offers it back
    expect(onCanvas).toEqual(['My own design'])
    const notice = stores.ui.getState().notice
    expect(notice?.lines.at(-1)).toBe('kept')
    notice?.actions?.find((a) => a.label === 'Reopen "My own design"')?.run()
    expect(reopened).toEqual(['mine'])
  })

  it('an activity that hides the linter’s problems hides them while it is open, and only then', async () => {
    const { stores, runner } = setup()
    await runner.getState().open(inbound, 'learner-1')
    expect(stores.ui.getState().problemsHidden).toBe(false)
    runner.getState().close()
    await runner.getState().open({ ...(inbound as object), hideProblems: true }, 'learner-1')
    expect(stores.ui.getState().problemsHidden).toBe(true)
    runner.getState().close()
    expect(stores.ui.getState().problemsHidden).toBe(false)
  })

  it('a file that is not an activity is refused with why, and the design stays', async () => {
    const { stores, runner } = setup()
    const mine = stores.design.getState().design
    expect(await runner.getState().open({ format: 'gwlb-studio/activity', version: 9 }, 'x')).toBe(false)
    expect(runner.getState().message).toMatch(/^This activity does not open: version: /)
    expect(stores.design.getState().design).toBe(mine)
  })

  it('checks report to the LMS; the time limit ends it with a final report and a read-only design', async () => {
    const { stores, runner, clock, lms, reports } = setup()
    await runner.getState().open(inbound, 'learner-1', lms)
    runner.getState().showHint(0)
    runner.getState().showHint(0)
    expect(runner.getState().hintsShown).toEqual([0])
    clock.now += 60_000
    const first = await runner.getState().checkWork()
    expect(first?.passed).toBe(false)
    expect(reports).toEqual([{ grade: first, elapsedMs: 60_000, final: false }])
    expect(runner.getState().remainingMs()).toBe(19 * 60_000)

    clock.now += 19 * 60_000
    expect(runner.getState().remainingMs()).toBe(0)
    await runner.getState().endTime()
    expect(runner.getState().timeUp).toBe(true)
    expect(stores.ui.getState().readOnly).toBe(true)
    expect(reports.at(-1)).toMatchObject({ final: true, elapsedMs: 20 * 60_000 })
    // no more checks once time is up
    expect(await runner.getState().checkWork()).toBeNull()
    runner.getState().close()
    expect(lms.finished).toBe(1)
    expect(stores.ui.getState().readOnly).toBe(false)
  })
})
