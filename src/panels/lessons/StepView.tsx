// One lesson step: its narration, and its action: a traced packet played hop by hop, a quiz answered by
// clicking the canvas, or a scenario played in the simulator up to the step's moment. Shared by the side panel
// and presenter mode.

import { quizVerdict } from '../../lessons/runner'
import type { LessonAction, LessonStep } from '../../lessons/schema'
import { useDesign, useSim } from '../../store/context'
import type { SimState } from '../../store/simStore'
import { TracePlayer } from '../walk/TracePlayer'
import { dispositionWords, endOf } from '../walk/walkModel'
import { useLessons } from './useLessons'

export function StepView({ step, large = false }: { step: LessonStep; large?: boolean }) {
  const narration = large ? 'text-2xl leading-snug' : 'text-sm leading-relaxed'
  return (
    <div className="flex flex-col gap-3">
      <h3
        className={`font-semibold text-slate-900 ${large ? 'text-3xl leading-tight' : 'text-base'}`}
        data-testid="lesson-step-title"
      >
        {step.title}
      </h3>
      <p className={`whitespace-pre-line text-slate-800 ${narration}`} data-testid="lesson-narration">
        {step.narration}
      </p>
      {step.action && <ActionView step={step} large={large} />}
    </div>
  )
}

function ActionView({ step, large }: { step: LessonStep; large: boolean }) {
  const trace = useLessons((s) => s.trace)
  const stepIndex = useLessons((s) => s.stepIndex)
  const answer = useLessons((s) => s.answer)
  const revealed = useLessons((s) => s.revealed)
  const reveal = useLessons((s) => s.reveal)
  const resources = useDesign((s) => s.design.resources)
  const nameOf = (id: string | null) => (id ? (resources.find((r) => r.id === id)?.name ?? id) : 'nowhere')
  const action = step.action
  const text = large ? 'text-lg' : 'text-xs'
  if (!action) return null

  if (action.kind === 'simulate') return <SimulateView action={action} text={text} />

  const traceView =
    trace?.status === 'running' ? (
      <p className={`text-slate-600 ${text}`}>Tracing the packet…</p>
    ) : trace?.status === 'failed' ? (
      <p role="alert" className={`text-red-800 ${text}`}>
        The trace failed: {trace.message}
      </p>
    ) : null

  if (action.kind === 'trace')
    return (
      traceView ??
      (trace?.status === 'ok' ? (
        <TracePlayer key={stepIndex} roundTrip={trace.roundTrip} leg={action.leg} autoPlay large={large} />
      ) : null)
    )

  const roundTrip = trace?.status === 'ok' ? trace.roundTrip : null
  const legTrace = roundTrip ? (action.leg === 'reply' ? roundTrip.reply : roundTrip.request) : null
  const end = legTrace ? endOf(legTrace) : null
  const verdict = quizVerdict(answer, end, action.accept)
  return (
    <div className="flex flex-col gap-2" data-testid="lesson-quiz">
      <p
        className={`rounded border-2 border-amber-400 bg-amber-50 px-3 py-2 font-semibold text-amber-950 ${large ? 'text-2xl' : 'text-sm'}`}
      >
        {action.question}
      </p>
      {!revealed && (
        <div className={`flex items-center gap-2 text-slate-700 ${text}`}>
          <span>Click a resource on the canvas to answer.</span>
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-50"
            onClick={reveal}
            data-testid="quiz-reveal"
          >
            Show me
          </button>
        </div>
      )}
      {revealed && roundTrip && legTrace && (
        <>
          <p
            data-testid="quiz-verdict"
            data-verdict={verdict}
            className={`rounded px-3 py-2 font-semibold ${large ? 'text-2xl' : 'text-sm'} ${verdict === 'right' ? 'bg-emerald-100 text-emerald-900' : verdict === 'wrong' ? 'bg-red-100 text-red-900' : 'bg-slate-100 text-slate-900'}`}
          >
            {verdict === 'right' ? 'Right: ' : verdict === 'wrong' ? `Not quite: you picked ${nameOf(answer)}. ` : ''}
            {dispositionWords(legTrace.disposition)} at {nameOf(end)}.
          </p>
          <TracePlayer key={`quiz-${stepIndex}`} roundTrip={roundTrip} leg={action.leg} autoPlay large={large} />
        </>
      )}
      {revealed && !legTrace && traceView}
    </div>
  )
}

type SimulateAction = Extract<LessonAction, { kind: 'simulate' }>
type SimView = Pick<SimState, 'status' | 'message' | 'scenario' | 'playing' | 'nowMs' | 'untilMs'>
const wholeSeconds = (ms: number) => `${Math.floor(ms / 1000)} s`
const GO_ON = 'Press Play in the timeline below to go on, or Reset to start over.'

/** Where the step's run is: the runner loads it and plays it to untilSeconds, where the worker pauses it. */
function simulateProgress(
  action: SimulateAction,
  sim: SimView,
): { state: 'failed' | 'loading' | 'playing' | 'playing-on' | 'at-moment' | 'paused'; words: string } {
  if (sim.status === 'failed')
    return { state: 'failed', words: `The scenario “${action.scenario}” did not load: ${sim.message}` }
  if (sim.status !== 'ready')
    return { state: 'loading', words: `Loading the scenario “${action.scenario}” into the simulator…` }
  // the learner may have chosen another scenario in the timeline: name what plays
  const name = sim.scenario ?? action.scenario
  if (sim.playing && sim.untilMs !== null)
    return {
      state: 'playing',
      words: `Playing “${name}” to ${action.untilSeconds} s… now at ${wholeSeconds(sim.nowMs)}.`,
    }
  if (sim.playing)
    return {
      state: 'playing-on',
      words: `Playing “${name}” on, now at ${wholeSeconds(sim.nowMs)}: Pause or Reset in the timeline below.`,
    }
  if (sim.scenario === action.scenario && sim.nowMs === action.untilSeconds * 1000)
    return {
      state: 'at-moment',
      words: `Paused at ${action.untilSeconds} s of “${name}”, the moment this step describes. ${GO_ON}`,
    }
  return { state: 'paused', words: `“${name}” is paused at ${wholeSeconds(sim.nowMs)}. ${GO_ON}` }
}

function SimulateView({ action, text }: { action: SimulateAction; text: string }) {
  const status = useSim((s) => s.status)
  const message = useSim((s) => s.message)
  const scenario = useSim((s) => s.scenario)
  const playing = useSim((s) => s.playing)
  const nowMs = useSim((s) => s.nowMs)
  const untilMs = useSim((s) => s.untilMs)
  const { state, words } = simulateProgress(action, { status, message, scenario, playing, nowMs, untilMs })
  return (
    <p
      role={state === 'failed' ? 'alert' : undefined}
      className={`rounded border px-3 py-2 ${state === 'failed' ? 'border-red-200 bg-red-50 text-red-900' : 'border-sky-200 bg-sky-50 text-sky-950'} ${text}`}
      data-testid="lesson-simulate"
      data-state={state}
    >
      {words}
    </p>
  )
}
