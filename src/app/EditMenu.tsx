// New, undo, redo, tidy and auto-layout: the edits of the whole document, each itself undoable.
import { useState } from 'react'
import { computeLayout } from '../model'
import { emptyDesign } from '../model/edits/empty'
import { useDesign, useStores, useUi } from '../store/context'
import { openInPlace } from '../store/inPlace'

const BUTTON = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-40'

export function EditMenu() {
  const stores = useStores()
  const { design, ui } = stores
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
        title="Start an empty design (undoable; the design on the canvas stays in Designs…)"
        onClick={async () => {
          const opened = await openInPlace(stores, {
            label: 'new design',
            design: emptyDesign(design.getState().design),
            what: 'A new design',
            lines: ['Started a new, empty design.'],
          })
          if (opened) ui.getState().setSelection([])
        }}
      >
        New
      </button>
      <button
        type="button"
        className={BUTTON}
        disabled={!canUndo}
        title={lastEdit ? `Undo ${lastEdit} (Ctrl+Z)` : 'Undo (Ctrl+Z)'}
        onClick={() => design.getState().undo()}
      >
        Undo
      </button>
      <button
        type="button"
        className={BUTTON}
        disabled={!canRedo}
        title="Redo (Ctrl+Shift+Z)"
        onClick={() => design.getState().redo()}
      >
        Redo
      </button>
      <button
        type="button"
        className={BUTTON}
        title="Lay the whole design out again: zones as columns in each VPC; VPCs one under another, or in rows when there are many"
        onClick={() =>
          design.getState().edit('tidy layout', (d) => ({ ...d, layout: computeLayout({ ...d, layout: {} }) }))
        }
      >
        Tidy
      </button>
      <AutoLayoutButton />
      <button
        type="button"
        className={BUTTON}
        title="Keyboard shortcuts (?)"
        onClick={() => ui.getState().openDialog({ kind: 'help' })}
      >
        ?
      </button>
    </div>
  )
}

/** Auto-layout with ELK: one selected VPC or vSwitch is laid out on its own; anything else lays out the whole design. */
function AutoLayoutButton() {
  const { design, ui } = useStores()
  const selectedIds = useUi((s) => s.selectedIds)
  const resources = useDesign((s) => s.design.resources)
  const chosen = selectedIds.length === 1 ? resources.find((r) => r.id === selectedIds[0]) : undefined
  const container =
    chosen?.kind === 'vpc' || chosen?.kind === 'vswitch'
      ? { id: chosen.id, what: `${chosen.kind === 'vpc' ? 'VPC' : 'vSwitch'} ${chosen.name ?? chosen.id}` }
      : undefined
  const [laying, setLaying] = useState(false)
  return (
    <button
      type="button"
      className={`${BUTTON} whitespace-nowrap`}
      disabled={laying}
      title={
        container
          ? `Lay out what ${container.what} holds with ELK; the rest makes room`
          : 'Lay out the whole design with ELK, following the traffic from the internet to the appliances'
      }
      onClick={async () => {
        setLaying(true)
        try {
          // elkjs and its worker load on the first use, not with the app
          const { layoutInWorker } = await import('../layout/client')
          const layout = await layoutInWorker(design.getState().design, container?.id)
          design.getState().edit(container ? `auto-layout ${container.id}` : 'auto-layout', (d) => ({ ...d, layout }))
        } catch (e) {
          ui.getState().notify({
            tone: 'error',
            lines: ['Auto-layout failed.', e instanceof Error ? e.message : String(e)],
          })
        } finally {
          setLaying(false)
        }
      }}
    >
      {laying ? 'Laying out…' : container ? 'Auto-layout selection' : 'Auto-layout'}
    </button>
  )
}
