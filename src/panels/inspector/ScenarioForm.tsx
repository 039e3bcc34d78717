// Saved scenarios of the design: the traffic flows and the timed faults a trainer plays. Every edit goes
// through parse(), so a flow from a resource that is gone, or a fault on one, never reaches the document.
import type { Design, Fault, Scenario } from '../../model'
import { INPUT, NumberField, TextField, useCommit } from './fields'
import { ListEditor } from './ListEditor'

const FAULT_WORDS: Record<Fault['kind'], string> = {
  applianceStopped: 'appliance stopped',
  applianceHung: 'appliance hung (answers health checks, drops traffic)',
  serverRemoved: 'appliance removed from the server group',
  zoneDown: 'zone down',
  securityGroupRuleRemoved: 'security-group rule removed',
  endpointConnection: 'endpoint connection changed',
  routeEntryDeleted: 'route entry deleted',
}

/** The fault of a kind with its first possible target, or null when the design has none. */
function defaultFault(design: Design, kind: Fault['kind']): Fault | null {
  const first = (k: string) => design.resources.find((r) => r.kind === k)
  switch (kind) {
    case 'applianceStopped':
    case 'applianceHung':
    case 'serverRemoved': {
      const a = first('appliance')
      return a ? { kind, applianceId: a.id } : null
    }
    case 'zoneDown':
      return { kind, zoneId: design.zones[0] }
    case 'securityGroupRuleRemoved': {
      const g = design.resources.find((r) => r.kind === 'securityGroup' && r.rules.length)
      return g ? { kind, securityGroupId: g.id, ruleIndex: 0 } : null
    }
    case 'endpointConnection': {
      const e = first('gwlbEndpoint')
      return e ? { kind, endpointId: e.id, connectionStatus: 'Disconnected' } : null
    }
    case 'routeEntryDeleted': {
      const t = design.resources.find((r) => r.kind === 'routeTable' && r.entries.length)
      return t?.kind === 'routeTable'
        ? { kind, routeTableId: t.id, destinationCidrBlock: t.entries[0].destinationCidrBlock }
        : null
    }
  }
}

function targetChoices(design: Design, f: Fault): { field: string; values: string[] } {
  const ids = (k: string) => design.resources.filter((r) => r.kind === k).map((r) => r.id)
  switch (f.kind) {
    case 'applianceStopped':
    case 'applianceHung':
    case 'serverRemoved':
      return { field: 'applianceId', values: ids('appliance') }
    case 'zoneDown':
      return { field: 'zoneId', values: design.zones }
    case 'securityGroupRuleRemoved':
      return { field: 'securityGroupId', values: ids('securityGroup') }
    case 'endpointConnection':
      return { field: 'endpointId', values: ids('gwlbEndpoint') }
    case 'routeEntryDeleted':
      return { field: 'routeTableId', values: ids('routeTable') }
  }
}

/** The rule a fault removes, chosen by its number (from 1, as the inspector's rule list and the packet walk count) and what it says. */
function RuleChoice({
  design,
  fault,
  path,
}: {
  design: Design
  fault: Extract<Fault, { kind: 'securityGroupRuleRemoved' }>
  path: (string | number)[]
}) {
  const commit = useCommit()
  const group = design.resources.find((r) => r.id === fault.securityGroupId)
  const rules = group?.kind === 'securityGroup' ? group.rules : []
  return (
    <select
      aria-label="Rule to remove"
      className={INPUT}
      value={fault.ruleIndex}
      onChange={(e) => commit('change rule', path, Number(e.target.value))}
    >
      {rules.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fault names its rule by index, so the index is the option's identity
        <option key={`${i}:${r.direction}:${r.portRange}`} value={i}>
          {`rule ${i + 1}: ${r.direction === 'ingress' ? 'inbound' : 'outbound'} ${r.ipProtocol} ${r.portRange}${r.description ? ` (${r.description})` : ''}`}
        </option>
      ))}
    </select>
  )
}

