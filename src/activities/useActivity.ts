// One activity runner per set of stores, grading through the stores' engine client.
import { useStore } from 'zustand'
import { type Stores, useStores } from '../store/context'
import { type Authoring, type AuthoringState, createAuthoring } from './authoring'
import type { GradeEngine } from './grade'
import { type ActivityRunner, type ActivityState, createActivityRunner } from './runner'

const runners = new WeakMap<Stores, ActivityRunner>()

export function gradeEngineOf(stores: Stores): GradeEngine {
  return {
    trace: (design, packet) => stores.engine.trace(design, packet),
    load: (design) => stores.engine.load(design),
    verifyIntents: (design, intents) => stores.engine.verifyIntents(design, intents),
  }
}

export function activityRunnerFor(stores: Stores): ActivityRunner {
  let runner = runners.get(stores)
  if (!runner) {
    runner = createActivityRunner(stores, { engine: gradeEngineOf(stores), now: () => Date.now() })
    runners.set(stores, runner)
  }
  return runner
}

export function useActivity<T>(selector: (s: ActivityState) => T): T {
  return useStore(activityRunnerFor(useStores()), selector)
}

const LEARNER_KEY = 'gwlb-studio/learner'

/**
 * This browser's learner key outside an LMS: made once and kept, so a student who reloads gets the same variant.
 * Where storage is refused, a key for this visit.
 */
export function localLearnerKey(): string {
  const fresh = () => Math.random().toString(36).slice(2, 10)
  try {
    const kept = localStorage.getItem(LEARNER_KEY)
    if (kept) return kept
    const made = fresh()
    localStorage.setItem(LEARNER_KEY, made)
    return made
  } catch {
    return fresh()
  }
}

const authorings = new WeakMap<Stores, Authoring>()

export function authoringFor(stores: Stores): Authoring {
  let authoring = authorings.get(stores)
  if (!authoring) {
    authoring = createAuthoring(stores, gradeEngineOf(stores))
    authorings.set(stores, authoring)
  }
  return authoring
}

export function useAuthoring<T>(selector: (s: AuthoringState) => T): T {
  return useStore(authoringFor(useStores()), selector)
}
