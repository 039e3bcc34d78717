// npm run cli -- export <activity.json|lesson.json> --to scorm|cmi5 --out package.zip
// The package carries the built app (dist/, from `npm run build`), the activity or lesson and the LMS's manifest.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type LmsKind, type PackageContent, packageFiles, zipPackage } from '../src/activities/lms/package'
import { readActivityInput } from './activityInput'
import { readLessonInput } from './lessonInput'
import { printError } from './terminal'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))

function readTree(root: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else files[relative(root, path).split(sep).join('/')] = readFileSync(path)
    }
  }
  walk(root)
  return files
}

export function writeLmsPackage(file: string, kind: LmsKind, out: string | undefined, dist = DIST): number {
  if (!out) {
    printError('a package is a zip: give --out package.zip')
    return 2
  }
  const content = readContent(file)
  if (!content.ok) {
    printError(content.lines.join('\n'))
    return 2
  }
  if (!existsSync(join(dist, 'index.html'))) {
    printError(`the package carries the built app, and ${dist} holds none: run \`npm run build\` first`)
    return 2
  }
  const zip = zipPackage(packageFiles(kind, content.content, readTree(dist)))
  try {
    writeFileSync(out, zip)
  } catch (e) {
    printError(`cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`)
    return 2
  }
  printError(`wrote ${out} (${kind === 'scorm12' ? 'SCORM 1.2' : 'cmi5'}, ${Math.round(zip.length / 1024)} KB)`)
  return 0
}

/** A lesson file (it has steps) or an activity file, each read as its own command would read it. */
function readContent(file: string): { ok: true; content: PackageContent } | { ok: false; lines: string[] } {
  const lesson = readLessonInput(file)
  if (lesson.ok) return { ok: true, content: { kind: 'lesson', lesson: lesson.lesson } }
  if (lesson.isLesson) return lesson
  const input = readActivityInput(file)
  if (!input.ok) return input
  return { ok: true, content: { kind: 'activity', activity: input.opened.prepared.activity, raw: input.raw } }
}
