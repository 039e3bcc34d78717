// An LMS package: the manifest lists every file and launches the activity or the lesson; the author's text is XML
// text; a cmi5 package may reach the LRS; source maps stay out; the command line refuses what it cannot package.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { writeLmsPackage } from '../../cli/lmsPackage'
import { ACTIVITY_FILES, prepareActivity } from '../../src/activities'
import { cmi5Course, scormManifest, xmlText } from '../../src/activities/lms/manifest'
import { allowLrs, launchUrl, packageFiles, zipPackage } from '../../src/activities/lms/package'
import { scormTimespan } from '../../src/activities/lms/types'
import { LESSON_FILES, LESSONS } from '../../src/lessons'

const raw = ACTIVITY_FILES['01-inbound-bypass.json']
const opened = prepareActivity(raw, 'author')
if (!opened.ok) throw new Error(opened.message)
const activity = opened.prepared.activity
const enc = (s: string) => new TextEncoder().encode(s)
const app = {
  'index.html': enc(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self' data: blob:; object-src 'none'">`,
  ),
  'assets/index-abc.js': enc('console.log(1)'),
  'assets/index-abc.js.map': enc('{}'),
  'examples/two-zones.json': enc('{}'),
}

describe('SCORM 1.2 package', () => {
  const files = packageFiles('scorm12', { kind: 'activity', activity, raw }, app)
  const manifest = new TextDecoder().decode(files['imsmanifest.xml'])

  it('lists every file it carries, launches the activity, and leaves the source maps out', () => {
    expect(Object.keys(files).sort()).toEqual([
      'activity.json',
      'assets/index-abc.js',
      'examples/two-zones.json',
      'imsmanifest.xml',
      'index.html',
    ])
    for (const f of ['activity.json', 'assets/index-abc.js', 'index.html'])
      expect(manifest).toContain(`<file href="${f}"/>`)
    expect(manifest).toContain('href="index.html?activity=activity.json&amp;lms=scorm12"')
    expect(manifest).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>')
    expect(JSON.parse(new TextDecoder().decode(files['activity.json']))).toEqual(raw)
  })

  it('zips to what it lists', () => {
    expect(Object.keys(unzipSync(zipPackage(files))).sort()).toEqual(Object.keys(files).sort())
  })
})

describe('cmi5 package', () => {
  it('one AU passed at the mastery score; its page may connect to the LRS, the rest of the policy unchanged', () => {
    const files = packageFiles('cmi5', { kind: 'activity', activity, raw }, app)
    const course = new TextDecoder().decode(files['cmi5.xml'])
    expect(course).toContain('moveOn="CompletedOrPassed" masteryScore="0.80"')
    expect(course).toContain(`<url>${xmlText(launchUrl('cmi5'))}</url>`)
    const index = new TextDecoder().decode(files['index.html'])
    expect(index).toContain("connect-src 'self' data: blob: https: http:; object-src 'none'")
    expect(allowLrs('no policy')).toBe('no policy')
  })
})

describe('what the author wrote is text in the manifests', () => {
  it('escapes markup and drops the characters XML cannot carry, terminal controls among them', () => {
    const title = '<b>Fix & "check"</b>\u001b[31m red\u0007'
    const info = { id: 'x', title, description: 'd', passPercent: 50, launch: 'index.html?a=1&b=2' }
    const manifest = scormManifest(info, ['index.html'])
    expect(manifest).toContain('<title>&lt;b&gt;Fix &amp; &quot;check&quot;&lt;/b&gt;[31m red</title>')
    expect([...manifest].filter((c) => c < ' ' && c !== '\n')).toEqual([])
    expect(cmi5Course(info)).toContain('index.html?a=1&amp;b=2')
  })
})

