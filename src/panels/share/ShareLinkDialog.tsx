// "Share link": the whole design (resources, layout, scenarios) in the URL fragment, which no server
// sees; an embed snippet for docs; or, when the design is too large for a link, the file instead.
import { useMemo } from 'react'
import type { Design } from '../../model'
import { designFileName, writeDesignFile } from '../../share/designFile'
import { EMBED_VIEW, encodeShareLink, VIEW_PARAM } from '../../share/shareLink'
import { CopyField, pageUrl } from './CopyField'
import { Dialog, primaryButtonClass } from './Dialog'
import { download } from './download'

/** A value for a double-quoted HTML attribute in the snippet the user pastes into their page. */
function htmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
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
