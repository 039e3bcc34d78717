// What sharing adds around the canvas: the read-only banner with "Make my copy" for a shared link,
// the strip of the embed view, and opening (or importing) what is dropped anywhere on the window.
import { useEffect, useLayoutEffect, useState } from 'react'
import { EMBED_VIEW, isEmbedView, VIEW_PARAM } from '../../share/linkKinds'
import { type Stores, useDesign, useStores, useUi } from '../../store/context'
import type { ImportInput } from '../../store/importer'
import { droppedInputs } from '../dialogs/importInputs'
import { primaryButtonClass } from './Dialog'
import { leaveSharedLink } from './sharedLink'

export function ShareLayer() {
  const stores = useStores()
  const embed = useUi((s) => s.embed)
  const readOnly = useUi((s) => s.readOnly)
  // the embed flag lives in the URL; reading it before the first paint keeps the editing UI from flashing
  useLayoutEffect(() => {
    if (isEmbedView(window.location)) stores.ui.getState().setEmbed(true)
  }, [stores])
  if (embed) return <EmbedStrip />
  return (
    <>
      {readOnly && <ReadOnlyBanner stores={stores} />}
      <DropZone stores={stores} />
    </>
  )
}

function ReadOnlyBanner({ stores }: { stores: Stores }) {
  return (
    <div
      data-testid="read-only-banner"
      className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950"
    >
      <p className="min-w-0 flex-1">
        <span className="font-semibold">Read-only: this design was shared with you.</span> Nothing you see here is
        saved, and your own saved design is kept as it is. Make a copy to edit it.
      </p>
      <button
        type="button"
        className={primaryButtonClass}
        onClick={() => {
          leaveSharedLink(stores)
          stores.ui.getState().notify({
            tone: 'info',
            lines: [
              `"${stores.design.getState().design.name}" is now your copy: you can edit it.`,
              stores.library
                ? 'It is saved in this browser as a new design, beside your own ones (Designs… lists them all).'
                : 'This browser keeps no designs: use Save file to keep it.',
            ],
          })
        }}
      >
        Make my copy
      </button>
    </div>
  )
}

/** The same address without the embed flag: the full app, where the viewer can make a copy. */
function fullAppUrl(): string {
  const url = new URL(window.location.href)
  url.searchParams.delete(VIEW_PARAM)
  url.hash = url.hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== `${VIEW_PARAM}=${EMBED_VIEW}`)
    .join('&')
  return url.toString()
}

function EmbedStrip() {
  const name = useDesign((s) => s.design.name)
  return (
    <div
      data-testid="embed-strip"
      className="flex h-8 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 text-xs text-slate-600"
    >
      <span className="truncate font-semibold text-slate-900">{name}</span>
      <span className="text-slate-400">read-only view</span>
      <a
        className="ml-auto shrink-0 text-sky-800 underline hover:text-sky-950"
        href={fullAppUrl()}
        target="_blank"
        rel="noopener noreferrer"
      >
        Open in GWLB Studio ↗
      </a>
    </div>
  )
}

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false

/**
 * What is dropped on the window: a folder, several files, or Terraform or cloud output is imported; a design
 * file (JSON or an exported PNG) opens as "Open file…" does.
 */
async function openOrImport(stores: Stores, inputs: ImportInput[], file: File | undefined) {
  const importer = stores.importer
  const folder = inputs.some((i) => i.kind === 'entry' && i.entry.isDirectory)
  if (importer && (folder || inputs.length > 1 || (file && (await importer.isImportFile(file)))))
    await importer.run(inputs)
  // the file readers (PNG text, DEFLATE) load with the first file opened
  else if (file) await (await import('./openDesign')).openDesignFile(stores, file)
}

/** Anything dropped anywhere on the window: see openOrImport. */
function DropZone({ stores }: { stores: Stores }) {
  const [over, setOver] = useState(false)
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the window is left
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth++
      setOver(true)
    }
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const dragover = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      // a drop target inside the app (the Import dialog's) took it already
      const taken = e.defaultPrevented
      // without this the browser would leave the app to show the file
      e.preventDefault()
      depth = 0
      setOver(false)
      if (taken) return
      // the items are read now: the list empties when the event ends (the entries and files stay usable)
      const inputs = e.dataTransfer ? droppedInputs(e.dataTransfer) : []
      const file = e.dataTransfer?.files[0]
      void openOrImport(stores, inputs, file)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('dragover', dragover)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('dragover', dragover)
      window.removeEventListener('drop', drop)
    }
  }, [stores])
  // the Import dialog is a drop target of its own, with its choices
  const importing = useUi((s) => s.dialog?.kind === 'import')
  if (!over || importing) return null
  return (
    <div
      data-testid="drop-zone"
      className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center border-4 border-dashed border-sky-500 bg-sky-50/80 text-lg font-semibold text-sky-900"
    >
      <p className="text-center">
        Drop a design file (.json) or a PNG exported by GWLB Studio to open it,
        <br />
        or Terraform (.tf files or their folder, a state or plan JSON, a zip) to bring it in as a design
      </p>
    </div>
  )
}
