// Stores handed out by context so tests and embedded views get their own; narrow selectors keep renders small.
// The engine client travels with them: panels ask it, never the app's worker.
import { createContext, type ReactNode, useContext } from 'react'
import { useStore } from 'zustand'
import type { Design } from '../model'
import { createDesignStore, type DesignState, type DesignStore } from './designStore'
import { createEngineClient, type EngineClient, type EngineConnection, NO_ENGINE } from './engine'
import { createImportStore, type DesignImporter, type ImportState, type ImportStore } from './importer'
import type { DesignLibrary } from './library'
import { createReportStore, type ReportState, type ReportStore } from './reportStore'
import { createSimStore, type SimState, type SimStore } from './simStore'
import { createUiStore, type UiState, type UiStore } from './uiStore'

export interface Stores {
  design: DesignStore
  ui: UiStore
  report: ReportStore
  sim: SimStore
  engine: EngineClient
  /** the last import's report, and whether one is running */
  imports: ImportStore
  /** imports Terraform and cloud output (the app's import worker; none in tests that do not hand one over) */
  importer?: DesignImporter
  /** the designs kept in this browser, where the app has storage (not in embeds or tests without it) */
  library?: DesignLibrary
}

const StoresContext = createContext<Stores | null>(null)

/** The stores of one studio; `engine` answers the panels' questions (the app's worker, or a test's stand-in). */
export function createStores(
  initial: Design,
  ui: Parameters<typeof createUiStore>[0] = {},
  engine: EngineConnection = NO_ENGINE,
): Stores {
  const design = createDesignStore(initial)
  const sim = createSimStore()
  return {
    design,
    ui: createUiStore(ui),
    report: createReportStore(),
    sim,
    imports: createImportStore(),
    engine: createEngineClient(engine, { design, sim }),
  }
}

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>
}

export function useStores(): Stores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('useStores outside StoresProvider')
  return stores
}

export function useEngine(): EngineClient {
  return useStores().engine
}

export function useDesign<T>(selector: (s: DesignState) => T): T {
  return useStore(useStores().design, selector)
}
export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useStores().ui, selector)
}
export function useReport<T>(selector: (s: ReportState) => T): T {
  return useStore(useStores().report, selector)
}
export function useImports<T>(selector: (s: ImportState) => T): T {
  return useStore(useStores().imports, selector)
}
export function useSim<T>(selector: (s: SimState) => T): T {
  return useStore(useStores().sim, selector)
}
