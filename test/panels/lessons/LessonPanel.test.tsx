// The lessons tab in jsdom: the list, a lesson's steps with previous/next, a quiz answered right and wrong,
// and presenter mode's large narration with Escape to leave.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import { describe, expect, it } from 'vitest'
import { Presenter } from '../../../src/panels/lessons/Presenter'
import { SideTabs } from '../../../src/panels/lessons/SideTabs'
import { lessonRunnerFor } from '../../../src/panels/lessons/useLessons'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import { TEST_ENGINE } from '../../engine'
import { loadExample } from '../../helpers'

function setup(): Stores {
  const stores = createStores(loadExample('two-zones'), {}, TEST_ENGINE)
  render(
    <StoresProvider stores={stores}>
      <ReactFlowProvider>
        <SideTabs details={<p>details</p>} />
        <Presenter />
      </ReactFlowProvider>
    </StoresProvider>,
  )
  return stores
}

// A step lights its resources in an effect, after the lesson's design has loaded: on a loaded machine
// findBy can return before that, so wait for the highlight as well.
async function start(stores: Stores, id: string) {
  fireEvent.click(screen.getByTestId('tab-lessons'))
  // the lessons tab loads on first show
  fireEvent.click(await screen.findByTestId(`lesson-start-${id}`))
  await screen.findByTestId('lesson-title')
  await waitFor(() => expect(stores.ui.getState().highlight).toBeTruthy())
}

/** The quiz is answered against the step's trace: wait until the engine has returned it. */
async function traceReady(stores: Stores) {
  await waitFor(() => expect(lessonRunnerFor(stores).getState().trace?.status).toBe('ok'))
}

describe('lessons tab', () => {
  it('lists the seven lessons and walks one with next and previous', async () => {
    const stores = setup()
    fireEvent.click(screen.getByTestId('tab-lessons'))
    expect(await screen.findAllByText('Start')).toHaveLength(7)
    await start(stores, 'outbound')
    expect(screen.getByTestId('lesson-step-title').textContent).toMatch(/^1\. The server's vSwitch route table/)
    expect(stores.ui.getState().highlight?.focusId).toBe('ecs-web-1')
    fireEvent.click(screen.getByTestId('lesson-next'))
    expect(screen.getByTestId('lesson-position').textContent).toBe('step 2 of 6')
    expect(stores.ui.getState().highlight?.focusId).toBe('fw-1')
    fireEvent.keyDown(window, { key: 'ArrowLeft' })
    expect(screen.getByTestId('lesson-position').textContent).toBe('step 1 of 6')
    fireEvent.click(screen.getByTestId('lesson-leave'))
    expect(stores.design.getState().design.name).toBe('GWLB inspection, two zones')
  })

  it('a quiz tells a wrong answer apart from a right one, and shows where the packet really ends', async () => {
    const stores = setup()
    await start(stores, 'mtu')
    fireEvent.click(screen.getByTestId('lesson-next'))
    await screen.findByTestId('lesson-quiz')
    await traceReady(stores)
    act(() => stores.ui.getState().setSelection(['gwlb-inspection']))
    const verdict = await screen.findByTestId('quiz-verdict')
    expect(verdict.getAttribute('data-verdict')).toBe('wrong')
    expect(verdict.textContent).toBe(
      'Not quite: you picked Inspection GWLB. Dropped: too big for the MTU at Firewall 2.',
    )
    // on again and back: the quiz is asked afresh
    fireEvent.click(screen.getByTestId('lesson-next'))
    fireEvent.click(screen.getByTestId('lesson-prev'))
    await traceReady(stores)
    act(() => stores.ui.getState().setSelection(['fw-1']))
    expect((await screen.findByTestId('quiz-verdict')).getAttribute('data-verdict')).toBe('right')
    expect(screen.getByTestId('walk-disposition').getAttribute('data-disposition')).toBe('MTU_EXCEEDED')
  })

  it('presenter mode shows the narration in large type; Escape leaves it', async () => {
    const stores = setup()
    await start(stores, 'inbound')
    fireEvent.click(screen.getByTestId('lesson-present'))
    const presenter = await screen.findByTestId('presenter')
    expect(presenter.querySelector('[data-testid="lesson-narration"]')?.className).toMatch(/text-2xl/)
    fireEvent.click(screen.getByTestId('presenter-next'))
    expect(presenter.textContent).toMatch(/step 2 of 6/)
    fireEvent.keyDown(window, { key: 'Escape' })
    expect(screen.queryByTestId('presenter')).toBeNull()
  })
})
