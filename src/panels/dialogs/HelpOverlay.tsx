// The shortcuts, listed from the same table the key handler reads.

import { useStores } from '../../store/context'
import { SHORTCUTS } from '../shortcuts'
import { BUTTON, Modal } from './Modal'

export function HelpOverlay() {
  const { ui } = useStores()
  const close = () => ui.getState().openDialog(null)
  return (
    <Modal title="Keyboard shortcuts" onClose={close} testId="help-overlay">
      <table className="w-full text-sm">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys} className="border-t border-slate-100">
              <td className="py-1 pr-3 font-mono text-xs text-slate-700">{s.keys}</td>
              <td className="py-1 text-slate-700">{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex justify-end">
        <button type="button" className={BUTTON} onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  )
}
