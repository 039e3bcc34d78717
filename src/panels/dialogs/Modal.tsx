// A small modal: a titled box over the app, closed with Escape or its Cancel button.
import { type ReactNode, useEffect } from 'react'

export function Modal({
  title,
  onClose,
  children,
  testId,
}: {
  title: string
  onClose: () => void
  children: ReactNode
  testId: string
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop is a mouse shortcut; Escape (on the window) and Cancel close it from the keyboard
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/30" onMouseDown={onClose}>
      <div
        role="dialog"
        aria-label={title}
        data-testid={testId}
        className="max-h-[80vh] w-[28rem] overflow-y-auto rounded-lg bg-white p-4 shadow-xl"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <h2 className="mb-2 text-base font-semibold text-slate-900">{title}</h2>
        {children}
      </div>
    </div>
  )
}

export const BUTTON = 'rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-50'
export const PRIMARY =
  'rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50'
