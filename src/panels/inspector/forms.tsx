// One form per resource kind: every field of docs/format.md, in the console's words.
import { useState } from 'react'
import type { Design, Resource, ResourceOf, SecurityGroupType } from '../../model'
import { withNewSecurityGroup } from '../../model/edits/basic'
import { withNewRouteTable } from '../../model/edits/connect'
import { removeServiceResource } from '../../model/edits/remove'
import { useStores, useUi } from '../../store/context'
import { ConnectFromButton } from './ConnectFromButton'
import { CheckField, csv, INPUT, NumberField, ReadOnly, Section, SelectField, TextField, useCommit } from './fields'
import { ListEditor } from './ListEditor'

type FormProps<K extends Resource['kind']> = { r: ResourceOf<K>; at: number; design: Design }

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }))
const nameOf = (design: Design, id: string) => design.resources.find((r) => r.id === id)?.name ?? id
const ofKind = <K extends Resource['kind']>(
  design: Design,
  kind: K,
  where: (r: ResourceOf<K>) => boolean = () => true,
) => design.resources.filter((r): r is ResourceOf<K> => r.kind === kind && where(r as ResourceOf<K>))

function vpcOfVswitch(design: Design, vswitchId: string): string | undefined {
  return ofKind(design, 'vswitch', (v) => v.id === vswitchId)[0]?.vpcId
}

