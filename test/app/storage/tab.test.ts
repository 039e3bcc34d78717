// The pure pieces of a tab's session: whether a stored text opens (and, when it does not, why, in words the
// Recover dialog shows), and the file name a stored design is exported under.
import { describe, expect, it } from 'vitest'
import { fileNameFor } from '../../../src/app/storage/libraryActions'
import { safeParse } from '../../../src/app/storage/tab'
import { serialise } from '../../../src/model'
import { loadExample } from '../../helpers'

describe('a stored text', () => {
  it('opens as the design it holds', () => {
    const design = loadExample('two-zones')
    const r = safeParse(serialise(design))
    expect(r.ok && r.design.name).toBe(design.name)
  })

  it('that does not open says why, naming the field, and never throws', () => {
    expect(safeParse('garbage')).toEqual({ ok: false, problem: expect.stringContaining('expected JSON text') })
    const newer = { ...JSON.parse(serialise(loadExample('two-zones'))), version: 999 }
    expect(safeParse(JSON.stringify(newer))).toEqual({
      ok: false,
      problem: expect.stringMatching(/^version: .*newer GWLB Studio/),
    })
  })
})

describe('the file a stored design is exported as', () => {
  it('is named after the design, in lower case with dashes, and never empty', () => {
    expect(fileNameFor('My Work: zone A (v2)!')).toBe('my-work-zone-a-v2.gwlb.json')
    expect(fileNameFor('***')).toBe('design.gwlb.json')
    expect(fileNameFor('x'.repeat(100))).toBe(`${'x'.repeat(60)}.gwlb.json`)
  })
})
