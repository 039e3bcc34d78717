// jsdom lacks what React Flow measures with: a ResizeObserver that answers at once,
// DOMMatrixReadOnly, and non-zero element sizes. Assigned unconditionally.
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import { loadResourceForms } from '../src/panels/inspector/Inspector'

// findBy…/waitFor give up after 1 s by default; rendering the whole app takes longer than that on a busy machine.
// Waiting longer costs a passing test nothing: it returns as soon as what it waits for is there.
configure({ asyncUtilTimeout: 20_000 })

// The app loads the inspector's resource forms at the user's first pointer or key activity, before any click
// selects; a test that renders with a resource already selected is in the same place as that user.
await loadResourceForms()

class ResizeObserverNow {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback(
      [{ target, contentRect: { width: 1200, height: 800 } } as unknown as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    )
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver = ResizeObserverNow as unknown as typeof ResizeObserver

class DOMMatrixReadOnlyStub {
  m22: number
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1]
    this.m22 = scale !== undefined ? Number(scale) : 1
  }
}
globalThis.DOMMatrixReadOnly = DOMMatrixReadOnlyStub as unknown as typeof DOMMatrixReadOnly

Object.defineProperties(globalThis.HTMLElement.prototype, {
  offsetHeight: { get: () => 800, configurable: true },
  offsetWidth: { get: () => 1200, configurable: true },
})
;(globalThis.SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
  ({ x: 0, y: 0, width: 100, height: 20 }) as DOMRect

afterEach(() => cleanup())
