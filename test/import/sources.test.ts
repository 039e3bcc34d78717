// State and plan JSON written field by field from Terraform's published JSON output format
// (format_version 1.x: values.root_module, child_modules; a plan's planned_values, resource_changes,
// configuration), HCL features, and bad input: each gives a design or a message naming file and line.
import { describe, expect, it } from 'vitest'
import { type ImportFile, importDeployment } from '../../src/import'
import { PLACEHOLDER_ACCOUNT } from '../../src/import/build'
import { nodeHclParser } from '../../src/import/hcl/nodeParser'

const deps = { hclParser: nodeHclParser }
const res = (type: string, name: string, values: Record<string, unknown>, module = '') => ({
  address: `${module ? `${module}.` : ''}${type}.${name}`,
  mode: 'managed',
  type,
  name,
  provider_name: 'registry.terraform.io/aliyun/alicloud',
  schema_version: 0,
  values,
  sensitive_values: {},
})

const state = {
  format_version: '1.0',
  terraform_version: '1.9.8',
  values: {
    root_module: {
      resources: [
        res('alicloud_vpc', 'app', {
          id: 'vpc-bp1app',
          cidr_block: '10.0.0.0/16',
          vpc_name: 'app',
          route_table_id: 'vtb-bp1sys',
        }),
        res('alicloud_nat_gateway', 'nat', { id: 'ngw-bp1nat', vpc_id: 'vpc-bp1app' }),
        res('alicloud_route_table', 'app', {
          id: 'vtb-bp1app',
          vpc_id: 'vpc-bp1app',
          associate_type: 'VSwitch',
          route_table_name: 'app',
        }),
        res('alicloud_route_table_attachment', 'app', {
          id: 'vtb-bp1app:vsw-bp1app',
          vswitch_id: 'vsw-bp1app',
          route_table_id: 'vtb-bp1app',
        }),
        res('alicloud_vpc_route_entry', 'nat', {
          id: 'x',
          route_table_id: 'vtb-bp1app',
          destination_cidr_block: '0.0.0.0/0',
          nexthop_type: 'NatGateway',
          nexthop_id: 'ngw-bp1nat',
        }),
        res('alicloud_instance', 'orphan', {
          id: 'i-bp1orphan',
          vswitch_id: 'vsw-elsewhere',
          private_ip: '10.9.0.5',
          security_groups: [],
        }),
      ],
      child_modules: [
        {
          address: 'module.net',
          resources: [
            res(
              'alicloud_vswitch',
              'app',
              {
                id: 'vsw-bp1app',
                vpc_id: 'vpc-bp1app',
                cidr_block: '10.0.1.0/24',
                zone_id: 'cn-shanghai-b',
                vswitch_name: 'app',
              },
              'module.net',
            ),
            res(
              'alicloud_instance',
              'web',
              {
                id: 'i-bp1web',
                vswitch_id: 'vsw-bp1app',
                private_ip: '10.0.1.10',
                security_groups: [],
                instance_name: 'web',
              },
              'module.net',
            ),
          ],
        },
      ],
    },
  },
}

describe('terraform show -json of a state', () => {
  it('maps root and child modules, and lists what it does not model or cannot place', async () => {
    const r = await importDeployment([{ path: 'state.json', text: JSON.stringify(state) }], {}, deps)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.report.source).toBe('tfstate')
    expect(r.design.regionId).toBe('cn-shanghai')
    const web = r.design.resources.find((x) => x.name === 'web' && x.kind === 'ecs')
    expect(web).toMatchObject({ privateIpAddress: '10.0.1.10', vswitchId: 'net.app' })
    expect(r.design.resources.find((x) => x.kind === 'vswitch')).toMatchObject({ routeTableId: 'app-2' })
    expect(r.report.notModelled.map((n) => n.address)).toEqual(
      expect.arrayContaining(['alicloud_nat_gateway.nat', 'alicloud_vpc_route_entry.nat']),
    )
    expect(r.report.notModelled.find((n) => n.address === 'alicloud_vpc_route_entry.nat')?.message).toMatch(
      /NatGateway/,
    )
    expect(r.report.unplaced).toEqual([
      expect.objectContaining({
        address: 'alicloud_instance.orphan',
        message: expect.stringMatching(/vsw-elsewhere is not in the input/),
      }),
    ])
  })

  it('says where a truncated state ends, and changes nothing', async () => {
    const text = JSON.stringify(state, null, 2)
    const r = await importDeployment([{ path: 'state.json', text: text.slice(0, text.length / 2) }], {}, deps)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        file: 'state.json',
        message: expect.stringMatching(/not valid JSON.*truncated/),
      })
  })

  it('refuses a file that is none of the inputs, naming it', async () => {
    const r = await importDeployment([{ path: 'notes.txt', text: 'hello' }], {}, deps)
    expect(r).toMatchObject({
      ok: false,
      errors: [{ file: 'notes.txt', message: expect.stringMatching(/not an input/) }],
    })
  })
})

