// The application shell: decides the first design (boot.ts), then shows the canvas and the panels.
import { ReactFlowProvider } from '@xyflow/react'
import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useStore } from 'zustand'
import { Canvas } from '../canvas/Canvas'
import { Palette } from '../canvas/Palette'
import type { Design } from '../model'
import { Dialogs } from '../panels/dialogs/Dialogs'
import { Inspector, loadResourceForms } from '../panels/inspector/Inspector'
import { Presenter } from '../panels/lessons/Presenter'
import { SideTabs } from '../panels/lessons/SideTabs'
import { useLessonChrome } from '../panels/lessons/useLessons'
import { NoticeBar } from '../panels/NoticeBar'
import { ProblemsPanel } from '../panels/ProblemsPanel'
import { ReportPanel } from '../panels/ReportPanel'
import { SimPanel } from '../panels/SimPanel'
import { ShareLayer } from '../panels/share/ShareLayer'
import { isEmbedView } from '../share/linkKinds'
import { createStores, StoresProvider, useStores } from '../store/context'
import type { EngineConnection } from '../store/engine'
import type { Notice } from '../store/uiStore'
import { useBenchHook } from './benchHook'
import { type Boot, bootDesign } from './boot'
import { FitToFrame } from './FitToFrame'
import { createImporter } from './import/importer'
import { usePreloadOnIntent } from './intent'
import { useLinkChange } from './linkChange'
import { useAppLiveSession, useLoadedLiveSession } from './live'
import { browserStorage } from './storage/local'
import type { Opened } from './storage/session'
import { sessionFor, useLocalDesigns } from './storage/useLocalDesigns'
import { Toolbar } from './Toolbar'
import { useActivityLaunch } from './useActivityLaunch'
import { useEngineSync } from './useEngineSync'
import { clipboardEdits, useShortcuts } from './useShortcuts'
import { useSimSync } from './useSimSync'
import { APP_ENGINE, installTestHooks } from './workerClient'

// the import report loads with the first import, the route-table editor when a table is first opened: the
// initial JavaScript stays under its budget
const ImportReportPanel = lazy(() =>
  import('../panels/ImportReportPanel').then((m) => ({ default: m.ImportReportPanel })),
)
const RouteTablePanel = lazy(() => import('../panels/RouteTablePanel').then((m) => ({ default: m.RouteTablePanel })))
// the live overlay loads with the live session (app/live.ts), and shows nothing until the session is on
const LiveLayer = lazy(() => import('../live/LiveLayer').then((m) => ({ default: m.LiveLayer })))

function RouteTable() {
  const open = useStore(useStores().ui, (s) => s.openRouteTableId !== null)
  return open ? (
    <Suspense fallback={null}>
      <RouteTablePanel />
    </Suspense>
  ) : null
}

function ImportReport() {
  const imported = useStore(useStores().imports, (s) => s.last !== null)
  return imported ? (
    <Suspense fallback={null}>
      <ImportReportPanel />
    </Suspense>
  ) : null
}

/** What a click or a key asks for at once: the inspector's forms, the clipboard's edits. */
const editingCode = () => Promise.all([loadResourceForms(), clipboardEdits()])

function LiveOverlay() {
  const live = useLoadedLiveSession(useStores())
  return live ? (
    <Suspense fallback={null}>
      <LiveLayer />
    </Suspense>
  ) : null
}

type Phase = { phase: 'loading' } | Boot

