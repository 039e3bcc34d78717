// Hands a file to the browser's downloads: a blob: URL (allowed by the CSP), clicked, then released.
import type { Design } from '../../model'
import { designFileName } from '../../share/designFileWrite'

export function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  // the click starts the download asynchronously; revoking at once can cancel it in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** The design file's name with another ending: "two-zones.png" beside "two-zones.gwlb.json". */
export function fileNameFor(design: Design, ending: string): string {
  return designFileName(design).replace(/\.gwlb\.json$/, ending)
}
