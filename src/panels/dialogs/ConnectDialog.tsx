// Confirms a line drawn on the canvas: for a route, asks the destination, defaulting to the guide's.
import { useId, useState } from 'react'
import { parseCidr } from '../../model'
import { applyConnection, type Connection } from '../../model/edits/connect'
import { applyRemedy, type Remedy } from '../../model/edits/create'
import { useStores } from '../../store/context'
import { BUTTON, Modal, PRIMARY } from './Modal'

export function ConnectDialog({ connection }: { connection: Connection }) {
  const { design, ui } = useStores()
  const [destination, setDestination] = useState(connection.kind === 'route' ? connection.suggested : '')
  const [error, setError] = useState<{ message: string; remedy?: Remedy } | null>(null)
  const close = () => ui.getState().openDialog(null)
  const cidrProblem =
    connection.kind === 'route'
      ? (() => {
          const p = parseCidr(destination)
          return p.ok ? null : `Destination: "${destination}" is not a CIDR block (${p.problem}).`
        })()
      : null
  const confirm = () => {
    const r = applyConnection(
      design.getState().design,
      connection,
      connection.kind === 'route' ? destination : undefined,
    )
    if (!r.ok) {
      setError({ message: r.message, remedy: r.remedy })
      return
    }
    design.getState().edit(connection.description, () => r.design)
    close()
  }
  return (
    <Modal title={connection.description} onClose={close} testId="connect-dialog">
      {connection.kind === 'route' && (
        <DestinationField
          connection={connection}
          destination={destination}
          onChange={setDestination}
          onEnter={() => !cidrProblem && confirm()}
        />
      )}
      {(cidrProblem || error) && (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {cidrProblem ?? error?.message}
        </p>
      )}
      {!cidrProblem && error?.remedy && (
        <button
          type="button"
          className={`${BUTTON} mt-2`}
          onClick={() => {
            const remedy = error.remedy as Remedy
            const step = applyRemedy(design.getState().design, remedy)
            if (!step.ok) {
              setError({ message: step.message })
              return
            }
            // the missing step, then what was asked for: two edits, each undoable
            design.getState().edit(remedy.label, () => step.design)
            setError(null)
            confirm()
          }}
        >
          {error.remedy.label}
        </button>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={BUTTON} onClick={close}>
          Cancel
        </button>
        <button type="button" className={PRIMARY} disabled={Boolean(cidrProblem)} onClick={confirm}>
          {connection.kind === 'route' ? 'Add route' : 'Connect'}
        </button>
      </div>
    </Modal>
  )
}

/** A route's destination: one of the choices (a gateway table takes only its vSwitches' CIDRs), or any CIDR block. */
function DestinationField({
  connection,
  destination,
  onChange,
  onEnter,
}: {
  connection: Extract<Connection, { kind: 'route' }>
  destination: string
  onChange: (destination: string) => void
  onEnter: () => void
}) {
  const destinationId = useId()
  return (
    <div className="block text-sm">
      <label className="text-slate-600" htmlFor={destinationId}>
        Destination CIDR block
      </label>
      {connection.choices ? (
        <select
          id={destinationId}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono"
          value={destination}
          onChange={(e) => onChange(e.target.value)}
          aria-label="Destination CIDR block"
        >
          {connection.choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={destinationId}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono"
          value={destination}
          aria-label="Destination CIDR block"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && onEnter()}
        />
      )}
      <span className="mt-1 block text-xs text-slate-500">
        Next hop: {connection.nextHopType} {connection.nextHopId}
      </span>
    </div>
  )
}
