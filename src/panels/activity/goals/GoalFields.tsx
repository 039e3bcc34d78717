// One set of fields per kind of goal: a packet's path, the resources left alone, an intent. (The linter's goal
// has none.) Each shows its part of the draft and hands back a change to it.
import type { Design } from '../../../model'
import { FIELD } from '../styles'
import { endpointsOf, type Outcome, type Protocol, type ReachDraft } from './goalDraft'

/** A packet from a resource to an address, by protocol and port, delivered (inspected, symmetric) or dropped. */
export function ReachFields({
  design,
  reach,
  onChange,
}: {
  design: Design
  reach: ReachDraft
  onChange: (change: Partial<ReachDraft>) => void
}) {
  const { sources, addresses } = endpointsOf(design)
  return (
    <>
      <label className="flex items-center gap-1">
        From
        <select className={FIELD} value={reach.source} onChange={(e) => onChange({ source: e.target.value })}>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        To
        <select
          className={FIELD}
          value={reach.destination}
          onChange={(e) => onChange({ destination: e.target.value })}
          data-testid="author-goal-to"
        >
          {addresses.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <PacketFields reach={reach} onChange={onChange} />
      {reach.outcome === 'delivered' && <DeliveredFields reach={reach} onChange={onChange} />}
    </>
  )
}

type ReachProps = { reach: ReachDraft; onChange: (change: Partial<ReachDraft>) => void }

/** Protocol, destination port (not for ICMP) and the outcome, on one line. */
function PacketFields({ reach, onChange }: ReachProps) {
  return (
    <div className="flex items-center gap-1">
      <select
        className={FIELD}
        value={reach.protocol}
        aria-label="Protocol"
        onChange={(e) => onChange({ protocol: e.target.value as Protocol })}
      >
        <option value="tcp">TCP</option>
        <option value="udp">UDP</option>
        <option value="icmp">ICMP</option>
      </select>
      {reach.protocol !== 'icmp' && (
        <input
          className={`${FIELD} w-20`}
          type="number"
          min={1}
          max={65535}
          aria-label="Destination port"
          value={reach.port}
          onChange={(e) => onChange({ port: Number(e.target.value) })}
        />
      )}
      <select
        className={FIELD}
        value={reach.outcome}
        aria-label="Outcome"
        onChange={(e) => onChange({ outcome: e.target.value as Outcome })}
      >
        <option value="delivered">is delivered</option>
        <option value="dropped">is dropped</option>
      </select>
    </div>
  )
}

/** A delivered packet may also have to cross an appliance, and its answer the same one. */
function DeliveredFields({ reach, onChange }: ReachProps) {
  return (
    <div className="flex gap-3">
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={reach.inspected} onChange={(e) => onChange({ inspected: e.target.checked })} />
        through an appliance
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={reach.symmetric} onChange={(e) => onChange({ symmetric: e.target.checked })} />
        answer through the same one
      </label>
    </div>
  )
}

/** The design's resources, each ticked when the student must leave it as it is. */
export function UnchangedFields({
  design,
  kept,
  onChange,
}: {
  design: Design
  kept: string[]
  onChange: (kept: string[]) => void
}) {
  return (
    <div className="flex max-h-32 flex-col overflow-y-auto rounded border border-slate-200 p-1">
      {design.resources.map((r) => (
        <label key={r.id} className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={kept.includes(r.id)}
            onChange={(e) => onChange(e.target.checked ? [...kept, r.id] : kept.filter((k) => k !== r.id))}
          />
          {r.name ?? r.id} <span className="text-slate-500">({r.id})</span>
        </label>
      ))}
    </div>
  )
}

/** An intent, typed as JSON. */
export function IntentFields({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  return (
    <textarea
      className={`${FIELD} h-20 font-mono`}
      aria-label="Intent"
      placeholder='{"id": "web-inspected", "from": "internet", "to": "servers", "expect": {"inspected": true}}'
      value={text}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
