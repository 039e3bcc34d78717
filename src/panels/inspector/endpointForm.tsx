// A GWLB endpoint: its fixed zone and vSwitch, its service, and the provider's accept / reject actions.
import type { ConnectionStatus, Design, ResourceOf } from '../../model'
import { useStores } from '../../store/context'
import { ConnectFromButton } from './ConnectFromButton'
import { setIn, tryCommit } from './commit'
import { ReadOnly, SelectField, TextField } from './fields'

const STATUS_WORDS: Record<ConnectionStatus, string> = {
  Connected: 'Connected: traffic flows through the service.',
  Disconnected: 'Disconnected: awaiting the provider (auto-accept off), or rejected.',
  Connecting: 'Connecting: the provider accepted; the connection is being set up.',
  Disconnecting: 'Disconnecting: the connection is being taken down.',
  Pending: 'Pending: the connection is being modified.',
}

export function GwlbEndpointForm({ r, at, design }: { r: ResourceOf<'gwlbEndpoint'>; at: number; design: Design }) {
  const { design: store, ui } = useStores()
  const services = design.resources.filter((s): s is ResourceOf<'endpointService'> => s.kind === 'endpointService')
  const service = services.find((s) => s.id === r.serviceId)
  const admitted =
    service &&
    (service.whitelist.includes('*') || service.whitelist.includes(r.accountId) || service.accountId === r.accountId)
  const setStatus = (status: ConnectionStatus, label: string) => {
    const errors = tryCommit(store, label, (d) => setIn(d, ['resources', at, 'connectionStatus'], status), [
      'resources',
      at,
    ])
    if (errors.length)
      ui.getState().notify({ tone: 'error', lines: [`Could not ${label}.`, ...errors.map((e) => e.message)] })
  }
  return (
    <>
      <ReadOnly
        label="Zone"
        value={r.zoneId}
        why="A GWLB endpoint's zone is fixed: create another endpoint for another zone."
      />
      <ReadOnly label="vSwitch" value={design.resources.find((v) => v.id === r.vswitchId)?.name ?? r.vswitchId} />
      <TextField label="Endpoint ENI address" path={['resources', at, 'ipAddress']} value={r.ipAddress} mono />
      <SelectField
        label="Endpoint service"
        path={['resources', at, 'serviceId']}
        value={r.serviceId}
        options={services.map((s) => ({ value: s.id, label: s.name ?? s.id }))}
      />
      <ConnectFromButton fromId={r.id} purpose="connect" />
      <ReadOnly
        label="Connection"
        value={<span data-testid="connection-status">{STATUS_WORDS[r.connectionStatus]}</span>}
      />
      {service && !admitted && (
        <p className="text-[11px] text-red-700">
          The service's whitelist does not admit account {r.accountId}: the connection cannot be requested.
        </p>
      )}
      <fieldset className="mt-1 flex min-w-0 flex-wrap gap-1" aria-label="Provider actions">
        {r.connectionStatus !== 'Connected' && admitted && (
          <button
            type="button"
            className="rounded bg-emerald-600 px-2 py-0.5 text-xs text-white hover:bg-emerald-700"
            onClick={() => setStatus('Connected', 'accept the connection')}
          >
            Accept connection (provider)
          </button>
        )}
        {r.connectionStatus === 'Connected' && (
          <button
            type="button"
            className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-800 hover:bg-red-50"
            onClick={() => setStatus('Disconnected', 'reject the connection')}
          >
            Reject / disconnect (provider)
          </button>
        )}
      </fieldset>
    </>
  )
}
