// The engine worker's event loop, in a Node worker thread, for the verify bench: the difference between two designs
// as the worker runs it (diffOn: in slices), and traces asked meanwhile, answered as the worker answers the page's.
// A timer ticking as often as it may measures how long the loop is held between two of its turns: the longest
// slice. comlink itself is left out: its cost is a message each way, busy or not.
import { parentPort } from 'node:worker_threads'
import type { PacketSpec } from '../../worker/engine'
import { diffOn } from '../../worker/proof'
import { traceOn } from '../../worker/traceReport'

export type DiffRequest =
  | { kind: 'diff'; before: unknown; after: unknown }
  | { kind: 'trace'; id: number; document: unknown; packet: PacketSpec }
  | { kind: 'stop' }

export type DiffReply =
  | { kind: 'diffed'; ok: boolean; wallMs: number; longestMs: number; progressReports: number }
  | { kind: 'traced'; id: number; ok: boolean }

const port = parentPort
if (!port) throw new Error('diffWorker runs as a worker thread')

/** The ticker's last turn, and the longest hold of the loop between two turns so far (a trace's own time left out). */
const hold = { last: 0, longestMs: 0 }
function tick(): void {
  const now = performance.now()
  hold.longestMs = Math.max(hold.longestMs, now - hold.last)
  hold.last = now
}

/** Runs a comparison while a timer notes the longest time between two turns of the loop. */
async function diffed(before: unknown, after: unknown): Promise<DiffReply> {
  hold.last = performance.now()
  hold.longestMs = 0
  const ticker = setInterval(tick, 0)
  const t0 = performance.now()
  let progressReports = 0
  const r = await diffOn(before, after, () => progressReports++)
  const wallMs = performance.now() - t0
  clearInterval(ticker)
  tick()
  return { kind: 'diffed', ok: r.ok, wallMs, longestMs: hold.longestMs, progressReports }
}

port.on('message', (m: DiffRequest) => {
  switch (m.kind) {
    case 'diff':
      void diffed(m.before, m.after).then((r) => port.postMessage(r satisfies DiffReply))
      return
    case 'trace': {
      // the hold up to the trace is the comparison's; the trace's own time is not
      tick()
      const ok = traceOn(m.document, m.packet).ok
      hold.last = performance.now()
      port.postMessage({ kind: 'traced', id: m.id, ok } satisfies DiffReply)
      return
    }
    case 'stop':
      port.close()
  }
})