function Checklist({
  label,
  path,
  chosen,
  choices,
}: {
  label: string
  path: (string | number)[]
  chosen: string[]
  choices: { id: string; label: string }[]
}) {
  return (
    <div className="py-0.5">
      <div className="text-[11px] text-slate-500">{label}</div>
      {choices.length === 0 && <div className="text-xs text-slate-400">none in this VPC</div>}
      {choices.map((c) => (
        <CheckField
          key={c.id}
          label={c.label}
          path={path}
          value={chosen.includes(c.id)}
          mapTo={(on) => (on ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
        />
      ))}
    </div>
  )
}

export function VpcForm({ r, at, design }: FormProps<'vpc'>) {
  return (
    <>
      <SelectField
        label="Account"
        path={['resources', at, 'accountId']}
        value={r.accountId}
        options={design.accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
      />
      <TextField label="IPv4 CIDR block" path={['resources', at, 'cidrBlock']} value={r.cidrBlock} mono />
    </>
  )
}

/** The route-table menu's "new route table": a custom table bound to the vSwitch or gateway, opened to edit. */
function useNewRouteTable(ownerId: string) {
  const { design: store, ui } = useStores()
  return {
    label: '+ New route table',
    run: () => {
      const made = withNewRouteTable(store.getState().design, ownerId)
      if (!made.id) return
      store.getState().edit(`new route table for ${ownerId}`, () => made.design)
      ui.getState().openRouteTable(made.id)
    },
  }
}

export function VswitchForm({ r, at, design }: FormProps<'vswitch'>) {
  const newTable = useNewRouteTable(r.id)
  const tables = ofKind(design, 'routeTable', (t) => t.vpcId === r.vpcId && t.routeTableType === 'VSwitch')
  // the cloud fixes zone and CIDR at creation; while nothing is in the vSwitch it is still being created here
  const empty = !design.resources.some(
    (x) =>
      ('vswitchId' in x && x.vswitchId === r.id) ||
      (x.kind === 'gwlb' && x.zoneMappings.some((m) => m.vswitchId === r.id)),
  )
  return (
    <>
      {empty ? (
        <>
          <SelectField label="Zone" path={['resources', at, 'zoneId']} value={r.zoneId} options={opts(design.zones)} />
          <TextField
            label="IPv4 CIDR block (fixed once the vSwitch holds resources)"
            path={['resources', at, 'cidrBlock']}
            value={r.cidrBlock}
            mono
          />
        </>
      ) : (
        <>
          <ReadOnly label="Zone" value={r.zoneId} why="A vSwitch's zone is fixed at creation." />
          <ReadOnly
            label="IPv4 CIDR block"
            value={<span className="font-mono">{r.cidrBlock}</span>}
            why="A vSwitch's CIDR block cannot change after creation."
          />
        </>
      )}
      <SelectField
        label="Route table"
        path={['resources', at, 'routeTableId']}
        value={r.routeTableId}
        options={[
          { value: '', label: "the VPC's system route table" },
          ...tables.map((t) => ({ value: t.id, label: t.name ?? t.id })),
        ]}
        actions={[newTable]}
      />
      <ConnectFromButton fromId={r.id} purpose="route" />
    </>
  )
}

export function Ipv4GatewayForm({ r, at, design }: FormProps<'ipv4Gateway'>) {
  const newTable = useNewRouteTable(r.id)
  const tables = ofKind(design, 'routeTable', (t) => t.vpcId === r.vpcId && t.routeTableType === 'Gateway')
  return (
    <>
      <SelectField
        label="Gateway route table"
        path={['resources', at, 'gatewayRouteTableId']}
        value={r.gatewayRouteTableId}
        options={[
          { value: '', label: 'none (inbound follows Local routes, uninspected)' },
          ...tables.map((t) => ({ value: t.id, label: t.name ?? t.id })),
        ]}
        actions={[newTable]}
      />
      {r.gatewayRouteTableId && <ConnectFromButton fromId={r.id} purpose="route" />}
    </>
  )
}

function securityGroupChoices(design: Design, vswitchId: string) {
  const vpcId = vpcOfVswitch(design, vswitchId)
  return ofKind(design, 'securityGroup', (g) => g.vpcId === vpcId).map((g) => ({ id: g.id, label: g.name ?? g.id }))
}

/** The instance's security groups: tick to attach, open one to edit its rules, or make a new one. */
function SecurityGroups({
  r,
  at,
  design,
}: {
  r: ResourceOf<'ecs'> | ResourceOf<'appliance'>
  at: number
  design: Design
}) {
  const { design: store, ui } = useStores()
  const readOnly = useUi((s) => s.readOnly)
  const choices = securityGroupChoices(design, r.vswitchId)
  const vpcId = vpcOfVswitch(design, r.vswitchId)
  return (
    <div>
      <Checklist
        label="Security groups"
        path={['resources', at, 'securityGroupIds']}
        chosen={r.securityGroupIds}
        choices={choices}
      />
      <div className="flex flex-wrap gap-x-2 text-[11px]">
        {/* a link, not a button: a read-only form's fieldset disables its buttons, and a reader of a shared
            design must still be able to open a group's rules */}
        {r.securityGroupIds.map((id) => (
          <a
            key={id}
            href={`#${id}`}
            className="text-blue-700 hover:underline"
            onClick={(e) => {
              e.preventDefault()
              ui.getState().select(id)
            }}
          >
            {readOnly ? 'Rules of' : 'Edit rules of'} {nameOf(design, id)}
          </a>
        ))}
        {vpcId && (
          <button
            type="button"
            className="text-blue-700 hover:underline"
            onClick={() => {
              const made = withNewSecurityGroup(store.getState().design, r, vpcId)
              store.getState().edit(`new security group for ${r.id}`, () => made.design)
              ui.getState().select(made.id)
            }}
          >
            + New security group
          </button>
        )}
      </div>
    </div>
  )
}

export function EcsForm({ r, at, design }: FormProps<'ecs'>) {
  return (
    <>
      <ReadOnly label="vSwitch" value={nameOf(design, r.vswitchId)} />
      <TextField
        label="Private IP address"
        path={['resources', at, 'privateIpAddress']}
        value={r.privateIpAddress}
        mono
      />
      <TextField
        label="EIP (public address)"
        path={['resources', at, 'publicIpAddress']}
        value={r.publicIpAddress}
        optional
        mono
      />
      <SelectField label="Role" path={['resources', at, 'role']} value={r.role} options={opts(['server', 'client'])} />
      <SecurityGroups r={r} at={at} design={design} />
    </>
  )
}

export function ApplianceForm({ r, at, design }: FormProps<'appliance'>) {
  return (
    <>
      <ReadOnly label="vSwitch" value={nameOf(design, r.vswitchId)} />
      <TextField
        label="Private IP address"
        path={['resources', at, 'privateIpAddress']}
        value={r.privateIpAddress}
        mono
      />
      <SelectField
        label="Appliance type"
        path={['resources', at, 'applianceType']}
        value={r.applianceType}
        options={opts(['firewall', 'ids', 'dpi', 'mirror'])}
      />
      <CheckField
        label="Jumbo frames (MTU 8500; needed for 1,500 + 68 bytes of Geneve)"
        path={['resources', at, 'jumboFrames']}
        value={r.jumboFrames}
      />
      <CheckField
        label="Stateful (drops replies it never saw the request of)"
        path={['resources', at, 'stateful']}
        value={r.stateful}
      />
      <SelectField
        label="State"
        path={['resources', at, 'state']}
        value={r.state}
        options={[
          { value: 'running', label: 'running' },
          { value: 'stopped', label: 'stopped' },
          { value: 'hung', label: 'hung (answers health checks, drops traffic)' },
        ]}
      />
      <SecurityGroups r={r} at={at} design={design} />
      <Section title="Policy (inner 5-tuple, first match wins)">
        <SelectField
          label="Default action"
          path={['resources', at, 'policy', 'defaultAction']}
          value={r.policy.defaultAction}
          options={opts(['allow', 'deny'])}
        />
        <ListEditor
          path={['resources', at, 'policy', 'rules']}
          items={r.policy.rules}
          blank={{
            action: 'allow',
            protocol: 'tcp',
            sourceCidrIp: '0.0.0.0/0',
            destCidrIp: '0.0.0.0/0',
            portRange: '443/443',
          }}
          noun="rule"
          columns={[
            { key: 'action', label: 'Action', options: ['allow', 'deny'] },
            { key: 'protocol', label: 'Protocol', options: ['tcp', 'udp', 'icmp', 'all'] },
            { key: 'sourceCidrIp', label: 'Source' },
            { key: 'destCidrIp', label: 'Destination' },
            { key: 'portRange', label: 'Ports' },
            { key: 'description', label: 'Description' },
          ]}
        />
      </Section>
    </>
  )
}

/**
 * The group's type, written with the policy it implies in one edit: an enterprise group has no policy (the loader
 * refuses one), and a basic group starts with Accept, as the cloud makes it. The loader refuses a type that
 * would leave an instance with groups of both types, and its message shows under the field.
 */
function SecurityGroupTypeField({ r, at }: { r: ResourceOf<'securityGroup'>; at: number }) {
  const commit = useCommit()
  const [error, setError] = useState<string | null>(null)
  const label = 'Security group type'
  return (
    <div className="py-0.5">
      <label className="block text-[11px] text-slate-500">
        {label}
        <select
          aria-label={label}
          // inside the label, so it would take the label's grey
          className={`${INPUT} text-slate-900`}
          value={r.securityGroupType}
          onChange={(e) => {
            const type = e.target.value as SecurityGroupType
            const { innerAccessPolicy: _, ...rest } = r
            const next =
              type === 'basic'
                ? { ...rest, securityGroupType: type, innerAccessPolicy: 'Accept' }
                : { ...rest, securityGroupType: type }
            setError(commit(`set ${label}`, ['resources', at], next))
          }}
        >
          <option value="basic">Basic</option>
          <option value="enterprise">Enterprise</option>
        </select>
      </label>
      <p className="text-[11px] text-slate-500">
        {r.securityGroupType === 'basic'
          ? 'Inbound denied and outbound allowed unless a rule says otherwise.'
          : 'Inbound and outbound denied unless a rule accepts; members isolated.'}
      </p>
      {error && (
        <p role="alert" className="mt-0.5 text-[11px] text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

export function SecurityGroupForm({ r, at, design }: FormProps<'securityGroup'>) {
  const members = [...ofKind(design, 'ecs'), ...ofKind(design, 'appliance')].filter((i) =>
    i.securityGroupIds.includes(r.id),
  )
  return (
    <>
      <SecurityGroupTypeField r={r} at={at} />
      {r.securityGroupType === 'basic' ? (
        <SelectField
          label="Internal access policy"
          path={['resources', at, 'innerAccessPolicy']}
          value={r.innerAccessPolicy ?? 'Accept'}
          options={[
            { value: 'Accept', label: 'Accept: members always reach each other' },
            { value: 'Drop', label: 'Drop: members only through a rule' },
          ]}
        />
      ) : (
        <ReadOnly
          label="Internal access policy"
          value="Isolation (members reach each other only through a rule)"
          why="An enterprise security group always isolates its members; its policy cannot be changed."
        />
      )}
      <ReadOnly
        label="Members"
        value={members.length ? members.map((m) => m.name ?? m.id).join(', ') : 'none'}
        why="Instances in this group; the internal access policy governs traffic between them."
      />
      <SecurityGroupRules r={r} at={at} />
    </>
  )
}

function SecurityGroupRules({ r, at }: { r: ResourceOf<'securityGroup'>; at: number }) {
  return (
    <Section title="Rules (priority 1 first; drop wins a tie)">
      <ListEditor
        path={['resources', at, 'rules']}
        items={r.rules}
        blank={{
          direction: 'ingress',
          ipProtocol: 'tcp',
          portRange: '443/443',
          sourceCidrIp: '0.0.0.0/0',
          policy: 'accept',
          priority: 1,
        }}
        noun="rule"
        columns={[
          { key: 'direction', label: 'Direction', options: ['ingress', 'egress'] },
          { key: 'ipProtocol', label: 'Protocol', options: ['tcp', 'udp', 'icmp', 'all'] },
          { key: 'portRange', label: 'Ports' },
          { key: 'sourceCidrIp', label: 'Source' },
          { key: 'destCidrIp', label: 'Destination' },
          { key: 'policy', label: 'Policy', options: ['accept', 'drop'] },
          { key: 'priority', label: 'Priority', number: true },
          { key: 'description', label: 'Description' },
        ]}
      />
    </Section>
  )
}

export function GwlbForm({ r, at, design }: FormProps<'gwlb'>) {
  const g = r.serverGroup
  const appliances = ofKind(design, 'appliance', (a) => vpcOfVswitch(design, a.vswitchId) === r.vpcId).map((a) => ({
    id: a.id,
    label: a.name ?? a.id,
  }))
  return (
    <>
      <CheckField
        label="Cross-zone forwarding (always on at Alibaba Cloud; off = AWS-style per zone)"
        path={['resources', at, 'crossZoneEnabled']}
        value={r.crossZoneEnabled}
      />
      <Section title="Zone mappings">
        {r.zoneMappings.map((m, j) => (
          <TextField
            key={m.zoneId}
            label={`${m.zoneId} · ${nameOf(design, m.vswitchId)} · address`}
            path={['resources', at, 'zoneMappings', j, 'privateIpAddress']}
            value={m.privateIpAddress}
            mono
          />
        ))}
      </Section>
      <Section title="Listener">
        <CheckField
          label="Listener (all IP traffic, Geneve to the server group)"
          path={['resources', at, 'listener']}
          value={Boolean(r.listener)}
          mapTo={(on) => (on ? {} : undefined)}
        />
        {r.listener && (
          <TextField
            label="Listener description"
            path={['resources', at, 'listener', 'description']}
            value={r.listener.description}
            optional
          />
        )}
      </Section>
      {g ? (
        <ServerGroupSection g={g} sg={['resources', at, 'serverGroup']} appliances={appliances} />
      ) : (
        <ReadOnly label="Server group" value="none: the listener has nowhere to send traffic" />
      )}
    </>
  )
}

type Path = (string | number)[]
type ServerGroup = NonNullable<ResourceOf<'gwlb'>['serverGroup']>

/** The GWLB's server group: its scheduler, its appliances, the health check, draining and failover. */
function ServerGroupSection({
  g,
  sg,
  appliances,
}: {
  g: ServerGroup
  sg: Path
  appliances: { id: string; label: string }[]
}) {
  return (
    <Section title="Server group">
      <TextField label="Server group name" path={[...sg, 'name']} value={g.name} optional />
      <SelectField
        label="Scheduler"
        path={[...sg, 'scheduler']}
        value={g.scheduler}
        options={[
          { value: '5TCH', label: '5TCH: 5-tuple hash' },
          { value: '3TCH', label: '3TCH: addresses and protocol' },
          { value: '2TCH', label: '2TCH: addresses' },
        ]}
      />
      <Checklist label="Servers (appliances)" path={[...sg, 'servers']} chosen={g.servers} choices={appliances} />
      <HealthCheckFields check={g.healthCheck} path={[...sg, 'healthCheck']} />
      <CheckField
        label="Connection draining"
        path={[...sg, 'connectionDrain', 'enabled']}
        value={g.connectionDrain.enabled}
      />
      <NumberField
        label="Drain timeout, s (1–3600)"
        path={[...sg, 'connectionDrain', 'timeout']}
        value={g.connectionDrain.timeout}
      />
      <SelectField
        label="Existing flows when an appliance fails"
        path={[...sg, 'serverFailoverMode']}
        value={g.serverFailoverMode}
        options={[
          { value: 'Rebalance', label: 'Rebalance (move them to healthy appliances)' },
          { value: 'NoRebalance', label: 'NoRebalance (keep them: lost)' },
        ]}
      />
    </Section>
  )
}

/** The server group's health check: on or off, how it probes, how often, and after how many answers it decides. */
function HealthCheckFields({ check, path }: { check: ServerGroup['healthCheck']; path: Path }) {
  return (
    <>
      <CheckField label="Health check" path={[...path, 'enabled']} value={check.enabled} />
      <SelectField
        label="Health-check protocol"
        path={[...path, 'protocol']}
        value={check.protocol}
        options={opts(['TCP', 'HTTP'])}
      />
      <NumberField label="Health-check port (1–65535)" path={[...path, 'port']} value={check.port} />
      {check.protocol === 'HTTP' && (
        <TextField label="Health-check path" path={[...path, 'path']} value={check.path} optional />
      )}
      <NumberField label="Interval, s (1–50)" path={[...path, 'interval']} value={check.interval} />
      <NumberField label="Timeout, s (1–300)" path={[...path, 'timeout']} value={check.timeout} />
      <NumberField
        label="Healthy threshold (2–10)"
        path={[...path, 'healthyThreshold']}
        value={check.healthyThreshold}
      />
      <NumberField
        label="Unhealthy threshold (2–10)"
        path={[...path, 'unhealthyThreshold']}
        value={check.unhealthyThreshold}
      />
    </>
  )
}

export function EndpointServiceForm({ r, at, design }: FormProps<'endpointService'>) {
  return (
    <>
      <SelectField
        label="Provider account"
        path={['resources', at, 'accountId']}
        value={r.accountId}
        options={design.accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
      />
      <CheckField
        label="Automatically accept endpoint connections"
        path={['resources', at, 'autoAcceptConnection']}
        value={r.autoAcceptConnection}
      />
      <TextField
        label="Whitelist (account UIDs, or *)"
        path={['resources', at, 'whitelist']}
        value={r.whitelist.join(', ')}
        parseValue={csv}
        mono
      />
      <SelectField
        label="Payer"
        path={['resources', at, 'payer']}
        value={r.payer}
        options={[
          { value: 'Endpoint', label: 'Endpoint (consumer)' },
          { value: 'EndpointService', label: 'EndpointService (provider)' },
        ]}
      />
      <ServiceResources r={r} design={design} />
    </>
  )
}

/** The GWLB of each zone the service offers; removing one is refused while a connected endpoint uses its zone. */
function ServiceResources({ r, design }: { r: ResourceOf<'endpointService'>; design: Design }) {
  const { design: store, ui } = useStores()
  return (
    <div className="py-0.5" data-testid="service-resources">
      <div className="text-[11px] text-slate-500">
        Service resources (draw from the service to a GWLB to add its zones)
      </div>
      {r.resources.length === 0 && <div className="text-xs text-slate-400">none</div>}
      {r.resources.map((x, i) => (
        <div key={`${x.resourceId}/${x.zoneId}`} className="flex items-center justify-between text-xs">
          <span>
            {nameOf(design, x.resourceId)} in {x.zoneId}
          </span>
          <button
            type="button"
            className="text-[11px] text-red-700 hover:underline"
            onClick={() => {
              const result = removeServiceResource(store.getState().design, r.id, i)
              if (result.ok) store.getState().edit(`remove service resource ${x.zoneId}`, () => result.design)
              else ui.getState().notify({ tone: 'error', lines: ['The cloud refuses this removal.', result.refused] })
            }}
          >
            Remove
          </button>
        </div>
      ))}
    </div>
  )
}

export function InternetHostForm({ r, at }: FormProps<'internetHost'>) {
  return <TextField label="Address" path={['resources', at, 'ipAddress']} value={r.ipAddress} mono />
}
