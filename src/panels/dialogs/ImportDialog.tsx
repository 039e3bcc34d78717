// Import a deployment: pick Terraform files, a folder, a state or plan JSON, Alibaba Cloud API output or a zip
// (or drop them here), with the CLI's choices: what to read them as (--from) and Terraform variables (--var).
// The import runs in a worker; bad input leaves the design as it is and the notice says which file and line.
import { type ChangeEvent, type DragEvent, useId, useRef, useState } from 'react'
import { useImports, useStores } from '../../store/context'
import type { ImportChoices, ImportInput } from '../../store/importer'
import { chosenInputs, droppedInputs } from './importInputs'
import { BUTTON, Modal, PRIMARY } from './Modal'

const FROM: { value: '' | NonNullable<ImportChoices['from']>; label: string }[] = [
  { value: '', label: 'Recognise from the content' },
  { value: 'hcl', label: 'Terraform configuration (HCL)' },
  { value: 'tfstate', label: 'Terraform state (JSON)' },
  { value: 'tfplan', label: 'Terraform plan (JSON)' },
  { value: 'aliyun', label: 'Alibaba Cloud API output (aliyun CLI)' },
]

type From = (typeof FROM)[number]['value']

/** "name=value" lines → variables, or the first line that is not one. */
export function parseVariables(text: string): { ok: true; vars: Record<string, string> } | { ok: false; line: number } {
  const vars: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line) continue
    const m = /^([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*)$/.exec(line)
    if (!m) return { ok: false, line: i + 1 }
    vars[m[1]] = m[2].replace(/^"(.*)"$/, '$1')
  }
  return { ok: true, vars }
}

export function ImportDialog() {
  const stores = useStores()
  const running = useImports((s) => s.running)
  const close = () => stores.ui.getState().openDialog(null)
  const filesInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const [from, setFrom] = useState<From>('')
  const [variables, setVariables] = useState('')
  const parsed = parseVariables(variables)
  const importer = stores.importer

  const start = (inputs: ImportInput[]) => {
    if (!importer || !parsed.ok || !inputs.length) return
    close()
    void importer.run(inputs, { from: from || undefined, vars: parsed.vars })
  }
  const onChosen = (e: ChangeEvent<HTMLInputElement>) => {
    const inputs = e.target.files ? chosenInputs(e.target.files) : []
    // the same files chosen again are a new choice
    e.target.value = ''
    start(inputs)
  }
  const disabled = !importer || !parsed.ok || running !== null

  return (
    <Modal title="Import a deployment" onClose={close} testId="import-dialog">
      <WhatItReads />
      <DropZone
        disabled={disabled}
        onFiles={() => filesInput.current?.click()}
        onFolder={() => folderInput.current?.click()}
        onDrop={(dropped) => start(droppedInputs(dropped))}
      />
      <input
        ref={filesInput}
        data-testid="import-files-input"
        type="file"
        multiple
        accept=".tf,.tfvars,.json,.tfstate,.zip,application/json,application/zip"
        className="hidden"
        onChange={onChosen}
      />
      <input
        ref={folderInput}
        data-testid="import-folder-input"
        type="file"
        // a folder chooser: React passes the attribute through as it is
        {...{ webkitdirectory: '' }}
        className="hidden"
        // an arrow, not onChosen itself: with `onChange={onChosen}` here, npm run layers (dependency-cruiser) reports
        // an import of this file that it cannot resolve, though the file imports nothing new (a quirk of its parsing)
        onChange={(e) => onChosen(e)}
      />
      <ImportChoiceFields from={from} onFrom={setFrom} variables={variables} onVariables={setVariables} />
      <p className="mt-3 text-xs text-slate-500">
        The import is one edit: Undo puts the design on the canvas back, and it stays in Designs… as well.
      </p>
      <div className="mt-3 flex justify-end">
        <button type="button" className={BUTTON} onClick={close}>
          Cancel
        </button>
      </div>
    </Modal>
  )
}

/**
 * The importer's limits as docs/import.md states them (IMPORT_LIMITS of src/import, which the panels layer does not
 * import: the importer loads only when an import starts); the dialog's test holds them equal.
 */
export const STATED_LIMITS = { files: 2000, megabytes: 64, seconds: 60 }

