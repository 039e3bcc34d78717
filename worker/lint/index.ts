// The linter: runs every design rule over a loaded design. May not touch: React, the DOM, zustand.
import type { Design } from '../../src/model'
import type { EngineOptions } from '../engine'
import { appliances } from './appliance'
import { endpointServices, gwlbEndpoints } from './endpointService'
import { gatewayRouteTables } from './gatewayRouteTable'
import { inspectionBypass } from './inspectionBypass'
import { loadBalancers } from './loadBalancer'
import { nextHops } from './nextHop'
import type { Problem, Rule } from './problem'
import { routeTargetGroups } from './routeTargetGroup'
import { routingLoops } from './routingLoop'
import { securityGroups } from './securityGroup'
import { servers } from './server'
import { serverGroupSettings } from './serverGroupSettings'
import { serverGroupTraffic } from './serverGroupTraffic'
import { vswitchRouteTables } from './vswitchRouteTable'

export { CATALOG, type Code } from './catalog'
export type { Fix, Problem, Rule, Severity } from './problem'

/** Every rule, in the order problems are listed: provider side first, then PrivateLink, then the consumer's routes. */
export const RULES: readonly Rule[] = [
  loadBalancers,
  serverGroupTraffic,
  serverGroupSettings,
  appliances,
  servers,
  securityGroups,
  endpointServices,
  gwlbEndpoints,
  nextHops,
  gatewayRouteTables,
  vswitchRouteTables,
  routeTargetGroups,
  routingLoops,
  inspectionBypass,
]

/** Every rule's problems; `engine` names the assumptions in force (the defaults when left out). */
export function lint(design: Design, engine?: EngineOptions): Problem[] {
  return RULES.flatMap((rule) => rule(design, engine))
}
