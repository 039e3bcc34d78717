// Hosts whichever dialog the ui store has open.
import { useUi } from '../../store/context'
import { ConnectDialog } from './ConnectDialog'
import { ConnectFromDialog } from './ConnectFromDialog'
import { DeleteDialog } from './DeleteDialog'
import { DesignsDialog } from './DesignsDialog'
import { HelpOverlay } from './HelpOverlay'

export function Dialogs() {
  const dialog = useUi((s) => s.dialog)
  if (!dialog) return null
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
  }
}
