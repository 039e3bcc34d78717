// A lesson's progress for an LMS: completed once every step was seen and every quiz answered; the score is the
// share of quizzes answered right the first time; a lesson file's lesson opens like a shipped one.
import { describe, expect, it, vi } from 'vitest'
import { LESSONS, type Lesson } from '../../src/lessons'
import { type LessonProgress, lessonProgress, trackLessonProgress } from '../../src/lessons/progress'
import { createLessonRunner } from '../../src/lessons/runner'
import { createStores } from '../../src/store/context'
import { traceOn } from '../../worker/traceReport'
import { loadExample } from '../helpers'

function lesson(id: string): Lesson {
  const l = LESSONS.find((x) => x.id === id)
  if (!l) throw new Error(`no lesson ${id}`)
  return l
}

function setup() {
  const stores = createStores(loadExample('two-zones'))
  const runner = createLessonRunner(stores, {
    loadDesign: async (name) => ({ ok: true, design: loadExample(name) }),
    trace: async (design, packet) => traceOn(design, packet),
    simulate: vi.fn(async () => true),
    playUntil: vi.fn(),
    stopSimulation: vi.fn(),
    routeLines: () => [],
  })
  return { stores, runner }
}

/** Resolves once the runner's current step has traced its packet. */
function traced(runner: ReturnType<typeof setup>['runner']): Promise<void> {
  return new Promise((resolve) => {
    const done = () => runner.getState().trace?.status !== 'running'
    if (done()) return resolve()
    const off = runner.subscribe(() => {
      if (!done()) return
      off()
      resolve()
    })
  })
}

describe('lessonProgress', () => {
  const mtu = lesson('mtu')
  it('is completed only when every step was seen and every quiz answered', () => {
    expect(lessonProgress(mtu, { seen: new Set([0, 1, 2]), quizzes: new Map() })).toEqual({
      completed: false,
      scorePercent: 0,
    })
    expect(lessonProgress(mtu, { seen: new Set([0, 1]), quizzes: new Map([[1, 'right']]) })).toEqual({
      completed: false,
      scorePercent: 100,
    })
    expect(lessonProgress(mtu, { seen: new Set([0, 1, 2]), quizzes: new Map([[1, 'wrong']]) })).toEqual({
      completed: true,
      scorePercent: 0,
    })
  })
  it('a lesson without a quiz has no score, only completion', () => {
    const inbound = lesson('inbound')
    const all = new Set(inbound.steps.map((_, i) => i))
    expect(lessonProgress(inbound, { seen: all, quizzes: new Map() })).toEqual({ completed: true, scorePercent: null })
  })
})

describe('trackLessonProgress over the runner', () => {
  it('opens a lesson given as a file’s lesson, counts the first answer of a quiz, and completes at the end', async () => {
    const { stores, runner } = setup()
    // a copy, as a lesson file read from a package is: not one of the shipped objects
    const mtu: Lesson = structuredClone(lesson('mtu'))
    await runner.getState().open(mtu)
    expect(runner.getState()).toMatchObject({ status: 'ready', stepIndex: 0 })
    expect(stores.design.getState().design.name).toBe(`Lesson ${mtu.number}: ${mtu.title}`)
    const reports: LessonProgress[] = []
    trackLessonProgress(runner, mtu, (p) => reports.push(p))
    expect(reports).toEqual([{ completed: false, scorePercent: 0 }])

    runner.getState().next()
    await traced(runner)
    // a wrong answer: the internet host, where the packet did not end
    stores.ui.getState().setSelection(['internet-client'])
    expect(runner.getState().answer).toBe('internet-client')
    expect(reports.at(-1)).toEqual({ completed: false, scorePercent: 0 })
    const afterWrong = reports.length

    // going back and answering again earns nothing: the first answer counts
    runner.getState().prev()
    runner.getState().next()
    await traced(runner)
    stores.ui.getState().setSelection(['fw-1'])
    expect(reports).toHaveLength(afterWrong)

    runner.getState().next()
    await traced(runner)
    expect(reports.at(-1)).toEqual({ completed: true, scorePercent: 0 })
  })

  it('a right answer scores 100', async () => {
    const { stores, runner } = setup()
    const mtu = lesson('mtu')
    await runner.getState().open(mtu)
    const reports: LessonProgress[] = []
    trackLessonProgress(runner, mtu, (p) => reports.push(p))
    runner.getState().next()
    await traced(runner)
    stores.ui.getState().setSelection(['fw-2'])
    runner.getState().next()
    await traced(runner)
    expect(reports.at(-1)).toEqual({ completed: true, scorePercent: 100 })
  })
})
