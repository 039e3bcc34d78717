// One of the live bench's follower processes: connects its share of each room's followers to the relay, and for
// each step the presenters announce, reports how long after the presenter's step (the presenter's wall moment,
// carried in its awareness state) each of its followers saw it. Wall moments are ms since the epoch from
// performance.timeOrigin + performance.now(), which every process on this machine reads alike.
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { connect } from './liveClient'

export interface FollowersTask {
  url: string
  /** each room's id and class code */
  rooms: { room: string; code: string }[]
  /** followers of each room this process holds */
  perRoom: number
}

export type FollowersMessage =
  | { kind: 'ready' }
  | { kind: 'seen'; room: number; step: number; delays: number[] }
  | { kind: 'failed'; message: string }

const epochNow = () => performance.timeOrigin + performance.now()

/** A follower as the app has one: it says who it is, and notes each step of the presenter's it sees. */
async function follower(task: FollowersTask, index: number, saw: (room: number, step: number, delay: number) => void) {
  const room = task.rooms[index] as { room: string; code: string }
  const p = await connect(task.url, room.room, room.code)
  const aw = p.awareness
  if (!aw) throw new Error('no awareness')
  aw.setLocalState({ role: 'follower', name: 'Student', cursor: null, selection: [] })
  let last = -1
  aw.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    for (const id of [...added, ...updated]) {
      const s = aw.getStates().get(id) as { role?: string; step?: number; sentAt?: number } | undefined
      if (s?.role !== 'presenter' || typeof s.step !== 'number' || typeof s.sentAt !== 'number') continue
      // a pointer move says the same step again
      if (s.step <= last) continue
      last = s.step
      saw(index, s.step, epochNow() - s.sentAt)
    }
  })
  return p
}

async function main(task: FollowersTask) {
  const byStep = new Map<string, number[]>()
  const saw = (room: number, step: number, delay: number) => {
    const key = `${room}:${step}`
    const delays = byStep.get(key) ?? []
    delays.push(delay)
    byStep.set(key, delays)
    if (delays.length < task.perRoom) return
    byStep.delete(key)
    // a step seen after the bench stopped waiting (it counted it as late) has no one left to tell
    if (process.connected) process.send?.({ kind: 'seen', room, step, delays } satisfies FollowersMessage)
  }
  const providers: HocuspocusProvider[] = []
  for (const [i] of task.rooms.entries())
    providers.push(...(await Promise.all(Array.from({ length: task.perRoom }, () => follower(task, i, saw)))))
  process.send?.({ kind: 'ready' } satisfies FollowersMessage)
  process.once('disconnect', () => {
    for (const p of providers) p.destroy()
    process.exit(0)
  })
}

process.once('message', (task: FollowersTask) => {
  main(task).catch((e) => {
    process.send?.({ kind: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies FollowersMessage)
  })
})
