import hcl from 'hcl2-parser'
import { describe, expect, it } from 'vitest'
import { type Design, parse } from '../../src/model'
import { createResource } from '../../src/model/edits/create'
import { toTerraform } from '../../src/share/terraform'
import { EXAMPLE_NAMES, example } from './fixtures'

type Obj = Record<string, unknown>

function parseHcl(text: string): Obj {
  const [obj, err] = hcl.parseToObject(text)
  expect(err, String(err)).toBeNull()
  expect(obj).not.toBeNull()
  return obj as Obj
}

/** hcl2json's shape: { resource: { type: { name: [ body ] } } } */
function bodies(obj: Obj, section: 'resource' | 'data'): { type: string; name: string; body: Obj }[] {
  const out: { type: string; name: string; body: Obj }[] = []
  for (const [type, byName] of Object.entries((obj[section] ?? {}) as Obj))
    for (const [name, list] of Object.entries(byName as Obj)) out.push({ type, name, body: (list as Obj[])[0] })
  return out
}

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v)
  else if (Array.isArray(v)) for (const x of v) strings(x, out)
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out)
  return out
}

/** Every traversal in an expression ("${alicloud_vpc.a.id}" as hcl2json writes it). */
function references(obj: Obj): string[] {
  const refs: string[] = []
  for (const s of strings(obj)) {
    const m = /^\$\{(.*)\}$/s.exec(s)
    if (!m) continue
    for (const r of m[1].matchAll(
      /\b(data\.[a-z0-9_]+\.[a-z0-9_]+|alicloud_[a-z0-9_]+\.[a-z0-9_]+|terraform_data\.[a-z0-9_]+|alicloud\.[a-z0-9_]+|var\.[a-z0-9_]+)/g,
    ))
      refs.push(r[1])
  }
  return refs
}

function checkReferences(text: string): { obj: Obj; refs: string[] } {
  const obj = parseHcl(text)
  const declared = new Set<string>()
  for (const b of bodies(obj, 'resource')) declared.add(`${b.type}.${b.name}`)
  for (const b of bodies(obj, 'data')) declared.add(`data.${b.type}.${b.name}`)
  for (const name of Object.keys((obj.variable ?? {}) as Obj)) declared.add(`var.${name}`)
  for (const p of ((obj.provider as Obj | undefined)?.alicloud ?? []) as Obj[])
    if (p.alias) declared.add(`alicloud.${p.alias}`)
  const refs = references(obj)
  for (const r of refs) expect(declared, `reference ${r}`).toContain(r)
  return { obj, refs }
}

