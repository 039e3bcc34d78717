// The lesson runner over real stores, with the engine in-process: the user's design and history are put
// aside and come back, steps light their resources, a quiz takes the first click, late traces are dropped.
import { describe, expect, it, vi } from 'vitest'
import { LESSONS } from '../../src/lessons'
import { createLessonRunner, type LessonDeps, quizVerdict } from '../../src/lessons/runner'
import { decidingRouteLinesAt } from '../../src/panels/walk/walkModel'
import { createStores } from '../../src/store/context'
import { traceOn } from '../../worker/traceReport'
import { loadExample } from '../helpers'

function setup(overrides: Partial<LessonDeps> = {}) {
  const stores = createStores(loadExample('two-zones'))
  stores.design.getState().edit('rename', (d) => ({ ...d, name: 'My own design' }))
  const deps: LessonDeps = {
    loadDesign: async (name) => ({ ok: true, design: loadExample(name) }),
    trace: async (design, packet) => traceOn(design, packet),
    simulate: vi.fn(async () => true),
    playUntil: vi.fn(),
    stopSimulation: vi.fn(),
    routeLines: (design, trace, ids) => decidingRouteLinesAt(trace, ids, design),
    ...overrides,
  }
  return { stores, deps, runner: createLessonRunner(stores, deps) }
}

