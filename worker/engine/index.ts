// The forwarding engine's public surface. May not touch: React, the DOM, zustand, src/store, src/canvas.
export {
  ASSUMPTIONS,
  type AssumptionId,
  type AssumptionValues,
  DEFAULT_ASSUMPTIONS,
  type EngineOptions,
} from './assumptions'
export { compile, systemTableId } from './compile'
export { FlowTable } from './flowTable'
export { formatRoundTrip, formatTrace } from './format'
export { probeSource, securityGroupBlocksProbe } from './healthChecks'
export {
  type CInstance,
  type CRouteEntry,
  type CRouteTargetGroup,
  type Network,
  NH_GWLBE,
  NH_INSTANCE,
  NH_ROUTE_TARGET_GROUP,
  protocolNumber,
  RUN_HUNG,
  RUN_RUNNING,
  RUN_STOPPED,
  T_APPLIANCE,
  T_ECS,
  T_HOST,
} from './network'
export { routeEntry } from './routeLookup'
export {
  CARRY_ACTIVE,
  CARRY_STANDBY,
  carryingEndpoint,
  memberProbeFailure,
  routeTargetRule,
  routeTargetText,
} from './routeTargets'
export { decideSecurityGroup } from './securityGroups'
export {
  type ApplianceChoices,
  applianceIndex,
  cloneRuntimeState,
  createRuntimeState,
  DRAINING,
  MEMBER,
  REMOVED,
  type RuntimeState,
  routeTargetGroupIndex,
  setEndpointStatus,
  zoneIndexOf,
} from './state'
export { forward, type PrepareResult, preparePacket, replySpec, trace, traceRoundTrip } from './trace'
export * from './types'
export { type ForwardResult, lookupCount, newForwardResult, type PreparedPacket } from './walk'
