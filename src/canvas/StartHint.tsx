// What a design still needs before a packet can be traced from the internet, said on the canvas itself:
// the first thing a new user sees on New is an empty page, and the walk's "From" list would be empty of
// internet hosts with nothing saying why.
import { Panel } from '@xyflow/react'
import { useState } from 'react'
import { useDesign, useUi } from '../store/context'

export function StartHint() {
  const empty = useDesign((s) => s.design.resources.length === 0)
  const hasHost = useDesign((s) => s.design.resources.some((r) => r.kind === 'internetHost'))
  const readOnly = useUi((s) => s.readOnly)
  const [dismissed, setDismissed] = useState(false)
  if (readOnly || dismissed || hasHost) return null
  return (
    <Panel position="bottom-center">
      <div
        data-testid="start-hint"
        role="note"
        className="flex max-w-xl items-start gap-2 rounded-lg border border-sky-200 bg-sky-50/95 px-3 py-2 text-xs text-sky-900 shadow"
      >
        <div>
          {empty && (
            <p className="font-semibold">
              Drag a VPC from Add onto the page, vSwitches into it, then servers and appliances into the vSwitches.
            </p>
          )}
          <p>
            An internet trace starts at an <strong>Internet host</strong>: drag one onto the page, and give the VPC an
            IPv4 gateway. Draw a line from a node's edge to another node to add a route or a connection.
          </p>
        </div>
        <button
          type="button"
          aria-label="Dismiss the hint"
          className="rounded px-1 hover:bg-white/70"
          onClick={() => setDismissed(true)}
        >
          ✕
        </button>
      </div>
    </Panel>
  )
}
