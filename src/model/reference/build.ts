// The deployment of Alibaba Cloud's GWLB guide, in one zone or two: the reference designs shipped as examples.
import { DESIGN_FORMAT, DESIGN_VERSION, type Design, type Resource, type ResourceOf } from '../design'
import { HEALTH_CHECK_DEFAULTS } from '../resources/gwlb'
import type { Scenario } from '../scenario'

export const CONSUMER_UID = '1234567890123456'
export const PROVIDER_UID = '6543210987654321'

const ZONES = ['cn-hangzhou-h', 'cn-hangzhou-i'] as const
const SUFFIX = ['h', 'i'] as const
type ZoneIndex = 0 | 1
/** the zone indexes of a design in one zone or two */
const zoneIndexes = (count: 1 | 2): readonly ZoneIndex[] => (count === 1 ? [0] : [0, 1])

/** The web servers' security group: HTTPS and HTTP in from anywhere, anything out. */
function webSecurityGroup(): Resource {
  return {
    kind: 'securityGroup',
    id: 'sg-web',
    name: 'Web servers',
    vpcId: 'vpc-service',
    securityGroupType: 'basic',
    innerAccessPolicy: 'Accept',
    rules: [
      {
        direction: 'ingress',
        ipProtocol: 'tcp',
        portRange: '443/443',
        sourceCidrIp: '0.0.0.0/0',
        policy: 'accept',
        priority: 1,
        description: 'HTTPS from anywhere',
      },
      {
        direction: 'ingress',
        ipProtocol: 'tcp',
        portRange: '80/80',
        sourceCidrIp: '0.0.0.0/0',
        policy: 'accept',
        priority: 1,
        description: 'HTTP from anywhere',
      },
      {
        direction: 'egress',
        ipProtocol: 'all',
        portRange: '-1/-1',
        destCidrIp: '0.0.0.0/0',
        policy: 'accept',
        priority: 1,
      },
    ],
  }
}

/** One zone of the service VPC: its GWLBe vSwitch, its service vSwitch with a route table of its own, its GWLBe. */
function serviceZone(z: ZoneIndex): Resource[] {
  const s = SUFFIX[z]
  return [
    {
      kind: 'vswitch',
      id: `vsw-gwlbe-${s}`,
      name: `GWLBe vSwitch ${s.toUpperCase()}`,
      vpcId: 'vpc-service',
      zoneId: ZONES[z],
      cidrBlock: `10.0.${(z + 1) * 10}.0/24`,
      routeTableId: 'rtb-gwlbe',
    },
    {
      kind: 'vswitch',
      id: `vsw-app-${s}`,
      name: `Service vSwitch ${s.toUpperCase()}`,
      vpcId: 'vpc-service',
      zoneId: ZONES[z],
      cidrBlock: `10.0.${z + 1}.0/24`,
      routeTableId: `rtb-app-${s}`,
    },
    {
      kind: 'routeTable',
      id: `rtb-app-${s}`,
      name: `Service route table ${s.toUpperCase()}`,
      vpcId: 'vpc-service',
      routeTableType: 'VSwitch',
      entries: [
        { destinationCidrBlock: '0.0.0.0/0', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: `gwlbe-${s}` },
      ],
    },
    {
      kind: 'gwlbEndpoint',
      id: `gwlbe-${s}`,
      name: `GWLBe ${s.toUpperCase()}`,
      accountId: CONSUMER_UID,
      vpcId: 'vpc-service',
      serviceId: 'epsrv-inspection',
      zoneId: ZONES[z],
      vswitchId: `vsw-gwlbe-${s}`,
      ipAddress: `10.0.${(z + 1) * 10}.5`,
      connectionStatus: 'Connected',
    },
  ]
}

/** The web servers, one zone or one each in two, with their EIPs. */
function webServers(zoneCount: 1 | 2): Resource[] {
  // zone, host number in its vSwitch, EIP host number
  const servers: [ZoneIndex, number, number][] =
    zoneCount === 1
      ? [
          [0, 10, 11],
          [0, 11, 12],
        ]
      : [
          [0, 10, 11],
          [1, 10, 12],
        ]
  return servers.map(([z, host, eip], n) => ({
    kind: 'ecs',
    id: `ecs-web-${n + 1}`,
    name: `Web server ${n + 1}`,
    vswitchId: `vsw-app-${SUFFIX[z]}`,
    privateIpAddress: `10.0.${z + 1}.${host}`,
    publicIpAddress: `47.98.10.${eip}`,
    securityGroupIds: ['sg-web'],
    role: 'server',
  }))
}

