// A table of rules (security-group rules, appliance policy rules): edit a cell, add a row, remove a row.
import { useState } from 'react'
import type { Path } from './commit'
import { INPUT, useCommit } from './fields'

export interface Column {
  key: string
  label: string
  options?: readonly string[]
  number?: boolean
}

function Cell({ path, column, value }: { path: Path; column: Column; value: unknown }) {
  const commit = useCommit()
  const [text, setText] = useState(value === undefined ? '' : String(value))
  const [error, setError] = useState<string | null>(null)
  const set = (t: string) => {
    const v = t.trim() === '' ? undefined : column.number ? Number(t) : t
    setError(commit(`set ${column.label}`, [...path, column.key], v))
  }
  if (column.options)
    return (
      <select
        aria-label={column.label}
        className={INPUT}
        value={String(value ?? '')}
        onChange={(e) => set(e.target.value)}
      >
        {column.options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    )
  return (
    <input
      aria-label={column.label}
      title={error ?? undefined}
      aria-invalid={Boolean(error)}
      className={`${INPUT} font-mono ${error ? 'border-red-500 bg-red-50' : ''}`}
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        set(e.target.value)
      }}
    />
  )
}

export function ListEditor<T extends object>({
  path,
  items,
  blank,
  columns,
  noun,
}: {
  path: Path
  items: readonly T[]
  blank: T
  columns: Column[]
  noun: string
}) {
  const commit = useCommit()
  const [error, setError] = useState<string | null>(null)
  return (
    <div>
      {items.map((item, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no ids; position and content together are the identity, so an edit remounts the row with its new values
          key={`${i}:${JSON.stringify(item)}`}
          data-testid={`${noun}-${i}`}
          className="mb-1 rounded border border-slate-200 p-1"
        >
          {/* numbered from 1, as the packet walk and the simulator's log name rules */}
          <p className="text-[10px] font-semibold text-slate-600">
            {noun.charAt(0).toUpperCase() + noun.slice(1)} {i + 1}
          </p>
          <div className="grid grid-cols-2 gap-1">
            {columns.map((c) => (
              <label key={c.key} className="text-[10px] text-slate-500">
                {c.label}
                <Cell path={[...path, i]} column={c} value={(item as Record<string, unknown>)[c.key]} />
              </label>
            ))}
          </div>
          <button
            type="button"
            className="mt-1 text-[11px] text-red-700 hover:underline"
            onClick={() =>
              setError(
                commit(
                  `remove ${noun}`,
                  path,
                  items.filter((_, j) => j !== i),
                ),
              )
            }
          >
            Remove {noun}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="text-xs text-blue-700 hover:underline"
        onClick={() => setError(commit(`add ${noun}`, path, [...items, blank]))}
      >
        + Add {noun}
      </button>
      {error && (
        <p role="alert" className="text-[11px] text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
