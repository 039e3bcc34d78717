// An LMS package: the manifest lists every file and launches the activity; the author's text is XML text; a cmi5
// package may reach the LRS; source maps stay out; the command line refuses what it cannot package.
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ACTIVITY_FILES, prepareActivity } from '../../src/activities'
import { cmi5Course, scormManifest, xmlText } from '../../src/activities/lms/manifest'
import { allowLrs, launchUrl, packageFiles, zipPackage } from '../../src/activities/lms/package'
import { scormTimespan } from '../../src/activities/lms/types'

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
  const files = packageFiles('scorm12', activity, raw, app)
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
    const files = packageFiles('cmi5', activity, raw, app)
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

describe('SCORM time', () => {
  it('is HHHH:MM:SS.SS', () => {
    expect(scormTimespan(0)).toBe('0000:00:00.00')
    expect(scormTimespan(3_723_450)).toBe('0001:02:03.45')
  })
})
