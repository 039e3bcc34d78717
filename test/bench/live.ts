// Live sessions under load: 20 rooms at once, each a presenter and 50 followers, through one relay on this
// machine (its own process, as `npm run relay` runs it). The followers are spread over several processes of their
// own, so that what is measured is the relay, not one client process working through a thousand sockets in turn.
// Each presenter steps once a second at its own moment while its pointer moves, as a trainer's does; the delay from
// a step to a follower seeing it is taken on the machine's epoch clock (the step carries the moment it was taken).
// Reported: its p95 with the pointer at the rate the app sends it in a class (the baseline: at 20 a second, the rate
// it had before it fell with the room's size), the p95 when all 20 presenters step in the same millisecond, and the
// relay's memory per room. The target row's label says the machine's load average before and after the run
// (/proc/loadavg): the target is for this machine at rest, and a miss on a busy one reads as such.
import { type ChildProcess, fork, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { pointerEveryMs } from '../../src/live/presence'
import { classCodeOf, newEditorKey, roomIdOf } from '../../src/live/roomKeys'
import { freePort } from '../e2e/relay.mjs'
import { connect } from './liveClient'
import type { FollowersMessage, FollowersTask } from './liveFollowers'
import type { BenchRow } from './types'

/** LIVE_BENCH_ROOMS: fewer rooms, for a quick look at a loaded machine (the target is for 20) */
const ROOMS = Number(process.env.LIVE_BENCH_ROOMS) || 20
const FOLLOWERS = 50
/** steps each presenter takes, one a second at its own moment */
const STEPS = 10
const STEP_EVERY_MS = 1000
/** rounds of every presenter stepping at once */
const BURSTS = 10
/** a step not seen by then counts as this late */
const STEP_TIMEOUT_MS = 5000
/** processes the followers are spread over (each holds its share of every room) */
const PROCESSES = 4

const epochNow = () => performance.timeOrigin + performance.now()

/** The relay's resident memory, from /proc (Linux), in bytes. */
function rssOf(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1])
  return kb * 1024
}

/** The machine's load average over the last minute, from /proc (Linux). */
function loadNow(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
}

/** The relay's CPU time so far (user + system), in ms, from /proc (Linux). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) "
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

async function startRelayProcess(): Promise<{ url: string; child: ChildProcess }> {
  // LIVE_BENCH_PORT: a port of its own where several runs share a machine
  const port = Number(process.env.LIVE_BENCH_PORT) || (await freePort())
  // LIVE_BENCH_PROFILE=<dir>: the relay writes a CPU profile there when it stops
  const profile = process.env.LIVE_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LIVE_BENCH_PROFILE}`]
    : []
  // node itself runs the relay (tsx as a loader), so the pid measured is the relay's, not a launcher's
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'relay/main.ts', '--port', String(port)], {
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

/** A presenter per room, in this process: its step goes out with the wall moment it was taken. */
interface Room {
  room: string
  code: string
  presenter: HocuspocusProvider
}

async function openRoom(url: string): Promise<Room> {
  const key = newEditorKey()
  const code = await classCodeOf(key)
  const room = await roomIdOf(code)
  const presenter = await connect(url, room, key)
  presenter.awareness?.setLocalState({ role: 'presenter', name: 'Trainer' })
  return { room, code, presenter }
}

