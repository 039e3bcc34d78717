// A launch URL that names an activity or a lesson (?activity=… or ?lesson=…, as an LMS package launches the app)
// opens it; the activity and LMS code loads only then, so the initial JavaScript stays within its budget.
import { useEffect } from 'react'
import type { Stores } from '../store/context'

export function useActivityLaunch(stores: Stores): void {
  useEffect(() => {
    const search = window.location.search
    const query = new URLSearchParams(search)
    if (!query.has('activity') && !query.has('lesson')) return
    void import('./activityLaunch').then((m) => m.launchActivity(stores, search))
  }, [stores])
}
