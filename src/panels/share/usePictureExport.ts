// Export of the canvas as PNG or SVG: the whole design, or the selected node with what it holds.
// Finds React Flow's viewport and the legend's unfolded key in the canvas, measures the nodes, and downloads the file.
import { useReactFlow, useStoreApi } from '@xyflow/react'
import { useCallback } from 'react'
import type { Design } from '../../model'
import { failureReason } from '../../share/image/failure'
import type { PictureRequest } from '../../share/image/picture'
import { useStores } from '../../store/context'
import { download, fileNameFor } from './download'

export type PictureFormat = 'png' | 'svg'
export type PictureScope = 'design' | 'selection'

/** The nodes and every node inside them, through the parentId chain. */
function withDescendants(rootIds: string[], nodes: { id: string; parentId?: string }[]): string[] {
  const ids = new Set(rootIds)
  let grew = true
  while (grew) {
    grew = false
    for (const n of nodes)
      if (n.parentId && ids.has(n.parentId) && !ids.has(n.id)) {
        ids.add(n.id)
        grew = true
      }
  }
  return [...ids]
}

function describe(design: Design, selectedIds: string[]): string {
  if (!selectedIds.length) return 'the whole design'
  const names = selectedIds.map((id) => {
    const r = design.resources.find((x) => x.id === id)
    return r ? `${r.kind} "${r.name ?? r.id}"` : id
  })
  const shown = names.length > 3 ? [...names.slice(0, 3), `${names.length - 3} more`] : names
  return `the selection: ${shown.join(', ')} and what ${names.length === 1 ? 'it holds' : 'they hold'}`
}

/** Whether React Flow has the node on the page (it mounts only those in view of a large design). */
function mounted(viewport: HTMLElement, id: string): boolean {
  return viewport.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`) !== null
}

export function usePictureExport(): (format: PictureFormat, scope: PictureScope) => Promise<void> {
  const flow = useReactFlow()
  const flowStore = useStoreApi()
  const { design: designStore, ui, report } = useStores()
  return useCallback(
    async (format, scope) => {
      const design = designStore.getState().design
      const label = format.toUpperCase()
      try {
        const root = flowStore.getState().domNode
        const viewport = root?.querySelector<HTMLElement>('.react-flow__viewport')
        if (!root || !viewport) throw new Error('the canvas is not on the page')
        const nodes = flow.getNodes()
        // React Flow's own selection flags: the canvas keeps them in step with what the user selected
        const selectedIds = scope === 'selection' ? nodes.filter((n) => n.selected).map((n) => n.id) : []
        if (scope === 'selection' && !selectedIds.length)
          throw new Error('nothing is selected: click a resource or a container first')
        const ids = selectedIds.length ? withDescendants(selectedIds, nodes) : nodes.map((n) => n.id)
        if (!ids.length) throw new Error('the design has nothing to draw')
        const request: PictureRequest = {
          viewport,
          bounds: flow.getNodesBounds(ids),
          title: design.name,
          subtitle: `Region ${design.regionId} · ${describe(design, selectedIds)} · GWLB Studio`,
          legend: root.querySelector<HTMLElement>('[data-testid="legend-key"]'),
        }
        const suffix = selectedIds.length ? '-selection' : ''
        // drawn with plain shapes and text by the renderer the command line uses, so that resvg, Inkscape or
        // draw.io draw it too (a copy of the DOM needs a foreignObject, which they leave blank)
        const drawNatively = async () => {
          const { drawDesign } = await import('../../share/svg/render')
          const checked = report.getState().report
          return drawDesign(design, {
            // an activity that hides the linter's problems hides them from its pictures too
            problems: checked?.loaded && !ui.getState().problemsHidden ? checked.problems : [],
            only: selectedIds.length ? ids : undefined,
            subtitle: request.subtitle,
          })
        }
        if (format === 'png') {
          // html-to-image is only needed here: it loads on the first export, not with the app
          const { pictureAsPng, svgAsPng } = await import('../../share/image/picture')
          // a large design mounts only the nodes in view: a DOM copy would leave the others out
          const png = ids.every((id) => mounted(viewport, id))
            ? await pictureAsPng(request, design)
            : await svgAsPng(await drawNatively(), design)
          download(fileNameFor(design, `${suffix}.png`), 'image/png', png)
        } else {
          download(fileNameFor(design, `${suffix}.svg`), 'image/svg+xml', (await drawNatively()).svg)
        }
        ui.getState().notify({
          tone: 'info',
          lines: [
            format === 'png'
              ? `Exported a PNG of ${describe(design, selectedIds)}. It carries the design: drop it on GWLB Studio to open it again.`
              : `Exported an SVG of ${describe(design, selectedIds)}.`,
          ],
        })
      } catch (e) {
        ui.getState().notify({
          tone: 'error',
          lines: [`Could not export the ${label} image.`, failureReason(e)],
        })
      }
    },
    [flow, flowStore, designStore, ui, report],
  )
}
