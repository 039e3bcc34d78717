// Opens the activity the launch URL names (?activity=activity.json, as an LMS package launches it) and, with
// &lms=scorm12|cmi5, connects to the LMS first so the learner's id picks their variant and each check reports.

import { connectLms, type LmsSession } from '../activities/lms/session'
import { LMS_KINDS, type LmsKind } from '../activities/lms/types'
import { activityRunnerFor, localLearnerKey } from '../activities/useActivity'
import { MAX_DESIGN_BYTES } from '../model'
import { lessonRunnerFor } from '../panels/lessons/useLessons'
import type { Stores } from '../store/context'

/** Only a file beside the app: a launch URL cannot make the app fetch from elsewhere. */
function besideTheApp(path: string): boolean {
  return /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(path) && !path.split('/').includes('..')
}

export async function launchActivity(stores: Stores, search: string): Promise<void> {
  const query = new URLSearchParams(search)
  const path = query.get('activity')
  if (!path) return
  const notify = (lines: string[]) => stores.ui.getState().notify({ tone: 'error', lines })
  if (!besideTheApp(path)) return notify([`The activity "${path}" is not a file beside the app, so it was not opened.`])
  const lmsName = query.get('lms')
  let lms: LmsSession | null = null
  if (lmsName) {
    if (!(LMS_KINDS as readonly string[]).includes(lmsName))
      return notify([`Unknown LMS runtime "${lmsName}": scorm12 or cmi5.`])
    const connected = await connectLms(lmsName as LmsKind)
    if (connected.ok) lms = connected.session
    else notify([`The activity opens, but your score cannot reach your course: ${connected.message}`])
  }
  let raw: unknown
  try {
    const response = await fetch(path)
    if (!response.ok) return notify([`The activity ${path} could not be fetched (HTTP ${response.status}).`])
    const text = await response.text()
    if (text.length > MAX_DESIGN_BYTES) return notify([`The activity ${path} is larger than a design may be.`])
    raw = JSON.parse(text)
  } catch (e) {
    return notify([`The activity ${path} could not be read: ${e instanceof Error ? e.message : String(e)}`])
  }
  const runner = activityRunnerFor(stores)
  if (!runner.getState().open(raw, lms?.learnerId ?? localLearnerKey(), lms))
    return notify([runner.getState().message ?? 'The activity does not open.'])
  lessonRunnerFor(stores).getState().showTab('activity')
  // the LMS hears the session end when the learner leaves the page
  if (lms) addEventListener('pagehide', () => void lms.finish(), { once: true })
}
