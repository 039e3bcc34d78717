// Pure helpers of the Plan tab: the APIs a step may call with the parameters each takes (the same set the
// worker's plan checker applies, tested to agree), a step in one line, and the plan as a file.
import { type PlanStep, planStepOf } from '../../model'
import type { ApiCall } from '../../share/apiCalls'

/** The parameters a new step of each API starts with, in the API's own words. */
export const STEP_PARAMETERS: Record<string, readonly string[]> = {
  CreateRouteEntry: ['RouteTableId', 'DestinationCidrBlock', 'NextHopType', 'NextHopId'],
  DeleteRouteEntry: ['RouteTableId', 'DestinationCidrBlock'],
  UpdateGatewayRouteTableEntryAttribute: [
    'IPv4GatewayRouteTableId',
    'DestinationCidrBlock',
    'NextHopType',
    'NextHopId',
  ],
  CreateVpcEndpointService: ['ServiceId', 'Resource.1.ResourceId', 'Resource.1.ZoneId', 'AutoAcceptEnabled'],
  AddUserToVpcEndpointService: ['ServiceId', 'UserId'],
  DeleteVpcEndpointService: ['ServiceId'],
  CreateVpcEndpoint: ['EndpointId', 'VpcId', 'ServiceId', 'Zone.1.ZoneId', 'Zone.1.VSwitchId', 'Zone.1.Ip'],
  DeleteVpcEndpoint: ['EndpointId'],
  EnableVpcEndpointConnection: ['EndpointId', 'ServiceId'],
  DisableVpcEndpointConnection: ['EndpointId', 'ServiceId'],
  DeleteVSwitch: ['VSwitchId'],
  DeleteVpc: ['VpcId'],
}
export const STEP_API_NAMES = Object.keys(STEP_PARAMETERS)

export const PLAN_FILE_FORMAT = 'gwlb-studio/plan'

export type StepValue = PlanStep['parameters'][string]

/** A new step of an API: its parameters, empty. */
export function newStep(api: string): PlanStep {
  return { api, parameters: Object.fromEntries((STEP_PARAMETERS[api] ?? []).map((k) => [k, ''])) }
}

/** A parameter's value as the form shows it: an earlier call's output by the design id it stands for. */
export function valueText(v: StepValue): string {
  return typeof v === 'object' ? v.designId : String(v)
}

/** A step in one line: "DeleteRouteEntry RouteTableId=rtb-app-h DestinationCidrBlock=0.0.0.0/0". */
export function stepLine(step: PlanStep): string {
  const shown = Object.entries(step.parameters)
    .filter(([k, v]) => k !== 'RegionId' && valueText(v) !== '')
    .map(([k, v]) => `${k}=${valueText(v)}`)
  return `${step.api}${shown.length ? ` ${shown.join(' ')}` : ''}`
}

/** The plan the worker checks: parameters left empty are left out, so a refusal names them as missing. */
export function planDocument(steps: readonly PlanStep[], name?: string) {
  return {
    format: PLAN_FILE_FORMAT,
    version: 1,
    ...(name ? { name } : {}),
    steps: steps.map((s) => ({
      ...s,
      parameters: Object.fromEntries(Object.entries(s.parameters).filter(([, v]) => valueText(v) !== '')),
    })),
  }
}

/**
 * The guide's API-call sequence for the design (src/share/apiCalls.ts) as plan steps. Its ECS security-group
 * calls are left out: the design's instances already hold their groups, so the groups count among the
 * prerequisites (the plan checker's guideSteps does the same for the command line).
 */
export function guidePlanSteps(calls: readonly ApiCall[]): PlanStep[] {
  return calls
    .filter((c) => c.product !== 'Ecs')
    .map((c) => planStepOf({ api: c.api, parameters: c.parameters, creates: c.creates, accountId: c.accountId }))
}

/** Steps in a new order: `order` holds 1-based step numbers, as the checker's safe order does. */
export function reorder<T>(steps: readonly T[], order: readonly number[]): T[] {
  return order.map((n) => steps[n - 1])
}

/** Moves step i by delta places (−1 up, +1 down); the same list when it cannot move. */
export function move<T>(steps: readonly T[], i: number, delta: number): readonly T[] {
  const j = i + delta
  if (j < 0 || j >= steps.length) return steps
  const out = [...steps]
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}
