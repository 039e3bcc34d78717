// Which versions of a stored design are kept: at most 20, none older than 30 days but the newest three.
import { describe, expect, it } from 'vitest'
import { pruneVersions, VERSION_POLICY, type Version } from '../../../src/app/storage/versions'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.parse('2026-12-01T12:00:00Z')
const at = (ms: number, i: number): Version => ({
  id: `v${i}`,
  name: 'd',
  text: `{"n":${i}}`,
  savedAt: new Date(ms).toISOString(),
  reason: 'r',
})

describe('pruneVersions', () => {
  it('keeps the newest 20, newest first', () => {
    const versions = Array.from({ length: 30 }, (_, i) => at(NOW - i * 60_000, i)).reverse()
    const kept = pruneVersions(versions, NOW)
    expect(kept).toHaveLength(VERSION_POLICY.maxCount)
    expect(kept.map((v) => v.id)).toEqual(Array.from({ length: 20 }, (_, i) => `v${i}`))
  })

  it('drops versions older than 30 days', () => {
    const versions = [at(NOW - DAY, 0), at(NOW - 2 * DAY, 1), at(NOW - 3 * DAY, 2), at(NOW - 3 * DAY - 1, 3)]
    versions.push(at(NOW - 31 * DAY, 4), at(NOW - 40 * DAY, 5))
    expect(pruneVersions(versions, NOW).map((v) => v.id)).toEqual(['v0', 'v1', 'v2', 'v3'])
  })

  it('keeps no more than 20 million characters of versions beyond the newest three', () => {
    const big = (i: number) => ({ ...at(NOW - i * 60_000, i), text: 'x'.repeat(6_000_000) })
    expect(pruneVersions([0, 1, 2, 3, 4].map(big), NOW).map((v) => v.id)).toEqual(['v0', 'v1', 'v2'])
    const mid = (i: number) => ({ ...at(NOW - i * 60_000, i), text: 'x'.repeat(4_000_000) })
    expect(pruneVersions([0, 1, 2, 3, 4, 5].map(mid), NOW).map((v) => v.id)).toEqual(['v0', 'v1', 'v2', 'v3', 'v4'])
  })

  it('keeps the newest three of a design left alone for months', () => {
    const versions = [0, 1, 2, 3, 4].map((i) => at(NOW - (100 + i) * DAY, i))
    expect(pruneVersions(versions, NOW).map((v) => v.id)).toEqual(['v0', 'v1', 'v2'])
  })
})
