// Provider configurations: which root configuration (alias) each resource uses through the module calls'
// providers maps, and the region and accounts the root module's alicloud providers name.
import type { Value } from './evaluate'
import type { ModuleFrame, ProviderOf } from './program'
import { isRecord } from './source'
import { resolveValue } from './values'

/** In the root module a reference is the configuration itself. */
export const rootProviders: ProviderOf = (ref) => /^alicloud\.([A-Za-z0-9_-]+)$/.exec(ref)?.[1]

/** A provider reference as HCL's JSON gives it ("${alicloud.security}", or the bare name). */
export function providerRef(v: unknown): string | undefined {
  return typeof v === 'string' ? v.replace(/^\$\{|\}$/g, '') : undefined
}

/**
 * The providers a module call passes: with a providers map, only those (Terraform's rule); without one, the
 * default provider is inherited. A reference the module was not given is the root's default provider.
 */
export function passedProviders(map: unknown, parent: ProviderOf): ProviderOf {
  const entries = (Array.isArray(map) ? map : [map]).filter(isRecord).flatMap((m) => Object.entries(m))
  if (!entries.length) return (ref) => (ref === 'alicloud' ? parent(ref) : undefined)
  const passed = new Map(entries.map(([k, v]) => [k, providerRef(v)]))
  return (ref) => {
    const to = passed.get(ref)
    return to === undefined ? undefined : parent(to)
  }
}

/** The account UID in a provider's assume_role ARN ("acs:ram::1234567890123456:role/terraform"), if it says one. */
function roleAccount(assumeRole: unknown, resolve: (v: unknown) => Value): string | undefined {
  for (const block of Array.isArray(assumeRole) ? assumeRole : [assumeRole]) {
    if (!isRecord(block)) continue
    const arn = resolve(block.role_arn)
    const uid = typeof arn === 'string' ? /^acs:ram::(\d{6,20}):role\//.exec(arn)?.[1] : undefined
    if (uid) return uid
  }
  return undefined
}

/** The root module's alicloud providers: the region, and an account UID where an alias carries one. */
export function readRootProviders(frame: ModuleFrame): void {
  const { program } = frame
  for (const f of frame.mod.files) {
    const providers = f.json.provider
    const ali = isRecord(providers) ? providers.alicloud : undefined
    for (const p of Array.isArray(ali) ? ali : ali ? [ali] : []) {
      if (!isRecord(p)) continue
      const where = { file: f.path, line: f.lines.block('provider', ['alicloud']) }
      const resolve = (v: unknown) => resolveValue(v, { where, root: frame.root }, program.astOf)
      const region = resolve(p.region)
      if (typeof region === 'string') program.regionId ??= region
      const alias = typeof p.alias === 'string' ? p.alias : ''
      const uid = /\d{6,20}/.exec(alias)?.[0] ?? roleAccount(p.assume_role, resolve)
      if (uid) program.accounts.set(alias, uid)
    }
  }
}
