// The toolbar's Live menu: start a session (a class code and two links), join one with a code, and, once in,
// the links to hand out, who is in, and leaving.
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useLiveSession } from './context'
import type { Person } from './presence'
import type { LiveSession, LiveState } from './session'

const button = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50'
const primary = 'rounded bg-blue-700 px-2 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50'
const field = 'w-full rounded border border-slate-300 px-2 py-1 text-sm'

/**
 * `opened`: how many times the toolbar's stand-in was clicked before this menu loaded; a count above zero opens it
 * as it appears, and a later rise (a press that began on the stand-in and ended here) opens it again.
 */
export function LiveMenu({ opened = 0 }: { opened?: number }) {
  const live = useLiveSession()
  const [open, setOpen] = useState(opened > 0)
  useEffect(() => {
    if (opened > 0) setOpen(true)
  }, [opened])
  // Escape closes the menu wherever the focus is (it opens with the focus still on the page)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open])
  if (!live) return null
  return (
    <div className="relative">
      <LiveButton live={live} onClick={() => setOpen(!open)} />
      {open && (
        <div
          role="dialog"
          aria-label="Live session"
          className="absolute right-0 top-9 z-50 w-96 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-xl"
        >
          <Panel live={live} />
          <button type="button" className={`${button} mt-3`} onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  )
}

function LiveButton({ live, onClick }: { live: LiveSession; onClick(): void }) {
  const status = useStore(live.store, (s) => s.status)
  const on = status === 'live' || status === 'offline' || status === 'connecting'
  return (
    <button type="button" className={button} onClick={onClick} data-testid="live-menu" aria-expanded={undefined}>
      {on ? '● Live' : 'Live…'}
    </button>
  )
}

/** What the Live menu's form holds while it is open: kept across a refusal, so a mistyped code can be corrected. */
function useSessionForm(live: LiveSession) {
  const [name, setName] = useState(() => live.store.getState().name)
  const [relay, setRelay] = useState(() => live.store.getState().relayUrl)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const run = async (job: () => Promise<void>) => {
    setBusy(true)
    try {
      await job()
    } finally {
      setBusy(false)
    }
  }
  return { name, setName, relay, setRelay, code, setCode, busy, run }
}

type SessionForm = ReturnType<typeof useSessionForm>

function Panel({ live }: { live: LiveSession }) {
  const s = useStore(live.store)
  const form = useSessionForm(live)
  if (s.status === 'off' || s.status === 'refused') return <StartOrJoin live={live} message={s.message} form={form} />
  return <InSession live={live} s={s} form={form} />
}

function StartOrJoin({ live, message, form }: { live: LiveSession; message: string | null; form: SessionForm }) {
  const { name, relay, code, busy, run } = form
  return (
    <div className="space-y-3">
      {message && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-900" data-testid="live-message">
          {message}
        </p>
      )}
      <label className="block">
        Your name, as the others see it
        <input className={field} value={name} maxLength={40} onChange={(e) => form.setName(e.target.value)} />
      </label>
      <label className="block">
        Relay
        <input
          className={field}
          value={relay}
          onChange={(e) => form.setRelay(e.target.value)}
          data-testid="live-relay"
        />
      </label>
      <button
        type="button"
        className={primary}
        disabled={busy}
        onClick={() => run(() => live.start({ name, relayUrl: relay }))}
      >
        Start a live session
      </button>
      <p className="text-xs text-slate-600">
        Your design goes to the relay and to whoever you give the code or a link to. It is sent as it is; the relay’s
        operator can see it.
      </p>
      <form
        className="border-t border-slate-200 pt-3"
        onSubmit={(e) => {
          e.preventDefault()
          void run(() => live.join({ token: code, name, relayUrl: relay }))
        }}
      >
        <label className="block">
          Join with a code
          <input
            className={`${field} font-mono`}
            value={code}
            placeholder="XXXX-XXXX-XXXX-XXXX"
            onChange={(e) => form.setCode(e.target.value)}
          />
        </label>
        <button type="submit" className={`${button} mt-2`} disabled={busy || !code.trim()}>
          Join
        </button>
      </form>
    </div>
  )
}

function InSession({ live, s, form }: { live: LiveSession; s: LiveState; form: SessionForm }) {
  const links = live.links()
  return (
    <div className="space-y-3">
      <p>
        {s.role === 'follower'
          ? `You follow ${s.presenter?.name ?? 'the presenter'}, read-only.`
          : s.role === 'presenter'
            ? 'You are presenting.'
            : 'You are editing with the others.'}{' '}
        <span data-testid="live-count">{s.followers}</span> following.
      </p>
      {s.role !== 'follower' && (
        <>
          <div>
            <p className="font-medium">Class code</p>
            <p className="font-mono text-2xl tracking-wider" data-testid="live-menu-code">
              {live.groupedCode()}
            </p>
          </div>
          <LinkField label="Link for the class (follow, read-only)" value={links.follow} testId="live-follow-link" />
          <LinkField
            label="Link to edit together (anyone with it can change the design)"
            value={links.edit}
            testId="live-edit-link"
          />
        </>
      )}
      <People people={s.people} />
      <button type="button" className={button} onClick={() => form.run(() => live.leave())} disabled={form.busy}>
        {s.role === 'presenter' ? 'End the session here' : 'Leave the session'}
      </button>
      <p className="text-xs text-slate-600">
        {s.role === 'follower'
          ? 'Leaving gives you back the design you had before joining.'
          : 'Leaving keeps the design on screen; nothing you stored is overwritten.'}
      </p>
    </div>
  )
}

function People({ people }: { people: Person[] }) {
  if (people.length === 0) return null
  return (
    <ul className="max-h-32 overflow-y-auto text-slate-700">
      {people.map((p) => (
        <li key={p.clientId} className="flex items-center gap-2">
          <span className="inline-block h-2 w-2 rounded-full" style={{ background: p.color }} aria-hidden="true" />
          {p.name} <span className="text-slate-500">· {p.role}</span>
        </li>
      ))}
    </ul>
  )
}

function LinkField({ label, value, testId }: { label: string; value: string | null; testId: string }) {
  const [copied, setCopied] = useState(false)
  if (!value) return null
  return (
    <label className="block">
      {label}
      <span className="flex gap-1">
        <input className={`${field} font-mono text-xs`} readOnly value={value} data-testid={testId} />
        <button
          type="button"
          className={button}
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </span>
    </label>
  )
}
