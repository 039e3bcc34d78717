// The simulator's public surface. May not touch: React, the DOM, zustand, src/store, src/canvas.
export { type ManualClock, type PlaybackClock, type PlaybackState, type SimClock, type SpeedResult, MAX_SPEED, MIN_SPEED, createManualClock, createPlaybackClock } from './clock'
export { formatEvent, formatLog, formatMetrics } from './format'
export { createSim, findScenario } from './sim'
export * from './types'
