// Files in and out, links and exports, in the toolbar: open a design file (JSON or an exported PNG),
// import a deployment (Terraform, state, plan), save it, share it as a link, export pictures and infrastructure code. Everything read goes
// through parse(); everything shown is text.
import { useStore as useFlowStore } from '@xyflow/react'
import { lazy, type ReactNode, type RefObject, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { designFileName, writeDesignFile } from '../../share/designFileWrite'
import { useImports, useStores, useUi } from '../../store/context'
import { useLessonChrome } from '../lessons/useLessons'
import type { CodeKind } from './CodeDialog'
import { buttonClass } from './Dialog'
import { download } from './download'
import { type PictureFormat, type PictureScope, usePictureExport } from './usePictureExport'

// The exporters (Terraform, API calls) and the link encoder load when their dialog first opens: the initial
// JavaScript stays under its budget (issue 5, item 8).
const CodeDialog = lazy(() => import('./CodeDialog').then((m) => ({ default: m.CodeDialog })))
const ShareLinkDialog = lazy(() => import('./ShareLinkDialog').then((m) => ({ default: m.ShareLinkDialog })))

type Open = { kind: 'link' } | { kind: 'code'; code: CodeKind } | null

export function ShareMenu() {
  const stores = useStores()
  const embed = useUi((s) => s.embed)
  const input = useRef<HTMLInputElement>(null)
  const [dialog, setDialog] = useState<Open>(null)
  const importing = useImports((s) => s.running)
  const { lessonOpen } = useLessonChrome(stores)
  if (embed) return null
  return (
    <div className="flex flex-wrap items-center gap-1">
      <button
        type="button"
        className={buttonClass}
        // a lesson holds the user's design aside until it closes: a file opened meanwhile would be lost
        disabled={lessonOpen}
        title={lessonOpen ? 'Close the lesson first: it gives your design back when it closes' : undefined}
        onClick={() => input.current?.click()}
      >
        Open file…
      </button>
      <input
        ref={input}
        data-testid="open-file-input"
        type="file"
        accept=".json,application/json,.png,image/png"
        className="hidden"
        onChange={async (e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          // the file readers (PNG text, DEFLATE) load with the first file opened
          if (file) await (await import('./openDesign')).openDesignFile(stores, file)
        }}
      />
      {stores.importer && (
        <button
          type="button"
          className={buttonClass}
          disabled={importing !== null}
          data-testid="import-button"
          title={
            importing
              ? `Importing ${importing}…`
              : 'Import a deployment: Terraform files or a folder, a state or plan JSON, aliyun CLI output, or a zip'
          }
          onClick={() => stores.ui.getState().openDialog({ kind: 'import' })}
        >
          {importing ? 'Importing…' : 'Import…'}
        </button>
      )}
      <button
        type="button"
        className={buttonClass}
        onClick={() => {
          const d = stores.design.getState().design
          download(designFileName(d), 'application/json', writeDesignFile(d))
        }}
      >
        Save file
      </button>
      <button type="button" className={buttonClass} onClick={() => setDialog({ kind: 'link' })}>
        Share link…
      </button>
      <ExportMenu onCode={(code) => setDialog({ kind: 'code', code })} />
      <Suspense fallback={null}>
        {dialog?.kind === 'link' && (
          <ShareLinkDialog design={stores.design.getState().design} onClose={() => setDialog(null)} />
        )}
        {dialog?.kind === 'code' && (
          <CodeDialog design={stores.design.getState().design} initial={dialog.code} onClose={() => setDialog(null)} />
        )}
      </Suspense>
    </div>
  )
}

const MENU_ITEM =
  'block w-full px-3 py-1.5 text-left text-sm hover:bg-slate-100 disabled:text-slate-400 disabled:hover:bg-transparent'
const MENU_HEADING = 'px-3 pb-0.5 text-[11px] font-semibold uppercase tracking-wide text-slate-500'

function MenuItem({
  onClick,
  disabled,
  title,
  children,
}: {
  onClick(): void
  disabled?: boolean
  title?: string
  children: ReactNode
}) {
  return (
    <button type="button" role="menuitem" className={MENU_ITEM} disabled={disabled} title={title} onClick={onClick}>
      {children}
    </button>
  )
}

/** A menu that closes when the user presses the mouse anywhere outside `box`. */
function useCloseOutside(open: boolean, close: () => void, box: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!open) return
    const outside = (e: MouseEvent) => box.current?.contains(e.target as Node) || close()
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [open, close, box])
}

function ExportMenu({ onCode }: { onCode(kind: CodeKind): void }) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const anySelected = useFlowStore((s) => s.nodes.some((n) => n.selected))
  const exportPicture = usePictureExport()
  const box = useRef<HTMLDivElement>(null)
  const close = useCallback(() => setOpen(false), [])
  useCloseOutside(open, close, box)
  const picture = (format: PictureFormat, scope: PictureScope) => async () => {
    setOpen(false)
    setBusy(true)
    await exportPicture(format, scope)
    setBusy(false)
  }
  const code = (kind: CodeKind) => () => {
    setOpen(false)
    onCode(kind)
  }
  const noSelection = anySelected ? undefined : 'Select a resource or a container on the canvas first'
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: one Escape listener for the menu button and every item in the menu
    <div ref={box} className="relative" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className={buttonClass}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        onClick={() => setOpen(!open)}
      >
        {busy ? 'Exporting…' : 'Export ▾'}
      </button>
      {open && (
        <div
          role="menu"
          aria-label="Export"
          className="absolute right-0 z-40 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          <p className={`${MENU_HEADING} pt-1`}>Image</p>
          <MenuItem onClick={picture('png', 'design')}>PNG of the design (reopens the design)</MenuItem>
          <MenuItem onClick={picture('svg', 'design')}>SVG of the design</MenuItem>
          <MenuItem disabled={!anySelected} title={noSelection} onClick={picture('png', 'selection')}>
            PNG of the selection
          </MenuItem>
          <MenuItem disabled={!anySelected} title={noSelection} onClick={picture('svg', 'selection')}>
            SVG of the selection
          </MenuItem>
          <p className={`${MENU_HEADING} border-t border-slate-100 pt-2`}>Infrastructure code</p>
          <MenuItem onClick={code('terraform')}>Terraform…</MenuItem>
          <MenuItem onClick={code('api-calls')}>API call sequence…</MenuItem>
        </div>
      )}
    </div>
  )
}
