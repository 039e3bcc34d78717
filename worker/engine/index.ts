// The forwarding engine's public surface. May not touch: React, the DOM, zustand, src/store, src/canvas.
export { ASSUMPTIONS, DEFAULT_ASSUMPTIONS, type AssumptionId, type AssumptionValues, type EngineOptions } from './assumptions'
export { compile, systemTableId, type Network } from './compile'
export { FlowTable } from './flowTable'
export { formatRoundTrip, formatTrace } from './format'
export {
  DRAINING,
  MEMBER,
  REMOVED,
  type RuntimeState,
  applianceIndex,
  cloneRuntimeState,
  createRuntimeState,
  setEndpointStatus,
  zoneIndexOf,
} from './state'
export { RUN_HUNG, RUN_RUNNING, RUN_STOPPED } from './compile'
export { type PrepareResult, forward, preparePacket, replySpec, trace, traceRoundTrip } from './trace'
export * from './types'
export { type ForwardResult, type PreparedPacket, lookupCount, newForwardResult } from './walk'
