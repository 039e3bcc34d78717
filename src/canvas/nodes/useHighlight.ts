// How a node is lit by the current packet walk or lesson step: not at all, on the path, or the focus.
import { useUi } from '../../store/context'

export type Lit = 'none' | 'path' | 'focus' | 'drop' | 'dim' | 'added' | 'changed'

export function useLit(id: string): Lit {
  return useUi((s) => {
    const h = s.highlight
    if (!h) return 'none'
    if (h.focusId === id) return h.tone === 'drop' ? 'drop' : 'focus'
    const mark = h.marks?.[id]
    if (mark) return mark
    return h.ids.includes(id) ? 'path' : 'dim'
  })
}

/** The ring drawn around a lit node. */
export function litStyle(lit: Lit): { boxShadow?: string; opacity?: number } {
  switch (lit) {
    case 'focus':
      return { boxShadow: '0 0 0 4px #facc15, 0 0 18px 4px rgba(250, 204, 21, 0.8)' }
    case 'drop':
      return { boxShadow: '0 0 0 4px #dc2626, 0 0 18px 4px rgba(220, 38, 38, 0.7)' }
    case 'path':
      return { boxShadow: '0 0 0 3px rgba(250, 204, 21, 0.55)' }
    case 'added':
      return { boxShadow: '0 0 0 4px #16a34a, 0 0 14px 3px rgba(22, 163, 74, 0.6)' }
    case 'changed':
      return { boxShadow: '0 0 0 4px #ea580c, 0 0 14px 3px rgba(234, 88, 12, 0.6)' }
    case 'dim':
      return { opacity: 0.45 }
    default:
      return {}
  }
}