describe('Terraform export', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`${name}: parses as HCL and every reference resolves`, () => {
      const { obj, refs } = checkReferences(toTerraform(example(name)))
      expect(refs.length).toBeGreaterThan(50)
      const types = new Set(bodies(obj, 'resource').map((b) => b.type))
      for (const t of [
        'alicloud_vpc',
        'alicloud_vswitch',
        'alicloud_route_table',
        'alicloud_route_table_attachment',
        'alicloud_vpc_route_entry',
        'alicloud_vpc_ipv4_gateway',
        'alicloud_vpc_gateway_route_table_attachment',
        'alicloud_security_group',
        'alicloud_security_group_rule',
        'alicloud_instance',
        'alicloud_eip_address',
        'alicloud_eip_association',
        'alicloud_gwlb_load_balancer',
        'alicloud_gwlb_server_group',
        'alicloud_gwlb_listener',
        'alicloud_privatelink_vpc_endpoint_service',
        'alicloud_privatelink_vpc_endpoint_service_resource',
        'alicloud_privatelink_vpc_endpoint_service_user',
        'alicloud_privatelink_vpc_endpoint',
        'alicloud_privatelink_vpc_endpoint_zone',
        'terraform_data',
      ])
        expect(types, t).toContain(t)
    })
  }

  it('writes the seed arguments: GWLB endpoint type, gwlb service, server group checks, gateway-table edits', () => {
    const obj = parseHcl(toTerraform(example('two-zones')))
    const all = bodies(obj, 'resource')
    const one = (type: string) => all.filter((b) => b.type === type)
    expect(one('alicloud_privatelink_vpc_endpoint').map((b) => b.body.endpoint_type)).toEqual([
      'GatewayLoadBalancer',
      'GatewayLoadBalancer',
    ])
    expect(one('alicloud_privatelink_vpc_endpoint_service')[0].body).toMatchObject({
      service_resource_type: 'gwlb',
      auto_accept_connection: false,
      payer: 'Endpoint',
    })
    const sg = one('alicloud_gwlb_server_group')[0].body
    expect(sg).toMatchObject({ protocol: 'GENEVE', scheduler: '5TCH', server_group_type: 'Instance' })
    expect(sg.servers).toHaveLength(4)
    expect((sg.health_check_config as Obj[])[0]).toMatchObject({
      health_check_protocol: 'TCP',
      health_check_connect_port: 80,
    })
    expect((sg.connection_drain_config as Obj[])[0]).toMatchObject({ connection_drain_enabled: true })
    // the gateway table's vSwitch-CIDR entries are system-route edits, not CreateRouteEntry
    const edits = one('terraform_data')
    expect(edits).toHaveLength(2)
    expect(strings(edits[0].body).join(' ')).toContain('UpdateGatewayRouteTableEntryAttribute')
    const entries = one('alicloud_vpc_route_entry').map((b) => b.body)
    expect(entries.map((e) => e.nexthop_type).sort()).toEqual([
      'GatewayLoadBalancerEndpoint',
      'GatewayLoadBalancerEndpoint',
      'Ipv4Gateway',
    ])
    expect(one('alicloud_privatelink_vpc_endpoint_zone').map((b) => b.body.eni_ip)).toEqual(['10.0.10.5', '10.0.20.5'])
  })

  it('writes each security group’s type and, for a basic group, its inner access policy', () => {
    const d = structuredClone(example('two-zones'))
    for (const r of d.resources)
      if (r.id === 'sg-appliance' && r.kind === 'securityGroup') {
        r.securityGroupType = 'enterprise'
        delete r.innerAccessPolicy
      } else if (r.kind === 'securityGroup') r.innerAccessPolicy = 'Drop'
    const groups = bodies(parseHcl(toTerraform(d)), 'resource').filter((b) => b.type === 'alicloud_security_group')
    expect(
      Object.fromEntries(
        groups.map((g) => [g.body.security_group_name, [g.body.security_group_type, g.body.inner_access_policy]]),
      ),
    ).toEqual({ 'Web servers': ['normal', 'Drop'], Appliances: ['enterprise', undefined] })
    const plain = bodies(parseHcl(toTerraform(example('two-zones'))), 'resource')
    expect(plain.filter((b) => b.type === 'alicloud_security_group').map((g) => g.body.inner_access_policy)).toEqual([
      'Accept',
      'Accept',
    ])
  })

  it('says in a comment that a server dropped without a security group cannot be applied', () => {
    const made = createResource(example('two-zones'), 'ecs', { kind: 'vswitch', vswitchId: 'vsw-app-h' })
    if (!made.ok) throw new Error(made.message)
    const text = toTerraform(made.design)
    const block = text.slice(0, text.indexOf(`resource "alicloud_instance" "${made.id.replace(/-/g, '_')}"`))
    const lead = block.slice(block.lastIndexOf('\n\n'))
    expect(lead).toContain(
      '# The design gives this server no security group: the cloud refuses an instance without one',
    )
    // the servers that have one say nothing of it
    expect(text.match(/no security group/g)).toHaveLength(1)
    expect(text).toContain("# IPv4 only, as Alibaba Cloud's GWLB guide says for GWLB services.")
    expect(text).not.toMatch(/seed/i)
  })

  it('gives each account of a two-account design its own provider alias, and a one-account design none', () => {
    const two = parseHcl(toTerraform(example('two-zones')))
    const aliases = ((two.provider as Obj).alicloud as Obj[]).map((p) => p.alias)
    expect(aliases).toEqual(['account_1234567890123456', 'account_6543210987654321'])
    for (const b of bodies(two, 'resource'))
      if (b.type.startsWith('alicloud_'))
        expect(b.body.provider, `${b.type}.${b.name}`).toMatch(/^\$\{alicloud\.account_\d+\}$/)
    const vpc = bodies(two, 'resource').find((b) => b.name === 'vpc_security')
    expect(vpc?.body.provider).toBe('${alicloud.account_6543210987654321}')

    const d = structuredClone(example('single-zone'))
    const uid = d.accounts[0].id
    d.accounts = [d.accounts[0]]
    for (const r of d.resources) if ('accountId' in r) r.accountId = uid
    for (const r of d.resources) if (r.kind === 'endpointService') r.whitelist = []
    const loaded = parse(d)
    expect(loaded.ok).toBe(true)
    const one = checkReferences(toTerraform(d)).obj
    expect(((one.provider as Obj).alicloud as Obj[])[0].alias).toBeUndefined()
    for (const b of bodies(one, 'resource')) expect(b.body.provider).toBeUndefined()
  })

  it('keeps names with quotes and template sequences, and descriptions with newlines, as plain strings', () => {
    const nasty = [
      'x" }\nresource "evil" "y" {\n  a = "',
      '${file("/etc/passwd")}',
      '%{ if true }yes%{ endif }',
      '$${already} %%{escaped}',
      'a lone ${ and %{',
      'back\\slash\\" and tab\t and \u2028 and \u0007 and 漢字 and 🔥',
    ]
    // names hold no control characters (the loader refuses them: docs/format.md), so a name's newline is a space
    // here; a description keeps its line breaks, and nasty[0] goes into one below
    const asName = (text: string) => text.replaceAll('\n', ' ').replaceAll('\t', ' ').replaceAll('\u0007', ' ')
    const d: Design = structuredClone(example('two-zones'))
    d.name = 'design" } resource "evil" "z" {}'
    d.accounts[0].name = 'acct" } resource "evil" "w" {'
    const named = d.resources.filter((r) => r.kind !== 'internetHost')
    named.forEach((r, i) => {
      r.name = asName(nasty[i % nasty.length])
    })
    for (const r of d.resources) if (r.kind === 'securityGroup') r.rules[0].description = nasty[0]
    expect(parse(d).ok).toBe(true)

    const text = toTerraform(d)
    // no template sequence opens anywhere: every "${" or "%{" is the escaped form "$${" / "%%{"
    expect(text).not.toMatch(/(?<![$])[$]\{/)
    expect(text).not.toMatch(/(?<![%])%\{/)
    const { obj } = checkReferences(text)
    const all = bodies(obj, 'resource')
    expect(all.some((b) => b.type === 'evil')).toBe(false)
    for (const r of named) {
      const vpcLike = all.find((b) => b.type === 'alicloud_vpc' && b.name === r.id.replace(/-/g, '_'))
      if (vpcLike) expect(vpcLike.body.vpc_name).toBe(r.name)
      const vsw = all.find((b) => b.type === 'alicloud_vswitch' && b.name === r.id.replace(/-/g, '_'))
      if (vsw) expect(vsw.body.vswitch_name).toBe(r.name)
    }
    const rule = all.find((b) => b.type === 'alicloud_security_group_rule')
    expect(rule?.body.description).toBe(nasty[0])
  })

  it('derives unique [a-z0-9_] names from ids, even when ids differ only in case or punctuation', () => {
    const d: Design = structuredClone(example('single-zone'))
    const vpc = d.resources.find((r) => r.kind === 'vpc' && r.id === 'vpc-service')
    if (vpc?.kind !== 'vpc') throw new Error('fixture')
    d.resources.push(
      { ...vpc, id: 'VPC.service', cidrBlock: '172.16.0.0/16' },
      { ...vpc, id: 'vpc_service', cidrBlock: '172.17.0.0/16' },
    )
    expect(parse(d).ok).toBe(true)
    const names = bodies(checkReferences(toTerraform(d)).obj, 'resource')
      .filter((b) => b.type === 'alicloud_vpc')
      .map((b) => b.name)
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n).toMatch(/^[a-z_][a-z0-9_]*$/)
  })
})

