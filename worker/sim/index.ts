// The simulator's public surface. May not touch: React, the DOM, zustand, src/store, src/canvas.
export {
  createManualClock,
  createPlaybackClock,
  MAX_SPEED,
  type ManualClock,
  MIN_SPEED,
  type PlaybackClock,
  type PlaybackState,
  type SimClock,
  type SpeedResult,
} from './clock'
export { formatEvent, formatLog, formatMetrics } from './format'
export { DEFAULT_SAMPLING, type SamplingBudget } from './sampling'
export { createSim, findScenario, MAX_SIMULATED_MS } from './sim'
export * from './types'
