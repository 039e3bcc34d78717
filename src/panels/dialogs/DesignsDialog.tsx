// Designs…: every design kept in this browser, newest first, with its date. Open one in place of the
// design on the canvas (which stays in the list), rename, export as a file, delete (after a confirmation,
// and with Undo), see and restore its earlier versions, and recover one that does not open.
import { useCallback, useEffect, useState } from 'react'
import { useStores } from '../../store/context'
import type { DesignLibrary, LibraryAnswer, LibraryEntry, LibraryVersion, RemovedEntry } from '../../store/library'
import { buttonClass, Dialog, primaryButtonClass } from '../share/Dialog'
import { download } from '../share/download'

type Panel =
  | { kind: 'none' }
  | { kind: 'rename'; id: string }
  | { kind: 'delete'; id: string }
  | { kind: 'versions'; id: string }
  | { kind: 'recover'; id: string }

const when = (iso: string) => new Date(iso).toLocaleString()
const size = (chars: number) => (chars < 1024 ? `${chars} B` : `${Math.round(chars / 1024)} KB`)
const small = `${buttonClass} text-xs`

export function DesignsDialog() {
  const stores = useStores()
  const library = stores.library
  const close = () => stores.ui.getState().openDialog(null)
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null)
  const [panel, setPanel] = useState<Panel>({ kind: 'none' })
  const [message, setMessage] = useState<{ lines: string[]; undo?: RemovedEntry } | null>(null)
  const refresh = useCallback(async () => {
    if (library) setEntries(await library.list())
  }, [library])
  useEffect(() => {
    if (!library) return
    void refresh()
    // another tab saving, renaming or deleting changes the list while it is open
    return library.subscribe(() => void refresh())
  }, [library, refresh])

  if (!library)
    return (
      <Dialog title="Designs in this browser" onClose={close}>
        <p>This browser keeps no designs here (no IndexedDB, or an embedded view). Use Save file to keep one.</p>
      </Dialog>
    )
  const answer = (r: LibraryAnswer, after?: () => void) => {
    if (r.ok) {
      setMessage(null)
      after?.()
    } else setMessage({ lines: r.lines })
  }
  return (
    <Dialog title="Designs in this browser" onClose={close} wide>
      <p className="mb-3 text-slate-600">
        Every design is saved here as you edit. Opening another one (or a file, an example, a link's copy) keeps the one
        on the canvas in this list; each design keeps its earlier versions.
      </p>
      {message && (
        <div role="status" className="mb-3 flex items-start gap-2 rounded border border-slate-200 bg-slate-50 p-2">
          <div className="min-w-0 flex-1">
            {message.lines.map((l) => (
              <p key={l}>{l}</p>
            ))}
          </div>
          {message.undo && (
            <button
              type="button"
              className={small}
              onClick={async () => {
                if (message.undo) await library.undoRemove(message.undo)
                setMessage(null)
              }}
            >
              Undo
            </button>
          )}
        </div>
      )}
      {entries === null ? (
        <p>Reading the designs…</p>
      ) : entries.length === 0 ? (
        <p>No design is saved in this browser yet: the first edit saves the one on the canvas.</p>
      ) : (
        <ul aria-label="Designs" data-testid="designs-list" className="divide-y divide-slate-100 border-y">
          {entries.map((e) => (
            <li key={e.id} data-testid="design-entry" className="py-2">
              <EntryRow
                entry={e}
                library={library}
                panel={panel}
                setPanel={setPanel}
                onAnswer={answer}
                onRemoved={(removed) =>
                  setMessage({ lines: [`Deleted "${removed.name}" from this browser.`], undo: removed })
                }
                onOpened={close}
              />
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}

function EntryRow({
  entry: e,
  library,
  panel,
  setPanel,
  onAnswer,
  onRemoved,
  onOpened,
}: {
  entry: LibraryEntry
  library: DesignLibrary
  panel: Panel
  setPanel(p: Panel): void
  onAnswer(r: LibraryAnswer, after?: () => void): void
  onRemoved(removed: RemovedEntry): void
  onOpened(): void
}) {
  const mine = panel.kind !== 'none' && panel.id === e.id ? panel.kind : null
  const toggle = (kind: Exclude<Panel['kind'], 'none'>) =>
    setPanel(mine === kind ? { kind: 'none' } : ({ kind, id: e.id } as Panel))
  return (
    <>
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-slate-900">
            {e.name}
            {e.open && (
              <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-normal text-sky-900">
                on the canvas
              </span>
            )}
            {e.problem !== undefined && (
              <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-normal text-red-900">
                does not open
              </span>
            )}
          </p>
          <p className="text-xs text-slate-500">
            saved {when(e.updatedAt)} · {size(e.bytes)}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap justify-end gap-1">
          {e.problem === undefined ? (
            <button
              type="button"
              className={small}
              disabled={e.open}
              aria-label={`Open ${e.name}`}
              onClick={async () => onAnswer(await library.open(e.id), onOpened)}
            >
              Open
            </button>
          ) : (
            <button
              type="button"
              className={small}
              aria-expanded={mine === 'recover'}
              aria-label={`Recover ${e.name}`}
              onClick={() => toggle('recover')}
            >
              Recover…
            </button>
          )}
          <button
            type="button"
            className={small}
            aria-expanded={mine === 'rename'}
            aria-label={`Rename ${e.name}`}
            disabled={e.problem !== undefined}
            onClick={() => toggle('rename')}
          >
            Rename
          </button>
          <button
            type="button"
            className={small}
            aria-expanded={mine === 'versions'}
            aria-label={`Versions of ${e.name}`}
            onClick={() => toggle('versions')}
          >
            Versions
          </button>
          <button
            type="button"
            className={small}
            aria-label={`Export ${e.name}`}
            onClick={async () => {
              const raw = await library.rawText(e.id)
              if (raw) download(raw.fileName, 'application/json', raw.text)
            }}
          >
            Export
          </button>
          <button
            type="button"
            className={small}
            aria-label={`Delete ${e.name}`}
            disabled={e.open}
            title={e.open ? 'This design is on the canvas: open another one first' : undefined}
            onClick={() => toggle('delete')}
          >
            Delete
          </button>
        </div>
      </div>
      {mine === 'rename' && <RenameForm entry={e} library={library} onDone={() => setPanel({ kind: 'none' })} />}
      {mine === 'delete' && (
        <div className="mt-2 flex items-center gap-2 rounded bg-red-50 p-2 text-red-950">
          <p className="flex-1">Delete "{e.name}" and its versions from this browser?</p>
          <button
            type="button"
            className="rounded border border-red-700 bg-red-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-red-800"
            // the confirmation is where the keyboard is
            ref={(b) => b?.focus()}
            onClick={async () => {
              setPanel({ kind: 'none' })
              const r = await library.remove(e.id)
              if ('ok' in r) onAnswer(r)
              else onRemoved(r)
            }}
          >
            Delete
          </button>
          <button type="button" className={small} onClick={() => setPanel({ kind: 'none' })}>
            Cancel
          </button>
        </div>
      )}
      {mine === 'versions' && (
        // a save or a restore makes new versions: the list is read again
        <VersionList key={e.updatedAt} entry={e} library={library} onAnswer={onAnswer} />
      )}
      {mine === 'recover' && <RecoverForm entry={e} library={library} onAnswer={onAnswer} onOpened={onOpened} />}
    </>
  )
}

function RenameForm({ entry, library, onDone }: { entry: LibraryEntry; library: DesignLibrary; onDone(): void }) {
  const [name, setName] = useState(entry.name)
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      className="mt-2 flex items-center gap-2"
      onSubmit={async (ev) => {
        ev.preventDefault()
        const r = await library.rename(entry.id, name)
        if (r.ok) onDone()
        else setError(r.lines.join(' '))
      }}
    >
      <label className="flex flex-1 items-center gap-2">
        <span className="shrink-0">New name</span>
        <input
          className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-0.5"
          value={name}
          // the field the user asked for
          ref={(i) => i?.focus()}
          onChange={(ev) => setName(ev.target.value)}
          aria-invalid={error !== null}
        />
      </label>
      <button type="submit" className={primaryButtonClass}>
        Rename
      </button>
      {error && <p className="text-red-800">{error}</p>}
    </form>
  )
}

function VersionList({
  entry,
  library,
  onAnswer,
}: {
  entry: LibraryEntry
  library: DesignLibrary
  onAnswer(r: LibraryAnswer): void
}) {
  const [versions, setVersions] = useState<LibraryVersion[] | null>(null)
  useEffect(() => {
    let live = true
    library.versions(entry.id).then((v) => live && setVersions(v))
    return () => {
      live = false
    }
  }, [library, entry.id])
  if (versions === null) return <p className="mt-2 pl-4 text-slate-500">Reading versions…</p>
  if (versions.length === 0)
    return (
      <p className="mt-2 pl-4 text-slate-500">
        No earlier version yet: one is kept when a new session first edits it, and every ten minutes of editing.
      </p>
    )
  return (
    <ul aria-label={`Versions of ${entry.name}`} className="mt-2 space-y-1 pl-4">
      {versions.map((v) => (
        <li key={v.id} data-testid="design-version" className="flex items-center gap-2">
          <span className="min-w-0 flex-1">
            <span className="font-medium">{when(v.savedAt)}</span>{' '}
            <span className="text-slate-500">
              · "{v.name}" · {v.reason}
            </span>
          </span>
          <button
            type="button"
            className={small}
            aria-label={`Restore the version of ${when(v.savedAt)}`}
            onClick={async () => onAnswer(await library.restoreVersion(entry.id, v.id))}
          >
            Restore
          </button>
        </li>
      ))}
    </ul>
  )
}

function RecoverForm({
  entry,
  library,
  onAnswer,
  onOpened,
}: {
  entry: LibraryEntry
  library: DesignLibrary
  onAnswer(r: LibraryAnswer, after?: () => void): void
  onOpened(): void
}) {
  const [text, setText] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    library.rawText(entry.id).then((raw) => live && setText(raw?.text ?? ''))
    return () => {
      live = false
    }
  }, [library, entry.id])
  return (
    <div className="mt-2 space-y-2 rounded bg-amber-50 p-2 text-amber-950">
      <p>
        It does not open: <span className="font-mono text-xs">{entry.problem}</span>
      </p>
      <p>
        Its text is kept here as it was. Download it, or fix it below and open it as a new design (this one stays until
        you delete it).
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          className={small}
          onClick={async () => {
            const raw = await library.rawText(entry.id)
            if (raw) download(raw.fileName, 'application/json', raw.text)
          }}
        >
          Download its text
        </button>
      </div>
      <label className="block">
        <span className="sr-only">The design's text</span>
        <textarea
          data-testid="recover-text"
          className="h-40 w-full rounded border border-amber-300 bg-white p-1 font-mono text-xs"
          value={text ?? ''}
          disabled={text === null}
          onChange={(ev) => setText(ev.target.value)}
        />
      </label>
      <button
        type="button"
        className={primaryButtonClass}
        disabled={text === null}
        onClick={async () => text !== null && onAnswer(await library.openText(text), onOpened)}
      >
        Open as a new design
      </button>
    </div>
  )
}
