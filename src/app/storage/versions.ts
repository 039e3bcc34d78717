// Which earlier versions of a stored design are kept. A version is the design's text as it was saved,
// taken before something replaces it: the first save of each session in a tab, every ten minutes of
// editing, and before a version is restored. Bounded so a browser's storage does not fill up.

export interface Version {
  id: string
  /** the design's name in that version */
  name: string
  text: string
  /** when that text was saved */
  savedAt: string
  /** what replaced it, in the user's words */
  reason: string
}

export const VERSION_POLICY = {
  /** at most this many versions of one design */
  maxCount: 20,
  /** versions older than this are dropped… */
  maxAgeMs: 30 * 24 * 60 * 60 * 1000,
  /** …except the newest few, so a design left alone for months still has a way back */
  alwaysKeep: 3,
  /** and no more text than this in all of one design's versions (characters), beyond those few */
  maxChars: 20_000_000,
  /** while a tab keeps editing one design, a new version at most this often */
  everyMs: 10 * 60 * 1000,
} as const

/** The versions to keep, newest first. */
export function pruneVersions(versions: readonly Version[], now: number, policy = VERSION_POLICY): Version[] {
  const newestFirst = [...versions].sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt))
  let chars = 0
  return newestFirst
    .filter((v, i) => {
      chars += v.text.length
      if (i < policy.alwaysKeep) return true
      return now - Date.parse(v.savedAt) <= policy.maxAgeMs && chars <= policy.maxChars
    })
    .slice(0, policy.maxCount)
}
