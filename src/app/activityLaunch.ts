// Opens what the launch URL names: an activity link (#a=…, "Link for students"), or, as an LMS package launches the
// app, an activity (?activity=activity.json) or a lesson (?lesson=lesson.json). With &lms=scorm12|cmi5 it connects to the LMS first, so the learner's id picks
// their variant of an activity, and each check (a lesson: each quiz answered, and its completion) reports.

import { connectLms, type LmsSession } from '../activities/lms/session'
import { LMS_KINDS, type LmsKind } from '../activities/lms/types'
import { activityRunnerFor, localLearnerKey } from '../activities/useActivity'
import { lessonSchema } from '../lessons'
import { trackLessonProgress } from '../lessons/progress'
import { MAX_DESIGN_BYTES } from '../model'
import { lessonRunnerFor } from '../panels/lessons/useLessons'
import { forgetLink } from '../panels/share/sharedLink'
import { linkKind } from '../share/linkKinds'
import { activityLinkText } from '../share/shareLink'
import type { Stores } from '../store/context'

/** Only a file beside the app: a launch URL cannot make the app fetch from elsewhere. */
function besideTheApp(path: string): boolean {
  return /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(path) && !path.split('/').includes('..')
}

type Fetched = { ok: true; raw: unknown } | { ok: false; message: string }

async function fetchBeside(path: string, what: string): Promise<Fetched> {
  if (!besideTheApp(path))
    return { ok: false, message: `The ${what} "${path}" is not a file beside the app, so it was not opened.` }
  try {
    const response = await fetch(path)
    if (!response.ok)
      return { ok: false, message: `The ${what} ${path} could not be fetched (HTTP ${response.status}).` }
    const text = await response.text()
    if (text.length > MAX_DESIGN_BYTES)
      return { ok: false, message: `The ${what} ${path} is larger than a design may be.` }
    return { ok: true, raw: JSON.parse(text) }
  } catch (e) {
    return {
      ok: false,
      message: `The ${what} ${path} could not be read: ${e instanceof Error ? e.message : String(e)}`,
    }
  }
}

/** The LMS the query names, connected; null without one (or when it does not answer: the notice says so). */
async function lmsOf(query: URLSearchParams, notify: (lines: string[]) => void): Promise<LmsSession | null | false> {
  const lmsName = query.get('lms')
  if (!lmsName) return null
  if (!(LMS_KINDS as readonly string[]).includes(lmsName)) {
    notify([`Unknown LMS runtime "${lmsName}": scorm12 or cmi5.`])
    return false
  }
  const connected = await connectLms(lmsName as LmsKind)
  if (connected.ok) {
    const session = connected.session
    // the LMS hears the session end when the learner leaves the page
    addEventListener('pagehide', () => void session.finish(), { once: true })
    return session
  }
  notify([`It opens, but your progress cannot reach your course: ${connected.message}`])
  return null
}

export async function launchActivity(stores: Stores, search: string, hash = ''): Promise<void> {
  const query = new URLSearchParams(search)
  const notify = (lines: string[]) => stores.ui.getState().notify({ tone: 'error', lines })
  if (linkKind(hash) === 'activity') return openActivityLink(stores, hash)
  const activityPath = query.get('activity')
  const lessonPath = query.get('lesson')
  if (!activityPath && !lessonPath) return
  const fetched = await fetchBeside(activityPath ?? lessonPath ?? '', activityPath ? 'activity' : 'lesson')
  if (!fetched.ok) return notify([fetched.message])
  const lms = await lmsOf(query, notify)
  if (lms === false) return
  if (activityPath) return openActivity(stores, fetched.raw, lms, notify)
  return openLesson(stores, fetched.raw, lms, notify)
}

/**
 * An activity link: the activity file in the fragment, opened as opening the file does (one undoable edit), at
 * start or when the link is pasted into an open tab (linkChange.ts). A broken link says why and changes nothing.
 */
export async function openActivityLink(stores: Stores, hash: string): Promise<void> {
  const say = (lines: string[]) => stores.ui.getState().notify({ tone: 'error', lines })
  const unchanged = (lines: string[]) => say([...lines, 'Your current design is unchanged.'])
  const text = activityLinkText(hash)
  // the loader's lines after its headline end with "Your current design is unchanged."
  if (!text.ok) return say(['The activity link does not open.', ...text.messages.slice(1)])
  let raw: unknown
  try {
    raw = JSON.parse(text.text)
  } catch (e) {
    return unchanged([`The activity link does not hold an activity: ${e instanceof Error ? e.message : String(e)}`])
  }
  await openActivity(stores, raw, null, unchanged)
  forgetLinkOnLeaving(stores, hash)
}

/**
 * Once the activity the link opened is left, or set aside by an undo, the link leaves the address bar (if it is
 * still there: another link pasted meanwhile is that one's to keep): a reload then opens the student's own design
 * instead of starting the activity over it again.
 */
function forgetLinkOnLeaving(stores: Stores, hash: string) {
  const runner = activityRunnerFor(stores)
  if (!runner.getState().prepared) return
  const stop = runner.subscribe((s, prev) => {
    if (!prev.prepared || s.prepared === prev.prepared) return
    stop()
    forgetLink((now) => now === hash)
  })
}

async function openActivity(stores: Stores, raw: unknown, lms: LmsSession | null, notify: (lines: string[]) => void) {
  const runner = activityRunnerFor(stores)
  if (!(await runner.getState().open(raw, lms?.learnerId ?? localLearnerKey(), lms))) {
    // without a message the open was refused (a lesson holds the design), and the notice already says why
    const message = runner.getState().message
    if (message) notify([message])
    return
  }
  lessonRunnerFor(stores).getState().showTab('activity')
}

async function openLesson(stores: Stores, raw: unknown, lms: LmsSession | null, notify: (lines: string[]) => void) {
  const parsed = lessonSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return notify([`The lesson does not open: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}`])
  }
  const lesson = parsed.data
  const runner = lessonRunnerFor(stores)
  await runner.getState().open(lesson)
  const state = runner.getState()
  if (state.status !== 'ready') return notify([state.message ?? 'The lesson does not open.'])
  if (!lms) return
  const started = performance.now()
  trackLessonProgress(runner, lesson, (progress) => void lms.progress(progress, performance.now() - started))
}
