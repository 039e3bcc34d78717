// The side panel's tabs: the design's details (inspector, route tables, problems, report), the packet
// walk and the lessons. Inactive tabs stay mounted, hidden, so a walk in progress survives a look elsewhere.
import { type ReactNode, useEffect } from 'react'
import { useStores } from '../../store/context'
import type { SideTab } from '../../lessons/runner'
import { WalkPanel } from '../walk/WalkPanel'
import { LessonPanel } from './LessonPanel'
import { useLessons } from './useLessons'

const TABS: { id: SideTab; label: string }[] = [
  { id: 'details', label: 'Details' },
  { id: 'walk', label: 'Walk a packet' },
  { id: 'lessons', label: 'Lessons' },
]

export function SideTabs({ details }: { details: ReactNode }) {
  const tab = useLessons((s) => s.tab)
  const showTab = useLessons((s) => s.showTab)
  const { ui } = useStores()
  // a route-table badge clicked on the canvas opens its table under Details: show it wherever we were
  useEffect(() => ui.subscribe((s, prev) => s.openRouteTableId && s.openRouteTableId !== prev.openRouteTableId && showTab('details')), [ui, showTab])
  return (
    <>
      <div role="tablist" aria-label="Side panel" className="sticky top-0 z-10 flex border-b border-slate-200 bg-white text-xs">
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
      <div role="tabpanel" hidden={tab !== 'walk'}>
        <WalkPanel active={tab === 'walk'} />
      </div>
      <div role="tabpanel" hidden={tab !== 'lessons'}>
        <LessonPanel active={tab === 'lessons'} />
      </div>
    </>
  )
}
