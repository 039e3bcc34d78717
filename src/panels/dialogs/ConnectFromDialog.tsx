// "Add route…" and "Connect…" without a mouse: the resources a line from the selected one could end at,
// each a button; choosing one goes on to the same confirmation a drawn line gets (ConnectDialog).
import { type ConnectPurpose, connectionChoices } from '../../model/edits/connect'
import { useDesign, useStores } from '../../store/context'
import { BUTTON, Modal } from './Modal'

const KIND_WORDS: Record<string, string> = {
  gwlbEndpoint: 'GWLB endpoint',
  ipv4Gateway: 'IPv4 gateway',
  ecs: 'ECS instance',
  appliance: 'appliance',
  endpointService: 'endpoint service',
  gwlb: 'GWLB',
}

export function ConnectFromDialog({ fromId, purpose }: { fromId: string; purpose: ConnectPurpose }) {
  const { ui } = useStores()
  const design = useDesign((s) => s.design)
  const from = design.resources.find((r) => r.id === fromId)
  const choices = connectionChoices(design, fromId, purpose)
  const close = () => ui.getState().openDialog(null)
  const name = from?.name ?? fromId
  const title = purpose === 'route' ? `Add a route from ${name}` : `Connect ${name}`
  return (
    <Modal title={title} onClose={close} testId="connect-from-dialog">
      <p className="text-sm text-slate-600">
        {choices.length
          ? purpose === 'route'
            ? 'Next hop:'
            : 'To:'
          : purpose === 'route'
            ? 'Nothing in this VPC can be a next hop yet: add a GWLB endpoint, the IPv4 gateway or an instance first.'
            : 'Nothing to connect to yet: a GWLB endpoint connects to an endpoint service.'}
      </p>
      <ul className="mt-2 space-y-1">
        {choices.map((c) => {
          const target = design.resources.find((r) => r.id === c.targetId)
          return (
            <li key={c.targetId}>
              <button
                type="button"
                className="w-full rounded border border-slate-300 px-2 py-1 text-left text-sm hover:border-blue-500 hover:bg-blue-50"
                onClick={() => ui.getState().openDialog({ kind: 'connect', connection: c.connection })}
              >
                <span className="font-medium text-slate-900">{target?.name ?? c.targetId}</span>{' '}
                <span className="text-xs text-slate-500">{KIND_WORDS[target?.kind ?? ''] ?? target?.kind}</span>
              </button>
            </li>
          )
        })}
      </ul>
      <div className="mt-4 flex justify-end">
        <button type="button" className={BUTTON} onClick={close}>
          Cancel
        </button>
      </div>
    </Modal>
  )
}
