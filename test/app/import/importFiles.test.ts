// The import worker's work without the worker: files read from Blobs, a zip unpacked (hidden folders left
// out, its limits checked on the sizes it states), a plan's state before it imported as a second design.
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { importFiles } from '../../../src/app/import/importFiles'

const res = (type: string, name: string, values: Record<string, unknown>) => ({
  address: `${type}.${name}`,
  mode: 'managed',
  type,
  name,
  provider_name: 'registry.terraform.io/aliyun/alicloud',
  schema_version: 0,
  values,
  sensitive_values: {},
})
const vpc = res('alicloud_vpc', 'app', { id: 'vpc-1', cidr_block: '10.0.0.0/16', vpc_name: 'app' })
const vsw = res('alicloud_vswitch', 'app', {
  id: 'vsw-1',
  vpc_id: 'vpc-1',
  cidr_block: '10.0.1.0/24',
  zone_id: 'cn-hangzhou-h',
  vswitch_name: 'app',
})
const web = res('alicloud_instance', 'web', {
  id: 'i-1',
  vswitch_id: 'vsw-1',
  private_ip: '10.0.1.10',
  security_groups: [],
})
const state = (resources: unknown[]) => ({
  format_version: '1.0',
  terraform_version: '1.9.8',
  values: { root_module: { resources } },
})
const blob = (text: string) => new Blob([text])

describe('the import worker’s work', () => {
  it('reads a state from a zip, leaving hidden folders out', async () => {
    const zip = zipSync({
      'infra/state.json': strToU8(JSON.stringify(state([vpc, vsw, web]))),
      'infra/.terraform/junk.json': strToU8('{"not": "read"}'),
      'infra/README.md': strToU8('# notes'),
    })
    const r = await importFiles([{ path: 'infra.zip', blob: new Blob([zip]) }])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.report.source).toBe('tfstate')
    expect(r.report.files).toEqual(['infra/state.json'])
    expect(r.design.resources.map((x) => x.kind).sort()).toEqual(['ecs', 'vpc', 'vswitch'])
  })

  it('names the zip when it is not one, or holds nothing to import', async () => {
    const bad = await importFiles([{ path: 'infra.zip', blob: blob('PK not really') }])
    expect(bad).toMatchObject({ ok: false, errors: [{ file: 'infra.zip', expected: 'a zip' }] })
    const empty = await importFiles([
      { path: 'docs.zip', blob: new Blob([zipSync({ 'README.md': strToU8('# nothing') })]) },
    ])
    expect(empty).toMatchObject({
      ok: false,
      errors: [{ file: 'docs.zip', message: 'no .tf, .tfvars, .tfstate or .json file in the zip' }],
    })
  })

  it('opens a plan as the state after it, lists its actions, and imports the state before it', async () => {
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.8',
      planned_values: { root_module: { resources: [vpc, vsw, web] } },
      resource_changes: [
        { address: 'alicloud_vpc.app', type: 'alicloud_vpc', name: 'app', change: { actions: ['no-op'] } },
        { address: 'alicloud_vswitch.app', type: 'alicloud_vswitch', name: 'app', change: { actions: ['create'] } },
        { address: 'alicloud_instance.web', type: 'alicloud_instance', name: 'web', change: { actions: ['create'] } },
      ],
      prior_state: state([vpc]),
    }
    const r = await importFiles([{ path: 'plan.json', blob: blob(JSON.stringify(plan)) }])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.design.name).toBe('Imported from plan.json (after the plan)')
    expect(r.design.resources).toHaveLength(3)
    expect(r.report.plannedActions?.map((a) => a.actions.join(','))).toContain('create')
    expect(r.before?.name).toBe('Imported from plan.json (before the plan)')
    expect(r.before?.resources.map((x) => x.kind)).toEqual(['vpc'])
  })

  it('passes the importer’s message on for a file that is none of the inputs', async () => {
    const r = await importFiles([{ path: 'notes.txt', blob: blob('remember the firewall') }])
    expect(r).toMatchObject({ ok: false, errors: [{ file: 'notes.txt' }] })
  })
})
