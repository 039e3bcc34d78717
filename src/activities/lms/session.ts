// Connecting to the LMS that launched the activity. Each runtime is a maintained library, loaded only when the
// launch URL names it.
import type { LmsConnect, LmsKind } from './types'

export type { LmsConnect, LmsSession } from './types'

/** Connects to the LMS the launch URL names (`lms=scorm12|cmi5`), or says why it could not. */
export async function connectLms(kind: LmsKind): Promise<LmsConnect> {
  try {
    if (kind === 'scorm12') return (await import('./scorm12')).connectScorm12()
    return await (await import('./cmi5')).connectCmi5()
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) }
  }
}
