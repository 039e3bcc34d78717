// "Link for students": the activity file in a link (the design links' encoding, under #a=), which opens the
// activity for whoever follows it, as opening the file does. The file carries the goals and the broken design,
// never the answer; each student's learner key still picks their own variant.
import { useState } from 'react'
import { encodeActivityLink, type ShareEncodeResult } from '../../share/shareLink'
import { CopyField, pageUrl } from '../share/CopyField'

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40'

export type LinkSource = { ok: true; raw: unknown } | { ok: false; message: string }

export function ActivityLink({ source }: { source: () => LinkSource }) {
  const [link, setLink] = useState<ShareEncodeResult | { ok: false; reason: 'invalid'; message: string } | null>(null)
  const make = () => {
    const s = source()
    setLink(
      s.ok ? encodeActivityLink(s.raw, { baseUrl: pageUrl() }) : { ok: false, reason: 'invalid', message: s.message },
    )
  }
  return (
    <div className="flex flex-col gap-1" data-testid="activity-link">
      <button type="button" className={`${BUTTON} self-start`} onClick={make} data-testid="activity-make-link">
        Link for students
      </button>
      {link?.ok && <CopyField label="Opens this activity" value={link.url} testId="activity-link-url" />}
      {link && !link.ok && (
        <p role="alert" className="text-red-900">
          {link.reason === 'too-large'
            ? `The link would be ${link.size.toLocaleString('en-US')} characters, more than the ${link.limit.toLocaleString('en-US')} that chat and e-mail keep: hand out the activity file instead.`
            : link.message}
        </p>
      )}
    </div>
  )
}
