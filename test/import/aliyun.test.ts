// Alibaba Cloud API output → design: the describe/list JSON of a deployment, written field by field from the
// API references (test/import/apiOutput.ts), gives back the design it describes, up to ids and layout; what the
// output cannot place or the design does not model is reported, never dropped.
import { describe, expect, it } from 'vitest'
import { type ImportFile, importDeployment } from '../../src/import'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { toApiOutput } from './apiOutput'
import { canonical } from './canonical'

async function importApi(files: ImportFile[]) {
  const r = await importDeployment(files)
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}: ${e.message}`).join('\n'))
  return r
}

describe('Alibaba Cloud API output', () => {
  for (const zones of [1, 2] as const) {
    it(`gives back the ${zones}-zone reference design`, async () => {
      const design = buildReferenceDesign(zones)
      const { files, cloudIdOf } = toApiOutput(design)
      const r = await importApi(files)
      expect(r.report.source).toBe('aliyun')
      const importedIdOf = new Map(r.report.mapped.map((m) => [m.address, m.resourceId]))
      const rename = (id: string) => importedIdOf.get(cloudIdOf.get(id) ?? id) ?? `(not imported: ${id})`
      expect(canonical(r.design)).toEqual(canonical(design, rename))
      expect(r.report.unplaced).toEqual([])
      expect(r.report.notModelled).toEqual([])
      expect(r.report.skippedFiles).toEqual([])
    })
  }
})

/** A small deployment's output, as the CLI prints it, with what the design does not model and cannot place. */
const J = (v: unknown) => JSON.stringify(v, null, 2)
const handWritten: ImportFile[] = [
  {
    path: 'prod/DescribeVpcs.json',
    text: J({
      RequestId: 'C6532AA8-D0F7-497F-A8EE-094126D441F5',
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      Vpcs: {
        Vpc: [
          {
            VpcId: 'vpc-bp1app',
            VpcName: 'app',
            CidrBlock: '10.0.0.0/16',
            RegionId: 'cn-shanghai',
            OwnerId: 'OWNER',
            VRouterId: 'vrt-bp1app',
            RouterTableIds: { RouterTableIds: ['vtb-bp1sys'] },
            VSwitchIds: { VSwitchId: ['vsw-bp1app'] },
          },
        ],
      },
      // the API prints an account UID as a number larger than a double holds exactly
    }).replace('"OWNER"', '253460731706911258'),
  },
  {
    path: 'prod/DescribeVSwitches.json',
    text: J({
      VSwitches: {
        VSwitch: [
          {
            VSwitchId: 'vsw-bp1app',
            VpcId: 'vpc-bp1app',
            CidrBlock: '10.0.1.0/24',
            ZoneId: 'cn-shanghai-b',
            VSwitchName: 'app',
            RouteTable: { RouteTableId: 'vtb-bp1sys', RouteTableType: 'System' },
          },
        ],
      },
    }),
  },
  {
    path: 'prod/DescribeRouteEntryList.json',
    text: J({
      RouteEntrys: {
        RouteEntry: [
          {
            RouteTableId: 'vtb-bp1sys',
            RouteEntryId: 'rte-nat',
            DestinationCidrBlock: '0.0.0.0/0',
            Type: 'Custom',
            NextHops: { NextHop: [{ NextHopType: 'NatGateway', NextHopId: 'ngw-bp1nat' }] },
          },
          {
            RouteTableId: 'vtb-bp1sys',
            RouteEntryId: 'rte-web',
            DestinationCidrBlock: '192.168.0.0/16',
            Type: 'Custom',
            NextHops: { NextHop: [{ NextHopType: 'Instance', NextHopId: 'i-bp1web' }] },
          },
        ],
      },
    }),
  },
  {
    path: 'prod/DescribeNatGateways.json',
    text: J({ NatGateways: { NatGateway: [{ NatGatewayId: 'ngw-bp1nat', VpcId: 'vpc-bp1app', Name: 'egress' }] } }),
  },
  {
    path: 'prod/DescribeInstances.json',
    text: J({
      Instances: {
        Instance: [
          {
            InstanceId: 'i-bp1web',
            InstanceName: 'web',
            VpcAttributes: {
              VpcId: 'vpc-bp1app',
              VSwitchId: 'vsw-bp1app',
              PrivateIpAddress: { IpAddress: ['10.0.1.10'] },
            },
            SecurityGroupIds: { SecurityGroupId: ['sg-elsewhere'] },
            PublicIpAddress: { IpAddress: [] },
            NetworkInterfaces: {
              NetworkInterface: [{ NetworkInterfaceId: 'eni-bp1web', PrimaryIpAddress: '10.0.1.10' }],
            },
          },
          {
            InstanceId: 'i-bp1orphan',
            InstanceName: 'orphan',
            VpcAttributes: {
              VpcId: 'vpc-other',
              VSwitchId: 'vsw-other',
              PrivateIpAddress: { IpAddress: ['10.9.0.5'] },
            },
            SecurityGroupIds: { SecurityGroupId: [] },
          },
        ],
      },
    }),
  },
  {
    path: 'prod/DescribeEipAddresses.json',
    text: J({
      EipAddresses: {
        EipAddress: [
          { AllocationId: 'eip-bp1nat', IpAddress: '47.100.1.1', InstanceId: 'ngw-bp1nat', InstanceType: 'Nat' },
        ],
      },
    }),
  },
  {
    path: 'prod/ListVpcEndpointServices.json',
    text: J({
      Services: [
        {
          ServiceId: 'epsrv-bp1a',
          ServiceName: 'com.aliyuncs.privatelink.cn-shanghai.epsrv-bp1a',
          ServiceResourceType: 'gwlb',
        },
        {
          ServiceId: 'epsrv-bp1b',
          ServiceName: 'com.aliyuncs.privatelink.cn-shanghai.epsrv-bp1b',
          ServiceResourceType: 'slb',
        },
      ],
    }),
  },
  // which service? The output does not say, the file name does not either, and there are two
  { path: 'prod/resources.json', text: J({ Resources: [{ ResourceId: 'gwlb-bp1x', ZoneId: 'cn-shanghai-b' }] }) },
  { path: 'prod/DescribeZones.json', text: J({ Zones: { Zone: [{ ZoneId: 'cn-shanghai-b' }] } }) },
  {
    path: 'prod/DescribeSecurityGroups.json',
    text: J({
      Code: 'Forbidden.RAM',
      Message: 'User not authorized to operate on the specified resource.',
      RequestId: 'x',
    }),
  },
]

describe('API output the design cannot take whole', () => {
  it('lists what it does not model by id, what it cannot place with why, and the files it did not read', async () => {
    const r = await importApi(handWritten)
    expect(r.design.regionId).toBe('cn-shanghai')
    expect(r.design.accounts.map((a) => a.id)).toEqual(['253460731706911258'])
    const web = r.design.resources.find((x) => x.kind === 'ecs')
    expect(web).toMatchObject({ name: 'web', privateIpAddress: '10.0.1.10' })
    // the custom entry to the instance lands in the system table the design draws
    const sys = r.design.resources.find((x) => x.kind === 'routeTable')
    expect(sys).toMatchObject({
      entries: [{ destinationCidrBlock: '192.168.0.0/16', nextHopType: 'Instance', nextHopId: web?.id }],
    })
    const notModelled = Object.fromEntries(r.report.notModelled.map((n) => [n.address, n.message]))
    expect(notModelled['ngw-bp1nat']).toMatch(/alicloud_nat_gateway is not modelled/)
    expect(notModelled['vtb-bp1sys 0.0.0.0/0']).toMatch(/NatGateway/)
    expect(notModelled['eip-bp1nat']).toMatch(/Nat ngw-bp1nat/)
    expect(notModelled['epsrv-bp1b']).toMatch(/slb/)
    const unplaced = Object.fromEntries(r.report.unplaced.map((n) => [n.address, n.message]))
    expect(unplaced['i-bp1orphan']).toMatch(/vsw-other is not in the input/)
    expect(unplaced['i-bp1web']).toMatch(/security group sg-elsewhere is not in the input/)
    expect(unplaced['prod/resources.json']).toMatch(/does not print its endpoint service, and the input has 2/)
    const skipped = Object.fromEntries(r.report.skippedFiles.map((n) => [n.address, n.message]))
    expect(skipped['prod/DescribeZones.json']).toMatch(/JSON with keys/)
    expect(skipped['prod/DescribeSecurityGroups.json']).toMatch(/API error response \(Forbidden\.RAM/)
  })

  it('takes the account from a folder named after it, and not from a date in a folder name', async () => {
    const dated = await importApi(handWritten.map((f) => ({ ...f, path: f.path.replace('prod/', 'backup-20261202/') })))
    expect(dated.design.accounts.map((a) => a.id)).toEqual(['253460731706911258'])
    const named = await importApi(
      handWritten
        .filter((f) => !f.path.endsWith('DescribeVpcs.json'))
        .concat([
          {
            path: 'prod/DescribeVpcs.json',
            text: J({ Vpcs: { Vpc: [{ VpcId: 'vpc-bp1app', CidrBlock: '10.0.0.0/16' }] } }),
          },
        ])
        .map((f) => ({ ...f, path: f.path.replace('prod/', 'account-1234567890123456/') })),
    )
    expect(named.design.accounts.map((a) => a.id)).toEqual(['1234567890123456'])
  })

  it('takes the parent from the file name, or from the only candidate (and says so)', async () => {
    const named = handWritten.map((f) =>
      f.path === 'prod/resources.json' ? { ...f, path: 'prod/resources-epsrv-bp1a.json' } : f,
    )
    const r = await importApi(named)
    expect(r.report.unplaced.map((u) => u.address)).not.toContain('prod/resources-epsrv-bp1a.json')
    // the GWLB gwlb-bp1x itself is not in the input: the resource is reported, not invented
    expect(r.report.unplaced).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/gwlb-bp1x is not in the input/) }),
    )
    const one = named.filter((f) => !f.path.endsWith('ListVpcEndpointServices.json'))
    one.push({
      path: 'prod/ListVpcEndpointServices.json',
      text: J({ Services: [{ ServiceId: 'epsrv-bp1a', ServiceResourceType: 'gwlb' }] }),
    })
    const r2 = await importApi(
      one.map((f) => (f.path.startsWith('prod/resources') ? { ...f, path: 'prod/resources.json' } : f)),
    )
    expect(r2.report.assumed).toContainEqual(
      expect.objectContaining({
        address: 'prod/resources.json',
        message: expect.stringMatching(/the input has one, epsrv-bp1a/),
      }),
    )
  })
})
