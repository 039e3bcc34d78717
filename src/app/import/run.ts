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
import { openInPlace, refusesInPlace } from '../../store/inPlace'
import { importInWorker } from './client'
import { gather } from './gather'
import { describe, errorLines, summary } from './messages'
import { nextTask } from './transfer'

function refuse(stores: Stores, lines: string[]): false {
  stores.ui.getState().notify({ tone: 'error', lines: [...lines, 'Nothing was imported; the design is unchanged.'] })
  return false
}

/** What a refusal calls an import's design before it opens. */
const IMPORTED = 'The imported design'

/**
 * Puts an imported design on the canvas as one undoable edit, with `lines` first in the notice; the one it
 * replaces stays in Designs…. False when it may not open now (a lesson holds the design: the notice says why).
 */
async function open(stores: Stores, design: Design, label: string, lines: string[]): Promise<boolean> {
  // drawn now, in a task of its own: toDrawing keeps the drawing, so the task that hands the design to the canvas
  // does not draw it too
  toDrawing(design)
  await nextTask()
  // the bench's mark (npm run bench -- import-browser): from here on the page's work is the canvas's (and the
  // keeping of the design it replaces)
  performance.mark('gwlb-import:open')
  if (!(await openInPlace(stores, { label, design, what: IMPORTED, lines }))) return false
  // an import is the user's own design, even when a shared one was on screen before
  leaveSharedLink(stores)
  stores.ui.getState().select(null)
  lessonRunnerFor(stores).getState().showTab('details')
  return true
}

export async function runImport(stores: Stores, inputs: ImportInput[], choices: ImportChoices = {}): Promise<boolean> {
  const { imports } = stores
  // refused before the work while a lesson holds the design; openInPlace asks again when it opens
  if (refusesInPlace(stores, IMPORTED)) return false
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
    const lines = [summary(answer.report, design), 'The import report is in the side panel.', ...(note ? [note] : [])]
    if (!(await open(stores, design, `import “${what}”`, lines))) return false
    imports.getState().setLast({
      report: answer.report,
      after: design,
      before,
      showing: 'after',
      opened: stores.design.getState().opened,
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
  const label = side === 'before' ? 'open the state before the plan' : 'open the design after the plan'
  if (!(await open(stores, target, label, [`Opened "${target.name}".`]))) return
  stores.imports.getState().setLast({ ...last, showing: side, opened: stores.design.getState().opened })
}
