// SCORM 1.2 through a maintained API wrapper (@szenadam/scorm-api-wrapper, the pipwerks wrapper in TypeScript):
// it finds the LMS's API object in the parent frames or the opener, as the SCORM run-time requires.
import * as wrapperModule from '@szenadam/scorm-api-wrapper'
import type { Grade } from '../grade'
import { type LmsConnect, scormTimespan } from './types'

type Wrapper = typeof wrapperModule.default

/**
 * The package is CommonJS with `exports.default`: a bundler hands over either the class or the exports object
 * holding it, so both are accepted.
 */
function wrapperClass(): Wrapper {
  const d = wrapperModule.default as Wrapper | { default: Wrapper }
  return 'default' in d ? d.default : d
}

export function connectScorm12(): LmsConnect {
  const ScormApiWrapper = wrapperClass()
  const scorm = new ScormApiWrapper(false)
  scorm.scormVersion = '1.2'
  if (!scorm.initialize())
    return { ok: false, message: 'No SCORM 1.2 LMS answered (no API object in the parent frames or the opener).' }
  const learnerId = scorm.dataGet('cmi.core.student_id') || null
  let finished = false
  return {
    ok: true,
    session: {
      kind: 'scorm12',
      learnerId,
      async report(grade: Grade, elapsedMs: number, { final }) {
        if (finished) return
        scorm.dataSet('cmi.core.score.min', '0')
        scorm.dataSet('cmi.core.score.max', String(grade.maxScore))
        scorm.dataSet('cmi.core.score.raw', String(grade.score))
        // until time runs out a student may keep trying: not passed yet is incomplete, not failed
        scorm.dataSet('cmi.core.lesson_status', grade.passed ? 'passed' : final ? 'failed' : 'incomplete')
        scorm.dataSet('cmi.core.session_time', scormTimespan(elapsedMs))
        scorm.save()
      },
      async progress({ completed, scorePercent }, elapsedMs) {
        if (finished) return
        if (scorePercent !== null) {
          scorm.dataSet('cmi.core.score.min', '0')
          scorm.dataSet('cmi.core.score.max', '100')
          scorm.dataSet('cmi.core.score.raw', String(Math.round(scorePercent)))
        }
        scorm.dataSet('cmi.core.lesson_status', completed ? 'completed' : 'incomplete')
        scorm.dataSet('cmi.core.session_time', scormTimespan(elapsedMs))
        scorm.save()
      },
      async finish() {
        if (finished) return
        finished = true
        scorm.terminate()
      },
    },
  }
}
