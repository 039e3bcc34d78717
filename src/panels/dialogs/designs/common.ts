// What the rows of Designs… share: how a date and a size are written, the small button, the download of a design's text.
import type { DesignLibrary } from '../../../store/library'
import { buttonClass } from '../../share/Dialog'
import { download } from '../../share/download'

export const when = (iso: string) => new Date(iso).toLocaleString()
export const size = (chars: number) => (chars < 1024 ? `${chars} B` : `${Math.round(chars / 1024)} KB`)
export const small = `${buttonClass} text-xs`

/** Downloads a kept design's text as it is stored, whether or not it opens. */
export async function downloadText(library: DesignLibrary, id: string): Promise<void> {
  const raw = await library.rawText(id)
  if (raw) download(raw.fileName, 'application/json', raw.text)
}