describe('lesson runner', () => {
  it('opens a lesson read-only on its design, and leaving restores the user’s design and undo history', async () => {
    const { stores, runner } = setup()
    const mine = stores.design.getState().design
    await runner.getState().open('inbound')
    expect(stores.ui.getState().readOnly).toBe(true)
    expect(stores.design.getState().design.name).toBe('Lesson 1: Inbound traffic')
    expect(stores.design.getState().design.resources.some((r) => r.id === 'fw-1')).toBe(true)
    expect(runner.getState().tab).toBe('lessons')
    runner.getState().close()
    expect(stores.design.getState().design).toBe(mine)
    expect(stores.design.getState().labels).toEqual(['rename'])
    expect(stores.ui.getState().readOnly).toBe(false)
    expect(stores.ui.getState().highlight).toBeNull()
  })

  it('lights each step’s resources with its focus, and applies and undoes edits as the learner moves', async () => {
    const { stores, runner } = setup()
    await runner.getState().open('mtu')
    expect(stores.ui.getState().highlight).toEqual({
      ids: ['gwlb-inspection', 'fw-1', 'fw-2'],
      focusId: 'gwlb-inspection',
      tone: 'lesson',
      routeEdgeIds: [],
    })
    const jumbo = () => stores.design.getState().design.resources.find((r) => r.id === 'fw-1')
    expect(jumbo()).toMatchObject({ jumboFrames: true })
    runner.getState().next()
    expect(jumbo()).toMatchObject({ jumboFrames: false })
    runner.getState().prev()
    expect(jumbo()).toMatchObject({ jumboFrames: true })
  })

  it('an info notice about the user’s design goes when a lesson opens; one from inside the lesson goes when it closes', async () => {
    const { stores, runner } = setup()
    stores.ui.getState().notify({ tone: 'info', lines: ['Exported an SVG of the whole design.'] })
    await runner.getState().open('mtu')
    expect(stores.ui.getState().notice).toBeNull()
    stores.ui.getState().notify({ tone: 'info', lines: ['Exported an SVG of the lesson.'] })
    runner.getState().close()
    expect(stores.ui.getState().notice).toBeNull()
    stores.ui.getState().notify({ tone: 'error', lines: ['Could not export the SVG image.'] })
    await runner.getState().open('mtu')
    expect(stores.ui.getState().notice?.tone).toBe('error')
  })

  it('a quiz takes the learner’s first click on the canvas as the answer', async () => {
    const { stores, runner } = setup()
    await runner.getState().open('mtu')
    runner.getState().go(1)
    await vi.waitFor(() => expect(runner.getState().trace?.status).toBe('ok'))
    // while it asks, the canvas lights nothing and hides its problem badges: they would point at the answer
    expect(stores.ui.getState()).toMatchObject({ highlight: null, answerHidden: true })
    stores.ui.getState().setSelection(['fw-1'])
    expect(runner.getState()).toMatchObject({ answer: 'fw-1', revealed: true })
    expect(stores.ui.getState().answerHidden).toBe(false)
    stores.ui.getState().setSelection(['gwlb-inspection'])
    expect(runner.getState().answer).toBe('fw-1')
  })

  it('loads a simulate step’s scenario, plays it to the step’s moment, and stops the simulator on leaving the step or the lesson', async () => {
    const { runner, deps } = setup()
    await runner.getState().open('appliance-fails')
    expect(deps.simulate).not.toHaveBeenCalled()
    runner.getState().go(1)
    expect(deps.simulate).toHaveBeenCalledWith('appliance-failure')
    // played only once the scenario is loaded
    expect(deps.playUntil).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(deps.playUntil).toHaveBeenCalledWith(50_000))
    vi.mocked(deps.stopSimulation).mockClear()
    runner.getState().next()
    expect(deps.stopSimulation).toHaveBeenCalledTimes(1)
    runner.getState().prev()
    await vi.waitFor(() => expect(deps.playUntil).toHaveBeenCalledTimes(2))
    vi.mocked(deps.stopSimulation).mockClear()
    runner.getState().close()
    expect(deps.stopSimulation).toHaveBeenCalled()
  })

  it('does not play a scenario that did not load', async () => {
    const failed = Promise.resolve(false)
    const { runner, deps } = setup({ simulate: vi.fn(() => failed) })
    await runner.getState().open('appliance-fails')
    runner.getState().go(1)
    // the runner's reaction was attached first, so it has run once this await resumes
    await failed
    expect(deps.simulate).toHaveBeenCalledWith('appliance-failure')
    expect(deps.playUntil).not.toHaveBeenCalled()
  })

  it('a scenario that finishes loading after the learner moved on is not played but stopped', async () => {
    let loaded: (ok: boolean) => void = () => {}
    const { runner, deps } = setup({ simulate: vi.fn(() => new Promise<boolean>((r) => (loaded = r))) })
    await runner.getState().open('appliance-fails')
    runner.getState().go(1)
    runner.getState().next()
    vi.mocked(deps.stopSimulation).mockClear()
    loaded(true)
    await vi.waitFor(() => expect(deps.stopSimulation).toHaveBeenCalledTimes(1))
    expect(deps.playUntil).not.toHaveBeenCalled()
  })

  it('drops a trace that answers after the learner moved on', async () => {
    let answer: (v: Awaited<ReturnType<LessonDeps['trace']>>) => void = () => {}
    const asked: Promise<unknown>[] = []
    const { runner } = setup({
      trace: () => {
        const p = new Promise<Awaited<ReturnType<LessonDeps['trace']>>>((r) => (answer = r))
        asked.push(p)
        return p
      },
    })
    await runner.getState().open('mtu')
    const late = answer
    const lateAnswer = asked.at(-1)
    runner.getState().go(1)
    late({ ok: false, message: 'late' })
    // the runner's handler was attached to that answer first, so it has run once this await returns
    await lateAnswer
    expect(runner.getState().trace).toEqual({ status: 'running' })
  })

  it('says so when the lesson’s design does not load, and leaves the user’s design alone', async () => {
    const { stores, runner } = setup({ loadDesign: async () => ({ ok: false, message: 'HTTP 404' }) })
    await runner.getState().open('inbound')
    expect(runner.getState()).toMatchObject({ status: 'failed', lesson: null })
    expect(runner.getState().message).toMatch(/HTTP 404/)
    expect(stores.design.getState().design.name).toBe('My own design')
    expect(stores.ui.getState().readOnly).toBe(false)
  })

  it('judges quiz answers: the real end, or an answer the lesson also accepts', () => {
    expect(quizVerdict(null, 'fw-1', [])).toBe('none')
    expect(quizVerdict('fw-1', 'fw-1', [])).toBe('right')
    expect(quizVerdict('fw-2', 'fw-1', ['fw-1', 'fw-2'])).toBe('right')
    expect(quizVerdict('gwlb-inspection', 'fw-1', ['fw-2'])).toBe('wrong')
    expect(LESSONS.flatMap((l) => l.steps).filter((s) => s.action?.kind === 'quiz')).toHaveLength(4)
  })
})