function FaultRow({
  design,
  si,
  fi,
  step,
}: {
  design: Design
  si: number
  fi: number
  step: Scenario['faults'][number]
}) {
  const commit = useCommit()
  const at = ['scenarios', si, 'faults', fi]
  const target = targetChoices(design, step.fault)
  const value = (step.fault as Record<string, unknown>)[target.field] as string
  return (
    <div className="mb-1 rounded border border-slate-200 p-1" data-testid={`fault-${si}-${fi}`}>
      <div className="grid grid-cols-2 gap-1">
        <NumberField label="At, s" path={[...at, 'atSeconds']} value={step.atSeconds} />
        <NumberField label="Until, s (empty: to the end)" path={[...at, 'untilSeconds']} value={step.untilSeconds} />
      </div>
      <select
        aria-label="Fault"
        className={INPUT}
        value={step.fault.kind}
        onChange={(e) => {
          const f = defaultFault(design, e.target.value as Fault['kind'])
          if (f) commit('change fault', [...at, 'fault'], f)
        }}
      >
        {(Object.keys(FAULT_WORDS) as Fault['kind'][]).map((k) => (
          <option key={k} value={k} disabled={!defaultFault(design, k)}>
            {FAULT_WORDS[k]}
          </option>
        ))}
      </select>
      <select
        aria-label="Fault target"
        className={INPUT}
        value={value}
        onChange={(e) => commit('change fault target', [...at, 'fault', target.field], e.target.value)}
      >
        {target.values.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
      <FaultDetails design={design} fault={step.fault} at={[...at, 'fault']} />
      <button
        type="button"
        className="text-[11px] text-red-700 hover:underline"
        onClick={() =>
          commit(
            'remove fault',
            ['scenarios', si, 'faults'],
            design.scenarios[si].faults.filter((_, j) => j !== fi),
          )
        }
      >
        Remove fault
      </button>
    </div>
  )
}

/** What a fault of some kinds needs besides its target: the rule removed, the route entry deleted, the status set. */
function FaultDetails({ design, fault, at }: { design: Design; fault: Fault; at: (string | number)[] }) {
  const commit = useCommit()
  return (
    <>
      {fault.kind === 'securityGroupRuleRemoved' && (
        <RuleChoice design={design} fault={fault} path={[...at, 'ruleIndex']} />
      )}
      {fault.kind === 'routeEntryDeleted' && (
        <TextField
          label="Destination of the entry"
          path={[...at, 'destinationCidrBlock']}
          value={fault.destinationCidrBlock}
          mono
        />
      )}
      {fault.kind === 'endpointConnection' && (
        <select
          aria-label="Connection status"
          className={INPUT}
          value={fault.connectionStatus}
          onChange={(e) => commit('change status', [...at, 'connectionStatus'], e.target.value)}
        >
          {['Disconnected', 'Connecting', 'Disconnecting', 'Pending', 'Connected'].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      )}
    </>
  )
}

/** A scenario's flows: who sends what to where, how many connections and packets a second, for how long. */
function FlowsEditor({ scenario: s, si, sources }: { scenario: Scenario; si: number; sources: string[] }) {
  return (
    <ListEditor
      path={['scenarios', si, 'flows']}
      items={s.flows}
      noun="flow"
      blank={{
        id: `flow-${s.flows.length + 1}`,
        sourceId: sources[0] ?? '',
        destinationAddress: '203.0.113.80',
        protocol: 'tcp',
        destinationPort: 443,
        newConnectionsPerSecond: 5,
        packetsPerSecond: 10,
        packetSize: 1000,
        connectionSeconds: 30,
      }}
      columns={[
        { key: 'id', label: 'Id' },
        { key: 'sourceId', label: 'Source', options: sources },
        { key: 'destinationAddress', label: 'Destination address' },
        { key: 'protocol', label: 'Protocol', options: ['tcp', 'udp', 'icmp'] },
        { key: 'destinationPort', label: 'Port', number: true },
        { key: 'newConnectionsPerSecond', label: 'New connections/s', number: true },
        { key: 'packetsPerSecond', label: 'Packets/s each', number: true },
        { key: 'packetSize', label: 'Packet bytes', number: true },
        { key: 'connectionSeconds', label: 'Connection s', number: true },
      ]}
    />
  )
}

export function ScenarioForm({ design }: { design: Design }) {
  const commit = useCommit()
  const sources = design.resources.filter((r) => r.kind === 'ecs' || r.kind === 'internetHost').map((r) => r.id)
  const firstFault = defaultFault(design, 'applianceStopped') ?? defaultFault(design, 'zoneDown')
  return (
    <div data-testid="scenarios">
      {design.scenarios.map((s, si) => (
        <details key={s.name} className="mb-1 rounded border border-slate-200 p-1">
          <summary className="cursor-pointer text-xs font-semibold text-slate-700">{s.name}</summary>
          <TextField label="Name" path={['scenarios', si, 'name']} value={s.name} mono />
          <TextField label="Description" path={['scenarios', si, 'description']} value={s.description} optional />
          <div className="mt-1 text-[11px] font-semibold text-slate-600">Flows</div>
          <FlowsEditor scenario={s} si={si} sources={sources} />
          <div className="mt-1 text-[11px] font-semibold text-slate-600">Faults</div>
          {s.faults.map((f, fi) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fault steps have no id; position and content are the identity
            <FaultRow key={`${fi}:${JSON.stringify(f)}`} design={design} si={si} fi={fi} step={f} />
          ))}
          {firstFault && (
            <button
              type="button"
              className="text-xs text-blue-700 hover:underline"
              onClick={() =>
                commit(
                  'add fault',
                  ['scenarios', si, 'faults'],
                  [...s.faults, { atSeconds: 30, untilSeconds: 90, fault: firstFault }],
                )
              }
            >
              + Add fault
            </button>
          )}
          <button
            type="button"
            className="ml-3 text-xs text-red-700 hover:underline"
            onClick={() =>
              commit(
                'remove scenario',
                ['scenarios'],
                design.scenarios.filter((_, j) => j !== si),
              )
            }
          >
            Remove scenario
          </button>
        </details>
      ))}
      <button
        type="button"
        className="text-xs text-blue-700 hover:underline"
        onClick={() => {
          let n = design.scenarios.length + 1
          while (design.scenarios.some((s) => s.name === `scenario-${n}`)) n++
          commit('add scenario', ['scenarios'], [...design.scenarios, { name: `scenario-${n}`, flows: [], faults: [] }])
        }}
      >
        + Add scenario
      </button>
    </div>
  )
}
