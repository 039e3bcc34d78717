// Keyboard shortcuts: one table, read by the key handler and listed by the help overlay (?). The walk's
// and the lessons' own keys (TracePlayer, LessonPanel) are listed here too, so the overlay names them all.
export interface Shortcut {
  keys: string
  does: string
}

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl+Z', does: 'Undo' },
  { keys: 'Ctrl+Shift+Z or Ctrl+Y', does: 'Redo' },
  { keys: 'Delete or Backspace', does: 'Delete the selection (lists what depends on it first)' },
  { keys: 'Ctrl+C / Ctrl+V', does: 'Copy and paste the selection, with fresh ids and addresses' },
  { keys: 'Ctrl+D', does: 'Duplicate the selection' },
  { keys: 'Shift+click, Shift+drag', does: 'Select several' },
  { keys: 'Escape', does: 'Clear the selection, close a dialog' },
  { keys: 'F', does: 'Fit the whole design into the window' },
  { keys: '← / →, Home / End', does: 'Walk a packet: the previous or next hop, the first or last' },
  { keys: '← / → or PageUp / PageDown', does: 'In a lesson: the previous or next step' },
  { keys: '?', does: 'This list' },
]

export type Command = 'undo' | 'redo' | 'delete' | 'copy' | 'paste' | 'duplicate' | 'deselect' | 'help' | 'fit'

/** The command a key press asks for, or null. Typing in a form field never triggers one. */
export function commandOf(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
  inField: boolean,
): Command | null {
  if (inField) return null
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (mod && key === 'y') return 'redo'
  if (mod && key === 'c') return 'copy'
  if (mod && key === 'v') return 'paste'
  if (mod && key === 'd') return 'duplicate'
  if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) return 'delete'
  if (e.key === 'Escape') return 'deselect'
  if (e.key === '?') return 'help'
  if (!mod && key === 'f') return 'fit'
  return null
}
