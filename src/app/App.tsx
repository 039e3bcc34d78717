// The application shell: loads the reference design, then shows the canvas and the side panels.
import { ReactFlowProvider } from '@xyflow/react'
import { useEffect, useMemo, useState } from 'react'
import { Canvas } from '../canvas/Canvas'
import type { Design, LoadError } from '../model'
import { ReportPanel } from '../panels/ReportPanel'
import { RouteTablePanel } from '../panels/RouteTablePanel'
import { StoresProvider, createStores, useDesign, useStores } from '../store/context'
import { DEFAULT_EXAMPLE, EXAMPLES, type ExampleName, isExampleName, loadExample } from './examples'
import { useEngineSync } from './useEngineSync'

type Boot = { phase: 'loading' } | { phase: 'ready'; design: Design } | { phase: 'failed'; errors: LoadError[] | string }

function requestedExample(): ExampleName {
  const name = new URLSearchParams(window.location.search).get('example')
  return isExampleName(name) ? name : DEFAULT_EXAMPLE
}

export function App({ initialDesign }: { initialDesign?: Design }) {
  const [boot, setBoot] = useState<Boot>(initialDesign ? { phase: 'ready', design: initialDesign } : { phase: 'loading' })
  useEffect(() => {
    if (initialDesign) return
    let live = true
    loadExample(requestedExample()).then((r) => live && setBoot(r.ok ? { phase: 'ready', design: r.design } : { phase: 'failed', errors: r.errors }))
    return () => {
      live = false
    }
  }, [initialDesign])
  if (boot.phase === 'loading') return <p className="p-6 text-slate-600">Loading the reference design…</p>
  if (boot.phase === 'failed')
    return (
      <div role="alert" className="p-6 text-red-800">
        <p className="font-semibold">The reference design could not be loaded.</p>
        {typeof boot.errors === 'string' ? <p>{boot.errors}</p> : boot.errors.map((e) => <p key={e.path + e.code}>{e.message}</p>)}
      </div>
    )
  return <Studio initial={boot.design} />
}

function Studio({ initial }: { initial: Design }) {
  const stores = useMemo(() => createStores(initial), [initial])
  useEngineSync(stores)
  return (
    <StoresProvider stores={stores}>
      <ReactFlowProvider>
        <div className="flex h-full flex-col bg-slate-50 text-slate-900">
          <Toolbar />
          <div className="flex min-h-0 flex-1">
            <main className="relative min-w-0 flex-1" aria-label="Design canvas">
              <Canvas />
            </main>
            <aside className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white" aria-label="Details">
              <RouteTablePanel />
              <ReportPanel />
            </aside>
          </div>
        </div>
      </ReactFlowProvider>
    </StoresProvider>
  )
}

function Toolbar() {
  const name = useDesign((s) => s.design.name)
  const regionId = useDesign((s) => s.design.regionId)
  const { design } = useStores()
  const [message, setMessage] = useState<string | null>(null)
  return (
    <header className="flex h-12 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
      <span className="font-bold text-slate-900">GWLB Studio</span>
      <span className="truncate text-sm text-slate-700" data-testid="design-name">
        {name} <span className="text-slate-400">· {regionId}</span>
      </span>
      <label className="ml-auto flex items-center gap-2 text-sm text-slate-600">
        Open example
        <select
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
          defaultValue=""
          onChange={async (e) => {
            const example = e.target.value
            e.target.value = ''
            if (!isExampleName(example)) return
            const r = await loadExample(example)
            if (r.ok) design.getState().replace(r.design)
            setMessage(r.ok ? null : `Could not open the example: ${typeof r.errors === 'string' ? r.errors : r.errors[0]?.message}`)
          }}
        >
          <option value="" disabled>
            choose…
          </option>
          {Object.entries(EXAMPLES).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {message && (
        <span role="alert" className="text-sm text-red-700">
          {message}
        </span>
      )}
    </header>
  )
}
