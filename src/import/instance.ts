// A resource instance as every Terraform source gives it to the builder: its address, its type and its
// attribute values, references already replaced by the referenced object's value. Pure data.
import type { SourcePlace } from './types'

/** A value the importer could not work out (a variable without a value, a function it does not know, ...). */
export class Unresolved {
  constructor(
    readonly message: string,
    readonly where?: SourcePlace,
  ) {}
}

export interface TfInstance {
  /** module.net.alicloud_vpc.main["a"] */
  address: string
  type: string
  mode: 'managed' | 'data'
  /** the resource name (the second label), for readable design ids */
  name: string
  /** count.index or each.key, when the resource repeats */
  index?: string | number
  /** module path, e.g. ["net"] */
  module: string[]
  values: Record<string, unknown>
  /** the provider configuration's alias, when not the default one */
  providerAlias?: string
  where?: SourcePlace
}

export interface TfInput {
  instances: TfInstance[]
  /** the provider's region, where the input says it */
  regionId?: string
  /** alias ("" for the default configuration) → account UID, where the input says it */
  accounts?: Map<string, string>
}
