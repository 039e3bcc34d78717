// Designs…: every design kept in this browser, newest first, with its date. Open one in place of the
// design on the canvas (which stays in the list), rename, export as a file, delete (after a confirmation,
// and with Undo), see and restore its earlier versions, and recover one that does not open.
import { useCallback, useEffect, useState } from 'react'
import { useStores } from '../../store/context'
import type { LibraryAnswer, LibraryEntry, RemovedEntry } from '../../store/library'
import { Dialog } from '../share/Dialog'
import { small } from './designs/common'
import { DesignEntry, type EntryPanel } from './designs/DesignEntry'

type Message = { lines: string[]; undo?: RemovedEntry }

export function DesignsDialog() {
  const stores = useStores()
  const library = stores.library
  const close = () => stores.ui.getState().openDialog(null)
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null)
  const [panel, setPanel] = useState<EntryPanel>({ kind: 'none' })
  const [message, setMessage] = useState<Message | null>(null)
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
        <LibraryMessage
          message={message}
          onUndo={async (removed) => {
            await library.undoRemove(removed)
            setMessage(null)
          }}
        />
      )}
      {entries === null ? (
        <p>Reading the designs…</p>
      ) : entries.length === 0 ? (
        <p>No design is saved in this browser yet: the first edit saves the one on the canvas.</p>
      ) : (
        <ul aria-label="Designs" data-testid="designs-list" className="divide-y divide-slate-100 border-y">
          {entries.map((e) => (
            <li key={e.id} data-testid="design-entry" className="py-2">
              <DesignEntry
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

/** What the last action said, with Undo after a delete. */
function LibraryMessage({ message, onUndo }: { message: Message; onUndo(removed: RemovedEntry): void }) {
  const { undo } = message
  return (
    <div role="status" className="mb-3 flex items-start gap-2 rounded border border-slate-200 bg-slate-50 p-2">
      <div className="min-w-0 flex-1">
        {message.lines.map((l) => (
          <p key={l}>{l}</p>
        ))}
      </div>
      {undo && (
        <button type="button" className={small} onClick={() => onUndo(undo)}>
          Undo
        </button>
      )}
    </div>
  )
}
