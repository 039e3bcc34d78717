// "Verify": every intent checked over every flow class of the design, in the engine worker — the built-in
// intents from Alibaba Cloud's GWLB guide and the user's intents file. Each holds, or is violated with a
// counterexample: a concrete packet that one click opens in the Walk tab and plays on the canvas.
import { useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { IntentError, IntentResult } from '../../../worker/verify'
import { useDesign, useStores } from '../../store/context'
import { intentsFor } from './intentsStore'
import { BUTTON, FIELD, HOLDS, VIOLATED } from './look'
import { shown, useCheck } from './useCheck'
import { walkPacket } from './walkRequest'
import { packetText } from './words'

export function VerifyPanel({ active }: { active: boolean }) {
  const stores = useStores()
  const design = useDesign((s) => s.design)
  const intents = useStore(intentsFor(stores))
  const checked = useCheck(active, [design, intents.text], () => stores.engine.verify(design, intents.text))
  const answer = shown(checked)
  return (
    <section aria-label="Verify" data-testid="verify-panel" className="flex flex-col gap-2 p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-900">Verify: every packet, every intent</h2>
      <p className="text-slate-600">
        The intents are checked over every flow class of the design, with every appliance the GWLB could pick.
      </p>
      <IntentsFile />
      <p role="status" className="text-slate-600" data-testid="verify-status" data-status={checked.status}>
        {checked.status === 'running'
          ? 'Checking…'
          : checked.status === 'failed'
            ? `The check failed: ${checked.message}`
            : answer?.ok
              ? `${answer.classCount.toLocaleString('en-US')} flow classes checked`
              : ''}
      </p>
      {answer && !answer.ok && 'message' in answer && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
          {answer.message}
        </p>
      )}
      {answer && !answer.ok && 'intentErrors' in answer && <IntentErrors errors={answer.intentErrors} />}
      {answer?.ok && (
        <ul className="flex flex-col gap-2" aria-label="Intents">
          {answer.results.map((r) => (
            <IntentRow key={`${r.builtIn}-${r.intent.id}`} result={r} />
          ))}
        </ul>
      )}
    </section>
  )
}

function IntentRow({ result }: { result: IntentResult }) {
  const stores = useStores()
  const { intent } = result
  return (
    <li className="rounded border border-slate-200 p-2" data-testid={`intent-${intent.id}`} data-status={result.status}>
      <div className="flex items-center gap-2">
        <span className={result.status === 'holds' ? HOLDS : VIOLATED}>
          {result.status === 'holds' ? 'holds' : 'violated'}
        </span>
        <span className="font-mono font-semibold text-slate-900">{intent.id}</span>
        {result.builtIn && <span className="text-slate-500">built in</span>}
      </div>
      {intent.description && <p className="mt-1 text-slate-700">{intent.description}</p>}
      <p className="mt-1 text-slate-500">
        {result.status === 'holds'
          ? result.classes === 0
            ? 'applies to no flow class of this design'
            : `${result.classes.toLocaleString('en-US')} flow classes, none violates it`
          : `${result.violating.toLocaleString('en-US')} of ${result.classes.toLocaleString('en-US')} flow classes violate it`}
      </p>
      {result.status === 'violated' && (
        <div className="mt-1 rounded bg-red-50 p-1.5 text-red-950" data-testid="counterexample">
          <p>
            <span className="font-semibold">Counterexample:</span> {result.counterexample.reason}.
          </p>
          <p className="text-red-900">{result.counterexample.flowClass}</p>
          <p className="font-mono text-[11px]" data-testid="counterexample-packet">
            {packetText(result.counterexample.packet)}
            {result.counterexample.appliance ? ` via ${result.counterexample.appliance}` : ''}
          </p>
          <button
            type="button"
            className={`${BUTTON} mt-1`}
            data-testid={`play-${intent.id}`}
            onClick={() =>
              walkPacket(
                stores,
                result.counterexample.packet,
                result.counterexample.picks,
                `Counterexample of ${intent.id}`,
              )
            }
          >
            Play in the Walk tab
          </button>
        </div>
      )}
    </li>
  )
}

function IntentErrors({ errors }: { errors: IntentError[] }) {
  return (
    <div role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900" data-testid="intent-errors">
      <p className="font-semibold">The intents file was not checked: nothing ran.</p>
      <ul className="list-disc pl-4">
        {errors.map((e) => (
          <li key={`${e.path}-${e.message}`}>
            {e.intentId ? `Intent "${e.intentId}"` : 'The file'}
            {e.path ? ` at ${e.path}` : ''}: {e.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The user's intents: a file to open, or text to type; both kept for this session only. */
function IntentsFile() {
  const stores = useStores()
  const { text, source, setIntents } = useStore(intentsFor(stores))
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const open = async (file: File) => setIntents(await file.text(), file.name)
  return (
    <div className="flex flex-col gap-1 rounded bg-slate-50 p-1.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="text-slate-700" data-testid="intents-source">
          {text === null ? 'Built-in intents only' : `Built-in intents and ${source ?? 'yours'}`}
        </span>
        <button type="button" className={BUTTON} onClick={() => input.current?.click()}>
          Open intents file…
        </button>
        <button
          type="button"
          className={BUTTON}
          data-testid="intents-edit"
          onClick={() => {
            setDraft(text ?? EXAMPLE_INTENTS)
            setEditing(!editing)
          }}
        >
          {editing ? 'Close' : 'Edit'}
        </button>
        {text !== null && (
          <button type="button" className={BUTTON} onClick={() => setIntents(null, null)}>
            Remove
          </button>
        )}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="hidden"
          aria-label="Intents file"
          onChange={(e) => {
            const f = e.target.files?.[0]
            if (f) void open(f)
            e.target.value = ''
          }}
        />
      </div>
      {editing && (
        <>
          <textarea
            className={`${FIELD} h-40 font-mono`}
            aria-label="Intents (JSON)"
            spellCheck={false}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button
            type="button"
            className={BUTTON}
            data-testid="intents-apply"
            onClick={() => setIntents(draft, 'typed intents')}
          >
            Check these intents
          </button>
        </>
      )}
    </div>
  )
}

/** What the editor starts from: the format, and one intent to copy (docs/verify.md describes every field). */
const EXAMPLE_INTENTS = `{
  "format": "gwlb-studio/intents",
  "version": 1,
  "intents": [
    {
      "id": "https-in",
      "from": "internet",
      "to": "servers",
      "toAddress": "eip",
      "protocol": "tcp",
      "ports": "443",
      "expect": { "reach": "delivered", "inspected": true, "symmetric": true }
    }
  ]
}
`