describe('terraform show -json of a plan', () => {
  it('opens the state after the plan, resolving unknown ids through the configuration, and lists the actions', async () => {
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.8',
      planned_values: {
        root_module: {
          resources: [
            res('alicloud_vpc', 'app', { cidr_block: '10.0.0.0/16', vpc_name: 'app' }),
            res('alicloud_vswitch', 'app', { cidr_block: '10.0.1.0/24', zone_id: 'cn-beijing-h' }),
          ],
        },
      },
      resource_changes: [
        {
          address: 'alicloud_vpc.app',
          mode: 'managed',
          type: 'alicloud_vpc',
          name: 'app',
          change: { actions: ['create'], before: null, after: {}, after_unknown: { id: true } },
        },
        {
          address: 'alicloud_vswitch.app',
          mode: 'managed',
          type: 'alicloud_vswitch',
          name: 'app',
          change: { actions: ['create'], before: null, after: {}, after_unknown: { id: true, vpc_id: true } },
        },
      ],
      configuration: {
        provider_config: {
          alicloud: {
            name: 'alicloud',
            full_name: 'registry.terraform.io/aliyun/alicloud',
            expressions: { region: { constant_value: 'cn-beijing' } },
          },
        },
        root_module: {
          resources: [
            {
              address: 'alicloud_vswitch.app',
              mode: 'managed',
              type: 'alicloud_vswitch',
              name: 'app',
              provider_config_key: 'alicloud',
              expressions: { vpc_id: { references: ['alicloud_vpc.app.id', 'alicloud_vpc.app'] } },
            },
          ],
        },
      },
    }
    const r = await importDeployment([{ path: 'plan.json', text: JSON.stringify(plan) }], {}, deps)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.design.regionId).toBe('cn-beijing')
    expect(r.design.resources.find((x) => x.kind === 'vswitch')).toMatchObject({ vpcId: 'app' })
    expect(r.report.plannedActions).toEqual([
      { address: 'alicloud_vpc.app', actions: ['create'] },
      { address: 'alicloud_vswitch.app', actions: ['create'] },
    ])
  })
})

