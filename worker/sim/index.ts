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
export { createSim, findScenario } from './sim'
export * from './types'
