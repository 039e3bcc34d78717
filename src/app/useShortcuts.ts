// The keyboard: undo/redo, delete, copy/paste/duplicate, help. Keys typed into a form field stay there.
import { useEffect } from 'react'
import type { Resource } from '../model'
import { duplicateResources, pasteResources, subtreeOf } from '../model/edits/duplicate'
import { commandOf } from '../panels/shortcuts'
import type { Stores } from '../store/context'

export function useShortcuts(stores: Stores) {
  useEffect(() => {
    // the clipboard holds resources, not text: pasting into another tab goes through a file instead
    let clipboard: Resource[] = []
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      const inField = Boolean(target?.closest('input, textarea, select, [contenteditable="true"]'))
      const command = commandOf(e, inField)
      if (!command) return
      const { design, ui } = stores
      if (ui.getState().dialog && command !== 'deselect') return
      const readOnly = ui.getState().readOnly
      const selected = ui.getState().selectedIds
      const paste = (clip: Resource[], label: string, result = pasteResources(design.getState().design, clip)) => {
        if (!result.ok) {
          ui.getState().notify({ tone: 'error', lines: [result.message] })
          return
        }
        design.getState().edit(label, () => result.design)
        ui.getState().setSelection(result.ids)
      }
      switch (command) {
        case 'undo':
          if (!readOnly) design.getState().undo()
          break
        case 'redo':
          if (!readOnly) design.getState().redo()
          break
        case 'delete':
          if (!readOnly && selected.length) ui.getState().openDialog({ kind: 'delete', ids: selected })
          break
        case 'copy':
          if (selected.length) clipboard = subtreeOf(design.getState().design, selected)
          break
        case 'paste':
          if (!readOnly && clipboard.length) paste(clipboard, `paste ${clipboard.length} resources`)
          break
        case 'duplicate':
          if (!readOnly && selected.length)
            paste([], 'duplicate', duplicateResources(design.getState().design, selected))
          break
        case 'deselect':
          if (ui.getState().dialog) ui.getState().openDialog(null)
          else ui.getState().setSelection([])
          break
        case 'help':
          ui.getState().openDialog({ kind: 'help' })
          break
        case 'fit':
          ui.getState().requestFit()
          break
      }
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [stores])
}
