// A modal dialog for the share menu: a labelled box over a dimmed page; Escape or the close button
// closes it, and focus moves into it on opening (useModalKeys) so keyboard users land in it; Tab stays inside it.
import { type ReactNode, useId, useRef } from 'react'
import { useModalKeys } from '../dialogs/useModalKeys'

export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string
  onClose(): void
  children: ReactNode
  wide?: boolean
}) {
  const titleId = useId()
  const box = useRef<HTMLDivElement>(null)
  useModalKeys(box, onClose)
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop closes on a click outside the dialog; Escape closes it wherever the focus is (useModalKeys)
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/30 p-6"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`flex max-h-full w-full flex-col rounded-lg border border-slate-200 bg-white shadow-xl ${wide ? 'max-w-4xl' : 'max-w-xl'}`}
      >
        <div className="flex items-center border-b border-slate-200 px-4 py-2.5">
          <h2 id={titleId} className="font-semibold text-slate-900">
            {title}
          </h2>
          <button
            type="button"
            aria-label="Close"
            className="ml-auto rounded px-1.5 text-slate-500 hover:bg-slate-100"
            onClick={onClose}
          >
            ✕
          </button>
        </div>
        <div className="min-h-0 overflow-y-auto p-4 text-sm text-slate-700">{children}</div>
      </div>
    </div>
  )
}

export const buttonClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50'
export const primaryButtonClass =
  'rounded border border-sky-700 bg-sky-700 px-2.5 py-1 text-sm font-medium text-white hover:bg-sky-800'
