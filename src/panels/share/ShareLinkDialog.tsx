// "Share link": the whole design (resources, layout, scenarios) in the URL fragment, which no server
// sees; an embed snippet for docs; or, when the design is too large for a link, the file instead.
import { useMemo, useState } from 'react'
import type { Design } from '../../model'
import { designFileName, writeDesignFile } from '../../share/designFile'
import { EMBED_VIEW, encodeShareLink, VIEW_PARAM } from '../../share/shareLink'
import { buttonClass, Dialog, primaryButtonClass } from './Dialog'
import { download } from './download'

/** The page a link opens: this one, without its query (an ?example= would be ignored anyway) or fragment. */
function pageUrl(): string {
  return window.location.origin + window.location.pathname
}

/** A value for a double-quoted HTML attribute in the snippet the user pastes into their page. */
function htmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
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

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
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

export function ShareLinkDialog({ design, onClose }: { design: Design; onClose(): void }) {
  const link = useMemo(() => encodeShareLink(design, { baseUrl: pageUrl() }), [design])
  return (
    <Dialog title="Share link" onClose={onClose}>
      {link.ok ? (
        <>
          <p>
            The link holds the whole design — resources, layout and scenarios — in its fragment (after #), which
            browsers never send to a server. Whoever opens it sees the design read-only and can make their own copy.
          </p>
          <CopyField label={`Link (${link.size} characters)`} value={link.url} testId="share-link" />
          <CopyField
            label="Embed in a page (canvas only, no editing)"
            value={`<iframe src="${link.url}&${VIEW_PARAM}=${EMBED_VIEW}" width="960" height="600" style="border:0" title="${htmlAttribute(design.name)}"></iframe>`}
            testId="share-embed"
          />
        </>
      ) : (
        <div role="alert" data-testid="share-too-large">
          <p className="font-semibold text-red-900">This design is too large for a link.</p>
          <p className="mt-1">
            Its link would be {link.size} characters long; links are kept to {link.limit} characters so that chat, mail
            and issue trackers do not cut them. Share the design file instead: it opens the same way (Open file…, or
            drop it on the app).
          </p>
          <div className="mt-3">
            <button
              type="button"
              className={primaryButtonClass}
              onClick={() => download(designFileName(design), 'application/json', writeDesignFile(design))}
            >
              Save the design file
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
