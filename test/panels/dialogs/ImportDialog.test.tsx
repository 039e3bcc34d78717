// The Import… dialog: it says what the importer reads and its limits; what to read the files as and Terraform
// variables go with the files chosen; a line that is not name=value is pointed out and nothing can be chosen
// until it is fixed.
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { IMPORT_LIMITS } from '../../../src/import/types'
import { ImportDialog, parseVariables, STATED_LIMITS } from '../../../src/panels/dialogs/ImportDialog'
import { createStores, StoresProvider } from '../../../src/store/context'
import { loadExample } from '../../helpers'

function renderDialog() {
  const stores = createStores(loadExample('single-zone'))
  const run = vi.fn(async () => true)
  stores.importer = { run, isImportFile: vi.fn(), openPlanSide: vi.fn() }
  stores.ui.getState().openDialog({ kind: 'import' })
  render(
    <StoresProvider stores={stores}>
      <ImportDialog />
    </StoresProvider>,
  )
  return { stores, run }
}

describe('the import dialog', () => {
  it('says what it reads: Terraform files or a folder, state or plan JSON, aliyun CLI output as a folder, zip or file', () => {
    renderDialog()
    const reads = within(screen.getByRole('list', { name: 'It reads, recognised from the content:' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(reads).toEqual([
      'Terraform configuration: .tf and .tfvars files, or their folder with its local modules.',
      'Terraform state or plan: the JSON of terraform show -json, or terraform.tfstate. A plan opens as the state after it.',
      'Alibaba Cloud API output: the JSON the aliyun CLI prints for the describe and list calls (DescribeVpcs, ListLoadBalancers, …), as a folder (one per account), a zip or a single file.',
    ])
    expect(
      screen.getByText(
        /^Any of them may come as a zip\. At most 2,000 files and 64 MB in all; reading stops after 60 s, with a message\./,
      ),
    ).toBeTruthy()
  })

  it('states the limits the importer enforces', () => {
    expect(STATED_LIMITS).toEqual({
      files: IMPORT_LIMITS.files,
      megabytes: IMPORT_LIMITS.bytes / 1024 / 1024,
      seconds: IMPORT_LIMITS.seconds,
    })
  })

  it('hands the files chosen to the importer with the choices made, and closes', async () => {
    const { stores, run } = renderDialog()
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
