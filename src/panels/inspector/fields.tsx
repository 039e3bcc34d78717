// Form fields that validate as you type: the text stays as typed, with the loader's message under it,
// until it is valid; only then does the document change.
import { type ReactNode, useEffect, useId, useState } from 'react'
import type { Design } from '../../model'
import { useStores } from '../../store/context'
import { type Path, setIn, tryCommit } from './commit'

export const INPUT = 'w-full rounded border border-slate-300 px-1.5 py-0.5 text-xs'

function Row({
  label,
  id,
  children,
  error,
}: {
  label: string
  id: string
  children: ReactNode
  error?: string | null
}) {
  return (
    <div className="py-0.5">
      <label htmlFor={id} className="block text-[11px] text-slate-500">
        {label}
      </label>
      {children}
      {error && (
        <p role="alert" className="mt-0.5 text-[11px] text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

/** Commits a value at a path of the design; returns the message to show, or null. */
export function useCommit() {
  const { design } = useStores()
  return (label: string, path: Path, value: unknown): string | null => {
    const errors = tryCommit(design, label, (d: Design) => setIn(d, path, value), path)
    return errors.length ? errors.map((e) => e.message).join(' ') : null
  }
}

export function TextField({
  label,
  path,
  value,
  optional,
  mono,
  parseValue,
}: {
  label: string
  path: Path
  value: string | number | undefined
  optional?: boolean
  mono?: boolean
  /** text → value; number fields pass Number, list fields split */
  parseValue?: (text: string) => unknown
}) {
  const id = useId()
  const commit = useCommit()
  const [text, setText] = useState(value === undefined ? '' : String(value))
  const [error, setError] = useState<string | null>(null)
  // an undo or another edit changes the value under the field
  useEffect(() => {
    setText(value === undefined ? '' : String(value))
    setError(null)
  }, [value])
  return (
    <Row label={label} id={id} error={error}>
      <input
        id={id}
        aria-label={label}
        aria-invalid={Boolean(error)}
        className={`${INPUT} ${mono ? 'font-mono' : ''} ${error ? 'border-red-500 bg-red-50' : ''}`}
        value={text}
        onChange={(e) => {
          const t = e.target.value
          setText(t)
          const v = optional && t.trim() === '' ? undefined : parseValue ? parseValue(t) : t
          setError(commit(`set ${label}`, path, v))
        }}
      />
    </Row>
  )
}

export function NumberField(props: { label: string; path: Path; value: number | undefined }) {
  return <TextField {...props} parseValue={(t) => (t.trim() === '' || Number.isNaN(Number(t)) ? t : Number(t))} />
}

/** Marks a select's action entries apart from its values (no id or value of the document starts with it). */
const ACTION_VALUE = '\u0000action:'

export function SelectField({
  label,
  path,
  value,
  options,
  actions = [],
}: {
  label: string
  path: Path
  value: string | undefined
  options: { value: string; label: string }[]
  /** entries after the values that do something instead of choosing one ("new route table…") */
  actions?: { label: string; run(): void }[]
}) {
  const id = useId()
  const commit = useCommit()
  const [error, setError] = useState<string | null>(null)
  return (
    <Row label={label} id={id} error={error}>
      <select
        id={id}
        aria-label={label}
        className={INPUT}
        value={value ?? ''}
        onChange={(e) => {
          const action = actions.find((a) => ACTION_VALUE + a.label === e.target.value)
          if (action) action.run()
          else setError(commit(`set ${label}`, path, e.target.value === '' ? undefined : e.target.value))
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {actions.map((a) => (
          <option key={a.label} value={ACTION_VALUE + a.label}>
            {a.label}
          </option>
        ))}
      </select>
    </Row>
  )
}

export function CheckField({
  label,
  path,
  value,
  mapTo,
}: {
  label: string
  path: Path
  value: boolean
  /** what the field stores for a tick: a list adds or removes an id, an optional object appears or goes */
  mapTo?: (checked: boolean) => unknown
}) {
  const commit = useCommit()
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="py-0.5">
      <label className="flex items-center gap-1.5 text-xs text-slate-700">
        <input
          type="checkbox"
          checked={value}
          onChange={(e) => setError(commit(`set ${label}`, path, mapTo ? mapTo(e.target.checked) : e.target.checked))}
        />
        {label}
      </label>
      {error && (
        <p role="alert" className="text-[11px] text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

export function ReadOnly({ label, value, why }: { label: string; value: ReactNode; why?: string }) {
  return (
    <div className="py-0.5" title={why}>
      <div className="text-[11px] text-slate-500">{label}</div>
      <div className="text-xs text-slate-800">{value}</div>
    </div>
  )
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mt-2 border-t border-slate-100 pt-1">
      <legend className="pr-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">{title}</legend>
      {children}
    </fieldset>
  )
}

export const csv = (t: string) =>
  t
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
