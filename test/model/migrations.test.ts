// The published migration steps, one by one, over documents as the older version wrote them.
import { describe, expect, it } from 'vitest'
import { DESIGN_VERSION, MIGRATIONS, migrate, parse } from '../../src/model'
import { exampleJson } from '../helpers'

/** The example as version 1 wrote it: security groups without a type or an internal access policy. */
function versionOne(): Record<string, unknown> & { resources: Record<string, unknown>[] } {
  const doc = exampleJson('two-zones')
  doc.version = 1
  for (const r of doc.resources)
    if (r.kind === 'securityGroup') {
      delete r.securityGroupType
      delete r.innerAccessPolicy
    }
  return doc
}

describe('1 → 2: security groups become basic groups with internal access policy Accept', () => {
  const step = MIGRATIONS.find((m) => m.from === 1)

  it('is published under its name', () => {
    expect(step?.name).toBe('security groups become basic groups with internal access policy Accept')
    expect(DESIGN_VERSION).toBeGreaterThanOrEqual(2)
  })

  it('gives every group of a version-1 document the type and policy the cloud gives a new group', () => {
    const r = migrate(versionOne(), 1, MIGRATIONS, 2)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const groups = (r.doc.resources as Record<string, unknown>[]).filter((g) => g.kind === 'securityGroup')
    expect(groups.length).toBe(2)
    for (const g of groups) {
      expect(g.securityGroupType).toBe('basic')
      expect(g.innerAccessPolicy).toBe('Accept')
    }
    expect(r.doc.version).toBe(2)
  })

  it('leaves everything else as it was, and the caller’s document untouched', () => {
    const old = versionOne()
    const before = JSON.stringify(old)
    const loaded = parse(old)
    expect(JSON.stringify(old)).toBe(before)
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    expect(loaded.repairs).toEqual([
      'migrated: security groups become basic groups with internal access policy Accept',
      'migrated: route target groups: a new resource kind and next hop type, which version-2 documents do not use',
      'migrated: change plans: an optional field, which version-3 documents do not have',
      'migrated: control characters in names and other text become U+FFFD',
    ])
    // the migrated document is the shipped example, which version 2 writes with these fields
    expect(loaded.design).toEqual((parse(exampleJson('two-zones')) as { design: unknown }).design)
  })

  it('keeps a type that is already there, and passes odd shapes on to the loader to report', () => {
    const r = migrate({ resources: [{ kind: 'securityGroup', securityGroupType: 'enterprise' }, 7] }, 1, MIGRATIONS, 2)
    expect(r.ok && r.doc.resources).toEqual([{ kind: 'securityGroup', securityGroupType: 'enterprise' }, 7])
    const none = migrate({ resources: 'nope' }, 1, MIGRATIONS, 2)
    expect(none.ok && none.doc.resources).toBe('nope')
  })
})

describe('2 → 3: route target groups, which version-2 documents do not use', () => {
  const step = MIGRATIONS.find((m) => m.from === 2)

  it('is published under its name', () => {
    expect(step?.name).toBe(
      'route target groups: a new resource kind and next hop type, which version-2 documents do not use',
    )
    expect(DESIGN_VERSION).toBeGreaterThanOrEqual(3)
  })

  it('changes nothing but the version: a version-2 document loads as the same design', () => {
    for (const name of ['single-zone', 'two-zones'] as const) {
      const old = { ...exampleJson(name), version: 2 }
      const r = migrate(old, 2, MIGRATIONS, 3)
      expect(r.ok && r.applied).toEqual([step?.name])
      if (!r.ok) return
      expect({ ...r.doc, version: 2 }).toEqual(old)
      const loaded = parse(old)
      expect(loaded.ok && loaded.repairs).toEqual([
        `migrated: ${step?.name}`,
        `migrated: ${THREE_TO_FOUR}`,
        `migrated: ${FOUR_TO_FIVE}`,
      ])
      expect(loaded.ok && loaded.design).toEqual((parse(exampleJson(name)) as { design: unknown }).design)
    }
  })
})

const THREE_TO_FOUR = 'change plans: an optional field, which version-3 documents do not have'
const FOUR_TO_FIVE = 'control characters in names and other text become U+FFFD'

describe('3 → 4: change plans, which version-3 documents do not have', () => {
  const step = MIGRATIONS.find((m) => m.from === 3)

  it('is published under its name', () => {
    expect(step?.name).toBe(THREE_TO_FOUR)
  })

  it('changes nothing but the version: a version-3 document loads as the same design, without a plan', () => {
    for (const name of ['single-zone', 'two-zones', 'zone-failover'] as const) {
      const old = { ...exampleJson(name), version: 3 }
      const r = migrate(old, 3)
      expect(r.ok && r.applied).toEqual([THREE_TO_FOUR, FOUR_TO_FIVE])
      if (!r.ok) return
      expect({ ...r.doc, version: 3 }).toEqual(old)
      const loaded = parse(old)
      expect(loaded.ok && loaded.repairs).toEqual([`migrated: ${THREE_TO_FOUR}`, `migrated: ${FOUR_TO_FIVE}`])
      expect(loaded.ok && loaded.design).toEqual((parse(exampleJson(name)) as { design: unknown }).design)
      expect(loaded.ok && 'plan' in loaded.design).toBe(false)
    }
  })
})

describe('4 → 5: control characters in names and other text become U+FFFD', () => {
  const step = MIGRATIONS.find((m) => m.from === 4)

  it('is published under its name, and version 5 is the current format', () => {
    expect(step?.name).toBe('control characters in names and other text become U+FFFD')
    expect(DESIGN_VERSION).toBe(5)
  })

  it('opens a version-4 design whose names hold an escape and an override, each made U+FFFD, and says where', () => {
    const old = { ...exampleJson('two-zones'), version: 4, name: 'Prod\u001b[2J', description: 'one\ntwo\u0085' }
    old.resources[2].name = 'abc\u202edef'
    const loaded = parse(old)
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    expect(loaded.design.name).toBe('Prod\ufffd[2J')
    expect(loaded.design.description).toBe('one\ntwo\ufffd')
    expect(loaded.design.resources[2].name).toBe('abc\ufffddef')
    expect(loaded.repairs).toEqual([
      'migrated: control characters in names and other text become U+FFFD (at name, description, resources[2].name)',
    ])
    // the same text as version 5 is refused: the repair is the migration's, for documents written before the rule
    expect(parse({ ...old, version: 5 }).ok).toBe(false)
  })

  it('changes nothing else: a version-4 document without them loads as the same design, named by the step alone', () => {
    const old = { ...exampleJson('two-zones'), version: 4 }
    const loaded = parse(old)
    expect(loaded.ok && loaded.repairs).toEqual([`migrated: ${step?.name}`])
    expect(loaded.ok && loaded.design).toEqual((parse(exampleJson('two-zones')) as { design: unknown }).design)
  })
})