/** `engine`: where the studio's engine client gets its answers; the worker unless a test hands over its own. */
export function App({ initialDesign, engine = APP_ENGINE }: { initialDesign?: Design; engine?: EngineConnection }) {
  const [boot, setBoot] = useState<Phase>(
    initialDesign
      ? { phase: 'ready', design: initialDesign, readOnly: false, notice: null, stored: null }
      : { phase: 'loading' },
  )
  useEffect(() => installTestHooks(window.location), [])
  // one handle on the browser's stored designs for boot and the session (none when a design is given)
  const [storage] = useState(() => (initialDesign ? null : browserStorage()))
  useEffect(() => {
    if (initialDesign) return
    let live = true
    // bootDesign returns failures as a phase; a rejection is a bug, still shown rather than "Loading" for ever
    bootDesign(window.location, storage).then(
      (b) => live && setBoot(b),
      (e) => live && setBoot({ phase: 'failed', errors: e instanceof Error ? e.message : String(e) }),
    )
    return () => {
      live = false
    }
  }, [initialDesign, storage])
  if (boot.phase === 'loading') return <p className="p-6 text-slate-600">Loading the design…</p>
  if (boot.phase === 'failed')
    return (
      <div role="alert" className="p-6 text-red-800">
        <p className="font-semibold">The design could not be loaded.</p>
        {typeof boot.errors === 'string' ? (
          <p>{boot.errors}</p>
        ) : (
          boot.errors.map((e) => <p key={e.path + e.code}>{e.message}</p>)
        )}
      </div>
    )
  return (
    <Studio
      initial={boot.design}
      readOnly={boot.readOnly}
      notice={boot.notice}
      stored={boot.stored}
      storage={storage}
      engine={engine}
    />
  )
}

/** What the studio starts with: boot's answer, the browser's storage and the engine. */
interface StudioStart {
  initial: Design
  readOnly: boolean
  notice: Notice | null
  stored: Opened | null
  storage: ReturnType<typeof browserStorage>
  engine: EngineConnection
}

function Studio({ initial, readOnly, notice, stored, storage, engine }: StudioStart) {
  const { stores, session } = useMemo(() => {
    const stores = createStores(initial, { readOnly, notice, embed: isEmbedView(window.location) }, engine)
    const session = sessionFor(stores, storage, stored)
    if (session) stores.library = session
    stores.importer = createImporter(stores)
    return { stores, session }
  }, [initial, readOnly, notice, stored, storage, engine])
  // an embed shows the canvas and nothing else (the notice stays, so a broken link can say so)
  const embed = useStore(stores.ui, (s) => s.embed)
  useEngineSync(stores)
  useShortcuts(stores)
  useLocalDesigns(session)
  useSimSync(stores)
  useBenchHook(stores)
  useActivityLaunch(stores)
  useAppLiveSession(stores, embed)
  useLinkChange(stores)
  usePreloadOnIntent(editingCode, !embed) // before a click selects or a key copies (an embed edits nothing)
  const { presenting, lessonOpen, wideTab } = useLessonChrome(stores)
  return (
    <StoresProvider stores={stores}>
      <ReactFlowProvider>
        <div
          className="flex h-full flex-col bg-slate-50 text-slate-900"
          data-frame={embed ? 'embed' : presenting ? 'present' : 'edit'}
        >
          <FitToFrame mode={embed ? 'embed' : presenting ? 'present' : 'edit'} />
          {!embed && !presenting && <Toolbar />}
          <NoticeBar />
          {!lessonOpen && <ShareLayer />}
          <div className="flex min-h-0 flex-1">
            {!embed && !presenting && <Palette />}
            <div className="flex min-w-0 flex-1 flex-col">
              <main className="relative min-h-0 flex-1" aria-label="Design canvas">
                <Canvas />
                <LiveOverlay />
              </main>
              {/* an embed shows the picture: nothing plays there */}
              {!embed && <SimPanel />}
            </div>
            {!embed && !presenting && (
              <aside
                className={`${wideTab ? 'w-[30rem]' : 'w-80'} shrink-0 overflow-y-auto border-l border-slate-200 bg-white`}
                aria-label="Details"
              >
                <SideTabs
                  details={
                    <>
                      <ImportReport />
                      <Inspector />
                      <RouteTable />
                      <ProblemsPanel />
                      <ReportPanel />
                    </>
                  }
                />
              </aside>
            )}
            <Presenter />
          </div>
          <Dialogs />
        </div>
      </ReactFlowProvider>
    </StoresProvider>
  )
}
