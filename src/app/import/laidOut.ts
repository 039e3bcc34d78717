// The import's layout, done in the import worker: ELK (in its own worker, started from this one) places the
// imported design as Auto-layout does. Done here rather than on the page so that the page never maps 2,000
// resources to ELK's graph, nor posts them to ELK and back: it receives the design once, laid out.
import { layoutInWorker } from '../../layout/client'
import type { Design } from '../../model'
import type { ImportOutcome } from './importFiles'

/** The design with ELK's layout, or as the importer placed it when ELK fails (the note says so). */
async function layOut(design: Design): Promise<{ design: Design; note?: string }> {
  try {
    return { design: { ...design, layout: await layoutInWorker(design) } }
  } catch (e) {
    return {
      design,
      note: `Auto-layout failed (${e instanceof Error ? e.message : String(e)}); the design keeps a simple layout.`,
    }
  }
}

/** An import's outcome laid out; layoutNote says when ELK failed. */
export type LaidOutOutcome = ImportOutcome & { layoutNote?: string }

/** An import's outcome with both sides of a plan laid out, so switching between them later is instant. */
export async function laidOut(outcome: ImportOutcome): Promise<LaidOutOutcome> {
  if (!outcome.ok) return outcome
  const [after, before] = await Promise.all([
    layOut(outcome.design),
    outcome.before ? layOut(outcome.before) : undefined,
  ])
  return { ...outcome, design: after.design, before: before?.design, layoutNote: after.note }
}
