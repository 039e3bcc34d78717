import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FlowTable } from '../../../worker/engine'

describe('FlowTable', () => {
  it('behaves like a Map under any sequence of sets and deletes (including growth and backward-shift deletion)', () => {
    const op = fc.record({ del: fc.boolean(), key: fc.integer({ min: 0, max: 60 }), value: fc.integer() })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const t = new FlowTable(16)
        const m = new Map<number, number>()
        for (const o of ops) {
          // keys collide in three words so the fourth decides
          if (o.del) expect(t.delete(1, 2, 3, o.key)).toBe(m.delete(o.key))
          else {
            t.set(1, 2, 3, o.key, o.value, 0)
            m.set(o.key, o.value)
          }
          expect(t.size).toBe(m.size)
        }
        for (let k = 0; k <= 60; k++) {
          const slot = t.find(1, 2, 3, k)
          expect(slot >= 0 ? t.value(slot) : undefined).toBe(m.get(k))
        }
      }),
    )
  })
})
