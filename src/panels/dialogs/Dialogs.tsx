// Hosts whichever dialog the ui store has open. Each dialog loads when it is first opened: the initial
// JavaScript stays under its budget (the loading takes a moment once, on a local server hardly that).
import { lazy, Suspense } from 'react'
import { useUi } from '../../store/context'
import type { Dialog } from '../../store/uiStore'

const ConnectDialog = lazy(() => import('./ConnectDialog').then((m) => ({ default: m.ConnectDialog })))
const ConnectFromDialog = lazy(() => import('./ConnectFromDialog').then((m) => ({ default: m.ConnectFromDialog })))
const DeleteDialog = lazy(() => import('./DeleteDialog').then((m) => ({ default: m.DeleteDialog })))
const DesignsDialog = lazy(() => import('./DesignsDialog').then((m) => ({ default: m.DesignsDialog })))
const HelpOverlay = lazy(() => import('./HelpOverlay').then((m) => ({ default: m.HelpOverlay })))
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })))

export function Dialogs() {
  const dialog = useUi((s) => s.dialog)
  if (!dialog) return null
  return <Suspense fallback={null}>{open(dialog)}</Suspense>
}

function open(dialog: Dialog) {
  switch (dialog.kind) {
    case 'connect':
      return <ConnectDialog connection={dialog.connection} />
    case 'connectFrom':
      return <ConnectFromDialog fromId={dialog.fromId} purpose={dialog.purpose} />
    case 'delete':
      return <DeleteDialog ids={dialog.ids} />
    case 'help':
      return <HelpOverlay />
    case 'designs':
      return <DesignsDialog />
    case 'import':
      return <ImportDialog />
  }
}
