// The import report beside the imported design: what could not be resolved with its file and line, what the
// design does not model, a plan's actions and the way to the state before it; gone once Undo takes the
// imported design away.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ImportReportPanel } from '../../src/panels/ImportReportPanel'
import { createStores, StoresProvider } from '../../src/store/context'
import type { ImportReportView } from '../../src/store/importer'
import { loadExample } from '../helpers'

const report: ImportReportView = {
  source: 'tfplan',
  files: ['plan.json'],
  mapped: [{ address: 'alicloud_vpc.service', resourceId: 'vpc-service', as: 'vpc' }],
  notModelled: [{ address: 'alicloud_nat_gateway.nat', message: 'NAT gateways are not modelled' }],
  unresolved: [
    { address: 'alicloud_vswitch.app', message: 'var.zone has no value', where: { file: 'main.tf', line: 12 } },
  ],
  unplaced: [],
  assumed: [],
  skippedFiles: [],
  plannedActions: [
    { address: 'alicloud_vswitch.app', actions: ['create'] },
    { address: 'alicloud_instance.web', actions: ['delete', 'create'] },
  ],
}

function setup(view: ImportReportView = report) {
  const stores = createStores(loadExample('single-zone'))
  const openPlanSide = vi.fn(async () => undefined)
  stores.importer = { run: vi.fn(), isImportFile: vi.fn(), openPlanSide }
  const after = { ...loadExample('two-zones'), name: 'Imported from plan.json (after the plan)' }
  const before = { ...loadExample('single-zone'), name: 'Imported from plan.json (before the plan)' }
  stores.design.getState().edit('import “plan.json”', () => after, { opens: true })
  stores.imports.getState().setLast({
    report: view,
    after,
    before,
    showing: 'after',
    opened: stores.design.getState().opened,
  })
  render(
    <StoresProvider stores={stores}>
      <ImportReportPanel />
    </StoresProvider>,
  )
  return { stores, openPlanSide }
}

describe('the import report', () => {
  it('lists what could not be resolved with file and line, what is not modelled, and the planned actions', () => {
    setup()
    const panel = screen.getByTestId('import-report')
    const unresolved = within(panel).getByTestId('import-unresolved')
    expect(unresolved.textContent).toContain('Could not be resolved (1)')
    expect(unresolved.textContent).toContain('alicloud_vswitch.app: var.zone has no value')
    expect(unresolved.textContent).toContain('main.tf:12')
    expect(within(panel).getByTestId('import-notModelled').textContent).toContain('alicloud_nat_gateway.nat')
    const actions = within(panel).getByTestId('import-planned-actions')
    expect([...actions.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'createalicloud_vswitch.app',
      'delete, createalicloud_instance.web',
    ])
    expect(panel.textContent).toContain('The canvas shows the state after the plan.')
  })

  it('opens the state before the plan on request', () => {
    const { openPlanSide } = setup()
    fireEvent.click(screen.getByRole('button', { name: 'Open the state before it' }))
    expect(openPlanSide).toHaveBeenCalledWith('before')
  })

  it('stays through edits of the imported design and goes when Undo takes the import back', () => {
    const { stores } = setup()
    act(() => stores.design.getState().edit('rename', (d) => ({ ...d, name: 'mine' })))
    expect(screen.queryByTestId('import-report')).not.toBeNull()
    act(() => stores.design.getState().undo())
    expect(screen.queryByTestId('import-report')).not.toBeNull()
    act(() => stores.design.getState().undo())
    expect(screen.queryByTestId('import-report')).toBeNull()
    act(() => stores.design.getState().redo())
    expect(screen.queryByTestId('import-report')).not.toBeNull()
  })
})

describe('the mapped resources of a large import', () => {
  it('are made only when the list is opened, 200 at first, then all on request', () => {
    const mapped = Array.from({ length: 2001 }, (_, i) => ({
      address: `alicloud_instance.web[${i}]`,
      resourceId: `ecs-${i}`,
      as: 'ecs',
    }))
    setup({ ...report, mapped })
    const list = screen.getByTestId('import-mapped-list') as HTMLDetailsElement
    expect(list.textContent).toBe('Mapped (2001)')
    expect(list.querySelectorAll('li')).toHaveLength(0)
    act(() => {
      list.open = true
      fireEvent(list, new Event('toggle'))
    })
    expect(list.querySelectorAll('li')).toHaveLength(200)
    expect(list.querySelector('li')?.textContent).toBe('alicloud_instance.web[0] → ecs-0 (ecs)')
    fireEvent.click(within(list).getByRole('button', { name: 'Show the other 1,801' }))
    expect(list.querySelectorAll('li')).toHaveLength(2001)
    expect(list.querySelectorAll('li')[2000]?.textContent).toBe('alicloud_instance.web[2000] → ecs-2000 (ecs)')
  })
})
