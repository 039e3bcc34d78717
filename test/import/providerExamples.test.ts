// Configuration in the style of the alicloud provider's own "Example Usage" (website/docs/r/*.html.markdown in
// aliyun/terraform-provider-alicloud) for the resources the design models: generated-looking resource names,
// `var.name` defaults passed through format(), zone ids in variables, data sources nobody can evaluate offline,
// numbers written as strings ("80"), arguments the design has no field for (dry_run, resource_group_id,
// health_check_http_code, address_ip_version). Written here after those examples' patterns, not copied; each
// imports with a report that says what became what and what was left.
import { describe, expect, it } from 'vitest'
import { importDeployment } from '../../src/import'
import { nodeHclParser } from '../../src/import/hcl/nodeParser'

const deps = { hclParser: nodeHclParser }

const common = `variable "name" {
  default = "tf-example"
}
provider "alicloud" {
  region = "cn-wulanchabu"
}
variable "zone_id1" {
  default = "cn-wulanchabu-b"
}
variable "zone_id2" {
  default = "cn-wulanchabu-c"
}
data "alicloud_resource_manager_resource_groups" "default" {}
resource "alicloud_vpc" "defaultQx7Lm2" {
  cidr_block = "10.0.0.0/8"
  vpc_name   = var.name
}
resource "alicloud_vswitch" "defaultA1b2C3" {
  vpc_id       = alicloud_vpc.defaultQx7Lm2.id
  zone_id      = var.zone_id1
  cidr_block   = "10.0.0.0/24"
  vswitch_name = format("%s1", var.name)
}
resource "alicloud_vswitch" "defaultD4e5F6" {
  vpc_id       = alicloud_vpc.defaultQx7Lm2.id
  zone_id      = var.zone_id2
  cidr_block   = "10.0.1.0/24"
  vswitch_name = format("%s2", var.name)
}
`

const loadBalancer = `resource "alicloud_gwlb_load_balancer" "default" {
  vpc_id             = alicloud_vpc.defaultQx7Lm2.id
  load_balancer_name = var.name
  zone_mappings {
    vswitch_id = alicloud_vswitch.defaultA1b2C3.id
    zone_id    = var.zone_id1
  }
  address_ip_version = "Ipv4"
  resource_group_id  = data.alicloud_resource_manager_resource_groups.default.ids.0
}
`

const serverGroup = `resource "alicloud_security_group" "defaultSg9Z" {
  description         = "sg"
  security_group_name = "sg_name"
  vpc_id              = alicloud_vpc.defaultQx7Lm2.id
  security_group_type = "normal"
}
resource "alicloud_instance" "defaultEcs7Y" {
  vswitch_id           = alicloud_vswitch.defaultA1b2C3.id
  image_id             = "aliyun_3_x64_20G_alibase_20240819.vhd"
  instance_type        = "ecs.g7.large"
  system_disk_category = "cloud_essd"
  instance_name        = format("%s-fw", var.name)
  security_groups      = [alicloud_security_group.defaultSg9Z.id]
  availability_zone    = alicloud_vswitch.defaultA1b2C3.zone_id
}
resource "alicloud_gwlb_server_group" "default" {
  dry_run = "false"
  servers {
    server_id   = alicloud_instance.defaultEcs7Y.id
    server_type = "Ecs"
  }
  scheduler = "3TCH"
  protocol  = "GENEVE"
  connection_drain_config {
    connection_drain_enabled = "true"
    connection_drain_timeout = "10"
  }
  vpc_id            = alicloud_vpc.defaultQx7Lm2.id
  server_group_type = "Instance"
  server_group_name = var.name
  health_check_config {
    health_check_connect_port    = "80"
    health_check_enabled         = "true"
    health_check_protocol        = "HTTP"
    health_check_connect_timeout = "5"
    health_check_domain          = "www.example.com"
    health_check_http_code       = ["http_2xx", "http_3xx"]
    health_check_interval        = "10"
    health_check_path            = "/health-check"
    healthy_threshold            = "3"
    unhealthy_threshold          = "4"
  }
  resource_group_id = data.alicloud_resource_manager_resource_groups.default.ids.0
}
`

const listener = `resource "alicloud_gwlb_listener" "default" {
  load_balancer_id     = alicloud_gwlb_load_balancer.default.id
  server_group_id      = alicloud_gwlb_server_group.default.id
  listener_description = "tf-example-listener"
}
`

