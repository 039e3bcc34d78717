// Download an activity or a lesson as an LMS package (SCORM 1.2 or cmi5), packed by the app from its own built files.
import { useState } from 'react'
import type { PackageContent } from '../../activities/lms/package'
import type { LmsKind } from '../../activities/lms/types'
import { download } from '../share/download'

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-40'

export type PackageSource = { ok: true; content: PackageContent } | { ok: false; message: string }

export function PackageButtons({ source }: { source: () => PackageSource }) {
  const [busy, setBusy] = useState<LmsKind | null>(null)
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null)
  const pack = async (kind: LmsKind) => {
    const s = source()
    if (!s.ok) return setMessage({ tone: 'error', text: s.message })
    setBusy(kind)
    setMessage(null)
    try {
      // fflate and the packer load only when a package is asked for
      const { packForLms } = await import('../../activities/lms/fromApp')
      const packed = await packForLms(kind, s.content)
      if (!packed.ok) return setMessage({ tone: 'error', text: packed.message })
      // a copy on a plain ArrayBuffer: Blob takes no view of a SharedArrayBuffer
      download(packed.name, 'application/zip', new Uint8Array(packed.zip))
      setMessage({ tone: 'info', text: `Downloaded ${packed.name}: upload it to your LMS as a course package.` })
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-slate-600">For an LMS:</span>
        <button
          type="button"
          className={BUTTON}
          disabled={busy !== null}
          data-testid="package-scorm12"
          onClick={() => void pack('scorm12')}
        >
          {busy === 'scorm12' ? 'Packing…' : 'SCORM 1.2 package'}
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={busy !== null}
          data-testid="package-cmi5"
          onClick={() => void pack('cmi5')}
        >
          {busy === 'cmi5' ? 'Packing…' : 'cmi5 package'}
        </button>
      </div>
      {message && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={message.tone === 'error' ? 'text-red-900' : 'text-slate-600'}
        >
          {message.text}
        </p>
      )}
    </div>
  )
}
