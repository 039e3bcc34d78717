// What an import reads and what it gives back. Pure data: no I/O, no DOM.
import type { Design } from '../model'

/** One input file as the CLI read it from disk or the browser from a file picker or a dropped folder. */
export interface ImportFile {
  /** the path as the user sees it (relative to the folder they gave), used in every message */
  path: string
  text: string
}

/** Limits (docs/import.md): beyond them the import stops with a message instead of hanging. */
export const IMPORT_LIMITS = {
  files: 2000,
  bytes: 64 * 1024 * 1024,
  resources: 20000,
  /** an import still running after this many seconds stops with a message */
  seconds: 60,
} as const

/** How much of a JSON file is read to tell an input to import from a design (isImportHead), in the CLI and the browser. */
export const IMPORT_HEAD_BYTES = 4096

export const SOURCE_KINDS = ['hcl', 'tfstate', 'tfplan', 'aliyun'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export interface ImportOptions {
  /** overrides detection */
  from?: SourceKind
  /** -var k=v values; they win over *.tfvars and variable defaults */
  vars?: Record<string, string>
  /** what the input is called (the folder or file given), for the design's name; else it comes from the paths */
  name?: string
  /**
   * An input that maps to no resource is an answer, not a refusal: the state before a plan, which is empty when
   * the plan creates everything. Otherwise such an import is refused, so it cannot replace the design on the canvas.
   */
  emptyIsAnswer?: boolean
}

/** Where something came from, for messages: a file and, where known, a line (1-based). */
export interface SourcePlace {
  file: string
  line?: number
}

export interface MappedItem {
  /** the Terraform address (alicloud_vpc.main) or API resource (Vpcs.Vpc[0]) */
  address: string
  /** design resource id it became, and what part of it */
  resourceId: string
  as: string
}

export interface ReportItem {
  address: string
  message: string
  where?: SourcePlace
}

export interface PlannedAction {
  address: string
  /** Terraform's actions, e.g. ["create"], ["delete", "create"] */
  actions: string[]
}

export interface ImportReport {
  source: SourceKind
  files: string[]
  mapped: MappedItem[]
  /** resources of kinds the design does not model (NAT gateways, SLB, ...), and what refers to them */
  notModelled: ReportItem[]
  /** expressions that could not be resolved: never guessed */
  unresolved: ReportItem[]
  /** resources that could not be placed (an instance whose vSwitch is not in the input) */
  unplaced: ReportItem[]
  /** values the cloud assigns that the input does not say (an address the importer picked), and other choices made */
  assumed: ReportItem[]
  /** files in the input that were not read, with why */
  skippedFiles: ReportItem[]
  /** a plan only: the planned actions; the design shows the state after them */
  plannedActions?: PlannedAction[]
}

export interface ImportError {
  file: string
  line?: number
  message: string
  /** what was expected there */
  expected: string
}

export type ImportResult = { ok: true; design: Design; report: ImportReport } | { ok: false; errors: ImportError[] }

/** A failed import; thrown inside the importer and turned into { ok: false } at its edge. */
export class ImportFailure extends Error {
  constructor(readonly errors: ImportError[]) {
    super(errors.map(formatImportError).join('\n'))
  }
}

export function formatImportError(e: ImportError): string {
  return `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}; expected ${e.expected}`
}

export function emptyReport(source: SourceKind, files: string[]): ImportReport {
  return { source, files, mapped: [], notModelled: [], unresolved: [], unplaced: [], assumed: [], skippedFiles: [] }
}
