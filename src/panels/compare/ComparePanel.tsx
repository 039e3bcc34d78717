// "Compare": the design on the canvas against another — the design before this session's edits, before the last
// edit, a stored version, or a design file. The worker lists the resources added, removed and changed field by
// field, and the flow classes whose outcome changed; the canvas shows them (added green, changed orange, the
// changed flows' paths lit), and each changed class opens as a before/after walk side by side.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { DiffAnswer } from '../../../worker/proof'
import type { ChangedFlow, DiffProgress, FieldChange } from '../../../worker/verify'
import type { Design } from '../../model'
import { isolated } from '../../model/text'
import { useDesign, useStores } from '../../store/context'
import type { LibraryVersion } from '../../store/library'
import type { Highlight } from '../../store/uiStore'
import { BUTTON, FIELD } from '../verify/look'
import { type Checked, shown, useCheck } from '../verify/useCheck'
import { CompareWalk } from './CompareWalk'
import { compareMarks, valueText } from './compareModel'

/** What the canvas is compared with. */
type Against =
  | { kind: 'session' }
  | { kind: 'last-edit' }
  | { kind: 'version'; versionId: string }
  | { kind: 'file'; name: string; document: unknown }

/**
 * How many changed flow classes the list shows at first, and adds each time the user asks for more. The first 60
 * carry their first classes for the walk to pick from (worker/proof.ts WALKABLE); the rest walk their own.
 */
const LISTED = 60

export function ComparePanel({ active }: { active: boolean }) {
  const stores = useStores()
  const design = useDesign((s) => s.design)
  const past = useDesign((s) => s.past)
  const [against, setAgainst] = useState<Against>({ kind: 'session' })
  const versions = useVersions(active)
  const [versionDoc, setVersionDoc] = useState<{ id: string; document: unknown } | { id: string; error: string }>()
  useVersionText(against, setVersionDoc)

  const before: { document: unknown } | { none: string } = useMemo(() => {
    switch (against.kind) {
      case 'session':
        return past.length ? { document: past[0] } : { none: 'No edits yet in this session: nothing to compare.' }
      case 'last-edit':
        return past.length ? { document: past.at(-1) } : { none: 'No edit yet: nothing to compare.' }
      case 'file':
        return { document: against.document }
      case 'version':
        if (!versionDoc || versionDoc.id !== against.versionId) return { none: 'Reading the version…' }
        return 'error' in versionDoc ? { none: versionDoc.error } : { document: versionDoc.document }
    }
  }, [against, past, versionDoc])

  const [attempt, setAttempt] = useState(0)
  const { checked, progress } = useComparison(active, design, before, attempt)
  const answer = 'document' in before ? shown(checked) : null
  const [walking, setWalking] = useState<ChangedFlow | null>(null)
  usePaint(active && walking === null, answer, design)

  return (
    <section aria-label="Compare" data-testid="compare-panel" className="flex flex-col gap-2 p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-900">Compare two designs</h2>
      <AgainstPicker against={against} versions={versions} onPick={setAgainst} />
      {'none' in before && <p className="text-slate-600">{before.none}</p>}
      {'document' in before && (
        <CompareStatus
          checked={checked}
          progress={progress}
          onCancel={() => void stores.engine.diffCancel()}
          onAgain={() => setAttempt((n) => n + 1)}
        />
      )}
      {answer && !answer.ok && !('stopped' in answer) && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
          {answer.message}
        </p>
      )}
      {answer?.ok && <Differences answer={answer} onWalk={setWalking} />}
      {walking && 'document' in before && (
        <CompareWalk
          key={walking.flowClass}
          flow={walking}
          before={before.document}
          after={design}
          onClose={() => setWalking(null)}
        />
      )}
    </section>
  )
}

/**
 * The comparison of `before` with the design, asked of the worker while the tab is shown, and how far it has got.
 * Leaving the tab (or closing the panel) cancels one still running: nobody sees its answer, and it would keep the
 * worker busy for it. Coming back asks again, so the comparison starts over rather than showing a cancelled one.
 */
function useComparison(
  active: boolean,
  design: Design,
  before: { document: unknown } | { none: string },
  attempt: number,
) {
  const stores = useStores()
  const [progress, setProgress] = useState<DiffProgress | null>(null)
  const asked = useRef(0)
  const running = useRef(false)
  const checked = useCheck(
    active,
    [design, before, attempt],
    'document' in before
      ? () => {
          // progress of this question only: an older comparison's last report may still be on its way
          const n = ++asked.current
          setProgress(null)
          running.current = true
          return stores.engine
            .diff(before.document, design, (p) => asked.current === n && setProgress(p))
            .finally(() => {
              if (asked.current === n) running.current = false
            })
        }
      : null,
  )
  useEffect(() => {
    if (!active) return
    return () => {
      if (!running.current) return
      running.current = false
      void stores.engine.diffCancel()
    }
  }, [active, stores])
  return { checked, progress }
}

