// A launch URL that names an activity or a lesson (?activity=… or ?lesson=…, as an LMS package launches the app),
// or an activity link (#a=…), opens it; the activity and LMS code loads only then, so the initial JavaScript stays within its budget.
import { useEffect } from 'react'
import { linkKind } from '../share/linkKinds'
import type { Stores } from '../store/context'

export function useActivityLaunch(stores: Stores): void {
  useEffect(() => {
    const { search, hash } = window.location
    const query = new URLSearchParams(search)
    // an activity link's fragment (#a=…) names it too, unless a shared design's does (boot.ts opens that):
    // checked without loading the share code
    if (!query.has('activity') && !query.has('lesson') && linkKind(hash) !== 'activity') return
    void import('./activityLaunch').then((m) => m.launchActivity(stores, search, hash))
  }, [stores])
}
