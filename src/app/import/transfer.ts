// How an import crosses from its worker to the page without a long task on the page's thread. A design of
// 2,000 resources posted as objects is rebuilt by the page in one go when the message arrives (the structured
// clone), which alone can pass 50 ms on a busy machine; posted as JSON text in slices of resources, it crosses
// as strings (copied, not rebuilt) and the page parses one slice per task, yielding between them.
import type { Design } from '../../model'
import type { LaidOutOutcome } from './laidOut'

/** Resources (and report lines) per slice: a slice parses in a few milliseconds. */
const SLICE = 250

/** A list as JSON slices. */
type Sliced = string[]

interface PackedDesign {
  /** the design without its resources, as JSON */
  head: string
  resources: Sliced
}

export interface PackedOutcome {
  packed: true
  /** the outcome without its designs and the report's mapped list, as JSON */
  head: string
  design: PackedDesign
  mapped: Sliced
  before?: PackedDesign
}

function slices(xs: readonly unknown[]): Sliced {
  const out: string[] = []
  for (let i = 0; i < xs.length; i += SLICE) out.push(JSON.stringify(xs.slice(i, i + SLICE)))
  return out
}

const packDesign = (design: Design): PackedDesign => ({
  head: JSON.stringify({ ...design, resources: [] }),
  resources: slices(design.resources),
})

/** In the worker: a successful outcome as text slices; a failure (small) as it is. */
export function pack(outcome: LaidOutOutcome): PackedOutcome | LaidOutOutcome {
  if (!outcome.ok) return outcome
  const { design, before, report, ...rest } = outcome
  return {
    packed: true,
    head: JSON.stringify({ ...rest, report: { ...report, mapped: [] } }),
    design: packDesign(design),
    mapped: slices(report.mapped),
    before: before && packDesign(before),
  }
}

/** Lets the page draw and handle input between slices. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** The items of the slices, parsed one slice per task. */
async function unslice<T>(sliced: Sliced): Promise<T[]> {
  const items: T[] = []
  for (const slice of sliced) {
    await nextTask()
    items.push(...(JSON.parse(slice) as T[]))
  }
  return items
}

async function unpackDesign(packed: PackedDesign): Promise<Design> {
  const design = JSON.parse(packed.head) as Design
  return { ...design, resources: await unslice(packed.resources) }
}

/** On the page: the outcome back, one slice per task. */
export async function unpack(answer: PackedOutcome | LaidOutOutcome): Promise<LaidOutOutcome> {
  if (!('packed' in answer)) return answer
  const outcome = JSON.parse(answer.head) as Omit<LaidOutOutcome & { ok: true }, 'design' | 'before'>
  return {
    ...outcome,
    report: { ...outcome.report, mapped: await unslice(answer.mapped) },
    design: await unpackDesign(answer.design),
    before: answer.before && (await unpackDesign(answer.before)),
  }
}