/**
 * Where the comparison stands: running, with how many classes the worker has walked of those it will walk and a
 * Cancel; failed; cancelled, with Compare again; or done, with the classes compared.
 */
function CompareStatus({
  checked,
  progress,
  onCancel,
  onAgain,
}: {
  checked: Checked<DiffAnswer>
  progress: DiffProgress | null
  onCancel: () => void
  onAgain: () => void
}) {
  const n = (x: number) => x.toLocaleString('en-US')
  const stopped = checked.status === 'done' && !checked.answer.ok && 'stopped' in checked.answer
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p
        role="status"
        className="text-slate-600"
        data-testid="compare-status"
        data-status={stopped ? 'cancelled' : checked.status}
      >
        {checked.status === 'running'
          ? progress
            ? `Comparing… ${n(progress.walked)} of ${n(progress.toWalk)} classes walked in each design`
            : 'Comparing…'
          : checked.status === 'failed'
            ? `The comparison failed: ${checked.message}`
            : stopped && !checked.answer.ok
              ? checked.answer.message
              : checked.status === 'done' && checked.answer.ok
                ? `${n(checked.answer.classCount)} flow classes of both designs compared`
                : ''}
      </p>
      {checked.status === 'running' && progress && (
        <progress className="h-1.5 w-24" value={progress.walked} max={progress.toWalk} aria-label="Classes walked" />
      )}
      {checked.status === 'running' && (
        <button type="button" className={BUTTON} onClick={onCancel} data-testid="compare-cancel">
          Cancel
        </button>
      )}
      {stopped && (
        <button type="button" className={BUTTON} onClick={onAgain} data-testid="compare-again">
          Compare again
        </button>
      )}
    </div>
  )
}

/** What the canvas is compared with: the session's start, the last edit, a stored version, or a design file. */
function AgainstPicker({
  against,
  versions,
  onPick,
}: {
  against: Against
  versions: LibraryVersion[]
  onPick: (against: Against) => void
}) {
  const [fileError, setFileError] = useState<string | null>(null)
  return (
    <>
      <label htmlFor="compare-against" className="text-slate-700">
        The design on the canvas against
      </label>
      <select
        id="compare-against"
        className={FIELD}
        value={against.kind === 'version' ? `version:${against.versionId}` : against.kind}
        onChange={(e) => {
          const v = e.target.value
          if (v === 'session' || v === 'last-edit') onPick({ kind: v })
          else if (v.startsWith('version:')) onPick({ kind: 'version', versionId: v.slice(8) })
        }}
      >
        <option value="session">the design before this session’s edits</option>
        <option value="last-edit">the design before the last edit</option>
        {versions.map((v) => (
          <option key={v.id} value={`version:${v.id}`}>
            stored version of {new Date(v.savedAt).toLocaleString()} ({v.reason})
          </option>
        ))}
        {against.kind === 'file' && <option value="file">the file {isolated(against.name)}</option>}
      </select>
      <FileButton
        onOpen={(name, text) => {
          try {
            onPick({ kind: 'file', name, document: JSON.parse(text) })
            setFileError(null)
          } catch (e) {
            setFileError(`${isolated(name)} is not JSON: ${(e as Error).message}`)
          }
        }}
      />
      {fileError && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-red-900">
          {fileError}
        </p>
      )}
    </>
  )
}

function Differences({
  answer,
  onWalk,
}: {
  answer: Extract<DiffAnswer, { ok: true }>
  onWalk: (flow: ChangedFlow) => void
}) {
  const { added, removed, changed } = answer.resources
  const same = !added.length && !removed.length && !changed.length
  // how many entries are listed, for this answer: a new answer starts again at the first 60
  const [listed, setListed] = useState({ of: answer, count: LISTED })
  const count = listed.of === answer ? listed.count : LISTED
  return (
    <>
      <h3 className="font-semibold text-slate-900">Resources</h3>
      {same && <p className="text-slate-600">No resource differs.</p>}
      <ul className="flex flex-col gap-1" aria-label="Resources that differ" data-testid="compare-resources">
        {added.map((r) => (
          <li key={`+${r.id}`} data-change="added" className="text-emerald-900">
            <span className="font-semibold">+ added</span> {r.kind} <span className="font-mono">{r.id}</span>
          </li>
        ))}
        {removed.map((r) => (
          <li key={`-${r.id}`} data-change="removed" className="text-red-900">
            <span className="font-semibold">− removed</span> {r.kind} <span className="font-mono">{r.id}</span>
          </li>
        ))}
        {changed.map((r) => (
          <li key={`~${r.id}`} data-change="changed" className="text-orange-950">
            <span className="font-semibold">~ changed</span> {r.kind} <span className="font-mono">{r.id}</span>
            <FieldChanges changes={r.changes} />
          </li>
        ))}
      </ul>
      <h3 className="font-semibold text-slate-900">Flow classes whose outcome changed</h3>
      <p className="text-slate-600" data-testid="compare-flow-count">
        {answer.flows.length === 0 ? 'None: every packet fares as before.' : changedCount(answer, count)}
      </p>
      <ul className="flex flex-col gap-1.5" aria-label="Changed flow classes">
        {answer.flows.slice(0, count).map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is an answer, replaced whole
          <li key={i} className="rounded border border-slate-200 p-1.5" data-testid="changed-flow">
            <p className="font-medium text-slate-900">
              <bdi>{f.flowClass}</bdi>
            </p>
            {f.classes > 1 && (
              <p className="text-slate-600" data-testid="changed-flow-alike">
                and {(f.classes - 1).toLocaleString('en-US')} more classes alike (twin VPCs, blocks no route tells
                apart)
              </p>
            )}
            <p className="text-slate-600">
              <span className="font-semibold">before:</span> {f.before}
            </p>
            <p className="text-slate-800">
              <span className="font-semibold">after:</span> {f.after}
            </p>
            <button type="button" className={`${BUTTON} mt-1`} onClick={() => onWalk(f)} data-testid="compare-walk">
              Walk before and after
            </button>
          </li>
        ))}
      </ul>
      {count < answer.flows.length && (
        <button
          type="button"
          className={BUTTON}
          data-testid="compare-more"
          onClick={() => setListed({ of: answer, count: count + LISTED })}
        >
          Show {Math.min(LISTED, answer.flows.length - count)} more of {answer.flows.length.toLocaleString('en-US')}
        </button>
      )}
    </>
  )
}

