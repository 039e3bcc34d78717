// The side panel's tabs: the design's details (inspector, route tables, problems, report), the packet
// walk, the lessons and the activities. Inactive tabs stay mounted, hidden, so a walk in progress survives a look elsewhere.
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react'
import type { SideTab } from '../../lessons/runner'
import { useStores } from '../../store/context'
import { useLessons } from './useLessons'

// The walk and the lessons load when their tab is first shown: the initial JavaScript stays under its budget.
const WalkPanel = lazy(() => import('../walk/WalkPanel').then((m) => ({ default: m.WalkPanel })))
const LessonPanel = lazy(() => import('./LessonPanel').then((m) => ({ default: m.LessonPanel })))
const VerifyPanel = lazy(() => import('../verify/VerifyPanel').then((m) => ({ default: m.VerifyPanel })))
const ComparePanel = lazy(() => import('../compare/ComparePanel').then((m) => ({ default: m.ComparePanel })))
const PlanPanel = lazy(() => import('../plan/PlanPanel').then((m) => ({ default: m.PlanPanel })))
const ActivityPanel = lazy(() => import('../activity/ActivityPanel').then((m) => ({ default: m.ActivityPanel })))

const TABS: { id: SideTab; label: string }[] = [
  { id: 'details', label: 'Details' },
  { id: 'walk', label: 'Walk a packet' },
  { id: 'lessons', label: 'Lessons' },
  { id: 'verify', label: 'Verify' },
  { id: 'compare', label: 'Compare' },
  { id: 'plan', label: 'Plan' },
  { id: 'activity', label: 'Activity' },
]

export function SideTabs({ details }: { details: ReactNode }) {
  const tab = useLessons((s) => s.tab)
  const showTab = useLessons((s) => s.showTab)
  const { ui } = useStores()
  // a tab, once shown, stays mounted
  const [shown, setShown] = useState<ReadonlySet<SideTab>>(() => new Set([tab]))
  if (!shown.has(tab)) setShown(new Set([...shown, tab]))
  // a route-table badge clicked on the canvas opens its table under Details: show it wherever we were
  useEffect(
    () =>
      ui.subscribe(
        (s, prev) => s.openRouteTableId && s.openRouteTableId !== prev.openRouteTableId && showTab('details'),
      ),
    [ui, showTab],
  )
  return (
    <>
      <div
        role="tablist"
        aria-label="Side panel"
        className="sticky top-0 z-10 grid grid-cols-4 border-b border-slate-200 bg-white text-xs"
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            data-testid={`tab-${t.id}`}
            onClick={() => showTab(t.id)}
            className={`flex-1 px-2 py-2 font-medium ${tab === t.id ? 'border-b-2 border-sky-600 text-sky-900' : 'text-slate-600 hover:text-slate-900'}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" hidden={tab !== 'details'}>
        {details}
      </div>
      <Suspense fallback={<p className="p-3 text-xs text-slate-500">Loading…</p>}>
        <div role="tabpanel" hidden={tab !== 'walk'}>
          {shown.has('walk') && <WalkPanel active={tab === 'walk'} />}
        </div>
        <div role="tabpanel" hidden={tab !== 'lessons'}>
          {shown.has('lessons') && <LessonPanel active={tab === 'lessons'} />}
        </div>
        <div role="tabpanel" hidden={tab !== 'verify'}>
          {shown.has('verify') && <VerifyPanel active={tab === 'verify'} />}
        </div>
        <div role="tabpanel" hidden={tab !== 'compare'}>
          {shown.has('compare') && <ComparePanel active={tab === 'compare'} />}
        </div>
        <div role="tabpanel" hidden={tab !== 'plan'}>
          {shown.has('plan') && <PlanPanel active={tab === 'plan'} />}
        </div>
        <div role="tabpanel" hidden={tab !== 'activity'}>
          {shown.has('activity') && <ActivityPanel />}
        </div>
      </Suspense>
    </>
  )
}
