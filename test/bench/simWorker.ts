// The engine worker's event loop, in a Node worker thread, for the sim bench: the playback that plays scenarios
// frame by frame (setInterval, a wall-time budget per frame) and the linter, answering the messages the page sends.
// Frames are posted to the parent, as the real worker posts them to the page (their copying included). comlink
// itself is left out: its cost is a message each way, the same whether the simulator is busy or not.
import { parentPort } from 'node:worker_threads'
import { createPlayback, type FrameBatch } from '../../worker/playback'
import { reportOn } from '../../worker/report'

export type Request =
  | { kind: 'load'; document: unknown; scenario: string; play: boolean }
  | { kind: 'lint'; id: number; document: unknown }
  | { kind: 'pause'; id: number }
  | { kind: 'play'; id: number }
  | { kind: 'stop' }

export type Reply = { kind: 'answer'; id: number; nowMs: number } | { kind: 'frame'; batch: FrameBatch }

const port = parentPort
if (!port) throw new Error('simWorker runs as a worker thread')
const playback = createPlayback()
let nowMs = 0
playback.subscribe((batch) => {
  nowMs = batch.nowMs
  port.postMessage({ kind: 'frame', batch } satisfies Reply)
})

function answer(id: number): void {
  port?.postMessage({ kind: 'answer', id, nowMs } satisfies Reply)
}

port.on('message', (m: Request) => {
  switch (m.kind) {
    case 'load': {
      const r = playback.load(m.document, m.scenario)
      if (!r.ok) throw new Error(r.message)
      if (m.play) {
        // as fast as it goes: the simulator falls behind and every frame spends its whole budget
        playback.setSpeed(100)
        playback.play()
      }
      answer(-1)
      return
    }
    case 'lint': {
      const report = reportOn(m.document)
      if (!report.loaded) throw new Error('the bench design does not load')
      answer(m.id)
      return
    }
    case 'pause':
      playback.pause()
      answer(m.id)
      return
    case 'play':
      playback.play()
      answer(m.id)
      return
    case 'stop':
      playback.dispose()
      port.close()
      return
  }
})