/** "151,055 of 42,045,172, in 4,570 entries (classes that changed alike share one); the first 60 are shown" */
function changedCount(answer: Extract<DiffAnswer, { ok: true }>, listed: number): string {
  const n = (x: number) => x.toLocaleString('en-US')
  const { changedClasses, classCount, flows } = answer
  const grouped =
    flows.length < changedClasses ? `, in ${n(flows.length)} entries (classes that changed alike share one)` : ''
  return `${n(changedClasses)} of ${n(classCount)}${grouped}${flows.length > listed ? `; the first ${n(listed)} are shown` : ''}`
}

function FieldChanges({ changes }: { changes: FieldChange[] }) {
  return (
    <ul className="ml-3 font-mono text-[11px] text-slate-700">
      {changes.map((c) => (
        <li key={c.path}>
          {/* each value isolated: a name in a right-to-left script cannot pull the arrow or the other value into it */}
          {c.path}: <bdi>{valueText(c.before)}</bdi> → <bdi>{valueText(c.after)}</bdi>
        </li>
      ))}
    </ul>
  )
}

function FileButton({ onOpen }: { onOpen: (name: string, text: string) => void }) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <div>
      <button type="button" className={BUTTON} onClick={() => input.current?.click()}>
        Compare with a design file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="hidden"
        aria-label="Design file to compare with"
        onChange={async (e) => {
          const f = e.target.files?.[0]
          e.target.value = ''
          if (f) onOpen(f.name, await f.text())
        }}
      />
    </div>
  )
}

/** The stored versions of the design being edited, where the app keeps designs in this browser. */
function useVersions(active: boolean): LibraryVersion[] {
  const { library } = useStores()
  const [versions, setVersions] = useState<LibraryVersion[]>([])
  useEffect(() => {
    if (!active || !library) return
    let live = true
    const read = async () => {
      const open = (await library.list()).find((e) => e.open)
      const list = open ? await library.versions(open.id) : []
      if (live) setVersions(list)
    }
    void read()
    const unsubscribe = library.subscribe(() => void read())
    return () => {
      live = false
      unsubscribe()
    }
  }, [active, library])
  return versions
}

/** Reads a chosen stored version's text. */
function useVersionText(
  against: Against,
  set: (v: { id: string; document: unknown } | { id: string; error: string }) => void,
) {
  const { library } = useStores()
  const versionId = against.kind === 'version' ? against.versionId : null
  useEffect(() => {
    if (!versionId || !library) return
    let live = true
    void (async () => {
      const open = (await library.list()).find((e) => e.open)
      const text = open ? await library.versionText(open.id, versionId) : undefined
      if (!live) return
      if (text === undefined) return set({ id: versionId, error: 'That version is no longer stored.' })
      try {
        set({ id: versionId, document: JSON.parse(text) })
      } catch (e) {
        set({ id: versionId, error: `That version is not JSON: ${(e as Error).message}` })
      }
    })()
    return () => {
      live = false
    }
  }, [versionId, library, set])
}

/** While the tab is shown, the canvas shows the difference; leaving the tab takes the marks off. */
function usePaint(on: boolean, answer: DiffAnswer | null, design: Design) {
  const { ui } = useStores()
  useEffect(() => {
    if (!on || !answer?.ok) return
    const highlight: Highlight = compareMarks(answer, design)
    ui.getState().setHighlight(highlight)
    return () => {
      if (ui.getState().highlight === highlight) ui.getState().setHighlight(null)
    }
  }, [on, answer, ui, design])
}
