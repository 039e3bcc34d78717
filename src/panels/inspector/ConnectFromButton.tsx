// "Add route…" / "Connect…": what drawing a line does, from the keyboard. Opens the choice of where the line
// ends (ConnectFromDialog), then the same confirmation a drawn line gets.
import type { ConnectPurpose } from '../../model/edits/connect'
import { useStores } from '../../store/context'

export function ConnectFromButton({ fromId, purpose }: { fromId: string; purpose: ConnectPurpose }) {
  const { ui } = useStores()
  return (
    <button
      type="button"
      className="mt-1 rounded border border-blue-300 bg-white px-2 py-0.5 text-xs font-medium text-blue-800 hover:bg-blue-50"
      onClick={() => ui.getState().openDialog({ kind: 'connectFrom', fromId, purpose })}
    >
      {purpose === 'route' ? 'Add route…' : 'Connect…'}
    </button>
  )
}
