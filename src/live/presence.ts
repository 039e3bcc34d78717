// What each person in a session tells the others through Yjs awareness (never through the document): who they
// are, where their pointer and selection are, and, for the presenter, what the class follows. Everything read
// from awareness comes from other people's browsers: it is checked here and shown as text only.
import type { Highlight } from '../store/uiStore'

export type SessionRole = 'presenter' | 'editor' | 'follower'

export interface Viewport {
  x: number
  y: number
  zoom: number
}

/**
 * The presenter's simulator: its scenario, and its clock as one sample — the simulated ms at a wall moment (`atMs`,
 * ms since the epoch), the speed, and where play pauses by itself. Followers work out the clock from it while it
 * plays; the presenter sends another only when its clock stops running as the last one says.
 */
export interface FollowSim {
  scenario: string
  playing: boolean
  speed: number
  nowMs: number
  atMs: number
  untilMs: number | null
}

/** What followers follow: the presenter's lesson and step, walk (the highlighted hop), simulator and view. */
export interface FollowState {
  lesson: { id: string; step: number; revealed: boolean } | null
  highlight: Highlight | null
  sim: FollowSim | null
  viewport: Viewport | null
}

/** A follower's answer to the quiz of a lesson step: the resource they chose. */
export interface QuizAnswer {
  lesson: string
  step: number
  id: string
}

export interface Presence {
  name: string
  color: string
  role: SessionRole
  /** the pointer, in the design's coordinates (so it lands on the same resource at any zoom) */
  cursor: { x: number; y: number } | null
  selection: string[]
  follow?: FollowState
  answer?: QuizAnswer | null
}

export interface Person extends Presence {
  clientId: number
}

/**
 * How often at most a pointer goes out (ms) in a room of `people`: each update is written to every other person's
 * connection, so 20 a second is fine among a few editors, but the presenter of a class of 50 would have the relay
 * write a thousand messages a second for that room alone — ahead of the steps the class is waiting for. The rate
 * falls as the room grows, keeping a room's pointer traffic near 200 writes a second.
 */
export function pointerEveryMs(people: number): number {
  return Math.max(50, people * 5)
}

const MAX_NAME = 40
const MAX_SELECTION = 200

/** A name as people see it: no control or bidirectional-override characters, trimmed, at most 40 characters. */
export function cleanName(text: unknown, fallback = 'Guest'): string {
  if (typeof text !== 'string') return fallback
  const clean = text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return [...clean].slice(0, MAX_NAME).join('') || fallback
}

export const COLORS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4d7c0f']

export function colorOf(clientId: number): string {
  return COLORS[clientId % COLORS.length]
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const ids = (v: unknown, max: number): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= 64).slice(0, max) : []

function readHighlight(v: unknown): Highlight | null {
  if (!isRecord(v) || !['path', 'drop', 'lesson'].includes(v.tone as string)) return null
  return {
    ids: ids(v.ids, MAX_SELECTION),
    focusId: typeof v.focusId === 'string' ? v.focusId : undefined,
    tone: v.tone as Highlight['tone'],
  }
}

function readSim(s: unknown): FollowSim | null {
  if (!isRecord(s) || typeof s.scenario !== 'string' || !finite(s.speed) || s.speed <= 0) return null
  if (!finite(s.nowMs) || !finite(s.atMs)) return null
  return {
    scenario: s.scenario,
    playing: s.playing === true,
    speed: s.speed,
    nowMs: Math.max(0, s.nowMs),
    atMs: s.atMs,
    untilMs: finite(s.untilMs) ? Math.max(0, s.untilMs) : null,
  }
}

function readFollow(v: unknown): FollowState | undefined {
  if (!isRecord(v)) return undefined
  const l = v.lesson
  const s = v.sim
  const vp = v.viewport
  return {
    lesson:
      isRecord(l) && typeof l.id === 'string' && finite(l.step)
        ? { id: l.id, step: Math.trunc(l.step), revealed: l.revealed === true }
        : null,
    highlight: readHighlight(v.highlight),
    sim: readSim(s),
    viewport:
      isRecord(vp) && finite(vp.x) && finite(vp.y) && finite(vp.zoom) && vp.zoom > 0
        ? { x: vp.x, y: vp.y, zoom: vp.zoom }
        : null,
  }
}

/** Another person's awareness state as we show it, or null when it is not one of ours. */
export function readPresence(clientId: number, state: unknown): Person | null {
  if (!isRecord(state) || !['presenter', 'editor', 'follower'].includes(state.role as string)) return null
  const c = state.cursor
  const a = state.answer
  return {
    clientId,
    name: cleanName(state.name),
    color: colorOf(clientId),
    role: state.role as SessionRole,
    cursor: isRecord(c) && finite(c.x) && finite(c.y) ? { x: c.x, y: c.y } : null,
    selection: ids(state.selection, MAX_SELECTION),
    follow: state.role === 'presenter' ? readFollow(state.follow) : undefined,
    answer:
      isRecord(a) && typeof a.lesson === 'string' && finite(a.step) && typeof a.id === 'string'
        ? { lesson: a.lesson, step: a.step, id: a.id }
        : null,
  }
}

/** The class's answers to the presenter's current quiz: each chosen resource, and who chose it. */
export function tallyOf(people: readonly Person[], lesson: string, step: number): { id: string; names: string[] }[] {
  const byId = new Map<string, string[]>()
  for (const p of people) {
    if (p.role !== 'follower' || !p.answer || p.answer.lesson !== lesson || p.answer.step !== step) continue
    byId.set(p.answer.id, [...(byId.get(p.answer.id) ?? []), p.name])
  }
  return [...byId].map(([id, names]) => ({ id, names })).sort((a, b) => b.names.length - a.names.length)
}
