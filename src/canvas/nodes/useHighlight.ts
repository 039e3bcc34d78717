// How a node is lit by the current packet walk or lesson step: not at all, on the path, or the focus.
import { useUi } from '../../store/context'

export type Lit = 'none' | 'path' | 'focus' | 'drop' | 'dim'

export function useLit(id: string): Lit {
  return useUi((s) => {
    const h = s.highlight
    if (!h) return 'none'
    if (h.focusId === id) return h.tone === 'drop' ? 'drop' : 'focus'
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
    case 'dim':
      return { opacity: 0.45 }
    default:
      return {}
  }
}
