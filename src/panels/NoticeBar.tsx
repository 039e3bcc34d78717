// The one place messages to the user appear: what was opened, repaired or refused, and why.
import { useStores, useUi } from '../store/context'

export function NoticeBar() {
  const notice = useUi((s) => s.notice)
  const { ui } = useStores()
  if (!notice) return null
  const [head, ...rest] = notice.lines
  return (
    <div
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      className={`flex items-start gap-3 border-b px-4 py-2 text-sm ${notice.tone === 'error' ? 'border-red-200 bg-red-50 text-red-900' : 'border-sky-200 bg-sky-50 text-sky-900'}`}
    >
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{head}</p>
        {rest.length > 0 && (
          <ul className="mt-1 max-h-32 overflow-y-auto font-mono text-xs">
            {rest.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat and never reorder, so position and text together are the identity
              <li key={`${i}:${line}`}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {notice.actions?.map((a) => (
        <button
          key={a.label}
          type="button"
          className="shrink-0 rounded border border-current/30 bg-white/70 px-2 py-0.5 font-medium hover:bg-white"
          onClick={() => {
            ui.getState().notify(null)
            a.run()
          }}
        >
          {a.label}
        </button>
      ))}
      <button
        type="button"
        aria-label="Dismiss"
        className="rounded px-1.5 hover:bg-white/60"
        onClick={() => ui.getState().notify(null)}
      >
        ✕
      </button>
    </div>
  )
}