describe('a lesson as a package', () => {
  const lesson = LESSONS.find((l) => l.id === 'mtu')
  if (!lesson) throw new Error('no lesson mtu')
  it('carries the lesson file and launches it; completed, not passed: no mastery score', () => {
    const scorm = packageFiles('scorm12', { kind: 'lesson', lesson }, app)
    const manifest = new TextDecoder().decode(scorm['imsmanifest.xml'])
    expect(manifest).toContain('href="index.html?lesson=lesson.json&amp;lms=scorm12"')
    expect(manifest).toContain(`<title>Lesson ${lesson.number}: ${lesson.title}</title>`)
    expect(manifest).not.toContain('masteryscore')
    expect(JSON.parse(new TextDecoder().decode(scorm['lesson.json']))).toEqual(lesson)
    expect(scorm['activity.json']).toBeUndefined()
    const cmi5 = new TextDecoder().decode(packageFiles('cmi5', { kind: 'lesson', lesson }, app)['cmi5.xml'])
    expect(cmi5).toContain('moveOn="Completed" launchMethod')
    expect(cmi5).not.toContain('masteryScore')
    expect(cmi5).toContain(`<url>${xmlText(launchUrl('cmi5', 'lesson'))}</url>`)
  })
})

describe('the command line packages a lesson or an activity file, and refuses what it cannot package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lms-'))
  const dist = join(dir, 'dist')
  for (const sub of ['assets', 'examples']) mkdirSync(join(dist, sub), { recursive: true })
  for (const [path, bytes] of Object.entries(app)) writeFileSync(join(dist, path), bytes)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const errors = () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    return { lines: () => spy.mock.calls.map((c) => String(c[0])).join('\n'), restore: () => spy.mockRestore() }
  }
  const file = (name: string, content: unknown) => {
    const path = join(dir, name)
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
    return path
  }

  it('a lesson file becomes a lesson package', () => {
    const out = join(dir, 'lesson.zip')
    const e = errors()
    expect(writeLmsPackage(file('05-mtu.json', LESSON_FILES['05-mtu.json']), 'scorm12', out, dist)).toBe(0)
    e.restore()
    const files = unzipSync(readFileSync(out))
    expect(Object.keys(files)).toContain('lesson.json')
    expect(new TextDecoder().decode(files['imsmanifest.xml'])).toContain('index.html?lesson=lesson.json')
  })

  it('an activity file becomes an activity package', () => {
    const out = join(dir, 'activity.zip')
    const e = errors()
    expect(writeLmsPackage(file('a.json', raw), 'cmi5', out, dist)).toBe(0)
    e.restore()
    expect(Object.keys(unzipSync(readFileSync(out)))).toContain('activity.json')
  })

  it('a lesson whose step does not apply, or that breaks the schema, is refused with the step or field', () => {
    const source = LESSON_FILES['05-mtu.json'] as { steps: { edits?: unknown[] }[] }
    const broken = structuredClone(source)
    broken.steps[1] = {
      ...broken.steps[1],
      edits: [{ kind: 'setJumboFrames', applianceId: 'fw-nowhere', jumboFrames: true }],
    }
    let e = errors()
    expect(writeLmsPackage(file('broken.json', broken), 'scorm12', join(dir, 'x.zip'), dist)).toBe(2)
    expect(e.lines()).toMatch(/step 2 of the lesson does not apply/)
    e.restore()
    e = errors()
    expect(writeLmsPackage(file('bad.json', { ...source, number: -1 }), 'scorm12', join(dir, 'y.zip'), dist)).toBe(2)
    expect(e.lines()).toMatch(/not a usable lesson: number/)
    e.restore()
    e = errors()
    expect(writeLmsPackage(file('neither.json', { hello: 1 }), 'scorm12', join(dir, 'z.zip'), dist)).toBe(2)
    expect(e.lines()).toMatch(/not a usable activity/)
    e.restore()
  })
})

describe('SCORM time', () => {
  it('is HHHH:MM:SS.SS', () => {
    expect(scormTimespan(0)).toBe('0000:00:00.00')
    expect(scormTimespan(3_723_450)).toBe('0001:02:03.45')
  })
})
