// A link or snippet in a read-only field with a Copy button, and the page such links open.
import { useState } from 'react'
import { buttonClass } from './Dialog'

/** The page a link opens: this one, without its query (an ?example= would be ignored anyway) or fragment. */
export function pageUrl(): string {
  return window.location.origin + window.location.pathname
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // no clipboard permission (an iframe, plain http): the field stays selected for Ctrl+C
    return false
  }
}

export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  return (
    <label className="mt-3 block">
      <span className="font-medium text-slate-800">{label}</span>
      <div className="mt-1 flex gap-2">
        <input
          readOnly
          data-testid={testId}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
        />
        <button
          type="button"
          className={buttonClass}
          onClick={async (e) => {
            const field = e.currentTarget.parentElement?.querySelector('input')
            field?.select()
            setCopied((await copyText(value)) ? 'yes' : 'no')
          }}
        >
          Copy
        </button>
      </div>
      {copied === 'yes' && <span className="text-xs text-emerald-700">Copied.</span>}
      {copied === 'no' && (
        <span className="text-xs text-amber-800">
          The browser did not allow copying: the text is selected, press Ctrl+C (⌘C).
        </span>
      )}
    </label>
  )
}
