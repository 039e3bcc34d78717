// One resource's form, by its kind. Loaded apart from the inspector (Inspector.tsx says when): the forms are
// most of the inspector's code, and nothing is selected when the studio opens.
import type { ReactNode } from 'react'
import type { Design, Resource } from '../../model'
import { GwlbEndpointForm } from './endpointForm'
import {
  ApplianceForm,
  EcsForm,
  EndpointServiceForm,
  GwlbForm,
  InternetHostForm,
  Ipv4GatewayForm,
  SecurityGroupForm,
  VpcForm,
  VswitchForm,
} from './forms'
import { RouteTargetGroupForm } from './routeTargetGroupForm'

/** The form of a resource of any kind (none for a route table, which has its own panel). */
export function ResourceForm({ r, at, design }: { r: Resource; at: number; design: Design }): ReactNode {
  switch (r.kind) {
    case 'vpc':
      return <VpcForm r={r} at={at} design={design} />
    case 'vswitch':
      return <VswitchForm r={r} at={at} design={design} />
    case 'ipv4Gateway':
      return <Ipv4GatewayForm r={r} at={at} design={design} />
    case 'ecs':
      return <EcsForm r={r} at={at} design={design} />
    case 'appliance':
      return <ApplianceForm r={r} at={at} design={design} />
    case 'securityGroup':
      return <SecurityGroupForm r={r} at={at} design={design} />
    case 'gwlb':
      return <GwlbForm r={r} at={at} design={design} />
    case 'endpointService':
      return <EndpointServiceForm r={r} at={at} design={design} />
    case 'gwlbEndpoint':
      return <GwlbEndpointForm r={r} at={at} design={design} />
    case 'internetHost':
      return <InternetHostForm r={r} at={at} design={design} />
    case 'routeTargetGroup':
      return <RouteTargetGroupForm r={r} at={at} design={design} />
    case 'routeTable':
      return null
  }
}
