// Deleting: lists what depends on the resource, offers the guide's teardown order, refuses what the cloud refuses.
import { planDeletion } from '../../model/edits/remove'
import { useDesign, useStores } from '../../store/context'
import { BUTTON, Modal, PRIMARY } from './Modal'

export function DeleteDialog({ ids }: { ids: string[] }) {
  const { design, ui } = useStores()
  const current = useDesign((s) => s.design)
  const close = () => ui.getState().openDialog(null)
  // several at once: delete them one after another, leaves first, stopping at the first refusal
  const order = [...ids].sort((a, b) => depth(b) - depth(a))
  function depth(id: string): number {
    const r = current.resources.find((x) => x.id === id)
    return r?.kind === 'vpc' ? 0 : r?.kind === 'vswitch' ? 1 : 2
  }
  const first = order[0]
  const plan = planDeletion(current, first)
  const name = (id: string) => current.resources.find((r) => r.id === id)?.name ?? id
  const title = ids.length === 1 ? `Delete ${name(first)}?` : `Delete ${ids.length} resources?`
  return (
    <Modal title={title} onClose={close} testId="delete-dialog">
      {plan.dependents.length > 0 && (
        <div className="text-sm">
          <p className="text-slate-700">{plan.ok ? 'These depend on it:' : plan.refused}</p>
          <ul className="mt-1 list-disc pl-5 text-slate-600">
            {plan.dependents.map((d) => (
              <li key={d.id + d.description}>{d.description}</li>
            ))}
          </ul>
        </div>
      )}
      {!plan.ok && plan.dependents.length === 0 && <p className="text-sm text-slate-700">{plan.refused}</p>}
      <div className="mt-4 flex flex-col items-stretch gap-2">
        {plan.ok &&
          plan.options.map((o, i) => (
            <button
              key={o.label}
              type="button"
              className={i === 0 ? PRIMARY : BUTTON}
              onClick={() => {
                let next = o.design
                // the rest of a multi-selection, each with its first (safest) option; a refusal stops there
                for (const id of order.slice(1)) {
                  const p = planDeletion(next, id)
                  if (!p.ok) {
                    ui.getState().notify({ tone: 'error', lines: [`${name(id)} was not deleted.`, p.refused] })
                    break
                  }
                  next = p.options[0].design
                }
                design
                  .getState()
                  .edit(ids.length === 1 ? `delete ${first}` : `delete ${ids.length} resources`, () => next)
                ui.getState().select(null)
                close()
              }}
            >
              {o.label}
            </button>
          ))}
        <button type="button" className={BUTTON} onClick={close}>
          {plan.ok ? 'Cancel' : 'Close'}
        </button>
      </div>
    </Modal>
  )
}
