// The panels a kept design opens under its row: a new name, its earlier versions, the text of one that does not open.
import { useEffect, useState } from 'react'
import type { DesignLibrary, LibraryAnswer, LibraryEntry, LibraryVersion } from '../../../store/library'
import { primaryButtonClass } from '../../share/Dialog'
import { downloadText, small, when } from './common'

export function RenameForm({
  entry,
  library,
  onDone,
}: {
  entry: LibraryEntry
  library: DesignLibrary
  onDone(): void
}) {
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

export function VersionList({
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

export function RecoverForm({
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
        <button type="button" className={small} onClick={() => downloadText(library, entry.id)}>
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