describe('route target groups (reference design (c))', () => {
  it('writes alicloud_vpc_route_target_group with its members and weights, and routes that wait for it', () => {
    const text = toTerraform(example('zone-failover'))
    const obj = parseHcl(text)
    const groups = bodies(obj, 'resource').filter((b) => b.type === 'alicloud_vpc_route_target_group')
    expect(groups).toHaveLength(1)
    const g = groups[0]?.body as Obj
    expect(g.config_mode).toBe('Active-Standby')
    expect(g.route_target_group_name).toBe('Zone failover group')
    expect(g.vpc_id).toBe('${alicloud_vpc.vpc_service.id}')
    expect(g.route_target_member_list).toEqual([
      {
        member_id: '${alicloud_privatelink_vpc_endpoint.gwlbe_h.id}',
        member_type: 'GatewayLoadBalancerEndpoint',
        weight: 100,
      },
      {
        member_id: '${alicloud_privatelink_vpc_endpoint.gwlbe_i.id}',
        member_type: 'GatewayLoadBalancerEndpoint',
        weight: 0,
      },
    ])
    // the members' zones exist first; the provider version has the resource
    expect(references(g)).toContain('alicloud_privatelink_vpc_endpoint_zone.gwlbe_h')
    expect(text).toContain('version = ">= 1.292.0"')
    const toGroup = bodies(obj, 'resource').filter(
      (b) => b.type === 'alicloud_vpc_route_entry' && b.body.nexthop_type === 'RouteTargetGroup',
    )
    expect(toGroup.map((b) => b.body.nexthop_id)).toEqual(['${alicloud_vpc_route_target_group.rtg_inspection.id}'])
    expect(text).toMatch(/next hop type RouteTargetGroup: the API name of this next hop type is not published/)
  })

  it('leaves the provider requirement at 1.245.0 for a design without a group', () => {
    expect(toTerraform(example('two-zones'))).toContain('version = ">= 1.245.0"')
  })
})
