// The last import's report, beside the design it opened: what was mapped, what the design does not model,
// what could not be resolved or placed (each with its file and line), what was assumed, the files not read,
// and a plan's planned actions. Shown while the design on the canvas is the imported one or an edit of it.
import { useState } from 'react'
import { useStore } from 'zustand'
import { useImports, useStores } from '../store/context'
import { type ImportReportItem, type ImportReportView, type LastImport, reportApplies } from '../store/importer'

const SOURCE_NAMES: Record<string, string> = {
  hcl: 'Terraform configuration',
  tfstate: 'Terraform state',
  tfplan: 'Terraform plan',
  aliyun: 'Alibaba Cloud API output',
}

/** Sections open by themselves when short; what went wrong comes first. */
const SECTIONS: { key: keyof ImportReportView & string; title: string; tone: string }[] = [
  { key: 'unresolved', title: 'Could not be resolved', tone: 'text-red-800' },
  { key: 'unplaced', title: 'Could not be placed', tone: 'text-red-800' },
  { key: 'notModelled', title: 'Not modelled', tone: 'text-amber-800' },
  { key: 'assumed', title: 'Assumed', tone: 'text-slate-700' },
  { key: 'skippedFiles', title: 'Files not read', tone: 'text-slate-700' },
]
const OPEN_UP_TO = 8

const place = (i: ImportReportItem) => (i.where ? `${i.where.file}${i.where.line ? `:${i.where.line}` : ''}` : '')

function Items({ items, tone }: { items: ImportReportItem[]; tone: string }) {
  return (
    <ul className="mt-1 space-y-1">
      {items.map((i, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one address may carry several messages; the list never reorders
        <li key={`${n}:${i.address}`} className={`${tone} [overflow-wrap:anywhere]`}>
          <span className="font-mono">{i.address}</span>: {i.message}
          {i.where && <span className="block font-mono text-slate-500">{place(i)}</span>}
        </li>
      ))}
    </ul>
  )
}

export function ImportReportPanel() {
  const stores = useStores()
  const last = useImports((s) => s.last)
  const applies = useStore(stores.design, (s) => reportApplies(last, s))
  if (!last || !applies) return null
  const { report } = last
  return (
    <section
      data-testid="import-report"
      aria-label="Import report"
      className="border-b border-slate-200 bg-slate-50/60 p-3 text-xs"
    >
      <div className="flex items-start gap-2">
        <h2 className="flex-1 text-sm font-semibold text-slate-900">Import report</h2>
        <button
          type="button"
          aria-label="Close the import report"
          className="rounded px-1.5 text-slate-500 hover:bg-slate-200"
          onClick={() => stores.imports.getState().setLast(null)}
        >
          ✕
        </button>
      </div>
      <details className="mt-1 text-slate-700" data-testid="import-files">
        <summary className="cursor-pointer">
          {SOURCE_NAMES[report.source] ?? report.source}, {report.files.length} file
          {report.files.length === 1 ? '' : 's'} read
        </summary>
        <ul className="mt-1 font-mono [overflow-wrap:anywhere]">
          {report.files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      </details>
      <p className="mt-1 font-semibold text-emerald-800" data-testid="import-mapped">
        {report.mapped.length} Terraform resource{report.mapped.length === 1 ? '' : 's'} mapped
      </p>
      {report.plannedActions && <PlannedActions last={last} actions={report.plannedActions} />}
      {SECTIONS.map(({ key, title, tone }) => {
        const items = report[key] as ImportReportItem[]
        if (!items.length) return null
        return (
          <details key={key} open={items.length <= OPEN_UP_TO} className="mt-2" data-testid={`import-${key}`}>
            <summary className="cursor-pointer font-semibold text-slate-800">
              {title} ({items.length})
            </summary>
            <Items items={items} tone={tone} />
          </details>
        )
      })}
      <MappedList mapped={report.mapped} />
    </section>
  )
}

/** the mapped resources listed at first when the list is opened; the rest on request */
const MAPPED_FIRST = 200

/**
 * What was mapped, closed at first. Its items are made only once it is opened, and then the first 200: an import of
 * 2,000 resources would otherwise add some 10,000 DOM nodes, unseen, to the task that opens the design.
 */
function MappedList({ mapped }: { mapped: ImportReportView['mapped'] }) {
  const [open, setOpen] = useState(false)
  const [all, setAll] = useState(false)
  const shown = all ? mapped : mapped.slice(0, MAPPED_FIRST)
  return (
    <details className="mt-2" data-testid="import-mapped-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold text-slate-800">Mapped ({mapped.length})</summary>
      {open && (
        <ul className="mt-1 space-y-0.5">
          {shown.map((m, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an address may map to several fields of one resource; the list never reorders
            <li key={`${n}:${m.address}`} className="[overflow-wrap:anywhere]">
              <span className="font-mono">{m.address}</span> → <span className="font-mono">{m.resourceId}</span>
              {m.as && <span className="text-slate-500"> ({m.as})</span>}
            </li>
          ))}
        </ul>
      )}
      {open && shown.length < mapped.length && (
        <button type="button" className="mt-1 text-sky-800 underline hover:text-sky-950" onClick={() => setAll(true)}>
          Show the other {(mapped.length - shown.length).toLocaleString('en-US')}
        </button>
      )}
    </details>
  )
}

/** A plan's planned actions, and which side of the plan the canvas shows, with the way to the other side. */
function PlannedActions({
  last,
  actions,
}: {
  last: LastImport
  actions: NonNullable<ImportReportView['plannedActions']>
}) {
  const stores = useStores()
  const [busy, setBusy] = useState(false)
  const side = async (which: 'before' | 'after') => {
    setBusy(true)
    await stores.importer?.openPlanSide(which)
    setBusy(false)
  }
  return (
    <div className="mt-2" data-testid="import-plan">
      <p className="text-slate-700">
        {last.showing === 'before'
          ? 'The canvas shows the state before the plan.'
          : 'The canvas shows the state after the plan.'}{' '}
        {last.before && (
          <button
            type="button"
            className="text-sky-800 underline hover:text-sky-950 disabled:opacity-50"
            disabled={busy}
            onClick={() => side(last.showing === 'before' ? 'after' : 'before')}
          >
            {last.showing === 'before' ? 'Open the state after it' : 'Open the state before it'}
          </button>
        )}
      </p>
      <details open className="mt-1">
        <summary className="cursor-pointer font-semibold text-slate-800">Planned actions ({actions.length})</summary>
        <ul className="mt-1 space-y-0.5" data-testid="import-planned-actions">
          {actions.map((a) => (
            <li key={a.address} className="flex gap-2">
              <span className="w-24 shrink-0 text-slate-600">{a.actions.join(', ')}</span>
              <span className="font-mono [overflow-wrap:anywhere]">{a.address}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  )
}
