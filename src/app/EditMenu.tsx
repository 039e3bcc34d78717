// New, undo, redo and tidy: the edits of the whole document, each itself undoable.
import { computeLayout } from '../model'
import { emptyDesign } from '../model/edits/empty'
import { useDesign, useStores, useUi } from '../store/context'

const BUTTON = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-40'

export function EditMenu() {
  const { design, ui } = useStores()
  const canUndo = useDesign((s) => s.past.length > 0)
  const canRedo = useDesign((s) => s.future.length > 0)
  const lastEdit = useDesign((s) => s.labels.at(-1))
  const readOnly = useUi((s) => s.readOnly)
  if (readOnly) return null
  return (
    <div className="flex items-center gap-1">
      <button
        type="button"
        className={BUTTON}
        title="Start an empty design (undoable)"
        onClick={() => {
          design.getState().edit('new design', (d) => emptyDesign(d))
          ui.getState().setSelection([])
        }}
      >
        New
      </button>
      <button type="button" className={BUTTON} disabled={!canUndo} title={lastEdit ? `Undo ${lastEdit} (Ctrl+Z)` : 'Undo (Ctrl+Z)'} onClick={() => design.getState().undo()}>
        Undo
      </button>
      <button type="button" className={BUTTON} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" onClick={() => design.getState().redo()}>
        Redo
      </button>
      <button
        type="button"
        className={BUTTON}
        title="Lay the whole design out again: VPCs stacked, zones as columns"
        onClick={() => design.getState().edit('tidy layout', (d) => ({ ...d, layout: computeLayout({ ...d, layout: {} }) }))}
      >
        Tidy
      </button>
      <button type="button" className={BUTTON} title="Keyboard shortcuts (?)" onClick={() => ui.getState().openDialog({ kind: 'help' })}>
        ?
      </button>
    </div>
  )
}
