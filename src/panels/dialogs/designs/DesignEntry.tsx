// One kept design in Designs…: its name, badges and date, its actions, and the one panel open under it (rename,
// delete, versions, recover). Only one row's panel is open at a time: the dialog holds which.
import type { DesignLibrary, LibraryAnswer, LibraryEntry, RemovedEntry } from '../../../store/library'
import { downloadText, size, small, when } from './common'
import { RecoverForm, RenameForm, VersionList } from './EntryPanels'

export type EntryPanel =
  | { kind: 'none' }
  | { kind: 'rename'; id: string }
  | { kind: 'delete'; id: string }
  | { kind: 'versions'; id: string }
  | { kind: 'recover'; id: string }

type PanelKind = Exclude<EntryPanel['kind'], 'none'>

interface EntryProps {
  entry: LibraryEntry
  library: DesignLibrary
  panel: EntryPanel
  setPanel(p: EntryPanel): void
  onAnswer(r: LibraryAnswer, after?: () => void): void
  onRemoved(removed: RemovedEntry): void
  onOpened(): void
}

export function DesignEntry({ entry: e, library, panel, setPanel, onAnswer, onRemoved, onOpened }: EntryProps) {
  const mine = panel.kind !== 'none' && panel.id === e.id ? panel.kind : null
  const toggle = (kind: PanelKind) => setPanel(mine === kind ? { kind: 'none' } : { kind, id: e.id })
  const closePanel = () => setPanel({ kind: 'none' })
  return (
    <>
      <div className="flex items-center gap-3">
        <EntryTitle entry={e} />
        <EntryActions entry={e} library={library} mine={mine} toggle={toggle} onAnswer={onAnswer} onOpened={onOpened} />
      </div>
      {mine === 'rename' && <RenameForm entry={e} library={library} onDone={closePanel} />}
      {mine === 'delete' && (
        <DeleteConfirm
          entry={e}
          onCancel={closePanel}
          onDelete={async () => {
            closePanel()
            const r = await library.remove(e.id)
            if ('ok' in r) onAnswer(r)
            else onRemoved(r)
          }}
        />
      )}
      {mine === 'versions' && (
        // a save or a restore makes new versions: the list is read again
        <VersionList key={e.updatedAt} entry={e} library={library} onAnswer={onAnswer} />
      )}
      {mine === 'recover' && <RecoverForm entry={e} library={library} onAnswer={onAnswer} onOpened={onOpened} />}
    </>
  )
}

function EntryTitle({ entry: e }: { entry: LibraryEntry }) {
  return (
    <div className="min-w-0 flex-1">
      <p className="truncate font-medium text-slate-900">
        {e.name}
        {e.open && (
          <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-normal text-sky-900">on the canvas</span>
        )}
        {e.problem !== undefined && (
          <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-normal text-red-900">does not open</span>
        )}
      </p>
      <p className="text-xs text-slate-500">
        saved {when(e.updatedAt)} · {size(e.bytes)}
      </p>
    </div>
  )
}

function EntryActions({
  entry: e,
  library,
  mine,
  toggle,
  onAnswer,
  onOpened,
}: Pick<EntryProps, 'entry' | 'library' | 'onAnswer' | 'onOpened'> & {
  mine: PanelKind | null
  toggle(kind: PanelKind): void
}) {
  const panelButton = (kind: PanelKind, label: string, text: string, disabled = false) => (
    <button
      type="button"
      className={small}
      aria-expanded={mine === kind}
      aria-label={label}
      disabled={disabled}
      onClick={() => toggle(kind)}
    >
      {text}
    </button>
  )
  return (
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
        panelButton('recover', `Recover ${e.name}`, 'Recover…')
      )}
      {panelButton('rename', `Rename ${e.name}`, 'Rename', e.problem !== undefined)}
      {panelButton('versions', `Versions of ${e.name}`, 'Versions')}
      <button
        type="button"
        className={small}
        aria-label={`Export ${e.name}`}
        onClick={() => downloadText(library, e.id)}
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
  )
}

function DeleteConfirm({ entry, onDelete, onCancel }: { entry: LibraryEntry; onDelete(): void; onCancel(): void }) {
  return (
    <div className="mt-2 flex items-center gap-2 rounded bg-red-50 p-2 text-red-950">
      <p className="flex-1">Delete "{entry.name}" and its versions from this browser?</p>
      <button
        type="button"
        className="rounded border border-red-700 bg-red-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-red-800"
        // the confirmation is where the keyboard is
        ref={(b) => b?.focus()}
        onClick={onDelete}
      >
        Delete
      </button>
      <button type="button" className={small} onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
