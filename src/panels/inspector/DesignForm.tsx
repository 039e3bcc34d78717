// The design itself, when nothing is selected: name, region, zones and accounts.
import type { Design } from '../../model'
import { csv, TextField } from './fields'
import { ListEditor } from './ListEditor'
import { ScenarioForm } from './ScenarioForm'

export function DesignForm({ design }: { design: Design }) {
  return (
    <>
      <TextField label="Design name" path={['name']} value={design.name} />
      <TextField label="Description" path={['description']} value={design.description} optional />
      <TextField label="Region" path={['regionId']} value={design.regionId} mono />
      <TextField label="Zones, in order" path={['zones']} value={design.zones.join(', ')} parseValue={csv} mono />
      <div className="mt-2 text-[11px] font-semibold uppercase tracking-wide text-slate-500">Accounts</div>
      <ListEditor
        path={['accounts']}
        items={design.accounts}
        blank={{ id: '1000000000000000', name: 'New account' }}
        noun="account"
        columns={[
          { key: 'id', label: 'UID' },
          { key: 'name', label: 'Name' },
        ]}
      />
      <div className="mt-2 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
        Scenarios (traffic and faults to simulate)
      </div>
      <ScenarioForm design={design} />
    </>
  )
}
