// What the panels may ask of the designs kept in this browser (the app implements it over IndexedDB).
// Plain data in and out, so the Designs dialog and the file and link actions stay free of storage code.

export interface LibraryEntry {
  id: string
  name: string
  createdAt: string
  updatedAt: string
  /** the size of the stored text, in characters */
  bytes: number
  /** why it did not open the last time; its text is kept as it was, for Recover */
  problem?: string
  /** the design this tab is editing */
  open: boolean
}

export interface LibraryVersion {
  id: string
  name: string
  savedAt: string
  reason: string
}

export type LibraryAnswer = { ok: true } | { ok: false; lines: string[] }

/** The design a replace left: kept in the browser, one click away. */
export interface KeptDesign {
  name: string
  /** the notice line that says where it is */
  line: string
  reopen(): Promise<LibraryAnswer>
}

/** Adds "how to get it back" to the notice of whatever replaced the design. */
export function keptNotice(kept: KeptDesign | null | undefined) {
  return kept
    ? { lines: [kept.line], actions: [{ label: `Reopen "${kept.name}"`, run: () => void kept.reopen() }] }
    : { lines: [], actions: undefined }
}

/** What a remove took away, to put it back with Undo. */
export interface RemovedEntry {
  readonly id: string
  readonly name: string
}

export interface DesignLibrary {
  list(): Promise<LibraryEntry[]>
  /** called when the list may have changed, here or in another tab */
  subscribe(listener: () => void): () => void
  /** saves the design on the canvas and opens a stored one in its place */
  open(id: string): Promise<LibraryAnswer>
  rename(id: string, name: string): Promise<LibraryAnswer>
  remove(id: string): Promise<RemovedEntry | LibraryAnswer>
  undoRemove(removed: RemovedEntry): Promise<void>
  /** the stored text, as it is (loadable or not), and a file name for it */
  rawText(id: string): Promise<{ fileName: string; text: string } | undefined>
  versions(id: string): Promise<LibraryVersion[]>
  /** a version's stored text, as it is (the Compare tab reads it), or undefined when it is no longer kept */
  versionText(id: string, versionId: string): Promise<string | undefined>
  restoreVersion(id: string, versionId: string): Promise<LibraryAnswer>
  /** opens a text (a recovered design, fixed) as a new stored design */
  openText(text: string): Promise<LibraryAnswer>
  /**
   * Before another design replaces the one on the canvas: saves it where it is kept and makes the next
   * save start a new stored design. Says how to get it back, when there is something to get back.
   */
  keepBeforeReplace(): Promise<KeptDesign | null>
}
