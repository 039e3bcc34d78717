// What one configuration's evaluation shares across its modules (the parsed folders, the syntax trees, the
// instances found so far), and what one module instance hands its resources and module calls.
import type { TfInstance } from '../instance'
import type { ImportReport, SourcePlace } from '../types'
import type { Value } from './evaluate'
import type { ModuleSource, ParsedFile } from './source'
import type { AstOf } from './values'

export interface HclOptions {
  vars?: Record<string, string>
  /** Date.now() past which the import stops with a message (IMPORT_LIMITS.seconds) */
  deadline?: number
}

/**
 * A module's provider reference ("alicloud", "alicloud.security") → the alias of the root module's provider
 * configuration it stands for (undefined: the root's default alicloud provider), as Terraform passes providers
 * down: a resource's provider (the module's default when it names none) is looked up in its module's map.
 */
export type ProviderOf = (ref: string) => string | undefined

/** One configuration being read: its folders by path, from the root module's down. */
export interface HclProgram {
  byDir: Map<string, ParsedFile[]>
  astOf: AstOf
  rootDir: string
  options: HclOptions
  report: ImportReport
  instances: TfInstance[]
  /** the root provider's region, the first one given */
  regionId?: string
  /** provider alias → account UID, where an alias or its assume_role says one */
  accounts: Map<string, string>
}

/** How a module is called: from the root, or by a module block of its parent. */
export interface ModuleCall {
  dir: string
  inputs: Record<string, Value>
  /** the module names from the root down (empty: the root module) */
  modulePath: string[]
  /** the folders called so far, to stop a module calling itself */
  chain: string[]
  providerOf: ProviderOf
  callPlace?: SourcePlace
}

/** One instance of a module, as its resources and module calls see it. */
export interface ModuleFrame {
  program: HclProgram
  call: ModuleCall
  mod: ModuleSource
  /** "module.a.module.b." before its resources' addresses */
  prefix: string
  /** var.*, local.*, module.*, data.*, path.*, terraform.* and the resource types it declares */
  root(name: string): Value | undefined
}
