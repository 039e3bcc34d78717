// Export → import gives back the same design up to ids and layout, compared on a canonical form: the
// resources by kind and key fields, the routes, the memberships. What Terraform cannot say (an appliance's
// rules and simulated state, a server's role, internet hosts, scenarios, addresses the cloud allocates) is left out.
import { describe, expect, it } from 'vitest'
import { importDeployment } from '../../src/import'
import { nodeHclParser } from '../../src/import/hcl/nodeParser'
import type { Design, Resource } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { toTerraform } from '../../src/share/terraform'

/** The exporter's Terraform names, which the importer takes as ids. */
const tfName = (id: string) => id.toLowerCase().replace(/[^a-z0-9_]/g, '_')

function canonical(design: Design, rename: (id: string) => string = (id) => id) {
  const out: Record<string, unknown>[] = []
  for (const r of design.resources as Resource[]) {
    const id = rename(r.id)
    switch (r.kind) {
      case 'internetHost':
        break
      case 'ecs':
      case 'appliance':
        out.push({
          kind: r.kind,
          id,
          name: r.name,
          vswitchId: rename(r.vswitchId),
          privateIpAddress: r.privateIpAddress,
          securityGroupIds: r.securityGroupIds.map(rename),
          hasPublicIp: r.kind === 'ecs' && r.publicIpAddress !== undefined,
        })
        break
      case 'vswitch':
        out.push({ ...r, id, vpcId: rename(r.vpcId), routeTableId: r.routeTableId && rename(r.routeTableId) })
        break
      case 'routeTable':
        out.push({
          ...r,
          id,
          vpcId: rename(r.vpcId),
          entries: r.entries.map((e) => ({ ...e, nextHopId: rename(e.nextHopId) })),
        })
        break
      case 'ipv4Gateway':
        out.push({
          ...r,
          id,
          vpcId: rename(r.vpcId),
          gatewayRouteTableId: r.gatewayRouteTableId && rename(r.gatewayRouteTableId),
        })
        break
      case 'securityGroup':
        out.push({ ...r, id, vpcId: rename(r.vpcId) })
        break
      case 'gwlb': {
        const sg = r.serverGroup && {
          ...r.serverGroup,
          serverFailoverMode: undefined,
          servers: r.serverGroup.servers.map(rename),
        }
        out.push({
          ...r,
          id,
          vpcId: rename(r.vpcId),
          zoneMappings: r.zoneMappings.map((m) => ({ zoneId: m.zoneId, vswitchId: rename(m.vswitchId) })),
          serverGroup: sg,
        })
        break
      }
      case 'endpointService':
        out.push({ ...r, id, resources: r.resources.map((x) => ({ ...x, resourceId: rename(x.resourceId) })) })
        break
      case 'gwlbEndpoint':
        out.push({ ...r, id, vpcId: rename(r.vpcId), serviceId: rename(r.serviceId), vswitchId: rename(r.vswitchId) })
        break
      default:
        out.push({ ...r, id })
    }
  }
  const sorted = out.sort((a, b) => `${a.kind}${a.id}`.localeCompare(`${b.kind}${b.id}`))
  return {
    regionId: design.regionId,
    zones: [...design.zones].sort(),
    accounts: design.accounts.map((a) => a.id).sort(),
    resources: JSON.parse(JSON.stringify(sorted)),
  }
}

describe('export → import round trip', () => {
  for (const zones of [1, 2] as const) {
    it(`gives back the ${zones}-zone reference design`, async () => {
      const design = buildReferenceDesign(zones)
      const tf = toTerraform(design)
      const result = await importDeployment([{ path: 'main.tf', text: tf }], {}, { hclParser: nodeHclParser })
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
      expect(canonical(result.design)).toEqual(canonical(design, tfName))
      // nothing the export writes is lost or unresolved
      expect(result.report.unresolved).toEqual([])
      expect(result.report.unplaced).toEqual([])
      expect(result.report.notModelled).toEqual([])
    }, 60_000)
  }
})
