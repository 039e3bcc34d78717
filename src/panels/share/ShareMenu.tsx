// Files in and out: save the design as JSON, open a design file. Everything read goes through parse().
import { useRef } from 'react'
import { readDesignFile, writeDesignFile, designFileName } from '../../share/designFile'
import { useStores } from '../../store/context'

function download(name: string, type: string, data: BlobPart) {
  const url = URL.createObjectURL(new Blob([data], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function ShareMenu() {
  const { design, ui } = useStores()
  const input = useRef<HTMLInputElement>(null)
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50"
        onClick={() => input.current?.click()}
      >
        Open file…
      </button>
      <input
        ref={input}
        data-testid="open-file-input"
        type="file"
        accept=".json,application/json,.png,image/png"
        className="hidden"
        onChange={async (e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (!file) return
          const loaded = readDesignFile(new Uint8Array(await file.arrayBuffer()))
          if (loaded.ok) design.getState().replace(loaded.design)
          ui.getState().notify({ tone: loaded.ok ? 'info' : 'error', lines: loaded.messages })
        }}
      />
      <button
        type="button"
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50"
        onClick={() => {
          const d = design.getState().design
          download(designFileName(d), 'application/json', writeDesignFile(d))
        }}
      >
        Save file
      </button>
    </div>
  )
}
