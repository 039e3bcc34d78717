// The model's public surface: the design document, its loader and its helpers.

export * from './defaultLayout'
export * from './design'
export * from './inputBounds'
export * from './ipv4'
export * from './loadError'
export * from './migrations'
export * from './parse'
export * from './plan'
export type { Appliance, PolicyRule } from './resources/appliance'
export { parsePortRange } from './resources/common'
export type { Ecs } from './resources/ecs'
export type { EndpointService } from './resources/endpointService'
export {
  type Gwlb,
  HEALTH_CHECK_DEFAULTS,
  type HealthCheck,
  type ServerGroup,
  type ZoneMapping,
} from './resources/gwlb'
export { CONNECTION_STATUSES, type ConnectionStatus, type GwlbEndpoint } from './resources/gwlbEndpoint'
export type { InternetHost } from './resources/internetHost'
export type { Ipv4Gateway } from './resources/ipv4Gateway'
export {
  CLOUD_SERVICES_CIDR,
  NEXT_HOP_TYPES,
  type NextHopType,
  type RouteEntry,
  type RouteTable,
} from './resources/routeTable'
export {
  ACTIVE_WEIGHT,
  activeStandbyOf,
  ROUTE_TARGET_MEMBER_TYPES,
  type RouteTargetGroup,
  type RouteTargetMember,
  type RouteTargetMemberType,
  STANDBY_WEIGHT,
} from './resources/routeTargetGroup'
export {
  INNER_ACCESS_POLICIES,
  type InnerAccessPolicy,
  innerAccessOf,
  SECURITY_GROUP_TYPES,
  type SecurityGroup,
  type SecurityGroupRule,
  type SecurityGroupType,
} from './resources/securityGroup'
export type { Vpc } from './resources/vpc'
export type { Vswitch } from './resources/vswitch'
export * from './scenario'
