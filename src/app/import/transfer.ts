// How an import crosses from its worker to the page without a long task on the page's thread. A design of
// 2,000 resources posted as objects is rebuilt by the page in one go when the message arrives (the structured
// clone), which alone can pass 50 ms on a busy machine; posted as JSON text, with every long list (resources,
// layout, the report's lines) in slices of 250 items, it crosses as strings (copied, not rebuilt) and the page
// parses one slice per task, yielding between them.
import type { LaidOutOutcome } from './laidOut'

/** Items per slice: a slice parses in a few milliseconds. */
const SLICE = 250

/** One long list taken out of the outcome: where it goes back (owner.key), as JSON slices. */
interface SlicedList {
  owner: 'design' | 'before' | 'report'
  key: string
  /** the list was a record (a layout): its entries were sliced */
  record: boolean
  slices: string[]
}

export interface PackedOutcome {
  packed: true
  /** the outcome without its long lists, as JSON */
  head: string
  lists: SlicedList[]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function slices(xs: readonly unknown[]): string[] {
  const out: string[] = []
  for (let i = 0; i < xs.length; i += SLICE) out.push(JSON.stringify(xs.slice(i, i + SLICE)))
  return out
}

/** In the worker: a successful outcome with its long lists as text slices; a failure (small) as it is. */
export function pack(outcome: LaidOutOutcome): PackedOutcome | LaidOutOutcome {
  if (!outcome.ok) return outcome
  const parts: Partial<Record<SlicedList['owner'], Record<string, unknown>>> = {
    design: { ...outcome.design },
    report: { ...outcome.report },
    ...(outcome.before ? { before: { ...outcome.before } } : {}),
  }
  const lists: SlicedList[] = []
  for (const [owner, part] of Object.entries(parts) as [SlicedList['owner'], Record<string, unknown>][])
    for (const [key, value] of Object.entries(part)) {
      const record = isRecord(value)
      const items = Array.isArray(value) ? value : record ? Object.entries(value) : []
      if (items.length <= SLICE) continue
      lists.push({ owner, key, record, slices: slices(items) })
      part[key] = record ? {} : []
    }
  return { packed: true, head: JSON.stringify({ ...outcome, ...parts }), lists }
}

/** Lets the page draw and handle input between slices. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** On the page: the outcome back, one slice per task. */
export async function unpack(answer: PackedOutcome | LaidOutOutcome): Promise<LaidOutOutcome> {
  if (!('packed' in answer)) return answer
  const outcome = JSON.parse(answer.head) as Record<SlicedList['owner'], Record<string, unknown>>
  for (const list of answer.lists) {
    const items: unknown[] = []
    for (const slice of list.slices) {
      await nextTask()
      items.push(...(JSON.parse(slice) as unknown[]))
    }
    outcome[list.owner][list.key] = list.record ? Object.fromEntries(items as [string, unknown][]) : items
  }
  return outcome as unknown as LaidOutOutcome
}