function serviceVpc(zoneCount: 1 | 2): Resource[] {
  const out: Resource[] = [
    { kind: 'vpc', id: 'vpc-service', name: 'Service VPC', accountId: CONSUMER_UID, cidrBlock: '10.0.0.0/16' },
    {
      kind: 'ipv4Gateway',
      id: 'igw-service',
      name: 'IPv4 gateway',
      vpcId: 'vpc-service',
      gatewayRouteTableId: 'rtb-gateway',
    },
    {
      kind: 'routeTable',
      id: 'rtb-gateway',
      name: 'Gateway route table',
      vpcId: 'vpc-service',
      routeTableType: 'Gateway',
      // the guide: the system route of each service vSwitch CIDR, its next hop changed to the GWLBe of its zone
      entries: zoneIndexes(zoneCount).map((z) => ({
        destinationCidrBlock: `10.0.${z + 1}.0/24`,
        nextHopType: 'GatewayLoadBalancerEndpoint' as const,
        nextHopId: `gwlbe-${SUFFIX[z]}`,
      })),
    },
    {
      kind: 'routeTable',
      id: 'rtb-gwlbe',
      name: 'GWLBe vSwitch route table',
      vpcId: 'vpc-service',
      routeTableType: 'VSwitch',
      entries: [{ destinationCidrBlock: '0.0.0.0/0', nextHopType: 'Ipv4Gateway', nextHopId: 'igw-service' }],
    },
    webSecurityGroup(),
  ]
  for (const z of zoneIndexes(zoneCount)) out.push(...serviceZone(z))
  out.push(...webServers(zoneCount))
  return out
}

/** The appliances' security group: Geneve and health checks in from the security VPC, anything out. */
function applianceSecurityGroup(): Resource {
  return {
    kind: 'securityGroup',
    id: 'sg-appliance',
    name: 'Appliances',
    vpcId: 'vpc-security',
    securityGroupType: 'basic',
    innerAccessPolicy: 'Accept',
    rules: [
      {
        direction: 'ingress',
        ipProtocol: 'udp',
        portRange: '6081/6081',
        sourceCidrIp: '192.168.0.0/16',
        policy: 'accept',
        priority: 1,
        description: 'Geneve from the GWLB',
      },
      {
        direction: 'ingress',
        ipProtocol: 'tcp',
        portRange: '80/80',
        sourceCidrIp: '192.168.0.0/16',
        policy: 'accept',
        priority: 1,
        description: 'health checks',
      },
      {
        direction: 'egress',
        ipProtocol: 'all',
        portRange: '-1/-1',
        destCidrIp: '0.0.0.0/0',
        policy: 'accept',
        priority: 1,
      },
    ],
  }
}

/** Each firewall's policy: HTTP(S) in to the web servers, anything the servers start out. */
function firewallPolicy(): ResourceOf<'appliance'>['policy'] {
  return {
    rules: [
      {
        action: 'allow',
        protocol: 'tcp',
        sourceCidrIp: '0.0.0.0/0',
        destCidrIp: '10.0.0.0/16',
        portRange: '443/443',
        description: 'HTTPS to the web servers',
      },
      {
        action: 'allow',
        protocol: 'tcp',
        sourceCidrIp: '0.0.0.0/0',
        destCidrIp: '10.0.0.0/16',
        portRange: '80/80',
        description: 'HTTP to the web servers',
      },
      {
        action: 'allow',
        protocol: 'all',
        sourceCidrIp: '10.0.0.0/16',
        destCidrIp: '0.0.0.0/0',
        portRange: '-1/-1',
        description: 'anything the servers start',
      },
    ],
    defaultAction: 'deny',
  }
}

/** The inspection GWLB in front of the appliances, and the endpoint service that publishes it to the consumer. */
function inspection(zoneCount: 1 | 2, appliances: string[]): Resource[] {
  return [
    {
      kind: 'gwlb',
      id: 'gwlb-inspection',
      name: 'Inspection GWLB',
      vpcId: 'vpc-security',
      zoneMappings: zoneIndexes(zoneCount).map((z) => ({
        zoneId: ZONES[z],
        vswitchId: `vsw-security-${SUFFIX[z]}`,
        privateIpAddress: `192.168.${z + 1}.5`,
      })),
      crossZoneEnabled: true,
      listener: { description: 'all IP traffic, forwarded in Geneve' },
      serverGroup: {
        name: 'firewalls',
        protocol: 'GENEVE',
        scheduler: '5TCH',
        healthCheck: { ...HEALTH_CHECK_DEFAULTS, interval: 5, timeout: 3, unhealthyThreshold: 3 },
        connectionDrain: { enabled: true, timeout: 30 },
        serverFailoverMode: 'Rebalance',
        servers: appliances,
      },
    },
    {
      kind: 'endpointService',
      id: 'epsrv-inspection',
      name: 'Inspection service',
      accountId: PROVIDER_UID,
      serviceResourceType: 'gwlb',
      resources: zoneIndexes(zoneCount).map((z) => ({ resourceId: 'gwlb-inspection', zoneId: ZONES[z] })),
      autoAcceptConnection: false,
      whitelist: [CONSUMER_UID],
      payer: 'Endpoint',
      addressIpVersion: 'IPv4',
    },
  ]
}

