// The engine an activity is graded with outside the browser: the worker's own code, run in this process.
import type { GradeEngine } from '../src/activities'
import { reportOn } from '../worker/report'
import { traceOn } from '../worker/traceReport'
import { verifyOn } from '../worker/verdicts'

export const NODE_GRADE_ENGINE: GradeEngine = {
  trace: async (design, packet) => traceOn(design, packet),
  load: async (design) => reportOn(design),
  verifyIntents: async (design, intents) => verifyOn(design, intents),
}
