// The keys of a modal dialog, wherever the focus is: Escape closes the topmost dialog, and Tab cycles through its
// own controls, never out to the page behind it — keys there would act on the design under the dialog (a Tab
// into the inspector and Enter disconnected an endpoint while the Connect dialog was open).
import { type RefObject, useEffect, useRef } from 'react'

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])'

/** The dialogs open: only the topmost hears the keys. */
const open: HTMLElement[] = []

/**
 * The last in document order, a dialog inside another counting after it: the one drawn over the others (a
 * nested dialog's effect runs before its parent's, so the order they opened in says less).
 */
function topmost(): HTMLElement | undefined {
  return open.reduce<HTMLElement | undefined>(
    (top, el) => (!top || top.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? el : top),
    undefined,
  )
}

/**
 * The controls Tab may reach: not disabled, not inert, and drawn — checkVisibility() is false under any
 * display: none (a `hidden` attribute, a class that hides); where the browser lacks it (jsdom), the attributes
 * alone decide.
 */
function focusables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) =>
      !el.matches(':disabled, input[type="hidden"]') &&
      !el.closest('[hidden], [inert]') &&
      el.checkVisibility?.() !== false,
  )
}

export function useModalKeys(box: RefObject<HTMLElement | null>, onClose: () => void): void {
  // the latest onClose, so that an inline one does not re-register the dialog on every render
  const close = useRef(onClose)
  close.current = onClose
  useEffect(() => {
    const el = box.current
    if (!el) return
    open.push(el)
    if (!el.contains(document.activeElement)) focusables(el)[0]?.focus()
    const onKey = (e: KeyboardEvent) => {
      if (topmost() !== el || e.defaultPrevented) return
      if (e.key === 'Escape') {
        e.preventDefault()
        close.current()
        return
      }
      if (e.key !== 'Tab') return
      const items = focusables(el)
      const first = items[0]
      const last = items.at(-1)
      if (!first || !last) return e.preventDefault()
      const at = document.activeElement
      if (!el.contains(at)) {
        e.preventDefault()
        ;(e.shiftKey ? last : first).focus()
      } else if (!e.shiftKey && at === last) {
        e.preventDefault()
        first.focus()
      } else if (e.shiftKey && at === first) {
        e.preventDefault()
        last.focus()
      }
    }
    // the bubbling phase: a control inside that handles Escape itself (and stops it) keeps the dialog open
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
      open.splice(open.indexOf(el), 1)
    }
  }, [box])
}
