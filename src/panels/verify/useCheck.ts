// Asks the worker again whenever what a tab checks changes, while the tab is shown: the answer of the latest
// question only (an older one arriving late is dropped), and the last answer kept on screen while a new one runs.
import { useEffect, useRef, useState } from 'react'

export type Checked<T> =
  | { status: 'idle' }
  | { status: 'running'; last: T | null }
  | { status: 'done'; answer: T }
  | { status: 'failed'; message: string; last: T | null }

/** Waits this long after the last change before asking: typing in a field does not queue a check per key. */
const SETTLE_MS = 250

export function useCheck<T>(active: boolean, inputs: readonly unknown[], ask: (() => Promise<T>) | null): Checked<T> {
  const [checked, setChecked] = useState<Checked<T>>({ status: 'idle' })
  const latest = useRef(ask)
  latest.current = ask
  const latestInputs = useRef(inputs)
  latestInputs.current = inputs
  const lastAnswer = useRef<T | null>(null)
  // what the last answer was for: coming back to the tab with nothing changed asks nothing
  const answeredFor = useRef<readonly unknown[] | null>(null)
  // the effect runs again when one of the inputs (what the question depends on) changes
  useEffect(() => {
    const question = latest.current
    if (!active || !question) return
    const asked = latestInputs.current
    if (answeredFor.current?.length === asked.length && asked.every((x, i) => Object.is(x, answeredFor.current?.[i])))
      return
    let live = true
    setChecked({ status: 'running', last: lastAnswer.current })
    const timer = setTimeout(() => {
      question().then(
        (answer) => {
          if (!live) return
          lastAnswer.current = answer
          answeredFor.current = asked
          setChecked({ status: 'done', answer })
        },
        (e) => live && setChecked({ status: 'failed', message: String(e?.message ?? e), last: lastAnswer.current }),
      )
    }, SETTLE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [active, ...inputs])
  return checked
}

/** The answer to show: the latest, or while a new one runs (or failed) the one before. */
export function shown<T>(c: Checked<T>): T | null {
  return c.status === 'done' ? c.answer : c.status === 'idle' ? null : c.last
}
