// The resource instances read from API output so far, merged by type and id, with the account each belongs to
// and the report's notes: what every per-service reader (network.ts, ecs.ts, gwlb.ts, privatelink.ts) adds to.
import type { TfInstance } from '../instance'
import type { ImportFile, ImportReport, ReportItem } from '../types'
import { isRecord, type Json, type SourceName } from './sources'

/** One recognised file: the call that printed it and the resources it lists. */
export interface Recognised {
  file: ImportFile
  source: SourceName
  items: Json[]
}

/** One resource of a call's output: the fields of its id and name, its provider type and attributes, its account. */
export interface Each {
  id: string
  name?: string
  type: string
  values: (item: Json, id: string) => Record<string, unknown>
  account?: (item: Json, id: string) => string | undefined
}

export const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined

/** A list of strings at a path, as the RPC-style APIs wrap them ({ "SecurityGroupId": ["sg-..."] }). */
export function stringsAt(doc: Json, path: string): string[] {
  let v: unknown = doc
  for (const seg of path.split('.')) {
    if (!isRecord(v)) return []
    v = v[seg]
  }
  return Array.isArray(v) ? v.map(text).filter((s): s is string => s !== undefined) : []
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')

type NoteList = 'notModelled' | 'unplaced' | 'assumed'

export class ApiInstances {
  private readonly recognised: Recognised[]
  private readonly report: ImportReport
  private readonly out = new Map<string, TfInstance>()
  private readonly usedNames = new Set<string>()
  /** a folder's account: the OwnerId of the first VPC or route table listed there */
  private readonly ownerOfDir = new Map<string, string>()
  private readonly owners = new Set<string>()

  constructor(recognised: Recognised[], report: ImportReport) {
    this.recognised = recognised
    this.report = report
    for (const r of recognised)
      if (r.source === 'DescribeVpcs' || r.source === 'DescribeRouteTableList')
        for (const item of r.items) {
          const uid = text(item.OwnerId)
          if (!uid) continue
          this.owners.add(uid)
          if (!this.ownerOfDir.has(dirOf(r.file.path))) this.ownerOfDir.set(dirOf(r.file.path), uid)
        }
  }

  /** The files of one call. */
  of(name: SourceName): Recognised[] {
    return this.recognised.filter((r) => r.source === name)
  }

  /** Each item of one call's output, with its file. */
  each(name: SourceName, use: (item: Json, file: ImportFile) => void): void {
    for (const r of this.of(name)) for (const item of r.items) use(item, r.file)
  }

  /** A file's account: a UID in its path, else its folder's owner, else the input's only owner. */
  private accountOfFile(file: ImportFile): string | undefined {
    // a UID has 14 to 20 digits: a dated folder (backup-20261202) is not an account
    const inPath = dirOf(file.path).match(/(?<!\d)\d{14,20}(?!\d)/g)
    if (inPath) return inPath[inPath.length - 1]
    return this.ownerOfDir.get(dirOf(file.path)) ?? (this.owners.size === 1 ? [...this.owners][0] : undefined)
  }

  /** A resource, or more fields of one already added (a group in two calls' output is one resource). */
  add(
    type: string,
    id: string,
    values: Record<string, unknown>,
    file: ImportFile,
    opts: { label?: string; address?: string; account?: string } = {},
  ): void {
    const key = `${type}\u0000${id}`
    const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined))
    const existing = this.out.get(key)
    if (existing) {
      Object.assign(existing.values, defined)
      return
    }
    // the design id comes from the name: a resource's own name where it has one, else its cloud id
    let name = (opts.label ?? id).replace(/[^A-Za-z0-9_.-]+/g, '-')
    if (this.usedNames.has(name)) name = id
    this.usedNames.add(name)
    const uid = opts.account ?? this.accountOfFile(file)
    this.out.set(key, {
      address: opts.address ?? id,
      type,
      mode: 'managed',
      name,
      module: [],
      values: { id, ...defined },
      providerAlias: uid ? `account_${uid}` : undefined,
      where: { file: file.path },
    })
  }

  note(list: NoteList, address: string, message: string, file: ImportFile): void {
    const item: ReportItem = { address, message, where: { file: file.path } }
    this.report[list].push(item)
  }

  /** Each item of a call's output that has its id, added as the resource it is; `then` reads the rest of it. */
  addEach(source: SourceName, r: Each, then?: (id: string, item: Json, file: ImportFile) => void): void {
    this.each(source, (item, file) => {
      const id = text(item[r.id])
      if (!id) return
      const label = r.name ? text(item[r.name]) : undefined
      this.add(r.type, id, r.values(item, id), file, { label, account: r.account?.(item, id) })
      then?.(id, item, file)
    })
  }

  /**
   * The parent a list call was asked about but does not print (ListVpcEndpointServiceResources has no ServiceId):
   * an id in the file's path, else the input's only candidate (reported), else nothing, with why.
   */
  parentOf(
    file: ImportFile,
    pattern: RegExp,
    candidates: string[],
    what: string,
    call: SourceName,
  ): string | undefined {
    const inPath = pattern.exec(file.path)?.[0]
    if (inPath) return inPath
    if (candidates.length === 1) {
      this.note('assumed', file.path, `${call} does not print its ${what}; the input has one, ${candidates[0]}`, file)
      return candidates[0]
    }
    this.note(
      'unplaced',
      file.path,
      `${call} does not print its ${what}, and the input has ${candidates.length ? `${candidates.length} (${candidates.join(', ')})` : 'none'}: name the file after it (${pattern.source.replace(/\[.*$/, '')}....json)`,
      file,
    )
    return undefined
  }

  /** Every instance, in the order first added. */
  instances(): TfInstance[] {
    return [...this.out.values()]
  }
}
