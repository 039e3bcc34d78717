// The event queue: a binary min-heap on (time, priority, insertion order). May not touch: anything but its items.

export interface Queued<T> {
  /** simulated milliseconds */
  tMs: number
  /** lower runs first among events at the same time */
  priority: number
  /** insertion order: the last tie-break, so equal events run in the order scheduled (determinism) */
  seq: number
  item: T
}

function before<T>(a: Queued<T>, b: Queued<T>): boolean {
  return a.tMs < b.tMs || (a.tMs === b.tMs && (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)))
}

export class EventQueue<T> {
  private heap: Queued<T>[] = []
  private seq = 0

  get size(): number {
    return this.heap.length
  }

  push(tMs: number, priority: number, item: T): void {
    const h = this.heap
    const e: Queued<T> = { tMs, priority, seq: this.seq++, item }
    let i = h.length
    h.push(e)
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!before(e, h[p])) break
      h[i] = h[p]
      i = p
    }
    h[i] = e
  }

  peek(): Queued<T> | undefined {
    return this.heap[0]
  }

  pop(): Queued<T> | undefined {
    const h = this.heap
    const top = h[0]
    const last = h.pop()
    if (h.length === 0 || last === undefined) return top
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= h.length) break
      const r = l + 1
      const c = r < h.length && before(h[r], h[l]) ? r : l
      if (!before(h[c], last)) break
      h[i] = h[c]
      i = c
    }
    h[i] = last
    return top
  }

  clear(): void {
    this.heap = []
    this.seq = 0
  }
}
