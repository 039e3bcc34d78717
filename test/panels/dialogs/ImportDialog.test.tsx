// The Import… dialog: what to read the files as and Terraform variables go with the files chosen; a line that
// is not name=value is pointed out and nothing can be chosen until it is fixed.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ImportDialog, parseVariables } from '../../../src/panels/dialogs/ImportDialog'
import { createStores, StoresProvider } from '../../../src/store/context'
import { loadExample } from '../../helpers'

describe('the import dialog', () => {
  it('hands the files chosen to the importer with the choices made, and closes', async () => {
    const stores = createStores(loadExample('single-zone'))
    const run = vi.fn(async () => true)
    stores.importer = { run, isImportFile: vi.fn(), openPlanSide: vi.fn() }
    stores.ui.getState().openDialog({ kind: 'import' })
    render(
      <StoresProvider stores={stores}>
        <ImportDialog />
      </StoresProvider>,
    )
    const user = userEvent.setup()
    const vars = screen.getByLabelText('Variables')
    await user.type(vars, 'not a variable')
    expect(screen.getByText('Line 1 is not name=value.')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Choose files…' }) as HTMLButtonElement).disabled).toBe(true)
    await user.clear(vars)
    await user.type(vars, 'vpc_cidr=10.1.0.0/16')
    expect((screen.getByRole('button', { name: 'Choose files…' }) as HTMLButtonElement).disabled).toBe(false)
    await user.selectOptions(screen.getByLabelText('Read as'), 'tfplan')
    const plan = new File(['{}'], 'plan.json', { type: 'application/json' })
    await user.upload(screen.getByTestId('import-files-input'), plan)
    expect(run).toHaveBeenCalledWith([{ kind: 'file', file: plan, path: 'plan.json' }], {
      from: 'tfplan',
      vars: { vpc_cidr: '10.1.0.0/16' },
    })
    expect(stores.ui.getState().dialog).toBeNull()
  })

  it('reads variables as terraform -var does, quotes taken off', () => {
    expect(parseVariables('a=1\n\n b = "two words" \n')).toEqual({ ok: true, vars: { a: '1', b: 'two words' } })
    expect(parseVariables('a=1\n=2')).toEqual({ ok: false, line: 2 })
  })
})