/** A follower process, resolved once its followers are all in their rooms. */
function startFollowers(
  task: FollowersTask,
  onSeen: (room: number, step: number, delays: number[]) => void,
): Promise<ChildProcess> {
  const child = fork(new URL('./liveFollowers.ts', import.meta.url).pathname, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise((resolve, reject) => {
    child.on('message', (m: FollowersMessage) => {
      if (m.kind === 'ready') resolve(child)
      else if (m.kind === 'seen') onSeen(m.room, m.step, m.delays)
      else reject(new Error(`a follower process failed: ${m.message}`))
    })
    child.once('exit', (code) => reject(new Error(`a follower process exited (${code})`)))
    child.send(task)
  })
}

/** Each process's share of a room's followers: as even as it divides. */
const shares = (n: number, parts: number) => Array.from({ length: parts }, (_, i) => Math.floor((n + i) / parts))

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function bench(): Promise<BenchRow[]> {
  const loadBefore = loadNow()
  const { url, child } = await startRelayProcess()
  const pid = child.pid ?? 0
  const rooms: Room[] = []
  const processes: ChildProcess[] = []
  /** per room and step: the delays reported so far, and what to call once every process reported */
  const seen = new Map<string, { delays: number[]; reports: number; done: (delays: number[]) => void }>()
  const onSeen = (room: number, step: number, delays: number[]) => {
    const s = seen.get(`${room}:${step}`)
    if (!s) return
    s.delays.push(...delays)
    if (++s.reports === processes.length) s.done(s.delays)
  }
  let step = 0
  /**
   * One step of a room's presenter; resolves with each follower's delay (ms) once all saw it. A step some have not
   * seen after STEP_TIMEOUT_MS counts as that late for them, so that a relay that falls behind for good (its queue
   * growing faster than it empties on a loaded machine) ends the run with a miss instead of never.
   */
  const stepIn = (i: number, n: number) =>
    new Promise<number[]>((resolve) => {
      const key = `${i}:${n}`
      const s = { delays: [] as number[], reports: 0, done: (d: number[]) => resolve(d) }
      const timer = setTimeout(() => {
        seen.delete(key)
        resolve([...s.delays, ...Array<number>(Math.max(0, FOLLOWERS - s.delays.length)).fill(STEP_TIMEOUT_MS)])
      }, STEP_TIMEOUT_MS)
      s.done = (d) => {
        clearTimeout(timer)
        seen.delete(key)
        resolve(d)
      }
      seen.set(key, s)
      const sentAt = epochNow()
      rooms[i]?.presenter.awareness?.setLocalState({ role: 'presenter', name: 'Trainer', step: n, sentAt })
    })
  /** Every presenter pointing at a new place every `everyMs`, until stopped. */
  const pointing = (everyMs: number) => {
    const timer = setInterval(() => {
      for (const r of rooms) r.presenter.awareness?.setLocalStateField('cursor', { x: Math.random(), y: Math.random() })
    }, everyMs)
    return () => clearInterval(timer)
  }
  /** Each presenter steps once a second, at its own moment in the second, while pointing: every delay. */
  const paced = async (pointerMs: number) => {
    const stop = pointing(pointerMs)
    const first = step + 1
    step += STEPS
    const delays = await Promise.all(
      rooms.map(async (_, i) => {
        await sleep((i * STEP_EVERY_MS) / ROOMS)
        const mine: number[] = []
        for (let n = first; n < first + STEPS; n++) {
          const [d] = await Promise.all([stepIn(i, n), sleep(STEP_EVERY_MS)])
          mine.push(...d)
        }
        return mine
      }),
    )
    stop()
    return delays
  }
  try {
    const idle = rssOf(pid)
    for (let i = 0; i < ROOMS; i++) rooms.push(await openRoom(url))
    const task = { url, rooms: rooms.map(({ room, code }) => ({ room, code })) }
    for (const perRoom of shares(FOLLOWERS, PROCESSES))
      processes.push(await startFollowers({ ...task, perRoom }, onSeen))
    const loaded = rssOf(pid)
    // a warm-up step once every follower is in: the relay has told everyone of everyone before anything is timed
    await Promise.all(rooms.map((_, i) => stepIn(i, 0)))
    const cpuBefore = cpuOf(pid)
    const classRate = await paced(pointerEveryMs(FOLLOWERS + 1))
    const cpuPerStep = (cpuOf(pid) - cpuBefore) / (ROOMS * STEPS)
    const bursts: number[] = []
    for (let b = 0; b < BURSTS; b++) {
      step++
      bursts.push(...(await Promise.all(rooms.map((_, i) => stepIn(i, step)))).flat())
    }
    // last: the pointer at the old rate may leave the relay a backlog
    const fastPointer = await paced(50)
    const roomP95 = classRate.map(p95)
    const load = `load ${loadBefore.toFixed(1)} before, ${loadNow().toFixed(1)} after`
    return [
      {
        name: `step to follower, p95 (${ROOMS} rooms × ${FOLLOWERS} followers, 1 step/s each, pointer every ${pointerEveryMs(FOLLOWERS + 1)} ms; ${load})`,
        value: p95(classRate.flat()),
        unit: 'ms',
        better: 'lower',
        target: 150,
        baseline: p95(fastPointer.flat()),
        spread: { low: Math.min(...roomP95), high: Math.max(...roomP95), rounds: ROOMS },
      },
      { name: 'step to follower, median', value: median(classRate.flat()), unit: 'ms', better: 'lower' },
      {
        name: `step to follower, p95, all ${ROOMS} presenters stepping in the same ms (no pointer)`,
        value: p95(bursts),
        unit: 'ms',
        better: 'lower',
      },
      { name: 'relay CPU per step (pointer and presence included)', value: cpuPerStep, unit: 'ms', better: 'lower' },
      {
        name: `relay memory per room (${FOLLOWERS + 1} people)`,
        value: (loaded - idle) / ROOMS / 1024,
        unit: 'KiB',
        better: 'lower',
      },
    ]
  } finally {
    for (const p of processes) p.disconnect()
    for (const r of rooms) r.presenter.destroy()
    // the next run may take the same port (LIVE_BENCH_PORT): it is free once the relay has exited
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
}