const privateLink = `resource "alicloud_privatelink_vpc_endpoint_service" "defaultSvc" {
  service_description    = var.name
  connect_bandwidth      = 103
  auto_accept_connection = false
  service_resource_type  = "gwlb"
  payer                  = "Endpoint"
}
resource "alicloud_privatelink_vpc_endpoint_service_resource" "default" {
  service_id    = alicloud_privatelink_vpc_endpoint_service.defaultSvc.id
  resource_id   = alicloud_gwlb_load_balancer.default.id
  resource_type = "gwlb"
  zone_id       = var.zone_id1
}
resource "alicloud_privatelink_vpc_endpoint_service_user" "default" {
  service_id = alicloud_privatelink_vpc_endpoint_service.defaultSvc.id
  user_id    = "1234567890123456"
}
resource "alicloud_privatelink_vpc_endpoint" "defaultEp" {
  vpc_id            = alicloud_vpc.defaultQx7Lm2.id
  service_id        = alicloud_privatelink_vpc_endpoint_service.defaultSvc.id
  endpoint_type     = "GatewayLoadBalancer"
  vpc_endpoint_name = format("%s-ep", var.name)
}
resource "alicloud_privatelink_vpc_endpoint_zone" "default" {
  endpoint_id = alicloud_privatelink_vpc_endpoint.defaultEp.id
  vswitch_id  = alicloud_vswitch.defaultD4e5F6.id
  zone_id     = var.zone_id2
}
resource "alicloud_route_table" "defaultRt" {
  vpc_id           = alicloud_vpc.defaultQx7Lm2.id
  route_table_name = var.name
  associate_type   = "VSwitch"
}
resource "alicloud_route_entry" "default" {
  route_table_id        = alicloud_route_table.defaultRt.id
  destination_cidrblock = "0.0.0.0/0"
  nexthop_type          = "GatewayLoadBalancerEndpoint"
  nexthop_id            = alicloud_privatelink_vpc_endpoint.defaultEp.id
}
resource "alicloud_nat_gateway" "default" {
  vpc_id           = alicloud_vpc.defaultQx7Lm2.id
  nat_gateway_name = var.name
  vswitch_id       = alicloud_vswitch.defaultD4e5F6.id
  nat_type         = "Enhanced"
}
`

async function imported(...parts: string[]) {
  const r = await importDeployment([{ path: 'main.tf', text: parts.join('\n') }], {}, deps)
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'))
  return r
}

describe('configuration in the style of the provider’s examples', () => {
  it('a GWLB alone: mapped, with the cloud-allocated address named', async () => {
    const r = await imported(common, loadBalancer)
    expect(r.design.regionId).toBe('cn-wulanchabu')
    expect(r.design.resources.find((x) => x.kind === 'gwlb')).toMatchObject({
      name: 'tf-example',
      zoneMappings: [{ zoneId: 'cn-wulanchabu-b', vswitchId: 'defaultA1b2C3' }],
    })
    expect(r.design.resources.find((x) => x.id === 'defaultD4e5F6')).toMatchObject({ name: 'tf-example2' })
    expect(r.report.assumed).toContainEqual(
      expect.objectContaining({
        address: 'alicloud_gwlb_load_balancer.default',
        message: expect.stringMatching(/allocates the GWLB's address/),
      }),
    )
    expect(r.report.unresolved).toEqual([])
  })

  it('a server group without a listener: its appliance is kept, the group is reported as not placed', async () => {
    const r = await imported(common, loadBalancer, serverGroup)
    expect(r.design.resources.find((x) => x.kind === 'appliance')).toMatchObject({ name: 'tf-example-fw' })
    expect(r.report.unplaced).toContainEqual(
      expect.objectContaining({
        address: 'alicloud_gwlb_server_group.default',
        message: expect.stringMatching(/no listener/),
      }),
    )
  })

  it('with a listener: health check and draining from strings, the GWLB behind an endpoint, a NAT gateway not modelled', async () => {
    const r = await imported(common, loadBalancer, serverGroup, listener, privateLink)
    const gwlb = r.design.resources.find((x) => x.kind === 'gwlb')
    expect(gwlb).toMatchObject({
      listener: { description: 'tf-example-listener' },
      serverGroup: {
        name: 'tf-example',
        scheduler: '3TCH',
        healthCheck: { protocol: 'HTTP', port: 80, path: '/health-check', healthyThreshold: 3, unhealthyThreshold: 4 },
        connectionDrain: { enabled: true, timeout: 10 },
        servers: ['defaultEcs7Y'],
      },
    })
    expect(r.design.resources.find((x) => x.kind === 'endpointService')).toMatchObject({
      resources: [{ resourceId: 'default', zoneId: 'cn-wulanchabu-b' }],
      whitelist: ['1234567890123456'],
    })
    expect(r.design.resources.find((x) => x.kind === 'gwlbEndpoint')).toMatchObject({
      name: 'tf-example-ep',
      zoneId: 'cn-wulanchabu-c',
      vswitchId: 'defaultD4e5F6',
      connectionStatus: 'Disconnected',
    })
    expect(r.design.resources.find((x) => x.kind === 'routeTable')).toMatchObject({
      entries: [
        { destinationCidrBlock: '0.0.0.0/0', nextHopType: 'GatewayLoadBalancerEndpoint', nextHopId: 'defaultEp' },
      ],
    })
    expect(r.report.notModelled).toEqual([
      expect.objectContaining({
        address: 'alicloud_nat_gateway.default',
        message: 'alicloud_nat_gateway is not modelled',
      }),
    ])
    expect(r.report.unresolved).toEqual([])
  })
})
