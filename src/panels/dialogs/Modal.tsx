// A small modal: a titled box over the app, closed with Escape or its Cancel button; Tab stays inside it.
import { type ReactNode, useRef } from 'react'
import { useModalKeys } from './useModalKeys'

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
  const box = useRef<HTMLDivElement>(null)
  useModalKeys(box, onClose)
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop is a mouse shortcut; Escape (useModalKeys) and Cancel close it from the keyboard
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/30" onMouseDown={onClose}>
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
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
