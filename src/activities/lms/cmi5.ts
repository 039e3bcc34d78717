// cmi5 through its maintained client (@xapi/cmi5): it reads the launch parameters the LMS put in the URL, fetches
// the auth token, and sends the cmi5-defined statements (initialized, passed/failed, completed, terminated).
import Cmi5 from '@xapi/cmi5'
import type { Grade } from '../grade'
import type { LmsConnect } from './types'

export async function connectCmi5(): Promise<LmsConnect> {
  if (!Cmi5.isCmiAvailable)
    return { ok: false, message: 'The page was not launched by a cmi5 LMS (no endpoint, fetch, actor in the URL).' }
  const cmi5 = new Cmi5()
  await cmi5.initialize()
  const actor = cmi5.getLaunchParameters().actor
  const learnerId = actor.account?.name ?? actor.mbox ?? null
  // cmi5 allows one passed (or failed) and one completed per registration
  let judged = false
  let finished = false
  return {
    ok: true,
    session: {
      kind: 'cmi5',
      learnerId: typeof learnerId === 'string' ? learnerId : null,
      async report(grade: Grade, _elapsedMs: number, { final }) {
        if (judged || finished) return
        const score = {
          scaled: grade.maxScore ? grade.score / grade.maxScore : 1,
          raw: grade.score,
          min: 0,
          max: grade.maxScore,
        }
        if (grade.passed) {
          judged = true
          await cmi5.pass(score)
          await cmi5.complete()
        } else if (final) {
          judged = true
          await cmi5.fail(score)
        }
      },
      // a lesson moves on when completed (its course structure says moveOn="Completed"); cmi5's completed
      // statement carries no score, and a lesson has no pass mark to judge one against
      async progress({ completed }) {
        if (!completed || judged || finished) return
        judged = true
        await cmi5.complete()
      },
      async finish() {
        if (finished) return
        finished = true
        await cmi5.terminate()
      },
    },
  }
}
