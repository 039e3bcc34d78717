// The keyboard: undo/redo, delete, copy/paste/duplicate, help. Keys typed into a form field stay there.
import { useEffect } from 'react'
import type { Design } from '../model'
import type { DuplicateResult } from '../model/edits/duplicate'
import { commandOf } from '../panels/shortcuts'
import type { Stores } from '../store/context'

/**
 * Copying and pasting load with the user's first pointer or key activity (App.tsx), or else with the first copy,
 * paste or duplicate, not with the app.
 */
export const clipboardEdits = () => import('../model/edits/duplicate')

export function useShortcuts(stores: Stores) {
  useEffect(() => {
    // the clipboard holds resources, not text: pasting into another tab goes through a file instead. It keeps
    // the design as it was when copied and what was selected; the resources are taken from them when pasted.
    let clipboard: { design: Design; ids: string[] } | null = null
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      const inField = Boolean(target?.closest('input, textarea, select, [contenteditable="true"]'))
      const command = commandOf(e, inField)
      if (!command) return
      const { design, ui } = stores
      if (ui.getState().dialog && command !== 'deselect') return
      const readOnly = ui.getState().readOnly
      const selected = ui.getState().selectedIds
      const paste = (label: string, result: DuplicateResult) => {
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
          if (selected.length) {
            clipboard = { design: design.getState().design, ids: selected }
            void clipboardEdits()
          }
          break
        case 'paste': {
          const clip = clipboard
          if (!readOnly && clip)
            void clipboardEdits().then(({ pasteResources, subtreeOf }) => {
              const copied = subtreeOf(clip.design, clip.ids)
              if (copied.length)
                paste(`paste ${copied.length} resources`, pasteResources(design.getState().design, copied))
            })
          break
        }
        case 'duplicate':
          // the design as it is once the code is there: an edit made meanwhile is kept
          if (!readOnly && selected.length)
            void clipboardEdits().then(({ duplicateResources }) =>
              paste('duplicate', duplicateResources(design.getState().design, selected)),
            )
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