function securityVpc(zoneCount: 1 | 2): Resource[] {
  const appliances: string[] = []
  const out: Resource[] = [
    { kind: 'vpc', id: 'vpc-security', name: 'Security VPC', accountId: PROVIDER_UID, cidrBlock: '192.168.0.0/16' },
    applianceSecurityGroup(),
  ]
  for (const z of zoneIndexes(zoneCount)) {
    const s = SUFFIX[z]
    out.push({
      kind: 'vswitch',
      id: `vsw-security-${s}`,
      name: `Appliance vSwitch ${s.toUpperCase()}`,
      vpcId: 'vpc-security',
      zoneId: ZONES[z],
      cidrBlock: `192.168.${z + 1}.0/24`,
    })
    for (let n = 1; n <= 2; n++) {
      const id = zoneCount === 1 ? `fw-${n}` : `fw-${s}${n}`
      appliances.push(id)
      out.push({
        kind: 'appliance',
        id,
        name: `Firewall ${zoneCount === 1 ? n : `${s.toUpperCase()}${n}`}`,
        vswitchId: `vsw-security-${s}`,
        privateIpAddress: `192.168.${z + 1}.${10 + n}`,
        applianceType: 'firewall',
        jumboFrames: true,
        securityGroupIds: ['sg-appliance'],
        stateful: true,
        policy: firewallPolicy(),
        state: 'running',
      })
    }
  }
  out.push(...inspection(zoneCount, appliances))
  return out
}

function scenarios(zoneCount: 1 | 2): Scenario[] {
  const flows: Scenario['flows'] = [
    {
      id: 'inbound-https',
      name: 'Internet clients to web server 1 (HTTPS)',
      sourceId: 'internet-client',
      destinationAddress: '47.98.10.11',
      protocol: 'tcp',
      destinationPort: 443,
      newConnectionsPerSecond: 20,
      packetsPerSecond: 10,
      packetSize: 1200,
      connectionSeconds: 30,
    },
    {
      id: 'outbound-updates',
      name: `Web server ${zoneCount} fetching updates`,
      sourceId: `ecs-web-${zoneCount === 1 ? 1 : 2}`,
      destinationAddress: '203.0.113.80',
      protocol: 'tcp',
      destinationPort: 443,
      newConnectionsPerSecond: 5,
      packetsPerSecond: 10,
      packetSize: 800,
      connectionSeconds: 60,
    },
  ]
  const firstAppliance = zoneCount === 1 ? 'fw-1' : 'fw-h1'
  return [
    { name: 'steady', description: 'Inbound HTTPS and outbound updates, nothing fails.', flows, faults: [] },
    {
      name: 'appliance-failure',
      description: `${firstAppliance} stops at 30 s and comes back at 90 s.`,
      flows,
      faults: [{ atSeconds: 30, untilSeconds: 90, fault: { kind: 'applianceStopped', applianceId: firstAppliance } }],
    },
    {
      name: 'zone-failure',
      description: `Zone ${ZONES[0]} goes down at 30 s and comes back at 90 s.`,
      flows,
      faults: [{ atSeconds: 30, untilSeconds: 90, fault: { kind: 'zoneDown', zoneId: ZONES[0] } }],
    },
  ]
}

/** The guide's deployment without layout; the examples add a layout to it. */
export function buildReferenceDesign(zoneCount: 1 | 2): Design {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: zoneCount === 1 ? 'GWLB inspection, one zone' : 'GWLB inspection, two zones',
    description:
      zoneCount === 1
        ? "The deployment of Alibaba Cloud's GWLB guide: internet traffic to and from two web servers is inspected by two firewalls behind a GWLB, reached through a GWLB endpoint."
        : "The deployment of Alibaba Cloud's GWLB guide across two zones: one GWLBe per zone, each service vSwitch routed to the GWLBe of its zone, firewalls in both zones.",
    regionId: 'cn-hangzhou',
    zones: ZONES.slice(0, zoneCount),
    accounts: [
      { id: CONSUMER_UID, name: 'Application team (consumer)' },
      { id: PROVIDER_UID, name: 'Security team (provider)' },
    ],
    resources: [
      { kind: 'internetHost', id: 'internet-client', name: 'Internet client', ipAddress: '203.0.113.10' },
      { kind: 'internetHost', id: 'update-server', name: 'Update server', ipAddress: '203.0.113.80' },
      ...serviceVpc(zoneCount),
      ...securityVpc(zoneCount),
    ],
    layout: {},
    scenarios: scenarios(zoneCount),
  }
}
