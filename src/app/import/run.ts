// One import, from what the user gave to the design on the canvas: gather the files, import them in the
// worker (which lays the result out with ELK, as Auto-layout does), and open it as one undoable edit, with the
// design it replaces kept in the browser's list of designs. The engine lints it as it lints any design;
// the report goes to the side panel. Bad input changes nothing: the notice names file, line and what was
// expected. Loaded when the first import starts.
import type { Design } from '../../model'
import { lessonRunnerFor } from '../../panels/lessons/useLessons'
import { leaveSharedLink } from '../../panels/share/sharedLink'
import { toDrawing } from '../../share/drawing/toDrawing'
import type { Stores } from '../../store/context'
import type { ImportChoices, ImportInput } from '../../store/importer'
import { keptNotice } from '../../store/library'
import { importInWorker } from './client'
import { gather } from './gather'
import { describe, errorLines, summary } from './messages'
import { nextTask } from './transfer'

function refuse(stores: Stores, lines: string[]): false {
  stores.ui.getState().notify({ tone: 'error', lines: [...lines, 'Nothing was imported; the design is unchanged.'] })
  return false
}

/** Puts an imported design on the canvas as one undoable edit; the one it replaces stays in Designs…. */
async function open(stores: Stores, design: Design, label: string) {
  // drawn now, in a task of its own: toDrawing keeps the drawing, so the task that hands the design to the canvas
  // does not draw it too
  toDrawing(design)
  await nextTask()
  const kept = keptNotice(await stores.library?.keepBeforeReplace())
  // the bench's mark (npm run bench -- import-browser): from here on the page's work is the canvas's
  performance.mark('gwlb-import:open')
  stores.design.getState().edit(label, () => design, { opens: true })
  // an import is the user's own design, even when a shared one was on screen before
  leaveSharedLink(stores)
  stores.ui.getState().select(null)
  lessonRunnerFor(stores).getState().showTab('details')
  return kept
}

export async function runImport(stores: Stores, inputs: ImportInput[], choices: ImportChoices = {}): Promise<boolean> {
  const { imports, ui } = stores
  if (lessonRunnerFor(stores).getState().lesson)
    return refuse(stores, ['Close the lesson first: it gives your design back when it closes.'])
  if (imports.getState().running) return refuse(stores, [`An import is running (${imports.getState().running}).`])
  // marks for the bench (npm run bench -- import-browser): the page's work from here to the design opened
  // (open()) is the import's own
  performance.mark('gwlb-import:start')
  imports.getState().setRunning('the files given')
  try {
    const gathered = await gather(inputs)
    if (!gathered.ok) return refuse(stores, gathered.lines)
    const what = describe(gathered.files.map((f) => f.path))
    imports.getState().setRunning(what)
    const answer = await importInWorker(gathered.files, choices)
    if ('stopped' in answer) return refuse(stores, [`Could not import ${what}: ${answer.stopped}.`])
    if (!answer.ok) return refuse(stores, [`Could not import ${what}.`, ...errorLines(answer.errors)])
    const { design, before, layoutNote: note } = answer
    const kept = await open(stores, design, `import “${what}”`)
    imports.getState().setLast({
      report: answer.report,
      after: design,
      before,
      showing: 'after',
      opened: stores.design.getState().opened,
    })
    ui.getState().notify({
      tone: 'info',
      lines: [
        summary(answer.report, design),
        'The import report is in the side panel; Undo puts the previous design back.',
        ...(note ? [note] : []),
        ...kept.lines,
      ],
      actions: kept.actions,
    })
    return true
  } finally {
    imports.getState().setRunning(null)
  }
}

/** After a plan: opens the state before it, or the design after it again (as imported: edits are in Designs…). */
export async function openPlanSide(stores: Stores, side: 'before' | 'after'): Promise<void> {
  const last = stores.imports.getState().last
  const target = last && (side === 'before' ? last.before : last.after)
  if (!last || !target) return
  const kept = await open(
    stores,
    target,
    side === 'before' ? 'open the state before the plan' : 'open the design after the plan',
  )
  stores.imports.getState().setLast({ ...last, showing: side, opened: stores.design.getState().opened })
  stores.ui
    .getState()
    .notify({ tone: 'info', lines: [`Opened "${target.name}".`, ...kept.lines], actions: kept.actions })
}