describe('Terraform configuration', () => {
  const files: ImportFile[] = [
    {
      path: 'main.tf',
      text: `provider "alicloud" {
  region = var.region
}
variable "region" {
  default = "cn-hangzhou"
}
variable "vpc_cidr" {}
locals {
  zones = { h = "cn-hangzhou-h", i = "cn-hangzhou-i" }
}
module "net" {
  source = "./modules/net"
  cidr   = var.vpc_cidr
}
resource "alicloud_vswitch" "app" {
  for_each   = local.zones
  vpc_id     = module.net.vpc_id
  cidr_block = cidrsubnet(var.vpc_cidr, 8, each.key == "h" ? 1 : 2)
  zone_id    = each.value
}
resource "alicloud_instance" "web" {
  count      = 2
  vswitch_id = alicloud_vswitch.app["h"].id
  private_ip = cidrhost(alicloud_vswitch.app["h"].cidr_block, 10 + count.index)
  security_groups = []
  image_id   = data.alicloud_images.any.images[0].id
}
resource "alicloud_instance" "mystery" {
  vswitch_id = alicloud_vswitch.app["i"].id
  private_ip = timestamp()
  security_groups = []
}
`,
    },
    {
      path: 'modules/net/main.tf',
      text: 'variable "cidr" {}\nresource "alicloud_vpc" "this" {\n  cidr_block = var.cidr\n}\noutput "vpc_id" {\n  value = alicloud_vpc.this.id\n}\n',
    },
    { path: 'terraform.tfvars', text: 'vpc_cidr = "10.1.0.0/16"\n' },
  ]

  it('resolves variables, tfvars, locals, for_each, count and a local module', async () => {
    const r = await importDeployment(files, {}, deps)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const byId = new Map(r.design.resources.map((x) => [x.id, x]))
    expect(byId.get('net.this')).toMatchObject({ kind: 'vpc', cidrBlock: '10.1.0.0/16' })
    expect(byId.get('app.h')).toMatchObject({ vpcId: 'net.this', cidrBlock: '10.1.1.0/24', zoneId: 'cn-hangzhou-h' })
    expect(byId.get('app.i')).toMatchObject({ cidrBlock: '10.1.2.0/24' })
    expect(byId.get('web.1')).toMatchObject({ privateIpAddress: '10.1.1.11', vswitchId: 'app.h' })
    // timestamp() is not guessed: reported with its file and line, and the cloud's choice is named
    expect(r.report.unresolved).toContainEqual(
      expect.objectContaining({
        address: 'alicloud_instance.mystery',
        where: { file: 'main.tf', line: 30 },
        message: expect.stringMatching(/timestamp/),
      }),
    )
  })

  it('-var wins over terraform.tfvars', async () => {
    const r = await importDeployment(files, { vars: { vpc_cidr: '10.7.0.0/16' } }, deps)
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    expect(r.design.resources.find((x) => x.id === 'net.this')).toMatchObject({ cidrBlock: '10.7.0.0/16' })
  })

  it('names the file and line of a syntax error', async () => {
    const r = await importDeployment(
      [{ path: 'bad.tf', text: 'resource "alicloud_vpc" "a" {\n  cidr_block = \n}\n' }],
      {},
      deps,
    )
    expect(r).toMatchObject({
      ok: false,
      errors: [{ file: 'bad.tf', line: 2, message: expect.stringMatching(/Invalid expression/) }],
    })
  })

  it('refuses modules that call themselves', async () => {
    const loop: ImportFile[] = [
      { path: 'main.tf', text: 'module "a" {\n  source = "./a"\n}\n' },
      { path: 'a/main.tf', text: 'module "again" {\n  source = "../"\n}\n' },
    ]
    const r = await importDeployment(loop, {}, deps)
    expect(r).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/calls itself/) }] })
  })

  describe('the account of a local module’s resources', () => {
    const root = `provider "alicloud" {
  assume_role {
    role_arn = "acs:ram::\${var.app_account}:role/terraform"
  }
}
provider "alicloud" {
  alias = "account_6543210987654321"
}
provider "alicloud" {
  alias = "security"
}
variable "app_account" {
  default = "1234567890123456"
}
resource "alicloud_vpc" "app" {
  cidr_block = "10.0.0.0/16"
}
module "inspection" {
  source    = "./inspection"
  providers = { alicloud = alicloud.account_6543210987654321 }
}
module "shared" {
  source = "./inspection"
}
module "unnamed" {
  source    = "./inspection"
  providers = { alicloud = alicloud.security }
}
`
    const child = 'resource "alicloud_vpc" "this" {\n  cidr_block = "192.168.0.0/16"\n}\n'
    const accountIds = async () => {
      const r = await importDeployment(
        [
          { path: 'main.tf', text: root },
          { path: 'inspection/main.tf', text: child },
        ],
        {},
        deps,
      )
      if (!r.ok) throw new Error(JSON.stringify(r.errors))
      return { r, of: new Map(r.design.resources.map((x) => [x.id, 'accountId' in x ? x.accountId : ''])) }
    }

    it('follows the providers a module call passes, and the default provider a call without them inherits', async () => {
      const { of } = await accountIds()
      // the root's default provider names its account in assume_role's ARN, from a variable
      expect(of.get('app')).toBe('1234567890123456')
      expect(of.get('inspection.this')).toBe('6543210987654321')
      expect(of.get('shared.this')).toBe('1234567890123456')
    })

    it('reports the provider whose account it cannot tell, and which resources use it, with their place', async () => {
      const { r, of } = await accountIds()
      expect(of.get('unnamed.this')).toBe(PLACEHOLDER_ACCOUNT)
      expect(r.report.assumed).toContainEqual({
        address: '(account)',
        message: expect.stringMatching(
          /^the input does not say the account UID of provider alicloud\.security, which module\.unnamed\.alicloud_vpc\.this uses; the design uses 100000000000/,
        ),
        where: { file: 'inspection/main.tf', line: 1 },
      })
      expect(r.design.accounts.map((a) => a.name)).toContain('Account (UID not in the input)')
    })
  })
})