/**
 * The inputs the importer reads, each with the forms it takes, and the limits past which it stops. (Its text
 * says "reading stops", not "an import still running after {…}": npm run layers (dependency-cruiser) took that
 * JSX text for an import it could not resolve.)
 */
function WhatItReads() {
  const id = useId()
  return (
    <div className="text-sm text-slate-700">
      <p id={id}>It reads, recognised from the content:</p>
      <ul aria-labelledby={id} className="mt-1 list-disc space-y-0.5 pl-5">
        <li>
          <strong>Terraform configuration</strong>: <code>.tf</code> and <code>.tfvars</code> files, or their folder
          with its local modules.
        </li>
        <li>
          <strong>Terraform state or plan</strong>: the JSON of{' '}
          <code className="whitespace-nowrap">terraform show -json</code>, or <code>terraform.tfstate</code>. A plan
          opens as the state after it.
        </li>
        <li>
          <strong>Alibaba Cloud API output</strong>: the JSON the <code>aliyun</code> CLI prints for the describe and
          list calls (<code>DescribeVpcs</code>, <code>ListLoadBalancers</code>, …), as a folder (one per account), a
          zip or a single file.
        </li>
      </ul>
      <p className="mt-1 text-xs text-slate-500">
        Any of them may come as a zip. At most {STATED_LIMITS.files.toLocaleString('en-US')} files and{' '}
        {STATED_LIMITS.megabytes} MB in all; reading stops after {STATED_LIMITS.seconds} s, with a message. Nothing
        leaves this browser.
      </p>
    </div>
  )
}

/** The CLI's choices: what to read the files as (--from), and Terraform variables (--var), checked as they are typed. */
function ImportChoiceFields({
  from,
  onFrom,
  variables,
  onVariables,
}: {
  from: From
  onFrom: (from: From) => void
  variables: string
  onVariables: (text: string) => void
}) {
  const ids = { from: useId(), vars: useId(), varsHelp: useId() }
  const parsed = parseVariables(variables)
  return (
    <div className="mt-3 grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-2 text-sm">
      <label htmlFor={ids.from} className="pt-1 text-slate-700">
        Read as
      </label>
      <select
        id={ids.from}
        className="rounded border border-slate-300 px-2 py-1"
        value={from}
        onChange={(e) => onFrom(e.target.value as From)}
      >
        {FROM.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </select>
      <label htmlFor={ids.vars} className="pt-1 text-slate-700">
        Variables
      </label>
      <div>
        <textarea
          id={ids.vars}
          aria-describedby={ids.varsHelp}
          rows={2}
          className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
          placeholder="vpc_cidr=10.1.0.0/16"
          value={variables}
          onChange={(e) => onVariables(e.target.value)}
        />
        <p id={ids.varsHelp} className={`text-xs ${parsed.ok ? 'text-slate-500' : 'text-red-700'}`}>
          {parsed.ok
            ? 'One name=value a line, as terraform -var; they win over .tfvars files and defaults.'
            : `Line ${parsed.line} is not name=value.`}
        </p>
      </div>
    </div>
  )
}

/** Where files or a folder are dropped, with the two buttons that choose them from the keyboard. */
function DropZone({
  disabled,
  onFiles,
  onFolder,
  onDrop,
}: {
  disabled: boolean
  onFiles: () => void
  onFolder: () => void
  onDrop: (dropped: DataTransfer) => void
}) {
  const [over, setOver] = useState(false)
  const drop = (e: DragEvent) => {
    // taken here, with the choices made here: the window's drop zone sees it done (defaultPrevented)
    e.preventDefault()
    setOver(false)
    onDrop(e.dataTransfer)
  }
  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the two buttons inside do the same from the keyboard */}
      <div
        data-testid="import-drop"
        className={`mt-3 flex flex-col items-center gap-2 rounded border-2 border-dashed p-4 text-sm ${over ? 'border-sky-500 bg-sky-50' : 'border-slate-300'}`}
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <div className="flex gap-2">
          <button type="button" className={PRIMARY} disabled={disabled} onClick={onFiles}>
            Choose files…
          </button>
          <button type="button" className={BUTTON} disabled={disabled} onClick={onFolder}>
            Choose a folder…
          </button>
        </div>
        <span className="text-slate-500">or drop files or a folder here</span>
      </div>
    </>
  )
}
