// Alibaba Cloud API output (the `aliyun` CLI's describe/list JSON) → the resource instances the builder maps,
// under the provider's resource types and attribute names, so one builder and one mapping table serve Terraform
// and the API alike. Pure. What the output cannot say (which endpoint service a ListVpcEndpointServiceResources
// file lists) comes from the file's name or from the input having only one candidate, and is reported.
// One reader per service (network.ts, ecs.ts, gwlb.ts, privatelink.ts), in an order that fixes the design's ids.
import type { TfInput } from '../instance'
import type { ImportFile, ImportReport } from '../types'
import { readEips, readInstances, readSecurityGroups } from './ecs'
import { readGwlb } from './gwlb'
import { ApiInstances, type Recognised, text } from './instances'
import { readRouteEntries, readRouteTables, readVpcs } from './network'
import { readEndpoints, readServices } from './privatelink'
import { type Json, recogniseApiOutput } from './sources'

export interface AliyunFile {
  file: ImportFile
  doc: Json
}

export function readAliyun(inputs: AliyunFile[], report: ImportReport): TfInput {
  const recognised: Recognised[] = []
  for (const { file, doc } of inputs) {
    const r = recogniseApiOutput(doc)
    if (r) recognised.push({ file, source: r.source.name, items: r.items })
    else
      report.skippedFiles.push({
        address: file.path,
        message: 'JSON that none of the known describe/list calls prints',
      })
  }
  const c = new ApiInstances(recognised, report)
  readVpcs(c)
  readRouteEntries(c, readRouteTables(c))
  readSecurityGroups(c)
  readInstances(c)
  readEips(c)
  readGwlb(c)
  readServices(c)
  readEndpoints(c)
  readNotModelled(c)
  return { instances: c.instances(), regionId: regionOf(recognised) }
}

/** The region: the first RegionId any item gives. */
function regionOf(recognised: Recognised[]): string | undefined {
  let regionId: string | undefined
  for (const r of recognised)
    for (const item of r.items) {
      regionId ??= text(item.RegionId)
      if (regionId) break
    }
  return regionId
}

/** Outputs of kinds the design does not model: listed by id, so what refers to them says so. */
function readNotModelled(c: ApiInstances): void {
  const listed = { values: () => ({}) }
  c.addEach('DescribeNatGateways', { ...listed, id: 'NatGatewayId', name: 'Name', type: 'alicloud_nat_gateway' })
  c.addEach('DescribeLoadBalancers', {
    ...listed,
    id: 'LoadBalancerId',
    name: 'LoadBalancerName',
    type: 'alicloud_slb_load_balancer',
  })
  c.each('ListLoadBalancers (ALB/NLB)', (lb, file) => {
    const id = text(lb.LoadBalancerId)
    if (id) c.add(id.startsWith('nlb-') ? 'alicloud_nlb_load_balancer' : 'alicloud_alb_load_balancer', id, {}, file)
  })
}
