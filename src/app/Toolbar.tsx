// The top bar: the design's name and region, examples, and the file and share menu.
import { useState } from 'react'
import { lessonRunnerFor, useLessonChrome } from '../panels/lessons/useLessons'
import { ShareMenu } from '../panels/share/ShareMenu'
import { useDesign, useStores } from '../store/context'
import { openInPlace } from '../store/inPlace'
import { EditMenu } from './EditMenu'
import { EXAMPLES, isExampleName } from './examples'
import { LiveEntry } from './LiveEntry'

export function Toolbar() {
  const name = useDesign((s) => s.design.name)
  const regionId = useDesign((s) => s.design.regionId)
  const stores = useStores()
  const { ui } = stores
  const { lessonOpen } = useLessonChrome(stores)
  return (
    // Wraps rather than overflows: where the controls and a readable name do not fit on one line (below about
    // 1400 px), the file, share and example controls move to a second line, so every control stays on screen
    <header
      className="flex min-h-12 shrink-0 flex-wrap items-center gap-x-2 gap-y-1.5 border-b border-slate-200 bg-white px-3 py-1.5"
      data-testid="toolbar"
    >
      {/* the product's name gives its room to the design's below 1536 px (the tab's title still says it) */}
      <span className="hidden whitespace-nowrap font-bold text-slate-900 2xl:inline">GWLB Studio</span>
      <span
        // at least 10rem of the name before anything wraps; the rest of it on hover
        className="min-w-40 flex-1 basis-40 truncate text-sm text-slate-700"
        data-testid="design-name"
        title={`${name} · ${regionId}`}
      >
        {/* isolated: a right-to-left name cannot pull the region after it into its own line of text */}
        <bdi>{name}</bdi> <span className="text-slate-400">· {regionId}</span>
      </span>
      <EditMenu />
      <div className="ml-auto flex flex-wrap items-center justify-end gap-1">
        {stores.library && (
          <button
            type="button"
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-50"
            // a lesson holds the user's design aside until it closes: another one opened meanwhile would be lost
            disabled={lessonOpen}
            title={
              lessonOpen
                ? 'Close the lesson first: it gives your design back when it closes'
                : 'The designs kept in this browser: open, rename, export, delete, earlier versions'
            }
            onClick={() => ui.getState().openDialog({ kind: 'designs' })}
          >
            Designs…
          </button>
        )}
        <button
          type="button"
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-50"
          onClick={() => lessonRunnerFor(stores).getState().showTab('lessons')}
          data-testid="open-lessons"
        >
          Lessons
        </button>
        <ExamplePicker lessonOpen={lessonOpen} />
        <LiveEntry />
        <ShareMenu />
      </div>
    </header>
  )
}

/** Examples…: opens one in place of the design on the canvas, undoably; the design on the canvas is kept in the browser. */
function ExamplePicker({ lessonOpen }: { lessonOpen: boolean }) {
  const stores = useStores()
  const { ui, engine } = stores
  const [busy, setBusy] = useState(false)
  return (
    <label className="flex items-center text-sm text-slate-600">
      <span className="sr-only">Open example</span>
      <select
        aria-label="Open example"
        // as wide as its prompt, not as its longest option: the design's name needs the room
        className="w-32 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        value=""
        // a lesson holds the user's design aside until it closes: an example opened meanwhile would be lost
        disabled={busy || lessonOpen}
        title={lessonOpen ? 'Close the lesson first: it gives your design back when it closes' : undefined}
        onChange={async (e) => {
          const example = e.target.value
          if (!isExampleName(example)) return
          setBusy(true)
          const r = await engine.example(example)
          setBusy(false)
          if (r.ok) {
            // undoable, like New, and the design on the canvas stays in the browser's list of designs
            await openInPlace(stores, {
              label: `open example “${EXAMPLES[example]}”`,
              design: r.design,
              what: `The example "${EXAMPLES[example]}"`,
              lines: [`Opened the example "${EXAMPLES[example]}".`],
            })
          } else {
            ui.getState().notify({
              tone: 'error',
              lines: [
                'Could not open the example.',
                typeof r.errors === 'string' ? r.errors : (r.errors[0]?.message ?? ''),
              ],
            })
          }
        }}
      >
        <option value="" disabled>
          Examples…
        </option>
        {Object.entries(EXAMPLES).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </select>
    </label>
  )
}
