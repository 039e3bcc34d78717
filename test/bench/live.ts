// Live sessions under load: 20 rooms at once, each a presenter and 50 followers, through one relay on this
// machine (its own process, as `npm run relay` runs it). Reports the p95 delay from a presenter's step (an
// awareness update, as the follow state travels) to a follower seeing it, and the relay's memory per room.
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { HocuspocusProvider } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { classCodeOf, newEditorKey, roomIdOf } from '../../src/live/roomKeys'
import { freePort } from '../e2e/relay.mjs'
import type { BenchRow } from './types'

const ROOMS = 20
const FOLLOWERS = 50
const STEPS = 20

/** The relay's resident memory, from /proc (Linux), in bytes. */
function rssOf(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1])
  return kb * 1024
}

async function startRelayProcess(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  // node itself runs the relay (tsx as a loader), so the pid measured is the relay's, not a launcher's
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (c) => {
      out += c
      const m = /listening on (ws:\/\/\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`relay exited (${code}): ${out}`)))
  })
  return { url, child }
}

function connect(url: string, name: string, token: string): Promise<HocuspocusProvider> {
  return new Promise((resolve, reject) => {
    const p: HocuspocusProvider = new HocuspocusProvider({
      url,
      name,
      token,
      document: new Y.Doc(),
      // Node 20 has no WebSocket of its own; the provider hands the url options to its socket
      ...({ WebSocketPolyfill: WebSocket } as object),
      onSynced: () => resolve(p),
      onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
    })
  })
}

interface Room {
  presenter: HocuspocusProvider
  followers: HocuspocusProvider[]
}

async function openRoom(url: string): Promise<Room> {
  const key = newEditorKey()
  const code = await classCodeOf(key)
  const room = await roomIdOf(code)
  const presenter = await connect(url, room, key)
  presenter.awareness?.setLocalState({ role: 'presenter', name: 'Trainer' })
  const followers = await Promise.all(Array.from({ length: FOLLOWERS }, () => connect(url, room, code)))
  return { presenter, followers }
}

/** One step in every room at once; resolves with each delivery's delay (ms) once every follower saw its step. */
function step(rooms: Room[], n: number): Promise<number[][]> {
  return Promise.all(
    rooms.map(
      (room) =>
        new Promise<number[]>((resolve) => {
          const delays: number[] = []
          const sentAt = performance.now()
          const id = room.presenter.awareness?.clientID
          for (const f of room.followers) {
            const aw = f.awareness
            if (!aw || id === undefined) continue
            const seen = () => {
              const s = aw.getStates().get(id) as { step?: number } | undefined
              if (s?.step !== n) return
              aw.off('change', seen)
              delays.push(performance.now() - sentAt)
              if (delays.length === room.followers.length) resolve(delays)
            }
            aw.on('change', seen)
          }
          room.presenter.awareness?.setLocalStateField('step', n)
        }),
    ),
  )
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function bench(): Promise<BenchRow[]> {
  const { url, child } = await startRelayProcess()
  const pid = child.pid ?? 0
  const rooms: Room[] = []
  try {
    const idle = rssOf(pid)
    for (let i = 0; i < ROOMS; i++) rooms.push(await openRoom(url))
    const loaded = rssOf(pid)
    // warm-up step, then the measured ones
    await step(rooms, 0)
    const perRoom: number[][] = rooms.map(() => [])
    for (let n = 1; n <= STEPS; n++) {
      const delays = await step(rooms, n)
      for (const [i, d] of delays.entries()) perRoom[i].push(...d)
    }
    const roomP95 = perRoom.map(p95)
    const all = perRoom.flat()
    return [
      {
        name: `step to follower, p95 (${ROOMS} rooms × ${FOLLOWERS} followers, localhost)`,
        value: p95(all),
        unit: 'ms',
        better: 'lower',
        target: 150,
        spread: { low: Math.min(...roomP95), high: Math.max(...roomP95), rounds: ROOMS },
      },
      { name: 'step to follower, median', value: median(all), unit: 'ms', better: 'lower' },
      {
        name: `relay memory per room (${FOLLOWERS + 1} people)`,
        value: (loaded - idle) / ROOMS / 1024,
        unit: 'KiB',
        better: 'lower',
      },
    ]
  } finally {
    for (const r of rooms) for (const p of [r.presenter, ...r.followers]) p.destroy()
    child.kill('SIGTERM')
  }
}
