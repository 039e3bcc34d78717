// An import that maps nothing is refused rather than replacing the design with an empty one, saying what was read
// and what was not modelled; a value the design cannot hold is refused at the file and line it came from.
import { describe, expect, it } from 'vitest'
import { formatImportError, type ImportFile, importDeployment } from '../../src/import'
import { nodeHclParser } from '../../src/import/hcl/nodeParser'

const deps = { hclParser: nodeHclParser }
const tf = (path: string, text: string): ImportFile[] => [{ path, text }]
const PROVIDER = 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n'

async function refusal(files: ImportFile[]) {
  const r = await importDeployment(files, {}, deps)
  if (r.ok) throw new Error(`imported ${r.design.resources.length} resources`)
  return r.errors
}

describe('an import that maps nothing', () => {
  it('a provider block alone: refused, saying the configuration holds no resource', async () => {
    const errors = await refusal(tf('provider.tf', PROVIDER))
    expect(errors.map(formatImportError)).toEqual([
      'provider.tf: Terraform configuration with no resource; expected at least one resource of a type the design models, such as alicloud_vpc, alicloud_vswitch, alicloud_instance or alicloud_gwlb_load_balancer (docs/import.md lists all 23)',
    ])
  })

  it('resources of kinds the design does not model: refused, each named with its file and line', async () => {
    const text = `${PROVIDER}
resource "alicloud_nat_gateway" "nat" {
  vpc_id = "vpc-123"
}

resource "alicloud_slb_load_balancer" "web" {
  load_balancer_name = "web"
}
`
    const [error, ...more] = await refusal(tf('nat.tf', text))
    expect(more).toEqual([])
    expect(error.file).toBe('nat.tf')
    expect(error.message).toBe(
      'Terraform configuration with 2 resources, none of which the design models; not modelled: alicloud_nat_gateway.nat (nat.tf:5), alicloud_slb_load_balancer.web (nat.tf:9)',
    )
  })

  it('a state of unrelated resources: refused the same way', async () => {
    const state = {
      format_version: '1.0',
      values: {
        root_module: {
          resources: [
            {
              address: 'alicloud_oss_bucket.logs',
              mode: 'managed',
              type: 'alicloud_oss_bucket',
              name: 'logs',
              values: { id: 'logs' },
            },
          ],
        },
      },
    }
    const [error] = await refusal(tf('state.json', JSON.stringify(state)))
    expect(formatImportError(error)).toMatch(
      /^state\.json: a Terraform state with 1 resource, none of which the design models; not modelled: alicloud_oss_bucket\.logs/,
    )
  })
})

describe('an empty design that is an answer', () => {
  it('a plan that deletes everything opens as the empty state after it; a plan that changes nothing is refused', async () => {
    const plan = (actions: string[]) => ({
      format_version: '1.2',
      planned_values: { root_module: {} },
      resource_changes: [{ address: 'alicloud_vpc.main', change: { actions } }],
    })
    const destroy = await importDeployment(tf('plan.json', JSON.stringify(plan(['delete']))), {}, deps)
    expect(destroy.ok && destroy.design.resources).toEqual([])
    const [error] = await refusal(tf('plan.json', JSON.stringify(plan(['no-op']))))
    expect(error.message).toBe('a Terraform plan with no resource')
  })

  it('the state before a plan may be empty: asked for as an answer, it is one', async () => {
    const empty = JSON.stringify({ format_version: '1.0', values: { root_module: {} } })
    const r = await importDeployment(tf('prior.json', empty), { from: 'tfstate', emptyIsAnswer: true }, deps)
    expect(r.ok && r.design.resources).toEqual([])
  })
})

describe('a value the design cannot hold', () => {
  it('a VPC name of 140 characters: refused at the file and line of its resource, naming the attribute, once', async () => {
    const text = `${PROVIDER}
resource "alicloud_vpc" "main" {
  vpc_name   = "${'x'.repeat(140)}"
  cidr_block = "10.0.0.0/16"
}
`
    const errors = await refusal(tf('long.tf', text))
    expect(errors).toHaveLength(1)
    const line = formatImportError(errors[0])
    expect(line).toMatch(/^long\.tf:5: alicloud_vpc\.main: vpc_name: found "x{20}/)
    expect(line).not.toContain('resources[')
    expect(line.match(/expected/g)).toHaveLength(1)
    expect(line).toMatch(/; expected a name of at most 128 characters$/)
  })

  it('an escape sequence in a vSwitch name: refused at its line, the character written \\u001b', async () => {
    const text = `${PROVIDER}
resource "alicloud_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "alicloud_vswitch" "a" {
  vpc_id       = alicloud_vpc.main.id
  cidr_block   = "10.0.1.0/24"
  zone_id      = "cn-hangzhou-h"
  vswitch_name = "app\\u001b[2J"
}
`
    const [error] = await refusal(tf('escape.tf', text))
    expect(formatImportError(error)).toMatch(
      /^escape\.tf:9: alicloud_vswitch\.a: vswitch_name: found "app\\u001b\[2J"; expected text without control characters/,
    )
  })
})
