// A palette drop: the resource is created where it was dropped, or the refusal is shown; where the refusal
// names a missing step (no endpoint service yet, a whitelist without the consumer), the notice offers that
// step in one click, and taking it tries the drop again.
import { applyRemedy, createResource, dropTargetOf, type PlaceableKind } from '../model/edits/create'
import type { Point } from '../model/edits/placeDrop'
import type { Stores } from '../store/context'

/** Creates `kind` dropped on the drawn node `containerId` (or the page) at canvas point `at`. */
export function placeFromPalette(
  stores: Pick<Stores, 'design' | 'ui'>,
  kind: PlaceableKind,
  containerId: string | null,
  at?: Point,
): void {
  const { design, ui } = stores
  const current = design.getState().design
  const result = createResource(current, kind, dropTargetOf(current, containerId), at)
  if (result.ok) {
    design.getState().edit(`add ${result.id}`, () => result.design)
    ui.getState().notify(null)
    ui.getState().select(result.id)
    return
  }
  const { remedy } = result
  ui.getState().notify({
    tone: 'error',
    lines: [result.message],
    ...(remedy && {
      actions: [
        {
          label: remedy.label,
          run: () => {
            const step = applyRemedy(design.getState().design, remedy)
            if (!step.ok) {
              ui.getState().notify({ tone: 'error', lines: [step.message] })
              return
            }
            design.getState().edit(remedy.label, () => step.design)
            placeFromPalette(stores, kind, containerId, at)
          },
        },
      ],
    }),
  })
}
