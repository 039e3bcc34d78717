// A launch URL that names an activity (?activity=…, as an LMS package launches the app) opens it; the activity
// code loads only then, so the initial JavaScript stays within its budget.
import { useEffect } from 'react'
import type { Stores } from '../store/context'

export function useActivityLaunch(stores: Stores): void {
  useEffect(() => {
    const search = window.location.search
    if (!new URLSearchParams(search).has('activity')) return
    void import('./activityLaunch').then((m) => m.launchActivity(stores, search))
  }, [stores])
}
