// An activity or a lesson as an LMS package: the built app, the activity or lesson file beside it, and the manifest
// the LMS reads. The app opens it from the launch URL's query and reports through the LMS's runtime API; no server of ours.
// React-free: the command line builds packages with it.
import { strToU8, zipSync } from 'fflate'
import type { Lesson } from '../../lessons/schema'
import type { Activity } from '../schema'
import { cmi5Course, type PackageInfo, scormManifest } from './manifest'

import type { LmsKind } from './types'

export type { LmsKind } from './types'

/** Where the packaged file sits, beside index.html: an activity, or a lesson. */
export const PACKAGE_ACTIVITY_FILE = 'activity.json'
export const PACKAGE_LESSON_FILE = 'lesson.json'

/**
 * What a package teaches: an activity (scored by its goals, passed at its pass mark) or a lesson (completed once
 * every step has been seen and every quiz answered; its quizzes' share of right answers is the score).
 */
export type PackageContent = { kind: 'activity'; activity: Activity; raw: unknown } | { kind: 'lesson'; lesson: Lesson }

/** The query that opens a packaged activity or lesson and names the runtime to report to. */
export function launchUrl(kind: LmsKind, content: PackageContent['kind'] = 'activity'): string {
  return content === 'activity'
    ? `index.html?activity=${PACKAGE_ACTIVITY_FILE}&lms=${kind}`
    : `index.html?lesson=${PACKAGE_LESSON_FILE}&lms=${kind}`
}

/**
 * The built page's policy lets it talk to its own origin only; a cmi5 package reports to the LMS's LRS, wherever
 * that is, so the package's copy of the page may also connect to https (and http, for an LMS on a school's LAN).
 */
export function allowLrs(indexHtml: string): string {
  return indexHtml.replace(/connect-src ([^;"]*)/, 'connect-src $1 https: http:')
}

function contentInfo(kind: LmsKind, content: PackageContent): PackageInfo {
  if (content.kind === 'activity')
    return {
      id: content.activity.id,
      title: content.activity.title,
      description: content.activity.task,
      passPercent: content.activity.passPercent,
      launch: launchUrl(kind, 'activity'),
    }
  const { lesson } = content
  return {
    id: `lesson-${lesson.id}`,
    title: `Lesson ${lesson.number}: ${lesson.title}`,
    description: lesson.summary,
    passPercent: null,
    launch: launchUrl(kind, 'lesson'),
  }
}

/**
 * The files of the package: `app` is the built app (dist/, paths relative to it); an activity travels as its
 * author wrote it (raw), a lesson as the lesson file. Source maps stay out: an LMS serves what it is given.
 */
export function packageFiles(
  kind: LmsKind,
  content: PackageContent,
  app: Readonly<Record<string, Uint8Array>>,
): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  for (const [path, bytes] of Object.entries(app)) if (!path.endsWith('.map')) files[path] = bytes
  const index = files['index.html']
  if (!index) throw new Error('the built app has no index.html')
  if (kind === 'cmi5') files['index.html'] = strToU8(allowLrs(new TextDecoder().decode(index)))
  if (content.kind === 'activity') files[PACKAGE_ACTIVITY_FILE] = strToU8(JSON.stringify(content.raw, null, 2))
  else files[PACKAGE_LESSON_FILE] = strToU8(JSON.stringify(content.lesson, null, 2))
  const info = contentInfo(kind, content)
  if (kind === 'scorm12') files['imsmanifest.xml'] = strToU8(scormManifest(info, Object.keys(files).sort()))
  else files['cmi5.xml'] = strToU8(cmi5Course(info))
  return files
}

/** The package's file name: what it teaches and for which runtime. */
export function packageName(kind: LmsKind, content: PackageContent): string {
  const id = content.kind === 'activity' ? content.activity.id : `lesson-${content.lesson.id}`
  return `${id}-${kind}.zip`
}

/** The package as one zip. */
export function zipPackage(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([p, b]) => [p, [b, { level: 6 }]])))
}
