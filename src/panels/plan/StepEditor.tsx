// Edits one step of a change plan: its API and its parameters, in the API's own words. A value that stands for an
// earlier call's output (the guide's sequence) shows the design id it stands for; typing replaces it with text.
import { useState } from 'react'
import type { PlanStep } from '../../model'
import { FIELD } from '../verify/look'
import { STEP_API_NAMES, STEP_PARAMETERS, valueText } from './planModel'

export function StepEditor({ step, onChange }: { step: PlanStep; onChange: (s: PlanStep) => void }) {
  const [newKey, setNewKey] = useState('')
  const setParam = (key: string, value: string) =>
    onChange({ ...step, parameters: { ...step.parameters, [key]: value } })
  const changeApi = (api: string) => {
    // keep what was typed where the new API takes the same parameter
    const kept = Object.fromEntries(
      (STEP_PARAMETERS[api] ?? []).map((k) => [k, step.parameters[k] ?? '']),
    ) as PlanStep['parameters']
    onChange({ api, parameters: kept })
  }
  return (
    <div className="mt-1 flex flex-col gap-1 border-l-2 border-sky-300 pl-2" data-testid="step-editor">
      <label className="grid grid-cols-[7.5rem_1fr] items-center gap-1">
        <span className="text-slate-700">API</span>
        <select className={FIELD} value={step.api} onChange={(e) => changeApi(e.target.value)} aria-label="API">
          {!STEP_API_NAMES.includes(step.api) && <option value={step.api}>{step.api}</option>}
          {STEP_API_NAMES.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {Object.entries(step.parameters).map(([key, value]) => (
        <label key={key} className="grid grid-cols-[7.5rem_1fr_auto] items-center gap-1">
          <span className="truncate font-mono text-[11px] text-slate-700" title={key}>
            {key}
          </span>
          <input
            className={`${FIELD} font-mono`}
            aria-label={key}
            spellCheck={false}
            value={valueText(value)}
            onChange={(e) => setParam(key, e.target.value)}
          />
          <button
            type="button"
            className="px-1 text-red-800"
            aria-label={`Remove parameter ${key}`}
            onClick={() => {
              const { [key]: _gone, ...rest } = step.parameters
              onChange({ ...step, parameters: rest })
            }}
          >
            ✕
          </button>
        </label>
      ))}
      <form
        className="flex gap-1"
        onSubmit={(e) => {
          e.preventDefault()
          const k = newKey.trim()
          if (k && !(k in step.parameters)) setParam(k, '')
          setNewKey('')
        }}
      >
        <input
          className={`${FIELD} font-mono`}
          placeholder="another parameter, e.g. NextHopId"
          aria-label="New parameter name"
          value={newKey}
          onChange={(e) => setNewKey(e.target.value)}
        />
        <button type="submit" className="rounded border border-slate-300 px-2 text-xs">
          Add
        </button>
      </form>
      {step.creates && (
        <p className="text-slate-500">
          Creates {step.creates.designId} (its {step.creates.output})
        </p>
      )}
    </div>
  )
}
