// An activity as an LMS package: the built app, the activity file beside it, and the manifest the LMS reads. The
// app opens the activity from the launch URL's query and reports through the LMS's runtime API; no server of ours.
// React-free: the command line builds packages with it.
import { strToU8, zipSync } from 'fflate'
import type { Activity } from '../schema'
import { cmi5Course, type PackageInfo, scormManifest } from './manifest'

import type { LmsKind } from './types'

export type { LmsKind } from './types'

/** Where the activity sits in a package, beside index.html. */
export const PACKAGE_ACTIVITY_FILE = 'activity.json'

/** The query that opens a packaged activity and names the runtime to report to. */
export function launchUrl(kind: LmsKind): string {
  return `index.html?activity=${PACKAGE_ACTIVITY_FILE}&lms=${kind}`
}

/**
 * The built page's policy lets it talk to its own origin only; a cmi5 package reports to the LMS's LRS, wherever
 * that is, so the package's copy of the page may also connect to https (and http, for an LMS on a school's LAN).
 */
export function allowLrs(indexHtml: string): string {
  return indexHtml.replace(/connect-src ([^;"]*)/, 'connect-src $1 https: http:')
}

/**
 * The files of the package: `app` is the built app (dist/, paths relative to it), `raw` the activity's JSON as
 * the author wrote it. Source maps stay out: an LMS serves what it is given.
 */
export function packageFiles(
  kind: LmsKind,
  activity: Activity,
  raw: unknown,
  app: Readonly<Record<string, Uint8Array>>,
): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  for (const [path, bytes] of Object.entries(app)) if (!path.endsWith('.map')) files[path] = bytes
  const index = files['index.html']
  if (!index) throw new Error('the built app has no index.html')
  if (kind === 'cmi5') files['index.html'] = strToU8(allowLrs(new TextDecoder().decode(index)))
  files[PACKAGE_ACTIVITY_FILE] = strToU8(JSON.stringify(raw, null, 2))
  const info: PackageInfo = {
    id: activity.id,
    title: activity.title,
    description: activity.task,
    passPercent: activity.passPercent,
    launch: launchUrl(kind),
  }
  if (kind === 'scorm12') files['imsmanifest.xml'] = strToU8(scormManifest(info, Object.keys(files).sort()))
  else files['cmi5.xml'] = strToU8(cmi5Course(info))
  return files
}

/** The package as one zip. */
export function zipPackage(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([p, b]) => [p, [b, { level: 6 }]])))
}
