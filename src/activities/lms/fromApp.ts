// The app packs itself: the built app's files (listed at build time in package-files.json), fetched from where the
// app is served, with an activity or a lesson and its manifest, into the same zip the command line writes.
import { type LmsKind, type PackageContent, packageFiles, packageName, zipPackage } from './package'

export type Packed = { ok: true; zip: Uint8Array; name: string } | { ok: false; message: string }

const NOT_BUILT =
  'Packages are made from the built app: run `npm run build` and open it (npm run preview), or use `npm run cli -- export <activity.json|lesson.json> --to scorm|cmi5`.'

export async function packForLms(kind: LmsKind, content: PackageContent): Promise<Packed> {
  let list: unknown
  try {
    const response = await fetch('package-files.json')
    if (!response.ok) return { ok: false, message: NOT_BUILT }
    list = await response.json()
  } catch {
    return { ok: false, message: NOT_BUILT }
  }
  if (!Array.isArray(list) || !list.every((f) => typeof f === 'string')) return { ok: false, message: NOT_BUILT }
  const app: Record<string, Uint8Array> = {}
  for (const path of list as string[]) {
    if (path === 'package-files.json') continue
    const response = await fetch(path)
    if (!response.ok)
      return { ok: false, message: `The app's file ${path} could not be fetched (HTTP ${response.status}).` }
    app[path] = new Uint8Array(await response.arrayBuffer())
  }
  const zip = zipPackage(packageFiles(kind, content, app))
  return { ok: true, zip, name: packageName(kind, content) }
}
